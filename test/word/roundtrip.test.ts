import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import JSZip from 'jszip';
import { analyze } from '../../server/src/core';
import { checkWord } from '../../server/src/word/check';
import { ExportError, FONTS, markdownToDocx } from '../../server/src/word/export';
import { catalog, ROOT } from '../support/catalog';

const drafts = [
  ...readdirSync(path.join(ROOT, 'examples')).map((f) => `examples/${f}`),
  ...readdirSync(path.join(ROOT, 'test/fixtures/drafts')).map((f) => `test/fixtures/drafts/${f}`),
].filter((f) => f.endsWith('.md') && !f.endsWith('README-notes.md'));

const statuses = (clauses: Array<{ id: string; status: string }>) => clauses.map((c) => `${c.id}:${c.status}`);

test('round trip on every example and fixture draft: export to .docx, check the .docx, same clause statuses', async () => {
  assert.ok(drafts.length >= 26, `${drafts.length} drafts`);
  for (const file of drafts) {
    const markdown = readFileSync(path.join(ROOT, file), 'utf8');
    const expected = analyze(markdown, { catalog: catalog(), locale: 'ja' });
    assert.ok(expected, file);
    if (expected.result.diagnostics.some((d) => d.code === 'frontmatter-yaml')) {
      // A broken front matter cannot become document properties: the export refuses, and says why.
      await assert.rejects(markdownToDocx(markdown, { catalog: catalog(), locale: 'ja' }), ExportError, file);
      continue;
    }
    const exported = await markdownToDocx(markdown, { catalog: catalog(), locale: 'ja' });
    const checked = await checkWord(exported.bytes, { catalog: catalog(), locale: 'ja', maxSize: 1e7 });
    assert.equal(checked.kind, 'draft', file);
    if (checked.kind !== 'draft') continue;
    assert.deepEqual(statuses(checked.result.clauses), statuses(expected.result.clauses), file);
    assert.equal(checked.result.document, expected.result.document, file);
    assert.deepEqual(checked.result.categories, expected.result.categories, file);
    assert.deepEqual(checked.result.options, expected.result.options, file);
    // Every placeholder and marker the Markdown has is highlighted, and found again in the .docx.
    const left = (d: { code: string }) => d.code === 'unresolved-placeholder' || d.code === 'unresolved-variant';
    assert.equal(exported.highlights.length, expected.result.diagnostics.filter(left).length, file);
    assert.equal(checked.result.diagnostics.filter(left).length, exported.highlights.length, file);
  }
});

const xmlOf = async (bytes: Buffer, part: string) => (await JSZip.loadAsync(bytes)).file(part)!.async('string');

test('the export: built-in heading styles, numbers as text, Word lists and tables, properties, fonts, highlighted blanks', async () => {
  const markdown = [
    '---',
    'document: 契約書',
    'category: [保守・点検, 運用]',
    'organization: 外務省',
    'parties: { 甲: 外務省, 乙: 株式会社〇〇 }',
    'options: { subcontracting: prohibited }',
    '---',
    '',
    '# 保守業務契約書',
    '',
    '## 第1条（秘密の保持）',
    '',
    '乙は、知り得た秘密を漏らしてはならない。',
    '２　乙は、[乙]の従業員にも守らせる。',
    '',
    '【再委託を禁止する場合】',
    '',
    '- 箇条',
    '1. 番号',
    '',
    '| 項目 | 内容 |',
    '| --- | --- |',
    '| 報告 | 〔 省 〕へ |',
    '',
  ].join('\n');
  const { bytes, highlights } = await markdownToDocx(markdown, { catalog: catalog(), locale: 'ja' });
  assert.deepEqual(highlights, [
    { code: 'unresolved-placeholder', line: 13, text: '[乙]' },
    { code: 'unresolved-variant', line: 15, text: '【再委託を禁止する場合】' },
    { code: 'unresolved-placeholder', line: 22, text: '〔 省 〕' },
  ]);
  const document = await xmlOf(bytes, 'word/document.xml');
  const paragraphs = [...document.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => m[1]);
  const text = (p: string) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const style = (p: string) => /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1];
  assert.deepEqual(
    paragraphs.map((p) => [style(p) ?? '', text(p)]),
    [
      ['Heading1', '保守業務契約書'],
      ['Heading2', '第1条（秘密の保持）'],
      ['', '乙は、知り得た秘密を漏らしてはならない。２　乙は、[乙]の従業員にも守らせる。'],
      ['', '【再委託を禁止する場合】'],
      ['ListParagraph', '箇条'],
      ['ListParagraph', '番号'],
      ['', '項目'],
      ['', '内容'],
      ['', '報告'],
      ['', '〔 省 〕へ'],
    ],
  );
  // One Markdown paragraph is one Word paragraph: its second line follows a line break.
  assert.match(paragraphs[2], /守らせる|<w:br\/>/);
  assert.ok(paragraphs[2].indexOf('<w:br/>') < paragraphs[2].indexOf('２　乙は'));
  // Highlighted: exactly the blanks.
  const highlighted = [
    ...document.matchAll(/<w:r><w:rPr><w:highlight w:val="yellow"\/><\/w:rPr><w:t[^>]*>([^<]*)</g),
  ].map((m) => m[1]);
  assert.deepEqual(highlighted, ['[乙]', '【再委託を禁止する場合】', '〔 省 〕']);
  assert.equal((document.match(/<w:tbl>/g) ?? []).length, 1);
  assert.equal((document.match(/<w:numPr>/g) ?? []).length, 2);
  const custom = await xmlOf(bytes, 'docProps/custom.xml');
  const props = [...custom.matchAll(/name="([^"]+)"><vt:lpwstr>([^<]*)</g)].map((m) => [m[1], m[2]]);
  assert.deepEqual(props, [
    ['文書種別', '契約書'],
    ['業務分類', '保守・点検、運用'],
    ['組織', '外務省'],
    ['甲', '外務省'],
    ['乙', '株式会社〇〇'],
    ['オプション', '{&quot;subcontracting&quot;:&quot;prohibited&quot;}'],
  ]);
  const styles = await xmlOf(bytes, 'word/styles.xml');
  assert.match(
    styles,
    new RegExp(`<w:rFonts w:ascii="${FONTS.body}" w:eastAsia="${FONTS.body}" w:hAnsi="${FONTS.body}"/>`),
  );
  assert.match(styles, /<w:lang w:val="ja-JP" w:eastAsia="ja-JP"\/>/);
  assert.match(await xmlOf(bytes, 'docProps/core.xml'), /<dc:title>保守業務契約書<\/dc:title>/);
});
