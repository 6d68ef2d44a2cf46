import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { propertyRuns } from '../support/propertySeed';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionParams, Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { analyze } from '../../server/src/core/analyze';
import { DIAGNOSTIC_CODES } from '../../server/src/core/findings';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { codeActions, FIX_ALL_KIND } from '../../server/src/lsp/codeActions';
import { toLspDiagnostic } from '../../server/src/lsp/convert';
import type { DraftState } from '../../server/src/lsp/drafts';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';
import { applyEdit, block, edit } from '../support/arbitraries';
import { catalog } from '../support/catalog';
import { LspClient, serveFile, uriOf } from '../support/lsp';
import { applyTextEdits, editsOf, type LspTextEdit } from '../support/textEdits';

// Issue 10, data loss: a code action is built only from the server's own finding in the version
// it stamps; a stale, shifted or forged diagnostic from the client gets nothing that could
// overwrite the author's text.
const RUNS = Math.max(1000, propertyRuns(1000));

const STALE_DRAFT = [
  '---',
  'document: 契約書',
  'category: build',
  'organization: 外務省',
  'parties: { 甲: 外務省, 乙: 株式会社いろは }',
  '---',
  '',
  '# 業務委託契約書',
  '',
  '第1条（秘密の保持）',
  '乙は、本業務に関して知り得た秘密を漏らしてはならない。',
  '',
  '〔 省 〕の担当者は [乙] と調整する。',
  '',
  '【再委託を禁止する場合】',
  '乙は、本業務の全部又は一部を第三者に再委託してはならない。',
  '',
].join('\n');

let client!: LspClient;
serveFile((c) => (client = c));

const actionsFor = (uri: string, diagnostics: unknown[], only?: string[]) =>
  client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics, only },
  });

test('a stale diagnostic (v1) sent after an edit (v2) gets no action; the v2 one fills the placeholder where it now is', async () => {
  const uri = uriOf('stale-actions.md');
  client.open(uri, STALE_DRAFT, 1);
  const v1 = await client.diagnosticsFor(uri, 1);
  const placeholder = v1.find(
    (d) => d.code === 'unresolved-placeholder' && d.range.start.line === 12 && d.range.start.character === 0,
  )!;
  const variant = v1.find((d) => d.code === 'unresolved-variant')!;
  assert.deepEqual(
    [placeholder.range, variant.range.start],
    [
      { start: { line: 12, character: 0 }, end: { line: 12, character: 5 } },
      { line: 14, character: 0 },
    ],
  );
  client.change(uri, 2, [
    { range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: '担当者名簿による。' },
    { range: { start: { line: 14, character: 0 }, end: { line: 14, character: 0 } }, text: '注記を追加\n' },
  ]);
  const v2 = await client.diagnosticsFor(uri, 2);
  assert.deepEqual(await actionsFor(uri, [placeholder, variant]), []);
  const text2 = STALE_DRAFT.replace('〔 省 〕の担当者は', '担当者名簿による。〔 省 〕の担当者は').replace(
    '【再委託',
    '注記を追加\n【再委託',
  );
  const current = v2.find(
    (d) => d.code === 'unresolved-placeholder' && d.range.start.line === 12 && d.range.start.character === 9,
  )!;
  const [fill] = await actionsFor(uri, [current]);
  assert.equal(
    applyTextEdits(text2, editsOf(fill.edit as never, uri)).split('\n')[12],
    '担当者名簿による。外務省の担当者は [乙] と調整する。',
  );
  const marker = v2.find((d) => d.code === 'unresolved-variant')!;
  const [removal] = await actionsFor(uri, [marker]);
  assert.deepEqual(
    applyTextEdits(text2, editsOf(removal.edit as never, uri))
      .split('\n')
      .slice(14, 16),
    ['注記を追加', '乙は、本業務の全部又は一部を第三者に再委託してはならない。'],
  );
  client.close(uri);
});

test('forged diagnostics over the whole document get no action', async () => {
  const uri = uriOf('forged-actions.md');
  client.open(uri, STALE_DRAFT, 1);
  await client.diagnosticsFor(uri, 1);
  const whole = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };
  const forged = [
    { source: 'itaku', code: 'unresolved-placeholder', range: whole, data: { fill: 'PWNED' } },
    { source: 'itaku', code: 'unknown-category', range: whole, data: { suggestions: ['PWNED'] } },
    { source: 'itaku', code: 'unknown-key', range: whole, data: { suggestion: 'PWNED' } },
    { source: 'itaku', code: 'missing-category', range: whole, data: { suggestions: ['build'] } },
    {
      source: 'itaku',
      code: 'unresolved-variant',
      range: { start: { line: 6, character: 0 }, end: { line: 17, character: 0 } },
      data: { marker: '【再委託を禁止する場合】' },
    },
    {
      source: 'itaku',
      code: 'unresolved-placeholder',
      range: { start: { line: -1, character: Number.NaN }, end: { line: 12, character: 5 } },
      data: { fill: 'x' },
    },
  ];
  assert.deepEqual(await actionsFor(uri, forged), []);
  // The real placeholder, but with forged data, gets nothing either.
  const [real] = (await client.diagnosticsFor(uri, 1)).filter((d) => d.code === 'unresolved-placeholder');
  assert.deepEqual(await actionsFor(uri, [{ ...real, data: { ...real.data, fill: 'PWNED' } }]), []);
  client.close(uri);
});

