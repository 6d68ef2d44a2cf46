// Generates the files derived from the built-in catalog: the README's clause tables and the
// front-matter JSON Schema (later also the snippets). `npm run generate` writes them; the test
// suite fails when a committed copy is stale.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../server/src/core/catalog/load';
import type { Catalog } from '../server/src/core/catalog/compile';
import { frontMatterSchema } from '../server/src/core/frontmatterSchema';
import { escapeSnippet, wordingSnippet } from '../server/src/core/fixes/snippet';
import { codeTitle, RULES } from '../server/src/core/rules';
import { DIAGNOSTIC_CODES } from '../server/src/core/findings';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function builtin(): Catalog {
  const loaded = loadCatalog(readFileSync(path.join(ROOT, 'catalog/nisc-2011.yaml'), 'utf8'), 'built-in');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.catalog;
}

/** A category's short name (tables, snippet labels): the catalog's, else its id. */
const shortName = (cat: Catalog, id: string) => cat.def.categories[id]?.short ?? id;

/** The README section: clause list and the two requirement matrices. */
export function clauseTables(cat: Catalog): string {
  const out: string[] = [];
  out.push('| id | 条項 / clause | 調達仕様書 | 契約書 |', '|---|---|---|---|');
  for (const c of cat.def.clauses)
    out.push(
      `| \`${c.id}\` | ${c.title}<br>${c.title_en} | ${c.rows['procurement-spec'] ?? '—'} | ${c.rows.contract ?? '—'} |`,
    );
  const categories = Object.keys(cat.def.categories);
  for (const docType of Object.keys(cat.def.documentTypes)) {
    const d = cat.def.documentTypes[docType];
    out.push(
      '',
      `**${d.label}（${docType}）** — R 必須 · O 選択（オプションで必須） · S サービスに含まれる · × 対象外`,
      '',
    );
    out.push(
      `| clause | ${categories.map((c) => shortName(cat, c)).join(' | ')} |`,
      `|---|${categories.map(() => '---').join('|')}|`,
    );
    for (const c of cat.clausesFor(docType)) {
      const req = c.requirements[docType];
      const cells = categories.map((k) => {
        const cell = req.cells[k];
        const status = typeof cell === 'string' ? cell : cell.status;
        const when = (typeof cell === 'object' && cell.when?.length) || (status === 'O' && req.when?.length);
        return when ? `${status}*` : status;
      });
      out.push(`| \`${c.id}\` | ${cells.join(' | ')} |`);
    }
  }
  out.push(
    '',
    '\\* オプションで変わる欄 / cells an option changes: ' +
      cat.def.clauses
        .flatMap((c) =>
          Object.values(c.requirements)
            .flatMap((r) => [
              ...(r.when ?? []),
              ...Object.values(r.cells).flatMap((x) => (typeof x === 'object' ? (x.when ?? []) : [])),
            ])
            .map((w) => `\`${c.id}\` ← \`options.${w.option}${w.is !== undefined ? `: ${w.is}` : ''}\``),
        )
        .filter((v, i, a) => a.indexOf(v) === i)
        .join(', ') +
      '.',
  );
  return out.join('\n');
}

export function replaceBetween(text: string, name: string, content: string): string {
  const start = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < 0) throw new Error(`README has no ${start} … ${end}`);
  return text.slice(0, i + start.length) + '\n' + content + '\n' + text.slice(j);
}

const DOC_PREFIX: Record<string, [string, string]> = {
  'procurement-spec': ['spec', '仕様'],
  contract: ['contract', '契約'],
};

