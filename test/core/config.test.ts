import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { configForFile, parseProjectConfig, type ProjectConfig } from '../../server/src/core/config';
import { catalog } from '../support/catalog';

const parsed = (text: string): ProjectConfig => {
  const r = parseProjectConfig(text, 'en');
  assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
  return r.config;
};
const problems = (text: string, locale: 'ja' | 'en' = 'en') => {
  const r = parseProjectConfig(text, locale);
  assert.equal(r.ok, false);
  return r.ok ? [] : r.problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`);
};

test('.itaku.yaml: an empty file is an empty configuration; errors have positions', () => {
  assert.deepEqual(parsed(''), {});
  assert.deepEqual(parsed('# only a comment\n'), {});
  assert.deepEqual(problems('catalog: 3\nignores: x\ndefaults:\n  organisation: 外務省\n'), [
    '1:10 catalog: must be a string.',
    '2:10 ignores: must be a list.',
    '4:3 defaults: unknown key "organisation".',
  ]);
  assert.deepEqual(problems('overrides:\n  - severity: { numbering: off }\n'), [
    '2:5 overrides.0: missing required key "files".',
  ]);
  assert.deepEqual(problems('severity:\n  numbring: off\n', 'ja'), [
    '2:3 不明な指摘コード「numbring」です（「numbering」のことですか？）。',
  ]);
  assert.deepEqual(problems('catalog: [unclosed\n').length, 1);
});

/** Nine levels of nine aliases each: 9^9 nodes if expanded (a "billion laughs"). */
const ALIAS_BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...Array.from({ length: 8 }, (_, i) => {
    const [prev, name] = [String.fromCharCode(97 + i), String.fromCharCode(98 + i)];
    return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`;
  }),
  'defaults: { organization: *i }',
  '',
].join('\n');

test('.itaku.yaml: an alias bomb is refused with a sentence in the configured language, not expanded', () => {
  assert.deepEqual(problems(ALIAS_BOMB, 'ja'), [
    '1:1 YAML のエイリアス（*名前）の展開が多すぎます（100 個まで）。値はエイリアスを使わずに書いてください。',
  ]);
  assert.deepEqual(problems(ALIAS_BOMB, 'en'), [
    '1:1 The YAML aliases (*name) expand too far (at most 100 nodes); write the values out without aliases.',
  ]);
});

test('.itaku.yaml nested thousands of levels deep: the sentence names the configuration file, not a catalog', () => {
  // Where the parser gives up depends on the stack: the messages are checked, not the positions.
  const sentences = {
    ja: '設定ファイルの入れ子が深すぎて読めません（リストやマッピングの入れ子を浅くしてください）。',
    en: 'The configuration file is nested too deeply to be read (flatten its nested lists and mappings).',
  };
  for (const text of [
    `defaults: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
    `defaults:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 2)}k:`).join('\n')} 1\n`,
  ])
    for (const locale of ['ja', 'en'] as const) {
      const r = parseProjectConfig(text, locale);
      assert.deepEqual(r.ok ? [] : [...new Set(r.problems.map((p) => p.message))], [sentences[locale]]);
    }
});

test('.itaku.yaml: more than 1,000 overrides (or 100 severity codes, 100 parties) is one problem, said once', () => {
  const overrides = (n: number, entry = (i: number) => `  - files: [d${i}/**]`) =>
    `overrides:\n${Array.from({ length: n }, (_, i) => entry(i)).join('\n')}\n`;
  assert.equal(parsed(overrides(1000)).overrides?.length, 1000);
  assert.deepEqual(problems(overrides(1001)), ['2:3 overrides: too many entries (at most 1000).']);
  // Entries that are wrong too: not a problem for each of them.
  assert.deepEqual(
    problems(
      overrides(5000, () => '  - severity: { numbering: off }'),
      'ja',
    ),
    ['2:3 overrides: 多すぎます（1000 個まで）。'],
  );
  const mapping = (key: string, n: number) =>
    `${key}\n${Array.from({ length: n }, (_, i) => `    k${i}: off`).join('\n')}\n`;
  assert.deepEqual(problems(mapping('severity:', 101).replaceAll('    ', '  ')), [
    '2:3 severity: too many entries (at most 100).',
  ]);
  assert.deepEqual(problems(mapping('defaults:\n  parties:', 101)), [
    '3:5 defaults.parties: too many entries (at most 100).',
  ]);
});