test("a repeated version number with new text gets the new text's analysis, not the cached one", async () => {
  const uri = uriOf('repeated-version.md');
  client.open(uri, STALE_DRAFT, 1);
  await client.diagnosticsFor(uri, 1);
  // A full-text change that claims the same version: the placeholder line now starts with text.
  const text2 = STALE_DRAFT.replace('〔 省 〕の担当者は', '担当者名簿による。〔 省 〕の担当者は');
  client.change(uri, 1, [{ text: text2 }]);
  const symbols = await client.request<Array<{ name: string }>>('textDocument/documentSymbol', {
    textDocument: { uri },
  });
  assert.ok(symbols.length > 0);
  const stale = {
    source: 'itaku',
    code: 'unresolved-placeholder',
    range: { start: { line: 12, character: 0 }, end: { line: 12, character: 5 } },
    data: { placeholder: 'organization', fill: '外務省' },
  };
  assert.deepEqual(await actionsFor(uri, [stale]), []);
  client.close(uri);
});

test('insertAllMissing refuses an edit for another version than the one named', async () => {
  const uri = uriOf('insert-all-version.md');
  client.open(uri, STALE_DRAFT, 3);
  await client.diagnosticsFor(uri, 3);
  assert.deepEqual(
    await client.request('workspace/executeCommand', {
      command: 'itaku.server.insertAllMissing',
      arguments: [{ uri, version: 2 }],
    }),
    { applied: false, clauses: 0 },
  );
  client.close(uri);
});

test('publishDiagnostics never echoes a version that is not an integer', async () => {
  const uri = uriOf('odd-version.md');
  client.open(uri, STALE_DRAFT, 1.5);
  await client.until(() => client.published.some((p) => p.uri === uri), 'diagnostics');
  const published = client.published.filter((p) => p.uri === uri);
  assert.deepEqual(
    published.map((p) => p.version),
    [undefined],
  );
  client.close(uri);
});

// ---- property: stale, shifted and forged diagnostics after random edits ----

const WITH_FINDINGS = fc
  .tuple(
    fc.constantFrom(
      '---\ndocument: 契約書\ncategory: build\norganization: 外務省\nparties: { 甲: 外務省, 乙: 株式会社いろは }\n---\n',
      '---\ndocument: 調達仕様書\ncategory: clod\norganization: 外務省\n---\n',
      '---\ndocument: 契約書\n---\n',
      '---\ndocument: 契約書\ncategory: build\noptions: { audti: true }\ncolor: x\n---\n',
      '---\ndocument: 契約書\ncategory: [運用, 開発運用]\n---\n',
    ),
    fc.array(
      fc.constantFrom(
        '〔 省 〕の担当者は [乙] と調整する。',
        '【再委託を禁止する場合】',
        '## 【再委託を許可する場合】',
        '- 【監査を行う場合】 監査する。',
        '年 月 日までに報告する。',
        '乙は、秘密を漏らしてはならない。',
      ),
      { maxLength: 6 },
    ),
    fc.array(block, { maxLength: 4 }),
  )
  .map(([fm, lines, rest]) => fm + '\n' + lines.join('\n\n') + '\n\n' + rest.join('\n\n'));

const position = fc.record({
  line: fc.oneof(fc.integer({ min: -3, max: 40 }), fc.constantFrom(Number.NaN, 1e9, 0.5)),
  character: fc.oneof(fc.integer({ min: -3, max: 60 }), fc.constantFrom(Number.NaN, 1e9, 0.5)),
});
const forgedData = fc.oneof(
  fc.constant(undefined),
  fc.record({ fill: fc.constantFrom('PWNED', '', '外務省') }),
  fc.record({ suggestions: fc.array(fc.constantFrom('PWNED', 'build', 'cloud'), { maxLength: 3 }) }),
  fc.record({ suggestion: fc.constant('PWNED') }),
  fc.record({ clause: fc.constantFrom('audit', 'subcontracting', 'nothing', 'constructor') }),
  fc.record({ marker: fc.constant('【再委託を禁止する場合】') }),
);
const forged = fc
  .record({
    code: fc.constantFrom(...DIAGNOSTIC_CODES),
    range: fc.record({ start: position, end: position }),
    data: forgedData,
  })
  .map((d) => ({ ...d, source: 'itaku' }));

/** The spans of the current analysis a fix may replace (a finding's own text), by code. */
const REPLACEABLE = new Set([
  'unresolved-placeholder',
  'unknown-category',
  'unknown-document-type',
  'ambiguous-category',
  'unknown-key',
  'missing-category',
]);