/** VS Code snippets: every clause × wording variant of each document type, and a skeleton per type. */
export function snippets(cat: Catalog): Record<string, { prefix: string[]; body: string[]; description: string }> {
  const out: Record<string, { prefix: string[]; body: string[]; description: string }> = {};
  for (const docType of Object.keys(cat.def.documentTypes)) {
    const [en, ja] = DOC_PREFIX[docType] ?? [docType, docType];
    const docLabel = cat.def.documentTypes[docType].label;
    for (const clause of cat.clausesFor(docType)) {
      const heading = clause.heading ?? clause.title;
      const entries = clause.wording[docType] ?? [];
      // One snippet per wording entry. Entries sharing a variant name (one per group of
      // categories) are told apart by their first category, in prefix and label alike.
      for (const w of entries) {
        const shared = entries.filter((x) => x.variant === w.variant).length > 1;
        const label = w.label ? `（${w.label}）` : '';
        const where = shared ? `〔${shortName(cat, w.categories[0])}${w.categories.length > 1 ? '等' : ''}〕` : '';
        const tail = `${w.variant === 'standard' ? '' : `-${w.variant}`}${shared ? `-${w.categories[0]}` : ''}`;
        out[
          `${docLabel}: ${heading}${label}${where} [${clause.id}/${w.variant}${shared ? `/${w.categories[0]}` : ''}]`
        ] = {
          prefix: [`itaku-${en}-${clause.id}${tail}`, `${ja}:${heading}${label}${where}`],
          body: [`### ${escapeSnippet(heading)}`, '', ...wordingSnippet(w.text.trimEnd(), cat).split('\n'), '$0'],
          description: `${clause.title}（${clause.rows[docType]}）— ${w.source}${w.note ? `\n${w.note.trim()}` : ''}`,
        };
      }
    }
    const categories = Object.keys(cat.def.categories);
    const required = cat
      .clausesFor(docType)
      .filter((c) =>
        Object.values(c.requirements[docType].cells).some((x) => (typeof x === 'string' ? x : x.status) === 'R'),
      );
    out[`${docLabel}: 草案のひな形 / skeleton`] = {
      prefix: [`itaku-skeleton-${en}`, `${ja}:草案のひな形`],
      body: [
        '---',
        `document: ${docType}`,
        `category: [\${1|${categories.join(',')}|}]`,
        'organization: ${2:〔 省 〕}',
        '---',
        '',
        '# ${3:（件名）}',
        '',
        ...(cat.def.documentTypes[docType].sectionHeading
          ? [`## ${cat.def.documentTypes[docType].sectionHeading}`, '']
          : []),
        ...required.flatMap((c, i) => [
          `### (${i + 1}) ${escapeSnippet(c.heading ?? c.title)}`,
          '',
          `\${${i + 4}:（記述）}`,
          '',
        ]),
        '$0',
      ],
      description: `${docLabel}の草案: front matter と、いずれかの業務分類で必須となる条項の見出し / a ${cat.def.documentTypes[docType].label_en} skeleton`,
    };
  }
  return out;
}

const RULES_DIR = 'server/src/core/rules';

