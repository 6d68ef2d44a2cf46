import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadCatalog } from '../../server/src/core/catalog/load';
import { analyze } from '../../server/src/core/analyze';
import { clausesInBlock } from '../../server/src/core/detect';
import { displayWording } from '../../server/src/core/fixes/fill';
import { readBlocks } from '../../server/src/core/analyze';
import { catalog, CATALOG_TEXT, ROOT } from '../support/catalog';
import { CATEGORY_IDS } from '../support/fixtures';

// The requirement matrix of ../shared/docs/domain.md, copied verbatim: the catalog must equal it.
const CATEGORIES = CATEGORY_IDS;
const SPEC = `
| security-structure | R | R | R | R | R | R | R | R | S | R |
| confidentiality | R | R | R | R | R | R ¹ | R | R | R ² | R |
| security-functions | R | × | × | × | × | × | × | × | × | O |
| st-evaluation | O | × | × | × | × | × | × | × | × | × |
| operational-security | × | R | R | R | R | × | R | × | × | × |
| vulnerability | R ³ | R | R | R | R | × | R | × | × | × |
| service-level | × | R | R | R | R | R | R | × | × | × |
| incident-response | R | R | R | R | R | R | R | R | S | R |
| compliance-check | R | R | R | R | R | R | R | R | × | R |
| audit | O | O | O | O | O | O | O | O | O | O |
| remediation | R | R | R | R | R | R | R | R | S | R |
| subcontracting | R | R | R | R | R | R | R | R | R | R |
| vendor-assessment | O | O | O | O | O | O | O | O | O | O |
| cloud-terms | × | × | × | × | × | × | × | × | × | R |`;
const CONTRACT = `
| security-structure | R | R | R | R | R | R | R | R | S | O |
| confidentiality | R | R | R | R | R | R ¹ | R | R | R ² | O |
| security-functions | R | × | × | × | × | × | × | × | × | × |
| st-evaluation | O | × | × | × | × | × | × | × | × | × |
| operational-security | × | R | R | R | R | × | R | × | × | × |
| vulnerability | R ³ | R | R | R | R | × | O | × | × | × |
| other-assets | O | O | × | × | × | × | × | × | × | × |
| service-level | × | R | R | R | R | R | O | × | × | × |
| incident-response | R | R | R | R | R | R | R | R | S | O |
| compliance-check | R | R | R | R | R | R | R | R | × | O |
| audit | O | O | O | O | O | O | O | O | O | O |
| remediation | R | R | R | R | R | R | R | R | S | O |
| confirmation-delegation | O | O | O | O | O | O | O | O | × | × |
| subcontracting | R | R | R | R | R | R | R | R | R | O |
| cloud-terms | × | × | × | × | × | × | × | × | × | R |`;

function parseMatrix(table: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of table.trim().split('\n')) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim().replace(/\s*[¹²³]$/, ''));
    rows.set(cells[0], cells.slice(1));
  }
  return rows;
}

test('the built-in catalog is valid', () => {
  const loaded = loadCatalog(CATALOG_TEXT, 'built-in');
  assert.equal(loaded.ok, true, loaded.ok ? '' : JSON.stringify(loaded.problems, null, 1));
});

for (const [docType, table] of [
  ['procurement-spec', SPEC],
  ['contract', CONTRACT],
] as const) {
  test(`the ${docType} matrix is exactly domain.md's, every cell with a basis`, () => {
    const expected = parseMatrix(table);
    const cat = catalog();
    const clauses = cat.clausesFor(docType);
    assert.deepEqual(
      clauses.map((c) => c.id),
      [...expected.keys()],
      'clauses and their table order',
    );
    for (const clause of clauses) {
      const req = clause.requirements[docType];
      const actual = CATEGORIES.map((c) => {
        const cell = req.cells[c];
        return typeof cell === 'string' ? cell : cell.status;
      });
      assert.deepEqual(actual, expected.get(clause.id), `${clause.id} cells`);
      for (const c of CATEGORIES) {
        const cell = req.cells[c];
        const basis = typeof cell === 'string' ? req.basis : (cell.basis ?? req.basis);
        assert.match(basis, /表|第Ⅰ部|第Ⅱ部|第Ⅲ部/, `${clause.id}/${c} basis`);
      }
      assert.ok(clause.rows[docType], `${clause.id} row`);
    }
  });
}

test('every clause applicable somewhere has model wording for its document type', () => {
  const cat = catalog();
  for (const docType of ['procurement-spec', 'contract']) {
    for (const clause of cat.clausesFor(docType)) {
      const applicable = Object.values(clause.requirements[docType].cells).some(
        (c) => (typeof c === 'string' ? c : c.status) !== '×',
      );
      if (applicable) assert.ok(clause.wording[docType]?.length, `${clause.id} (${docType}) has wording`);
    }
  }
});

