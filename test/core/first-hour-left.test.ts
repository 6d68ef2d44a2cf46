// Issue 11, the rest of a new user's first hour: adding the parties, completion numbered like the
// draft, and what a fix shows after it inserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { partiesInsertion } from '../../server/src/core/fixes/parties';
import { completionTitle } from '../../server/src/core/fixes/insertClause';
import { applyOffsetEdits, insertedSpan } from '../../server/src/core/fixes/reveal';
import { quickFixes } from '../../server/src/core';
import { check, lines, summary } from '../support/drafts';
import { catalog } from '../support/catalog';
import { CONTRACT_WITHOUT_PARTIES } from '../support/fixtures';
import { snippets } from '../../scripts/generate';

const CONTRACT = CONTRACT_WITHOUT_PARTIES;

test('parties: a contract with [甲]/[乙] and no parties gets them added before the closing fence; then every placeholder can be filled', () => {
  const a = check(CONTRACT);
  const p = partiesInsertion(a.context)!;
  assert.equal(p.title, 'front matter に当事者（parties: 甲・乙）を追加');
  assert.equal(p.offset, CONTRACT.indexOf('---\n\n#'));
  assert.equal(p.text, 'parties:\n  甲: 外務省\n  乙: 〔　　〕\n');
  assert.equal(p.snippet, 'parties:\n  甲: ${1:外務省}\n  乙: ${2:〔　　〕}\n');
  // Typed over: the front matter is valid and both placeholders are now fillable.
  const named = CONTRACT.slice(0, p.offset) + 'parties:\n  甲: 外務省\n  乙: 株式会社〇〇\n' + CONTRACT.slice(p.offset);
  const after = check(named);
  const fills = after.result.diagnostics
    .filter((d) => d.code === 'unresolved-placeholder')
    .map((d) => (d.data as { fill?: string }).fill);
  assert.deepEqual(fills, ['株式会社〇〇', '外務省']);
  assert.equal(partiesInsertion(after.context), undefined, 'never a second parties key');
  // The fill quick fix then replaces exactly the placeholder.
  const ph = after.result.diagnostics.find((d) => d.code === 'unresolved-placeholder')!;
  const [one] = quickFixes(after, { code: ph.code, range: ph.range, data: ph.data });
  assert.equal(applyOffsetEdits(named, one.edits).split('\n')[12], '株式会社〇〇は、[甲]の情報を漏らしてはならない。');
});

test('parties: English titles, CRLF kept, no organization → blanks; none for an existing key, even an empty one, or unreadable YAML', () => {
  const crlf = CONTRACT.replace('organization: 外務省\n', '').replace(/\n/g, '\r\n');
  const p = partiesInsertion(check(crlf, 'en').context)!;
  assert.equal(p.title, 'Add the parties (甲, 乙) to the front matter');
  assert.equal(p.text, 'parties:\r\n  甲: 〔　　〕\r\n  乙: 〔　　〕\r\n');
  assert.equal(p.offset, crlf.indexOf('---\r\n\r\n#'));
  assert.equal(partiesInsertion(check(CONTRACT.replace('---\n\n#', '当事者:\n---\n\n#')).context), undefined);
  assert.equal(partiesInsertion(check(CONTRACT.replace('category: build', 'category: [build')).context), undefined);
});

const sectionDraft = (...body: string[]) =>
  lines(
    '---',
    'document: 調達仕様書',
    'category: build',
    '---',
    '',
    '# 件名',
    '',
    '## 情報セキュリティ',
    '',
    ...body,
    '',
  );

test('completion titles follow the draft: next number, branch number when taken, 第n条の2 after an article, none when unnumbered', () => {
  const at = (text: string, marker: string) => text.indexOf(marker);
  const paren = sectionDraft(
    '### (1) 秘密保持',
    '',
    '秘密を保持すること。',
    '',
    '@',
    '',
    '### (2) 再委託',
    '',
    '再委託は認めない。',
  );
  assert.deepEqual(completionTitle(check(paren).context, at(paren, '@'), '脆弱性対策'), {
    line: '### (1の2) 脆弱性対策',
    kind: 'heading',
  });
  const last = sectionDraft('### (1) 秘密保持', '', '秘密を保持すること。', '', '@');
  assert.deepEqual(completionTitle(check(last).context, at(last, '@'), '脆弱性対策'), {
    line: '### (2) 脆弱性対策',
    kind: 'heading',
  });
  const dotted = sectionDraft('### 1. 秘密保持', '', '秘密を保持すること。', '', '@');
  assert.equal(completionTitle(check(dotted).context, at(dotted, '@'), '脆弱性対策').line, '### 2. 脆弱性対策');
  const article = sectionDraft('第3条（秘密の保持）', '秘密を保持すること。', '', '@');
  assert.deepEqual(completionTitle(check(article).context, at(article, '@'), '再委託'), {
    line: '第3条の2（再委託）',
    kind: 'title',
  });
  const plain = sectionDraft('### 秘密保持', '', '秘密を保持すること。', '', '@');
  assert.deepEqual(completionTitle(check(plain).context, at(plain, '@'), '再委託'), {
    line: '### 再委託',
    kind: 'heading',
  });
  // Under an umbrella heading with no clause yet: one level below it.
  const umbrella = sectionDraft('@');
  assert.equal(completionTitle(check(umbrella).context, at(umbrella, '@'), '再委託').line, '### 再委託');
  // A numbered heading of the section before a new, unnumbered section does not number it.
  const newSection = sectionDraft('### (1) 秘密保持', '', '秘密を保持すること。', '', '## 付記', '', '@');
  assert.equal(completionTitle(check(newSection).context, at(newSection, '@'), '再委託').line, '### 再委託');
});

