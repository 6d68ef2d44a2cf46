import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalog } from '../support/catalog';
import { checkWord } from '../../server/src/word/check';
import { formatNumber } from '../../server/src/word/numbering';
import { convertDocx } from '../../server/src/word/read';
import { WordReadError } from '../../server/src/word/package';
import {
  article,
  HeadingLevel,
  makeDocx,
  Paragraph,
  reviewed,
  rezip,
  Table,
  TableCell,
  TableRow,
} from '../support/docx';

const contract = () =>
  makeDocx(
    [
      new Paragraph({ text: '機器保守業務請負契約書', heading: HeadingLevel.TITLE }),
      new Paragraph({ text: '第1章　総則', heading: HeadingLevel.HEADING_1 }),
      article('（秘密の保持）'),
      new Paragraph('乙は、本業務に関して知り得た情報を第三者に漏らしてはならない。'),
      article('乙は、本業務の終了時に、甲から提供された資料を返却しなければならない。', 1),
      article('（再委託の制限）'),
      reviewed('乙は、本業務の全部又は一部を', '第三者に', '委託し、又は', '請け負わせてはならない。'),
      article('次に掲げる事項', 2),
      article('作業の記録', 3),
      new Paragraph({ text: '持込み端末の検査', bullet: { level: 0 } }),
      new Paragraph({ text: '# 見出しではない', bullet: { level: 1 } }),
      new Table({
        rows: [
          new TableRow({
            children: [
              new TableCell({ children: [new Paragraph('項目')] }),
              new TableCell({ children: [new Paragraph('内容 | 備考')] }),
            ],
          }),
          new TableRow({
            children: [
              new TableCell({ children: [new Paragraph('報告')] }),
              new TableCell({ children: [new Paragraph('[乙]は直ちに〔 省 〕に報告する。')] }),
            ],
          }),
        ],
      }),
    ],
    { 文書種別: '契約書', 業務分類: '保守・点検', 甲: '国土交通省' },
    [{ id: 0, text: 'ここは要確認（コメントは本文ではない）' }],
  );

test('a Word document becomes the Markdown the analysis reads: headings, computed numbers, lists, tables; no comments, no deletions', async () => {
  const c = await convertDocx(await contract());
  assert.deepEqual(c.lines, [
    '# 機器保守業務請負契約書',
    '',
    '# 第1章　総則',
    '',
    '第1条（秘密の保持）',
    '',
    '乙は、本業務に関して知り得た情報を第三者に漏らしてはならない。',
    '',
    '２ 乙は、本業務の終了時に、甲から提供された資料を返却しなければならない。',
    '',
    '第2条（再委託の制限）',
    '',
    '乙は、本業務の全部又は一部を第三者に請け負わせてはならない。',
    '',
    '(1) 次に掲げる事項',
    '',
    'ア 作業の記録',
    '',
    '- 持込み端末の検査',
    '  - \\# 見出しではない',
    '',
    '| 項目 | 内容 \\| 備考 |',
    '| --- | --- |',
    '| 報告 | [乙]は直ちに〔 省 〕に報告する。 |',
  ]);
  assert.deepEqual(c.properties, {
    document: { name: '文書種別', value: '契約書' },
    category: { name: '業務分類', value: '保守・点検' },
    甲: { name: '甲', value: '国土交通省' },
  });
  assert.equal(c.paragraphs, 15);
});

test('findings point to the paragraph (index, heading path, number, first words) or to the document property', async () => {
  const checked = await checkWord(await contract(), { catalog: catalog(), locale: 'ja', maxSize: 1e7 });
  assert.equal(checked.kind, 'draft');
  if (checked.kind !== 'draft') return;
  const placeholders = checked.result.diagnostics.filter((d) => d.code === 'unresolved-placeholder');
  assert.deepEqual(
    placeholders.map((d) => [d.message, d.word]),
    [
      [
        '未記入のプレースホルダ「[乙]」（乙（受注者））が残っています。クイックフィックスで「乙」に置き換えられます。',
        { kind: 'paragraph', index: 14, headings: ['第1章　総則'], excerpt: '報告' },
      ],
      [
        '未記入のプレースホルダ「〔 省 〕」（府省庁名）が残っています。実際の値を記入してください。',
        { kind: 'paragraph', index: 14, headings: ['第1章　総則'], excerpt: '報告' },
      ],
    ],
  );
  const missing = checked.result.diagnostics.filter((d) => d.code === 'missing-clause');
  assert.ok(missing.length > 0);
  for (const d of missing) assert.deepEqual(d.word, { kind: 'property', name: '業務分類' });
  const statuses = Object.fromEntries(checked.result.clauses.map((c) => [c.id, c.status]));
  assert.equal(statuses.confidentiality, 'present');
  assert.equal(statuses.subcontracting, 'present');
  const evidence = checked.result.clauses.find((c) => c.id === 'confidentiality')?.evidence as { word?: unknown };
  // The clause's own title proves it: the article's number comes from Word's numbering.
  assert.deepEqual(evidence.word, {
    kind: 'paragraph',
    index: 3,
    headings: ['第1章　総則'],
    number: '第1条',
    excerpt: '（秘密の保持）',
  });
});

