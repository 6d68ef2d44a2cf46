import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { checkWord } from '../../server/src/word/check';
import { catalog } from '../support/catalog';
import { article, HeadingLevel, makeDocx, Paragraph } from '../support/docx';
import { LspClient, serveFile } from '../support/lsp';

let client!: LspClient;
serveFile((c) => (client = c));

const command = <T>(name: string, arg: unknown) =>
  client.request<T>('workspace/executeCommand', { command: name, arguments: [arg] });

test('「Word 文書を Markdown の草案として開く」: the server turns the .docx into a draft with front matter from its properties', async () => {
  const bytes = await makeDocx(
    [
      new Paragraph({ text: '保守契約書', heading: HeadingLevel.HEADING_1 }),
      article('（秘密の保持）'),
      new Paragraph('乙は、知り得た秘密を漏らしてはならない。'),
    ],
    { 文書種別: '契約書', 業務分類: '保守・点検、運用', 組織: '外務省' },
  );
  const result = await command<{ ok: boolean; markdown: string }>('itaku.server.wordToMarkdown', {
    data: bytes.toString('base64'),
  });
  assert.deepEqual(result, {
    ok: true,
    markdown: [
      '---',
      'document: "契約書"',
      'category: [ "保守・点検", "運用" ]',
      'organization: "外務省"',
      '---',
      '',
      '# 保守契約書',
      '',
      '第1条（秘密の保持）',
      '',
      '乙は、知り得た秘密を漏らしてはならない。',
      '',
    ].join('\n'),
  });
  const untyped = await makeDocx([new Paragraph('本文')]);
  assert.deepEqual(await command('itaku.server.wordToMarkdown', { data: untyped.toString('base64') }), {
    ok: false,
    needsMetadata: true,
  });
  const chosen = await command<{ ok: boolean; markdown: string }>('itaku.server.wordToMarkdown', {
    data: untyped.toString('base64'),
    document: 'procurement-spec',
    categories: ['cloud'],
  });
  assert.equal(chosen.markdown, '---\ndocument: "procurement-spec"\ncategory: [ "cloud" ]\n---\n\n本文\n');
  assert.deepEqual(
    await command('itaku.server.wordToMarkdown', { data: Buffer.from('not a zip').toString('base64'), locale: 'en' }),
    {
      ok: false,
      message:
        'Not a Word document (.docx): the file is not a zip package. Open it in Word and save it as "Word Document (*.docx)".',
    },
  );
});

test('「Word に書き出す」: the server returns the .docx and a warning for the highlighted blanks; a broken front matter is refused', async () => {
  const text =
    '---\ndocument: 契約書\ncategory: 保守\n---\n\n# 契約書\n\n〔 省 〕の担当者は、知り得た秘密を漏らしてはならない。\n';
  const result = await command<{ ok: true; data: string; highlights: number; warning: string }>(
    'itaku.server.exportWord',
    {
      text,
      locale: 'ja',
    },
  );
  assert.equal(result.highlights, 1);
  assert.equal(
    result.warning,
    '未記入のプレースホルダか【…の場合】の見出しが 1 件残っています（Word では黄色の蛍光ペンで示しています）。提出前に埋めてください。',
  );
  const back = await checkWord(Buffer.from(result.data, 'base64'), { catalog: catalog(), locale: 'ja', maxSize: 1e7 });
  assert.equal(back.kind, 'draft');
  if (back.kind === 'draft')
    assert.deepEqual([back.result.document, back.result.categories], ['contract', ['maintenance']]);
  // Found attacking the server: a 5 MB draft froze it for 20 s, a 20 MB one ran it out of memory.
  // The export runs on the server's thread, so the editor exports drafts up to 1 MB; the CLI the rest.
  const big = `${text}${'受注者は、本業務の実施に当たり知り得た情報を第三者に漏らしてはならない。\n'.repeat(12_000)}`;
  assert.deepEqual(await command('itaku.server.exportWord', { text: big, locale: 'ja' }), {
    ok: false,
    message:
      '草案が大きすぎて、エディタからは Word に書き出せません（1 MB まで）。ターミナルで npx itaku export <ファイル> --format docx を使ってください。',
  });
  assert.deepEqual(await command('itaku.server.exportWord', { text: '---\ndocument: [契約書\n---\n', locale: 'en' }), {
    ok: false,
    message:
      'The front-matter YAML is broken, so the draft cannot be exported (it cannot become document properties). Fix the problem shown in the Problems panel.',
  });
});

test('「Word 文書を Markdown の草案として開く」 in a folder whose .itaku.yaml maps its .docx files to a type and categories', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'itaku-word-config-'));
  writeFileSync(
    path.join(dir, '.itaku.yaml'),
    'overrides:\n  - files: ["vendor/*.docx"]\n    defaults:\n      document: 契約書\n      category: [保守]\n',
  );
  const folder = pathToFileURL(dir).href;
  const inFolder = await LspClient.start({ workspaceFolder: folder });
  try {
    const untyped = (await makeDocx([new Paragraph('本文')])).toString('base64');
    const run = (uri: string) =>
      inFolder.request('workspace/executeCommand', {
        command: 'itaku.server.wordToMarkdown',
        arguments: [{ data: untyped, uri }],
      });
    assert.deepEqual(await run(`${folder}/vendor/bare.docx`), {
      ok: true,
      markdown: '---\ndocument: "契約書"\ncategory: [ "保守" ]\n---\n\n本文\n',
    });
    // Outside the glob the user is asked, as before.
    assert.deepEqual(await run(`${folder}/other.docx`), { ok: false, needsMetadata: true });
  } finally {
    await inFolder.shutdown().catch(() => undefined);
  }
});

test('a Word export runs off the server’s thread: a hover on an open draft is answered before the export of a large draft', async () => {
  // Found attacking the server: the export ran on the connection's thread, so while a 1 MB draft
  // was exported (about 3 s) every request waited; it runs in a worker of its own now.
  const draft = pathToFileURL(path.join(os.tmpdir(), 'itaku-word-hover.md')).href;
  client.open(
    draft,
    '---\ndocument: 契約書\ncategory: storage-transport\n---\n\n乙は、本業務に関して知り得た秘密を漏らしてはならない。\n',
    1,
  );
  await client.diagnosticsFor(draft, 1);
  const text = `---\ndocument: 契約書\ncategory: 保守\n---\n\n# 契約書\n\n${'受注者は、本業務の実施に当たり知り得た情報を第三者に漏らしてはならない。\n'.repeat(9_000)}`;
  let exported = false;
  const exporting = command<{ ok: boolean; data: string }>('itaku.server.exportWord', { text, locale: 'ja' }).then(
    (r) => {
      exported = true;
      return r;
    },
  );
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
    textDocument: { uri: draft },
    position: { line: 2, character: 12 },
  });
  assert.ok(hover?.contents.value.includes('情報の保存・運搬'), JSON.stringify(hover));
  assert.equal(exported, false, 'the hover was answered while the export ran');
  const result = await exporting;
  assert.equal(result.ok, true);
  const back = await checkWord(Buffer.from(result.data, 'base64'), { catalog: catalog(), locale: 'ja', maxSize: 1e7 });
  assert.equal(back.kind, 'draft');
});