test('insertedSpan: the first inserted text in the edited document, without the blank lines around it', () => {
  const text = 'abc\n\ndef\n';
  const edits = [
    { start: 9, end: 9, newText: '\n### (2) X\n\nbody\n' },
    { start: 3, end: 3, newText: '\n\n### (1の2) Y\n' },
  ];
  const span = insertedSpan(edits)!;
  const after = applyOffsetEdits(text, edits);
  assert.equal(after.slice(span.start, span.end), '### (1の2) Y');
  // A replacement: its new text; a deletion alone reveals nothing.
  assert.deepEqual(insertedSpan([{ start: 4, end: 8, newText: '外務省' }]), { start: 4, end: 7 });
  assert.equal(insertedSpan([{ start: 4, end: 8, newText: '' }]), undefined);
  // A deletion before the insertion shifts it.
  const mixed = [
    { start: 0, end: 2, newText: '' },
    { start: 5, end: 5, newText: 'XY' },
  ];
  const s2 = insertedSpan(mixed)!;
  assert.equal(applyOffsetEdits('0123456', mixed).slice(s2.start, s2.end), 'XY');
  assert.deepEqual(summary(check(CONTRACT)).slice(-2), [
    '9:0-9:3 warning unresolved-placeholder "[乙]"',
    '9:5-9:8 warning unresolved-placeholder "[甲]"',
  ]);
});

test('the skeleton snippet left as inserted never passes: （記述）, （件名） and organization: 〔 省 〕 are unresolved placeholders, and 〔 省 〕 fills nothing', () => {
  const skeleton = (snippets(catalog()) as Record<string, { body: string[] }>)['調達仕様書: 草案のひな形 / skeleton'];
  // Expanded as VS Code does when every tab stop is left alone: defaults, the first choice.
  const text = skeleton.body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
  const a = check(text);
  const placeholders = a.result.diagnostics.filter((d) => d.code === 'unresolved-placeholder');
  const texts = placeholders.map((d) => text.slice(a.lines.offsetAt(d.range.start), a.lines.offsetAt(d.range.end)));
  const bodies = skeleton.body.filter((l) => l.endsWith(':（記述）}')).length;
  assert.equal(bodies, 11, 'every clause some category requires');
  assert.deepEqual(texts, ['〔 省 〕', '（件名）', ...Array(bodies).fill('（記述）')]);
  assert.deepEqual(
    placeholders.map((d) => d.data),
    [
      { placeholder: 'organization' },
      { placeholder: 'title' },
      ...Array(bodies).fill({ placeholder: 'skeleton-text' }),
    ],
  );
  assert.equal(placeholders[0].range.start.line, 3);
  assert.equal(
    placeholders[1].message,
    '未記入のプレースホルダ「（件名）」が残っています。実際の値を記入してください。',
  );
  // New draft's English title too; a front-matter value that is a placeholder fills no body placeholder.
  const en = check(
    lines(
      '---',
      'document: contract',
      'category: build',
      'organization: 〔 省 〕',
      '---',
      '',
      '# (Title) contract',
      '',
      '〔 省 〕の情報',
    ),
  );
  assert.deepEqual(
    summary(en).filter((s) => s.includes('placeholder')),
    [
      '3:14-3:19 warning unresolved-placeholder "〔 省 〕"',
      '6:2-6:9 warning unresolved-placeholder "(Title)"',
      '8:0-8:5 warning unresolved-placeholder "〔 省 〕"',
    ],
  );
  assert.deepEqual(en.result.diagnostics.find((d) => d.range.start.line === 8)?.data, { placeholder: 'organization' });
});