/** Do `before` and `after` differ only in a number (第2条の2 → 第3条, (2) → (3))? */
function onlyNumbersDiffer(before: string, after: string): boolean {
  const digitsOut = (s: string) =>
    s.replace(/[0-9０-９一二三四五六七八九十百千]+(?:の[0-9０-９一二三四五六七八九十百千]+)?/g, '#');
  return before !== after && digitsOut(before) === digitsOut(after);
}

function assertOnlyNamedText(text: string, actions: CodeAction[], uri: string): void {
  const current = analyze(text, { catalog: catalog() });
  const lines = new LineIndex(text);
  const spans = (current?.result.diagnostics ?? []).map((d) => ({
    code: d.code,
    start: lines.offsetAt(d.range.start),
    end: lines.offsetAt(d.range.end),
  }));
  for (const action of actions) {
    const edits: LspTextEdit[] = editsOf(action.edit as never, uri);
    for (const e of edits) {
      for (const p of [e.range.start, e.range.end])
        assert.ok(
          Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0,
          `position ${JSON.stringify(p)}`,
        );
      const start = lines.offsetAt(e.range.start);
      const end = lines.offsetAt(e.range.end);
      assert.deepEqual(lines.range(start, end), e.range, 'an edit range inside the document');
      if (start === end) continue;
      const named = spans.some(
        (s) =>
          (REPLACEABLE.has(s.code) && s.start === start && s.end === end) ||
          (s.code === 'unresolved-variant' &&
            e.newText === '' &&
            start <= s.start &&
            s.end <= end &&
            !/[^\s#>*_+-]/.test(text.slice(start, s.start) + text.slice(s.end, end)) &&
            !/[\r\n]/.test(text.slice(start, s.start) + text.slice(s.end, end).replace(/(\r\n|\r|\n)$/, ''))),
      );
      // 「見出し番号を振り直す」 (offered while a current numbering finding exists) changes numbers and nothing else.
      const renumbered =
        spans.some((s) => s.code === 'numbering') && onlyNumbersDiffer(text.slice(start, end), e.newText);
      assert.ok(
        named || renumbered,
        `${action.title}: replaces ${JSON.stringify(text.slice(start, end))}, which no current finding names`,
      );
    }
  }
}

test(
  `property (${RUNS} cases): stale, shifted and forged diagnostics after random edits never get an edit outside what a current finding names`,
  { timeout: 900_000 },
  () => {
    let withActions = 0;
    fc.assert(
      fc.property(
        WITH_FINDINGS,
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ line: fc.integer({ min: -2, max: 2 }), character: fc.integer({ min: -3, max: 3 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(forged, { maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom(true, true, true, false),
        fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
        (text1, edits, shifts, forgeries, versioned, bodyOnly, fixAll) => {
          const uri = 'file:///property.md';
          const a1 = analyze(text1, { catalog: catalog() });
          // Most edits go below the front matter (an edit in it usually makes the text no draft).
          const fmEnd = bodyOnly ? text1.indexOf('\n---\n') + 5 : 0;
          let body = text1.slice(fmEnd);
          for (const e of edits) body = applyEdit(body, e);
          const text2 = text1.slice(0, fmEnd) + body;
          const a2 = analyze(text2, { catalog: catalog() });
          if (!a2) return;
          const lsp = (ds: typeof a2.result.diagnostics) => ds.flatMap((d) => toLspDiagnostic(d, uri, {}) ?? []);
          const stale = lsp(a1?.result.diagnostics ?? []);
          const currentDs = lsp(a2.result.diagnostics);
          const shifted = currentDs.flatMap((d) =>
            shifts.map((s) => ({
              ...d,
              range: {
                start: { line: d.range.start.line + s.line, character: d.range.start.character + s.character },
                end: { line: d.range.end.line + s.line, character: d.range.end.character + s.character },
              },
            })),
          );
          const sent = [...currentDs.slice(0, 20), ...forgeries, ...stale, ...shifted] as LspDiagnostic[];
          const doc = TextDocument.create(uri, 'markdown', 7, text2);
          const state: DraftState = {
            version: 7,
            revision: 7,
            locale: 'ja',
            settings: DEFAULT_SETTINGS,
            catalog: catalog(),
            analysis: a2,
          };
          const params = (only?: string[]): CodeActionParams => ({
            textDocument: { uri },
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            context: { diagnostics: sent, only },
          });
          // source.fixAll is computed the same way as the fix-all quick fix; one case in eight asks for it.
          const actions = [
            ...codeActions(params(), doc, state, versioned),
            ...(fixAll ? codeActions(params([FIX_ALL_KIND]), doc, state, versioned) : []),
          ];
          if (actions.length) withActions++;
          assertOnlyNamedText(text2, actions, uri);
        },
      ),
      { numRuns: RUNS },
    );
    // The property is not vacuous: most cases do get actions (for the current diagnostics).
    assert.ok(withActions > RUNS / 2, `${withActions} of ${RUNS} cases had actions`);
  },
);
