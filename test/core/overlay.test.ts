import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { loadCatalog, type CatalogResolver } from '../../server/src/core/catalog/load';
import { describeOrigin, originAt } from '../../server/src/core/catalog/origin';
import { mergeOverlay } from '../../server/src/core/catalog/overlay';
import { catalog, ROOT } from '../support/catalog';

/** A resolver over in-memory files (the core never reads files): nisc-2011 is the built-in catalog. */
function memory(files: Record<string, string>): CatalogResolver {
  return (ref, from) => {
    if (ref === 'nisc-2011') return { ok: true, id: 'nisc-2011', catalog: catalog() };
    const id = path.posix.join(path.posix.dirname(from), ref);
    return Object.hasOwn(files, id) ? { ok: true, id, text: files[id] } : { ok: false, message: `${id}: not found` };
  };
}

const load = (files: Record<string, string>, name: string, locale: 'ja' | 'en' = 'en') =>
  loadCatalog(files[name], name, locale, memory(files));

const problems = (files: Record<string, string>, name: string) => {
  const r = load(files, name);
  assert.equal(r.ok, false, 'the overlay is rejected');
  return r.ok
    ? []
    : r.problems.map((p) => `${p.file ?? name}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`);
};

const EXAMPLE = path.join(ROOT, 'examples/ministry');
const exampleOverlay = readFileSync(path.join(EXAMPLE, 'kakusho.itaku-catalog.yaml'), 'utf8');

test('the example overlay: audit required for build with its basis, one more phrase, the ministry wording the default', () => {
  const loaded = load({ 'kakusho.itaku-catalog.yaml': exampleOverlay }, 'kakusho.itaku-catalog.yaml');
  assert.ok(loaded.ok);
  const c = loaded.catalog;
  assert.equal(c.def.id, 'kakusho');
  assert.equal(c.root, 'nisc-2011');
  assert.deepEqual(c.layers, ['kakusho.itaku-catalog.yaml', 'built-in']);
  const audit = c.def.clauses.find((x) => x.id === 'audit')!;
  assert.deepEqual(
    { ...(audit.requirements['procurement-spec'].cells.build as object) },
    {
      status: 'R',
      basis: '架空省情報セキュリティ規程第12条',
    },
  );
  // Every other cell is the base's.
  assert.equal(audit.requirements['procurement-spec'].cells.cloud, 'O');
  assert.deepEqual(audit.recognise.phrases.slice(-1), ['情報セキュリティ点検']);
  const build = audit.wording['procurement-spec'].filter((w) => w.categories.includes('build'));
  assert.deepEqual(
    build.map((w) => [w.variant, w.default ?? false]),
    [
      ['standard', false],
      ['kakusho-inspection', true],
    ],
  );
  // The base's standard entry for build lost only its default: it covers build alone.
  assert.deepEqual(build[0].categories, ['build']);
  // Where each part comes from.
  const cell = originAt(c.def, [
    'clauses',
    c.clauseIndex.get('audit')!,
    'requirements',
    'procurement-spec',
    'cells',
    'build',
  ]);
  assert.equal(describeOrigin(cell?.origin, 'nisc-2011', 'ja'), '架空省カタログ（kakusho.itaku-catalog.yaml 14 行目）');
  assert.equal(describeOrigin(cell?.origin, 'nisc-2011', 'en'), '架空省カタログ (kakusho.itaku-catalog.yaml, line 14)');
  const base = originAt(c.def, [
    'clauses',
    c.clauseIndex.get('audit')!,
    'requirements',
    'procurement-spec',
    'cells',
    'cloud',
  ]);
  assert.equal(describeOrigin(base?.origin, 'nisc-2011', 'en'), 'nisc-2011');

  const draft = (body: string) => `---\ndocument: 調達仕様書\ncategory: build\n---\n\n# 件名\n\n${body}\n`;
  const sentence = '受注者は、当省が年1回実施する情報セキュリティ点検を受け入れること。';
  const auditOf = (cat: typeof c, text: string) =>
    analyze(text, { catalog: cat, locale: 'ja' })!.result.clauses.find((x) => x.id === 'audit');
  assert.deepEqual(auditOf(catalog(), draft(sentence)), {
    id: 'audit',
    requirement: 'optional',
    status: 'missing',
    basis: '表1(8); 第Ⅰ部6.3.3(2)(3)',
  });
  assert.deepEqual(auditOf(c, draft(sentence)), {
    id: 'audit',
    requirement: 'required',
    status: 'present',
    basis: '架空省情報セキュリティ規程第12条',
    range: { start: { line: 7, character: 0 }, end: { line: 7, character: 34 } },
    foundBy: 'body',
    evidence: { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 34 } }, excerpt: sentence },
  });
});

