// The small drafts several test files share (core, protocol, CLI and e2e tests check the same text
// at their own level). Plain strings and line arrays only: nothing here loads the catalog or the
// core, so the e2e harness can import it too.

/** Joins lines with LF (the drafts in tests read top to bottom like files). */
export const lines = (...l: string[]) => l.join('\n');

/** Front matter: the fences around `fields` (`key: value` lines). */
export const frontMatter = (...fields: string[]) => ['---', ...fields, '---'];

/** Front matter of a build spec for 外務省; `extra` lines go before the closing fence. */
export const buildSpecFrontMatter = (...extra: string[]) =>
  frontMatter('document: 調達仕様書', 'category: build', 'organization: 外務省', ...extra);

/** Front matter for 外務省 with both parties named, of `document` in the categories `categories` (comma-separated). */
export const partiesFrontMatter = (document: string, categories: string, ...extra: string[]) =>
  frontMatter(
    `document: ${document}`,
    `category: [${categories}]`,
    'organization: 外務省',
    'parties: { 甲: 外務省, 乙: 株式会社テスト }',
    ...extra,
  );

/** `frontMatter`, then the title 草案 and the heading `## 情報セキュリティ`, each followed by a blank line. */
export const securityDraftHead = (fm: string[]) => [...fm, '', '# 草案', '', '## 情報セキュリティ', ''];

/** Clause sections of a build spec as `### (n) title`, a blank line and wording the catalog recognises. */
export const SPEC_SECTIONS = {
  structure: [
    '### (1) 情報セキュリティを確保するための体制の整備',
    '',
    '受注者は、情報セキュリティを確保するための体制を整備すること。',
  ],
  confidentiality: ['### (2) 秘密保持', '', '受注者は、知り得た情報の秘密を保持すること。'],
  functions: ['### (3) セキュリティ機能の装備', '', '本システムに必要なセキュリティ機能を実装すること。'],
  vulnerability: ['### (4) 脆弱性対策', '', '脆弱性対策を実施すること。'],
  incident: [
    '### (5) 情報セキュリティが侵害された場合の対処',
    '',
    '情報セキュリティが侵害された場合は速やかに〔 省 〕に報告すること。',
  ],
  compliance: ['### (6) 履行状況の確認', '', '受注者は、情報セキュリティ対策の履行状況を毎月報告すること。'],
} as const;

/** `heading`, a blank line, then each named clause section followed by a blank line. */
export const securitySection = (heading: string, ...clauses: Array<keyof typeof SPEC_SECTIONS>) => [
  heading,
  '',
  ...clauses.flatMap((c) => [...SPEC_SECTIONS[c], '']),
];

/**
 * The build spec of the first-hour checks: title 件名, then `## 情報セキュリティ` with (1) 体制の整備 and
 * (2) 秘密保持. Each `filler` block stands, followed by a blank line, between the title and the section.
 */
export const firstHourSpec = (...filler: string[]) =>
  lines(
    ...buildSpecFrontMatter(),
    '',
    '# 件名',
    '',
    ...filler.flatMap((f) => [f, '']),
    ...securitySection('## 情報セキュリティ', 'structure', 'confidentiality'),
  );

/** The passport-system spec: title, `## 7 情報セキュリティ` with the named clauses, then `## 8 納品`. */
export const passportSpec = (frontMatter: string[], ...clauses: Array<keyof typeof SPEC_SECTIONS>) =>
  lines(
    ...frontMatter,
    '',
    '# 旅券発給管理システム構築 調達仕様書',
    '',
    ...securitySection('## 7 情報セキュリティ', ...clauses),
    '## 8 納品',
    '',
    '納品物は以下のとおり。',
    '',
  );

/** A contract using [甲]/[乙] with no parties in its front matter. */
export const CONTRACT_WITHOUT_PARTIES = lines(
  '---',
  'document: 契約書',
  'category: build',
  'organization: 外務省',
  '---',
  '',
  '# 特記事項',
  '',
  '第1条（秘密の保持）',
  '[乙]は、[甲]の情報を漏らしてはならない。',
  '',
);

/** Front matter and title of a storage-transport spec for 国立公文書館, then a blank line. */
export const STORAGE_SPEC_HEAD = [
  ...frontMatter('document: 調達仕様書', 'category: storage-transport', 'organization: 国立公文書館'),
  '',
  '# 文書保管業務',
  '',
];

/** The storage-transport confidentiality clause, worded as the catalog's model. */
export const STORAGE_CONFIDENTIALITY =
  '本調達において保存を委託する国立公文書館の情報について、その漏洩及び毀損を防止するための十分な安全管理を行うこと。';

/** A storage-transport spec with its confidentiality clause only (subcontracting missing). */
export const STORAGE_SPEC_CONFIDENTIALITY_ONLY = lines(...STORAGE_SPEC_HEAD, STORAGE_CONFIDENTIALITY, '');

/** A storage-transport spec with both its required clauses: no findings. */
export const STORAGE_SPEC_COMPLETE = lines(
  ...STORAGE_SPEC_HEAD,
  STORAGE_CONFIDENTIALITY,
  '',
  '本調達に係る業務は、その全部又は一部を他の事業者に再委託させてはならない。',
  '',
);

const STORAGE_CONTRACT_HEAD = [...frontMatter('document: 契約書', 'category: storage-transport'), ''];
const STORAGE_CONTRACT_SECRECY = '乙は、本業務に関して知り得た秘密を漏らしてはならない。';

/** A storage-transport contract with its secrecy clause only: one missing-clause warning. */
export const STORAGE_CONTRACT = lines(...STORAGE_CONTRACT_HEAD, STORAGE_CONTRACT_SECRECY, '');

/** STORAGE_CONTRACT with a placeholder left: two warnings (missing clause, unresolved placeholder). */
export const STORAGE_CONTRACT_WARNS = lines(
  ...STORAGE_CONTRACT_HEAD,
  STORAGE_CONTRACT_SECRECY,
  '報告書の提出先は〔 省 〕とする。',
  '',
);

/** Front matter naming the parties of a storage-transport contract, and its title, then a blank line. */
export const STORAGE_CONTRACT_WITH_PARTIES_HEAD = [
  ...frontMatter(
    'document: 契約書',
    'category: storage-transport',
    'parties: { 甲: 国立公文書館, 乙: 株式会社いろは }',
  ),
  '',
  '# 契約書',
  '',
];

/** The ten category ids of the requirement matrix (../shared/docs/domain.md), in its order. */
export const CATEGORY_IDS = [
  'build',
  'operation-onsite',
  'operation-remote',
  'operation-datacenter',
  'operation-asp',
  'operation-housing',
  'maintenance',
  'processing',
  'storage-transport',
  'cloud',
];