test('numbered headings keep their computed number, and a numbered paragraph names it in its location', async () => {
  const bytes = await makeDocx(
    [
      new Paragraph({ text: '目的', heading: HeadingLevel.HEADING_1, numbering: { reference: 'articles', level: 0 } }),
      article('乙は、甲の指示に従う。', 1),
    ],
    { 文書種別: '契約書', 業務分類: '保守' },
  );
  const checked = await checkWord(bytes, { catalog: catalog(), locale: 'ja', maxSize: 1e7 });
  assert.equal(checked.kind, 'draft');
  if (checked.kind !== 'draft') return;
  assert.deepEqual(checked.draft.text.split('\n').slice(5), ['# 第1条 目的', '', '２ 乙は、甲の指示に従う。', '']);
  assert.deepEqual(checked.draft.origin[7], {
    kind: 'paragraph',
    index: 2,
    headings: ['第1条 目的'],
    number: '２',
    excerpt: '乙は、甲の指示に従う。',
  });
});

test("Word's number formats: decimal, full width, circled, kana (aiueo, iroha), kanji, roman, letters", () => {
  assert.deepEqual(
    [
      formatNumber(12, 'decimal'),
      formatNumber(12, 'decimalFullWidth'),
      formatNumber(3, 'decimalEnclosedCircle'),
      formatNumber(2, 'aiueoFullWidth'),
      formatNumber(47, 'aiueoFullWidth'),
      formatNumber(3, 'irohaFullWidth'),
      formatNumber(11, 'japaneseCounting'),
      formatNumber(20, 'japaneseCounting'),
      formatNumber(4, 'upperRoman'),
      formatNumber(27, 'lowerLetter'),
      formatNumber(5, 'none'),
    ],
    ['12', '１２', '③', 'イ', 'ア', 'ハ', '十一', '二十', 'IV', 'aa', ''],
  );
});

const problemOf = async (bytes: Buffer | Uint8Array, maxInflated?: number) => {
  try {
    await convertDocx(bytes, maxInflated);
    return 'read';
  } catch (e) {
    assert.ok(e instanceof WordReadError, String(e));
    return e.problem;
  }
};

test('hostile files each get one named problem: not a zip, OLE (encrypted or .doc), broken zip, zip without Word, .docm, zip bomb', async () => {
  const good = await contract();
  const ole = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  const macro = await rezip(good, (zip) => {
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
    );
    zip.file('word/vbaProject.bin', new Uint8Array([1, 2, 3]));
  });
  const notWord = await rezip(good, (zip) => {
    zip.remove('word/document.xml');
  });
  const badXml = await rezip(good, (zip) => {
    zip.file(
      'word/document.xml',
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>',
    );
  });
  // 4 entries of 4 MB of spaces each: 16 MB inflated from a few KB, read with an 8 MB budget (the
  // default is MAX_INFLATED_BYTES, 64 MB; the budget is the same code path at any size).
  const bomb = await rezip(good, (zip) => {
    const block = new Uint8Array(4 << 20).fill(32);
    for (let i = 0; i < 4; i++) zip.file(`word/pad${i}.xml`, block);
  });
  assert.deepEqual(
    [
      await problemOf(Buffer.from('plain text, not a document')),
      await problemOf(ole),
      await problemOf(good.subarray(0, good.length >> 1)),
      await problemOf(notWord),
      await problemOf(badXml),
      await problemOf(macro),
      await problemOf(bomb, 8 << 20),
      await problemOf(good, 1024),
      await problemOf(good),
    ],
    [
      'not-zip',
      'encrypted',
      'broken',
      'not-word',
      'broken',
      'macro-enabled',
      'inflated-too-large',
      'inflated-too-large',
      'read',
    ],
  );
  assert.ok(bomb.length < 256 << 10, `the bomb is small on disk (${bomb.length} bytes)`);
  assert.equal(await problemOf(bomb), 'read');
});

test('an empty document and one without a document type: one finding, or not a draft', async () => {
  const empty = await checkWord(await makeDocx([], { 文書種別: '契約書' }), {
    catalog: catalog(),
    locale: 'en',
    maxSize: 1e7,
  });
  assert.equal(empty.kind, 'unreadable');
  if (empty.kind === 'unreadable')
    assert.deepEqual(
      empty.result.diagnostics.map((d) => [d.code, d.severity, d.message, d.data]),
      [['word-unreadable', 'error', 'The Word document has no text.', { reason: 'empty' }]],
    );
  const untyped = await checkWord(await makeDocx([new Paragraph('本文')]), {
    catalog: catalog(),
    locale: 'ja',
    maxSize: 1e7,
  });
  assert.deepEqual(untyped, { kind: 'not-draft' });
});

test('metadata: the document properties win over the layers below them, which fill what is missing', async () => {
  const bytes = await makeDocx([new Paragraph('乙は、知り得た秘密を漏らしてはならない。')], { 業務分類: '保守' });
  const flags = {
    metadata: { document: 'contract', category: ['build'] },
    sourceOf: (key: string) => ({ kind: 'flag' as const, flag: `--${key}` }),
  };
  const checked = await checkWord(bytes, { catalog: catalog(), locale: 'ja', maxSize: 1e7, layers: [flags] });
  assert.equal(checked.kind, 'draft');
  if (checked.kind !== 'draft') return;
  assert.deepEqual(checked.draft.text.split('\n').slice(0, 4), [
    '---',
    'document: "contract"',
    'category: [ "保守" ]',
    '---',
  ]);
  assert.deepEqual(checked.draft.sources, {
    document: { kind: 'flag', flag: '--document' },
    category: { kind: 'property', name: '業務分類' },
  });
  assert.deepEqual(checked.result.categories, ['maintenance']);
});