test('a broken overlay: an unknown clause id, a wrong cell value, a missing basis, each at its position', () => {
  const overlay = [
    'extends: nisc-2011', // 1
    'id: broken', // 2
    'title: 壊れた省カタログ', // 3
    'clauses:', // 4
    '  audti:', // 5
    '    title: 監査', // 6
    '  audit:', // 7
    '    requirements:', // 8
    '      procurement-spec:', // 9
    '        cells:', // 10
    '          build: { status: Q, basis: 規程第12条 }', // 11
    '          cloud: { status: R }', // 12
    '',
  ].join('\n');
  assert.deepEqual(problems({ 'o.yaml': overlay }, 'o.yaml'), [
    'o.yaml:11:28: clauses.audit.requirements.procurement-spec.cells.build.status: must be one of "R", "O", "S", "×".',
    'o.yaml:12:18: clauses.audit.requirements.procurement-spec.cells.cloud: missing required key "basis".',
  ]);
  const unknownId = overlay
    .replace('build: { status: Q', 'build: { status: R')
    .replace('cloud: { status: R }', 'cloud: { status: R, basis: 規程 }');
  assert.deepEqual(problems({ 'o.yaml': unknownId }, 'o.yaml'), [
    'o.yaml:5:3: unknown clause "audti" (new clauses go under addClauses).',
  ]);
  const ja = loadCatalog(unknownId, 'o.yaml', 'ja', memory({}));
  assert.ok(!ja.ok);
  assert.equal(ja.problems[0].message, '未定義の条項「audti」です（新しい条項は addClauses に書きます）。');
});

test('extends: a missing base, a cycle, and a broken base are reported on extends, with the base file’s own problems', () => {
  const head = (ext: string, id: string) => `extends: ${ext}\nid: ${id}\ntitle: ${id}\n`;
  assert.deepEqual(problems({ 'a.yaml': head('./nope.yaml', 'a') }, 'a.yaml'), [
    'a.yaml:1:10: the base catalog "./nope.yaml" cannot be read: nope.yaml: not found.',
  ]);
  assert.deepEqual(problems({ 'a.yaml': head('./b.yaml', 'a'), 'b.yaml': head('./a.yaml', 'b') }, 'a.yaml'), [
    'a.yaml:1:10: the base catalog "./b.yaml" has 1 problem(s).',
    'b.yaml:1:10: extends forms a cycle: a.yaml → b.yaml → a.yaml.',
  ]);
  assert.deepEqual(problems({ 'a.yaml': head('./a.yaml', 'a') }, 'a.yaml'), [
    'a.yaml:1:10: extends forms a cycle: a.yaml → a.yaml.',
  ]);
  const brokenBase = `${head('nisc-2011', 'b')}vocabularies:\n  nosuch: { add: [x] }\n`;
  assert.deepEqual(problems({ 'a.yaml': head('./b.yaml', 'a'), 'b.yaml': brokenBase }, 'a.yaml'), [
    'a.yaml:1:10: the base catalog "./b.yaml" has 1 problem(s).',
    'b.yaml:5:3: unknown vocabulary "nosuch" (new vocabularies go under addVocabularies).',
  ]);
});