test('.itaku.yaml: a mistake repeated in a thousand entries is the first 100 problems, then one with the count', () => {
  const text = `overrides:\n${Array.from({ length: 1000 }, (_, i) => `  - files: [d${i}/**]\n    document: 契約書`).join('\n')}\n`;
  const found = problems(text);
  assert.equal(found.length, 101);
  assert.deepEqual(found.slice(0, 2), [
    '3:5 overrides.0: unknown key "document".',
    '5:5 overrides.1: unknown key "document".',
  ]);
  assert.equal(found[100], '203:5 900 more problem(s) (only the first 100 are shown).');
  assert.equal(problems(text, 'ja')[100], '203:5 ほかに 900 件の誤りがあります（最初の 100 件だけを示しています）。');
});

test('.itaku.yaml: merge keys (<<: *anchor) are merged; a mistake in merged values is shown where it is written', () => {
  const config = parsed(
    [
      'defaults: &ministry',
      '  organization: 架空省',
      '  parties: { 甲: 架空省 }',
      'overrides:',
      '  - files: [contracts/**]',
      '    defaults:',
      '      <<: *ministry',
      '      options: { subcontracting: 禁止 }',
      '',
    ].join('\n'),
  );
  assert.deepEqual(config.overrides?.[0].defaults, {
    organization: '架空省',
    parties: { 甲: '架空省' },
    options: { subcontracting: '禁止' },
  });
  assert.deepEqual(
    problems(
      [
        'defaults: &d',
        '  organization: 架空省',
        '  colour: red',
        'overrides:',
        '  - files: [a/**]',
        '    defaults: { <<: *d }',
        '',
      ].join('\n'),
    ),
    ['3:3 defaults: unknown key "colour".', '3:3 overrides.0.defaults: unknown key "colour".'],
  );
});

test('configForFile: ignores, and overrides per glob on top of the file’s own settings (later entries win)', () => {
  const config = parsed(
    [
      'catalog: ./ministry.itaku-catalog.yaml',
      'severity: { numbering: off }',
      'ignores: [archive/**, "**/*.draft-old.md", .hidden/**]',
      'defaults:',
      '  organization: 架空省',
      '  parties: { 甲: 架空省 }',
      'overrides:',
      '  - files: [contracts/**]',
      '    defaults: { parties: { 乙: 株式会社〇〇 }, options: { subcontracting: 禁止 } }',
      '    severity: { numbering: warning }',
      '  - files: [contracts/cloud/**]',
      '    catalog: ./cloud.itaku-catalog.yaml',
      '    defaults: { organization: 架空省情報局 }',
      '',
    ].join('\n'),
  );
  assert.deepEqual(configForFile(config, 'spec.md'), {
    catalog: './ministry.itaku-catalog.yaml',
    locale: undefined,
    severity: { numbering: 'off' },
    defaults: { organization: '架空省', parties: { 甲: '架空省' } },
    ignored: false,
  });
  for (const ignored of ['archive/a.md', 'archive/x/y.md', 'a/b.draft-old.md', '.hidden/a.md'])
    assert.equal(configForFile(config, ignored).ignored, true, ignored);
  assert.deepEqual(configForFile(config, 'contracts/cloud/a.md'), {
    catalog: './cloud.itaku-catalog.yaml',
    locale: undefined,
    severity: { numbering: 'warning' },
    defaults: {
      organization: '架空省情報局',
      parties: { 甲: '架空省', 乙: '株式会社〇〇' },
      options: { subcontracting: '禁止' },
    },
    ignored: false,
  });
});

test('defaults fill only what the draft does not give; option aliases are read as in front matter', () => {
  const defaults = {
    organization: '架空省',
    parties: { 甲: '架空省', 乙: '株式会社〇〇' },
    options: { subcontracting: '禁止', audit: true },
  };
  const draft = (fm: string) => `---\ndocument: 契約書\ncategory: build\n${fm}---\n\n# 件名\n`;
  const a = analyze(draft(''), { catalog: catalog(), locale: 'ja', defaults })!;
  assert.equal(a.context.frontMatter.organization, '架空省');
  assert.deepEqual({ ...a.context.frontMatter.parties }, { 甲: '架空省', 乙: '株式会社〇〇' });
  assert.deepEqual({ ...a.context.frontMatter.options }, { subcontracting: 'prohibited', audit: true });
  // options.audit: true from the defaults makes audit required.
  assert.equal(a.result.clauses.find((c) => c.id === 'audit')?.requirement, 'required');
  const own = analyze(draft('organization: 外務省\nparties: { 乙: 株式会社△△ }\noptions: { audit: false }\n'), {
    catalog: catalog(),
    locale: 'ja',
    defaults,
  })!;
  assert.equal(own.context.frontMatter.organization, '外務省');
  assert.deepEqual({ ...own.context.frontMatter.parties }, { 甲: '架空省', 乙: '株式会社△△' });
  assert.equal(own.result.clauses.find((c) => c.id === 'audit')?.requirement, 'optional');
});
