// Issue 11 (a new user's first hour): drafts that must never pass silently, fixes that keep the
// draft's numbering, YAML messages a person can act on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../server/src/core/analyze';
import { fixAllInsertions, quickFixes } from '../../server/src/core/fixes/actions';
import { numberedTitles } from '../../server/src/core/numberedTitles';
import { catalog, ROOT } from '../support/catalog';
import { applyEdits, check, lines, summary } from '../support/drafts';

test('an unclosed front matter holding document: is a draft with one error on the opening fence', () => {
  for (const key of ['document: 調達仕様書', '文書種別: 契約書']) {
    const a = check(lines('---', key, 'category: 構築', '', '# 件名', '', '## 1. 概要', '本文。'));
    assert.deepEqual(summary(a), ['0:0-0:3 error frontmatter-yaml']);
    assert.equal(a.result.diagnostics[0].message, 'front matter が閉じられていません: 最初の `---` に対応する終わりの `---` の行がないため、草案を判定できません。YAML の最後の行の次に `---` だけの行を入れてください。');
    assert.deepEqual(a.result.clauses, []);
  }
  const en = check(lines('\ufeff---', 'document: procurement-spec', 'category: build'), 'en');
  assert.deepEqual(summary(en), ['0:1-0:4 error frontmatter-yaml']);
  assert.match(en.result.diagnostics[0].message, /^The front matter is not closed: there is no closing `---` line/);
  // CRLF drafts too.
  assert.deepEqual(summary(check('---\r\ndocument: 調達仕様書\r\ncategory: 構築\r\n\r\n本文\r\n')), ['0:0-0:3 error frontmatter-yaml']);
});

test('a file opening with a thematic break, or naming document only after its first heading, is not a draft', () => {
  assert.equal(analyze(lines('---', '', '# メモ', '', 'document: 調達仕様書'), { catalog: catalog() }), undefined);
  assert.equal(analyze(lines('---', 'title: メモ', '', '本文'), { catalog: catalog() }), undefined);
  assert.equal(analyze(lines('***', 'document: 調達仕様書'), { catalog: catalog() }), undefined);
});

// ---- Numbering: fixes never create a duplicate number ----

const SPEC_CLAUSES = [
  ['情報セキュリティを確保するための体制の整備', '受注者は、情報セキュリティを確保するための体制を整備すること。'],
  ['秘密保持', '受注者は、知り得た情報の秘密を保持すること。'],
  ['セキュリティ機能の装備', '本システムに以下のセキュリティ機能を実装すること。'],
  ['脆弱性対策', '脆弱性対策を実施すること。'],
  ['情報セキュリティが侵害された場合の対処', '情報セキュリティが侵害された場合は速やかに報告すること。'],
  ['履行状況の確認', '情報セキュリティ対策の履行状況を報告すること。'],
  ['履行が不十分な場合の対処', '履行が不十分な場合は協議を行い対応すること。'],
  ['再委託', '再委託は認めない。'],
] as const;

type Style = (n: number, title: string) => string;
const STYLES: Record<string, Style> = {
  paren: (n, t) => `### (${n}) ${t}`,
  wideParen: (n, t) => `### （${String.fromCharCode(0xff10 + n)}）${t}`,
  dotted: (n, t) => `### 7.${n} ${t}`,
  plain: (n, t) => `### ${n}. ${t}`,
  articleHeading: (n, t) => `## 第${n}条（${t}）`,
  articleParagraph: (n, t) => `第${n}条（${t}）`,
};

function numberedDraft(style: string, present: boolean[], gaps: boolean[], contract: boolean): string {
  const fm = contract ? ['---', 'document: 契約書', 'category: build', 'parties: { 甲: 外務省, 乙: 株式会社いろは }', '---'] : ['---', 'document: 調達仕様書', 'category: build', 'organization: 外務省', '---'];
  const out = [...fm, '', '# 件名', '', contract ? '## 第0条 前文' : '## 7 情報セキュリティ', ''];
  let n = 0;
  SPEC_CLAUSES.forEach(([title, body], i) => {
    if (!present[i]) return;
    n += gaps[i] ? 2 : 1;
    out.push(STYLES[style](n, title), contract ? body.replace('受注者', '乙') : body, '');
  });
  out.push('## 8 その他', '', '以上。', '');
  return out.join('\n');
}

/** Number keys repeated within one group of siblings. */
function duplicates(text: string): string[] {
  const a = analyze(text, { catalog: catalog() })!;
  const seen = new Map<string, number>();
  for (const t of numberedTitles(text, a.context.blocks)) seen.set(`${t.group}#${t.key}`, (seen.get(`${t.group}#${t.key}`) ?? 0) + 1);
  return [...seen].filter(([, c]) => c > 1).map(([k]) => k);
}

test('the passport spec: the preferred fix inserts a branch number (2の2), never a second (3)', () => {
  const text = readFileSync(path.join(ROOT, 'examples/spec-build-passport-system.md'), 'utf8');
  const a = check(text);
  const d = a.result.diagnostics.find((x) => x.code === 'missing-clause' && x.clause === 'security-functions')!;
  const fix = quickFixes(a, d).find((x) => x.isPreferred)!;
  const after = applyEdits(text, fix.edits);
  assert.deepEqual(after.split('\n').filter((l) => l.startsWith('### ')), [
    '### (1) 情報セキュリティ管理体制',
    '### (2) 秘密の保持',
    '### (2の2) セキュリティ機能の装備',
    '### (3) 脆弱性対策',
    '### (4) 情報セキュリティインシデントへの対応',
    '### (5) 履行状況の報告',
    '### (6) 対策の履行が不十分な場合の対処',
  ]);
});

test('property: no sequence of missing-clause fixes (any variant, in any order, or fix-all) produces a duplicate number', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...Object.keys(STYLES)),
      fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      fc.boolean(),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }),
      fc.boolean(),
      (style, present, gaps, contract, choices, fixAll) => {
        let text = numberedDraft(style, present, gaps, contract);
        assert.deepEqual(duplicates(text), []);
        for (const [which, variant] of choices) {
          const a = check(text);
          const missing = a.result.diagnostics.filter((d) => d.code === 'missing-clause');
          if (!missing.length) break;
          const actions = quickFixes(a, missing[which % missing.length]);
          if (!actions.length) break;
          text = applyEdits(text, actions[variant % actions.length].edits);
          assert.deepEqual(duplicates(text), [], text);
        }
        if (fixAll) {
          const all = fixAllInsertions(text, { catalog: catalog() });
          text = applyEdits(text, all.map((i) => ({ start: i.offset, end: i.offset, newText: i.text })));
          assert.deepEqual(duplicates(text), [], text);
        }
      },
    ),
    { numRuns: 40 },
  );
});