test('transitive extends: each layer’s changes carry their own origin; the merged catalog is checked as a whole', () => {
  const b = [
    'extends: nisc-2011',
    'id: ministry',
    'title: 省カタログ',
    'addCategories:',
    '  web-ops:',
    '    label: ウェブサイト運用',
    '    label_en: website operation',
    '    aliases: [ウェブ運用]',
    '    like: operation-asp',
    '',
  ].join('\n');
  const a = [
    'extends: ./ministry.yaml',
    'id: bureau',
    'title: 局カタログ',
    'clauses:',
    '  audit:',
    '    requirements:',
    '      contract:',
    '        cells:',
    '          web-ops: { status: R, basis: 局規程第3条 }',
    'vocabularies:',
    '  staff:',
    '    remove: [no-such-word]',
    '',
  ].join('\n');
  const files = { 'ministry.yaml': b, 'bureau.yaml': a };
  assert.deepEqual(problems(files, 'bureau.yaml'), [
    'bureau.yaml:12:14: "no-such-word" is not in the base, so it cannot be removed.',
  ]);
  const ok = load({ ...files, 'bureau.yaml': a.replace(/vocabularies:[\s\S]*$/, '') }, 'bureau.yaml');
  assert.ok(ok.ok);
  const c = ok.catalog;
  assert.deepEqual(c.layers, ['bureau.yaml', 'ministry.yaml', 'built-in']);
  assert.equal(c.root, 'nisc-2011');
  assert.equal(c.categoryOf('ウェブ運用'), 'web-ops');
  const audit = c.clauseIndex.get('audit')!;
  const at = (doc: string, cat: string) =>
    describeOrigin(originAt(c.def, ['clauses', audit, 'requirements', doc, 'cells', cat])?.origin, 'nisc-2011', 'en');
  assert.equal(at('contract', 'web-ops'), '局カタログ (bureau.yaml, line 9)');
  assert.equal(at('procurement-spec', 'web-ops'), '省カタログ (ministry.yaml, line 5)');
  assert.equal(at('procurement-spec', 'build'), 'nisc-2011');
  // A draft of the new category gets the copied requirements.
  const text = '---\ndocument: 契約書\ncategory: ウェブ運用\n---\n\n# 件名\n';
  const result = analyze(text, { catalog: c, locale: 'en' })!.result;
  assert.equal(result.clauses.find((x) => x.id === 'audit')?.requirement, 'required');
  assert.equal(result.clauses.find((x) => x.id === 'audit')?.basis, '局規程第3条');
  assert.equal(result.clauses.find((x) => x.id === 'service-level')?.requirement, 'required');

  // A new category without `like` must have a cell in every clause: said on the new category.
  const noLike = b.replace('    like: operation-asp\n', '');
  const r = problems({ 'ministry.yaml': noLike }, 'ministry.yaml');
  assert.equal(r.length, 1);
  assert.match(
    r[0],
    /^ministry\.yaml:5:3: the new category "web-ops" has no cell in: security-structure \(procurement-spec\), security-structure \(contract\), /,
  );
});

test('wording: replace keeps the default, add with default moves it, a new clause is checked by the catalog schema', () => {
  const overlay = [
    'extends: nisc-2011',
    'id: w',
    'title: 文言カタログ',
    'clauses:',
    '  subcontracting:',
    '    wording:',
    '      procurement-spec:',
    '        replace:',
    '          - variant: prohibited',
    '            label: 再委託を禁止する場合',
    '            categories: [build]',
    '            source: 当省規程第20条',
    '            text: 受注者は、本業務の全部又は一部を第三者に再委託してはならない。',
    '        default: { operation-onsite: allowed }',
    'addClauses:',
    '  - id: data-location',
    '    title: データの保存場所',
    '    title_en: Where data is stored',
    '    rows: { procurement-spec: 当省規程第30条 }',
    '    requirements:',
    '      procurement-spec:',
    '        basis: 当省規程第30条',
    '        cells: { build: R }',
    '    recognise: { headings: [保存場所], phrases: [国内に保存] }',
    '    wording:',
    '      procurement-spec:',
    '        - { variant: standard, label: null, categories: [build], source: 当省規程第30条, default: true, text: "{{nosuch}}のデータは国内に保存すること。" }',
    '',
  ].join('\n');
  const r = problems({ 'w.yaml': overlay }, 'w.yaml');
  // The merged catalog's own checks, placed in the new clause.
  assert.deepEqual(r.slice(0, 2), [
    'w.yaml:23:16: no cell for category "operation-onsite".',
    'w.yaml:23:16: no cell for category "operation-remote".',
  ]);
  assert.ok(r.includes('w.yaml:27:105: unknown placeholder "{{nosuch}}".'), r.join('\n'));
  const fixed = overlay
    .replace(
      'cells: { build: R }',
      'cells: { build: R, operation-onsite: ×, operation-remote: ×, operation-datacenter: ×, operation-asp: ×, operation-housing: ×, maintenance: ×, processing: ×, storage-transport: ×, cloud: × }',
    )
    .replace('{{nosuch}}', '{{organization}}');
  const ok = load({ 'w.yaml': fixed }, 'w.yaml');
  assert.ok(ok.ok, JSON.stringify(!ok.ok && ok.problems));
  const sub = ok.catalog.def.clauses.find((x) => x.id === 'subcontracting')!.wording['procurement-spec'];
  const forCat = (cat: string) =>
    sub.filter((w) => w.categories.includes(cat)).map((w) => [w.variant, w.source, w.default ?? false]);
  assert.deepEqual(forCat('build'), [
    ['allowed', sub.find((w) => w.variant === 'allowed' && w.categories.includes('build'))!.source, false],
    ['prohibited', '当省規程第20条', true],
  ]);
  assert.deepEqual(
    forCat('operation-onsite').map(([v, , d]) => [v, d]),
    [
      ['prohibited', false],
      ['allowed', true],
    ],
  );
  assert.equal(ok.catalog.def.clauses.at(-1)!.id, 'data-location');
  const origin = originAt(ok.catalog.def, [
    'clauses',
    ok.catalog.def.clauses.length - 1,
    'wording',
    'procurement-spec',
    0,
  ]);
  assert.equal(describeOrigin(origin?.origin, 'nisc-2011', 'en'), '文言カタログ (w.yaml, line 16)');
  // Replacing a variant the base does not have for that category is an error where it is named.
  const wrong = fixed.replace(
    'categories: [build]\n            source: 当省規程第20条',
    'categories: [cloudy]\n            source: 当省規程第20条',
  );
  assert.deepEqual(problems({ 'w.yaml': wrong }, 'w.yaml'), [
    'w.yaml:11:26: there is no wording variant "prohibited" for category "cloudy" to replace (new wordings go under add).',
  ]);
});