/** The rule files (`export default defineRule({ code: '…', … })`) and their codes, in code order. */
export function ruleFiles(): Array<{ file: string; code: string }> {
  const out: Array<{ file: string; code: string }> = [];
  for (const name of readdirSync(path.join(ROOT, RULES_DIR)).sort()) {
    if (!name.endsWith('.ts')) continue;
    const text = readFileSync(path.join(ROOT, RULES_DIR, name), 'utf8');
    const at = text.search(/^export default defineRule/m);
    if (at < 0) continue;
    const code = /\bcode: '([a-z][a-z0-9-]*)'/.exec(text.slice(at))?.[1];
    if (!code) throw new Error(`${RULES_DIR}/${name}: defineRule without a literal code`);
    out.push({ file: name.slice(0, -3), code });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

const GENERATED = '// Generated by `npm run generate` from the rule files in server/src/core/rules: do not edit.\n';

/** server/src/core/rules/registry.ts: every rule, imported. */
export function registrySource(rules = ruleFiles()): string {
  const name = (file: string) => `${file}Rule`;
  return (
    GENERATED +
    rules.map((r) => `import ${name(r.file)} from './${r.file}';\n`).join('') +
    `\nexport const RULES = [\n${rules.map((r) => `  ${name(r.file)},\n`).join('')}] as const;\n`
  );
}

/** server/src/core/codes.ts: the stable diagnostic codes (public API), as a type and a list. */
export function codesSource(rules = ruleFiles()): string {
  return (
    GENERATED +
    '\n/** Stable diagnostic codes: public API (CLI JSON, settings, docs anchors). */\n' +
    `export type DiagnosticCode =\n${rules.map((r) => `  | '${r.code}'`).join('\n')};\n\n` +
    `export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = [\n${rules.map((r) => `  '${r.code}',\n`).join('')}];\n`
  );
}

/** package.json with the `itaku.severity` setting listing every code. */
export function packageJson(text: string): string {
  const pkg = JSON.parse(text);
  const levels = ['error', 'warning', 'information', 'hint', 'off'];
  pkg.contributes.configuration.properties['itaku.severity'].properties = Object.fromEntries(
    RULES.map((r) => [r.code, { type: 'string', enum: levels }]),
  );
  return JSON.stringify(pkg, null, 2) + '\n';
}

export interface RuleDoc {
  severity: string;
  summary: string;
  ja: string;
  en: string;
  example?: string;
}

/** Each code's documentation, from its rule file (server/src/core/rules), in code order. */
export function ruleDocs(): Record<string, RuleDoc> {
  return Object.fromEntries(
    RULES.map((r) => [
      r.code,
      {
        severity: 'otherSeverity' in r && r.otherSeverity ? `${r.severity} / ${r.otherSeverity}` : r.severity,
        ...r.docs,
      },
    ]),
  );
}

/** The README's table of diagnostic codes, each linking to its page. */
export function codeTable(docs: Record<string, RuleDoc>): string {
  return [
    '| code | severity | what it means |',
    '|---|---|---|',
    ...Object.entries(docs).map(
      ([code, d]) =>
        `| <a id="${code}"></a>[\`${code}\`](docs/rules/${code}.md) | ${d.severity} | ${d.summary.trim().replace(/\|/g, '\\|')} |`,
    ),
  ].join('\n');
}

/** One page per code (what the Problems panel's code link opens, rendered, in VS Code). */
export function rulePage(code: string, d: RuleDoc): string {
  return [
    `# \`${code}\` — ${codeTitle('ja', code)} / ${codeTitle('en', code)}`,
    '',
    '<!-- Generated from docs/rules.yaml by `npm run generate`; edit that file, not this one. -->',
    '',
    `重大度 / severity: **${d.severity}** · itaku の診断コード（一覧は README の「診断コード」）/ an itaku diagnostic code (the README lists them all)`,
    '',
    '## 日本語',
    '',
    d.ja.trim(),
    '',
    '## English',
    '',
    d.en.trim(),
    '',
    ...(d.example ? ['## 例 / Example', '', d.example.trim(), ''] : []),
    '## 無効にする / Turning it off',
    '',
    `- VS Code: \`"itaku.severity": { "${code}": "off" }\` (or \`error\` / \`warning\` / \`information\` / \`hint\`).`,
    `- 草案の中で / in the draft: \`<!-- itaku-disable ${code} -->\` turns it off from that point on.`,
    '',
  ].join('\n');
}

/**
 * The .itaku.yaml schema with every diagnostic code under `severity` (for completion in the editor);
 * other codes pass the schema and get their own error with the closest code (core/config.ts).
 */
function configSchema(): string {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/itaku-config.schema.json'), 'utf8'));
  const level = { enum: ['error', 'warning', 'information', 'hint', 'off'] };
  const severity = {
    type: 'object',
    description: 'Severity per diagnostic code (as the itaku.severity setting).',
    properties: Object.fromEntries(DIAGNOSTIC_CODES.map((code) => [code, level])),
    additionalProperties: level,
    // Each code that is not one gets its own error with the closest code: 20,000 such keys took 15 s.
    maxProperties: 100,
  };
  schema.properties.severity = severity;
  schema.properties.overrides.items.properties.severity = severity;
  return JSON.stringify(schema, null, 2) + '\n';
}

/** Every generated file: path → expected content. */
export function generatedFiles(): Record<string, string> {
  const cat = builtin();
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const rules = ruleFiles();
  const docs = ruleDocs();
  const pages = Object.fromEntries(
    DIAGNOSTIC_CODES.filter((c) => Object.hasOwn(docs, c)).map((c) => [`docs/rules/${c}.md`, rulePage(c, docs[c])]),
  );
  return {
    [`${RULES_DIR}/registry.ts`]: registrySource(rules),
    'server/src/core/codes.ts': codesSource(rules),
    'package.json': packageJson(readFileSync(path.join(ROOT, 'package.json'), 'utf8')),
    'README.md': replaceBetween(replaceBetween(readme, 'clauses', clauseTables(cat)), 'codes', codeTable(docs)),
    ...pages,
    'schemas/frontmatter.schema.json': JSON.stringify(frontMatterSchema(cat.def), null, 2) + '\n',
    'schemas/itaku-config.schema.json': configSchema(),
    'snippets/itaku.code-snippets': JSON.stringify(snippets(cat), null, 2) + '\n',
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(path.join(ROOT, 'docs/rules'), { recursive: true });
  const files = generatedFiles();
  const registry = `${RULES_DIR}/registry.ts`;
  const registryChanged = readFileSync(path.join(ROOT, registry), 'utf8') !== files[registry];
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(ROOT, file), content);
  // A new rule file: the tables above were made from the old registry, so once more with the new one.
  if (registryChanged && !process.env.ITAKU_GENERATE_AGAIN) {
    const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, ITAKU_GENERATE_AGAIN: '1' },
    });
    process.exit(again.status ?? 1);
  }
  console.log('generated: ' + Object.keys(files).join(', '));
}