test('the cloud risk list holds the 18 items of 表5', () => {
  const items = catalog().def.cloudRisks.items;
  assert.deepEqual(
    items.map((i) => i.id),
    Array.from({ length: 18 }, (_, i) => i + 1),
  );
  assert.equal(items[16].text, '準拠法に外国法を指定される場合がある。');
});

test('no template placeholder is left raw in the wording (they are {{markers}})', () => {
  for (const clause of catalog().def.clauses) {
    for (const wordings of Object.values(clause.wording)) {
      for (const w of wordings) {
        assert.doesNotMatch(
          w.text,
          /〔\s*省\s*〕|\[\s*[甲乙省]\s*\]|年\s+月\s+日|第\s+条|「n」|行かせ/,
          `${clause.id}/${w.variant}`,
        );
      }
    }
  }
});

test("each clause's model wording (with its heading) is recognised as that clause and no other", () => {
  const cat = catalog();
  const problems: string[] = [];
  for (const clause of cat.def.clauses) {
    for (const [docType, wordings] of Object.entries(clause.wording)) {
      for (const w of wordings) {
        // The wording body alone, and the heading alone, must each be recognised.
        const heading = `## ${clause.heading ?? clause.title}`;
        for (const [what, text] of [
          ['heading', heading],
          ['wording', displayWording(w.text, cat)],
        ] as const) {
          const { blocks } = readBlocks(text, cat);
          const found = new Set(
            blocks.flatMap((b) => clausesInBlock(b.facts, cat).map((h) => cat.def.clauses[h.clause].id)),
          );
          const applicable = new Set(cat.clausesFor(docType).map((c) => c.id));
          const others = [...found].filter(
            (id) => id !== clause.id && applicable.has(id) && !(what === 'wording' && w.alsoStates?.includes(id)),
          );
          const instructionOnly = /^\{\{(omitted|instruction:[^}]*)\}\}\s*$/.test(w.text.trim());
          if (what === 'wording' && !instructionOnly && !found.has(clause.id))
            problems.push(`${clause.id}/${docType}/${w.variant}/${w.categories[0]}: wording not recognised`);
          if (what === 'heading' && !found.has(clause.id)) problems.push(`${clause.id}: heading not recognised`);
          if (others.length)
            problems.push(
              `${clause.id}/${docType}/${w.variant}/${w.categories[0]} ${what} also reads as ${others.join(', ')}`,
            );
        }
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('catalog phrases are literal text, never patterns: regex syntax matches only itself, in linear time', () => {
  // A custom catalog whose security-structure heading phrases look like (catastrophic) regular expressions.
  const text = CATALOG_TEXT.replace(
    /(- id: security-structure[\s\S]*?headings: )\[[^\]]*\]/,
    (_, head: string) => `${head}['.*', '(a+)+$', '体制[0-9]+']`,
  );
  const loaded = loadCatalog(text, 'custom.yaml');
  assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.problems));
  const statusOf = (heading: string) => {
    // The body is on the subject (a heading word alone counts only over such a body).
    const a = analyze(
      `---\ndocument: 契約書\ncategory: storage-transport\n---\n## ${heading}\n\n情報セキュリティに関する事項を定める。\n`,
      { catalog: loaded.catalog },
    )!;
    return a.result.clauses.find((c) => c.id === 'security-structure')!.status;
  };
  assert.equal(statusOf(`${'a'.repeat(5000)}!`), 'missing', 'no backtracking blow-up, and (a+)+$ is not a pattern');
  assert.equal(statusOf('運用体制1'), 'missing', '[0-9]+ is not a character class');
  assert.equal(statusOf('任意の文字列'), 'missing', '.* matches nothing but ".*"');
  assert.equal(statusOf('体制[0-9]+の整備'), 'present');
  assert.equal(statusOf('（a+）+$ について'), 'present', 'after NFKC, full-width brackets are the literal phrase');
});

test('no regular expression is ever built from data: every new RegExp in the sources is a fixed pattern', () => {
  const files = execFileSync('git', ['ls-files', 'server/src', 'client/src'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f.endsWith('.ts'));
  const built = files.flatMap((f) =>
    [...readFileSync(path.join(ROOT, f), 'utf8').matchAll(/new RegExp\(([^\n]*)/g)].map((m) => `${f}: ${m[1]}`),
  );
  assert.deepEqual(built, [
    'server/src/core/fixes/insertClause.ts: `${BREAK}[ \\t]*${BREAK}[ \\t]*$`);',
    'server/src/core/fixes/insertClause.ts: `^[ \\t]*${BREAK}[ \\t]*(?:${BREAK}|$)`);',
    "server/src/core/markdown/parse.ts: `^[ \\\\t>*+\\\\-.)0-9]{${MAX_PREFIX + 1},}`, 'gm');",
  ]);
  for (const f of files)
    assert.doesNotMatch(
      readFileSync(path.join(ROOT, f), 'utf8'),
      /\beval\(|new Function\(|child_process|from '(node:)?(https?|net|dns|tls)'|\bfetch\(/,
      f,
    );
});