test('recognition vocabulary: vocabularies, negative contexts and umbrella headings are edited in place; a new vocabulary is usable', () => {
  const overlay = [
    'extends: nisc-2011',
    'id: v',
    'title: 語彙カタログ',
    'negativeContexts:',
    '  description:',
    '    unless: { add: [厳守すること] }',
    '  liability:',
    '    phrases: { remove: [no-such-phrase] }',
    '',
  ].join('\n');
  assert.deepEqual(problems({ 'v.yaml': overlay }, 'v.yaml'), [
    'v.yaml:8:25: "no-such-phrase" is not in the base, so it cannot be removed.',
  ]);
  const ok = load(
    {
      'v.yaml': `${overlay.replace(/  liability:[\s\S]*$/, '')}addVocabularies:\n  kakusho-audit: [情報セキュリティ点検, 点検の受入れ]\numbrellaHeadings: { add: [当省の定め] }\nclauses:\n  audit:\n    recognise:\n      phrases: { add: [[$kakusho-audit, 受け]] }\n`,
    },
    'v.yaml',
  );
  assert.ok(ok.ok, JSON.stringify(!ok.ok && ok.problems));
  const def = ok.catalog.def;
  assert.deepEqual(def.negativeContexts!.find((n) => n.id === 'description')!.unless!.slice(-1), ['厳守すること']);
  assert.deepEqual(def.umbrellaHeadings.slice(-1), ['当省の定め']);
  const text = '---\ndocument: 調達仕様書\ncategory: build\n---\n\n# 件名\n\n受注者は、点検の受入れを受けること。\n';
  const audit = (c: typeof ok.catalog) =>
    analyze(text, { catalog: c, locale: 'ja' })!.result.clauses.find((x) => x.id === 'audit')!.status;
  assert.equal(audit(catalog()), 'missing');
  assert.equal(audit(ok.catalog), 'present');
});

test(
  'list edits are keyed: 30,000 phrases edited by 15,000 removals and 30,000 additions, in linear time, with the same result',
  { timeout: 60_000 },
  () => {
    // The schema caps what a catalog file holds; the merge itself must not be where a big one stalls
    // (comparing every item with every other one took minutes here).
    const base = structuredClone(catalog().def);
    const clause = base.clauses.find((c) => c.id === 'audit')!;
    clause.recognise.phrases = Array.from({ length: 30_000 }, (_, i) => (i % 2 ? [`語${i}`, '監査'] : `語${i}`));
    const remove = Array.from({ length: 15_000 }, (_, i) => (i % 2 ? [`語${i}`, '監査'] : `語${i}`));
    remove.push('語0'); // removed once already: not in the base any more
    const add = Array.from({ length: 30_000 }, (_, i) => `語${i}`); // the even ones are there already
    const merged = mergeOverlay(
      base,
      {
        extends: 'nisc-2011',
        id: 'big',
        title: 'big',
        clauses: { audit: { recognise: { phrases: { remove, add } } } },
      },
      (p) => ({ catalog: 'big', file: 'big.yaml', path: p, line: 0, character: 0 }),
      'en',
    );
    assert.deepEqual(
      merged.problems.map((p) => [p.path.join('.'), p.message]),
      [['clauses.audit.recognise.phrases.remove.15000', '"語0" is not in the base, so it cannot be removed.']],
    );
    const phrases = merged.def.clauses.find((c) => c.id === 'audit')!.recognise.phrases;
    // The 15,000 kept, in order; then the singles not there already: all below 15,000, the odd ones above.
    assert.equal(phrases.length, 15_000 + 15_000 + 7_500);
    assert.deepEqual(phrases.slice(0, 2), ['語15000', ['語15001', '監査']]);
    assert.deepEqual(phrases.slice(15_000, 15_002), ['語0', '語1']);
    assert.deepEqual(phrases.slice(30_000, 30_002), ['語15001', '語15003']);
    assert.equal(phrases[phrases.length - 1], '語29999');
  },
);
