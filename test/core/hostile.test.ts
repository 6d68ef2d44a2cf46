import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { MAX_FINDINGS_PER_CODE } from '../../server/src/core/findings';
import { clauseInsertions } from '../../server/src/core/fixes/actions';
import { MAX_FRONT_MATTER } from '../../server/src/core/markdown/parse';
import { directiveOf } from '../../server/src/core/model';
import { catalog } from '../support/catalog';
import { HOSTILE, spacedOrganization } from '../support/hostile';

// Issue 12: the hostile inputs that hit itaku's own code finish (sizes where the old quadratic
// paths took tens of seconds to minutes; the test timeout is the generous wall-time guard, speed
// itself is `npm run bench`), with bounded output. Exact findings, not just "it returned".

const GUARD = { timeout: 120_000 };
const input = (name: string) => HOSTILE.find((h) => h.name === name)!;
const run = (name: string, size: number) => analyze(input(name).make(size), { catalog: catalog() })!;
const codes = (a: ReturnType<typeof run>) => {
  const counts: Record<string, number> = {};
  for (const d of a.result.diagnostics) counts[d.code] = (counts[d.code] ?? 0) + 1;
  return counts;
};
const more = (a: ReturnType<typeof run>, code: string) =>
  a.result.diagnostics.find((d) => d.code === 'too-many-findings' && (d.data as { code: string }).code === code)?.data;

test(
  'placeholders repeated through one 64 KB paragraph: linear, the first 100 shown and one summary says how many more',
  GUARD,
  () => {
    const a = run('placeholders', 64 * 1024);
    const units = (input('placeholders').make(64 * 1024).length - 60) / 10;
    const total = a.context.blocks.reduce(
      (n, b) => n + (a.context.text.slice(b.start, b.end).match(/〔 省 〕|\[乙\]/g)?.length ?? 0),
      0,
    );
    assert.ok(total > units, `${total} placeholders`);
    assert.equal(codes(a)['unresolved-placeholder'], MAX_FINDINGS_PER_CODE);
    assert.deepEqual(more(a, 'unresolved-placeholder'), {
      code: 'unresolved-placeholder',
      more: total - MAX_FINDINGS_PER_CODE,
    });
    // One paragraph of 64 KB is past the parse budget: read as plain text, where placeholders are still found.
    assert.equal(codes(a)['analysis-limited'], 1);
    const summary = a.result.diagnostics.find((d) => d.code === 'too-many-findings')!;
    assert.equal(
      summary.message,
      `「未記入のプレースホルダ」（unresolved-placeholder）の指摘がほかに ${total - MAX_FINDINGS_PER_CODE} 件あります。1 ファイルにつき同じ種類の指摘は 100 件まで表示します。`,
    );
    // It sits where the first one left out is: just after the 100th shown.
    const shown = a.result.diagnostics.filter((d) => d.code === 'unresolved-placeholder');
    const last = shown[shown.length - 1].range.end;
    assert.ok(
      summary.range.start.line > last.line ||
        (summary.range.start.line === last.line && summary.range.start.character >= last.character),
    );
  },
);

test(
  'malformed and unknown directives by the thousand: 100 invalid-directive findings and one summary, a report of kilobytes',
  GUARD,
  () => {
    const a = run('bad-directives', 256 * 1024);
    const comments = a.context.blocks.filter((b) => b.facts.kind === 'html').length;
    assert.ok(comments > 5000, `${comments} comments`);
    assert.deepEqual(codes(a), {
      'invalid-directive': MAX_FINDINGS_PER_CODE,
      'too-many-findings': 1,
      'missing-clause': codes(a)['missing-clause'],
    });
    assert.deepEqual(more(a, 'invalid-directive'), {
      code: 'invalid-directive',
      more: comments - MAX_FINDINGS_PER_CODE,
    });
    assert.ok(JSON.stringify(a.result).length < 100_000, `${JSON.stringify(a.result).length} characters of JSON`);
  },
);

test(
  'an itaku directive before every paragraph (256 KB): each marks the paragraph after it, found in one pass',
  GUARD,
  () => {
    const a = run('directive-lines', 256 * 1024);
    const marked = a.result.clauses.find((c) => c.id === 'confidentiality');
    assert.deepEqual([marked?.status, marked?.foundBy], ['present', 'marker']);
    assert.equal(codes(a)['invalid-directive'], undefined);
  },
);

test('a comment holding 200,000 spaces is read without backtracking', GUARD, () => {
  const comment = input('spaced-directive').make(200_000).split('---\n\n')[1];
  assert.equal(directiveOf(comment), `itaku${' '.repeat(comment.length - 16)}x`);
  // In a draft it runs past the parse budget: plain text, said once.
  const a = run('spaced-directive', 200_000);
  assert.deepEqual(
    a.result.diagnostics.filter((d) => d.code !== 'missing-clause').map((d) => [d.code, d.range.start.line, d.data]),
    [['analysis-limited', 6, { end: a.context.text.length }]],
  );
});

for (const h of HOSTILE) {
  const size = h.name === 'nested-list' ? 32 * 1024 : 64 * 1024;
  test(
    `hostile input ${h.name} (${h.about}) at ${size / 1024} KB: finishes, ${h.limited ? 'read as plain text where it runs past the budget, said by analysis-limited' : 'parsed as Markdown (no budget hit)'}`,
    GUARD,
    () => {
      const a = run(h.name, size);
      const limited = a.result.diagnostics.filter((d) => d.code === 'analysis-limited');
      assert.equal(limited.length > 0, h.limited, JSON.stringify(limited.slice(0, 2)));
      assert.ok(limited.length <= MAX_FINDINGS_PER_CODE);
      assert.ok(JSON.stringify(a.result).length < 200_000, 'a report of kilobytes');
    },
  );
}

test('監査ログ 40,000 times in one sentence: every hit is masked (no audit clause), in linear time', GUARD, () => {
  const text = input('masks')
    .make(160_000)
    .replace('category: 開発', 'category: operation-onsite\noptions: { audit: true }');
  const b = analyze(text, { catalog: catalog() })!;
  assert.equal(b.result.clauses.find((c) => c.id === 'audit')?.status, 'missing');
});

test(
  'an organization holding 40,000 spaces: the wording filled with it is inserted as it is, in linear time',
  GUARD,
  () => {
    const a = analyze(spacedOrganization(40_000), { catalog: catalog() })!;
    const [action] = clauseInsertions(a.context, 'confidentiality');
    assert.equal(action.edits.length, 1);
    const text = action.edits[0].newText;
    assert.ok(
      text.includes(`本調達に係る業務の実施のために外務${' '.repeat(40_000)}省から提供する情報`),
      text.slice(0, 60),
    );
    assert.ok(text.endsWith('利用しないこと。\n'), text.slice(-20));
  },
);

test('past the bound, findings are only counted: an itaku-disable comment still ends the count, the front matter comes first', () => {
  const paragraphs = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => `(${from + i}) [乙]は第${from + i}号の作業を行う。\n`).join('\n');
  const draft = (disable: boolean) =>
    `---\ndocument: 仕様書\ncategory: [build]\norganization: 〔 省 〕\n---\n# 仕様書\n\n${paragraphs(1, 130)}\n` +
    (disable ? '<!-- itaku-disable unresolved-placeholder -->\n\n' : '') +
    paragraphs(131, 50);
  const shown = (a: ReturnType<typeof analyze>) =>
    a!.result.diagnostics.filter((d) => d.code === 'unresolved-placeholder').map((d) => d.range.start.line);
  for (const [disable, counted] of [
    [false, 1 + 180],
    [true, 1 + 130],
  ] as const) {
    const a = analyze(draft(disable), { catalog: catalog() });
    const lines = shown(a);
    // The front matter's placeholder (line 3) and the body's first 99, one paragraph every other line.
    assert.deepEqual([lines.length, lines[0], lines[1], lines[99]], [100, 3, 7, 7 + 98 * 2]);
    const summary = a!.result.diagnostics.filter((d) => d.code === 'too-many-findings');
    // It stands where the first one left out is: the body's 100th placeholder.
    assert.deepEqual(
      summary.map((d) => [d.range.start.line, d.data]),
      [[7 + 99 * 2, { code: 'unresolved-placeholder', more: counted - MAX_FINDINGS_PER_CODE }]],
    );
  }
});

test(
  'values quoted from the front matter are shortened: a 60,000-character value is not a report of megabytes',
  GUARD,
  () => {
    const long = 'あ'.repeat(60_000);
    for (const fm of [
      `document: ${long}\ncategory: build`,
      `document: 契約書\ncategory: [${long}]`,
      `document: 契約書\ncategory: build\n${long}: 1`,
    ]) {
      const a = analyze(`---\n${fm}\n---\n\n# 契約書\n`, { catalog: catalog() });
      const findings = a
        ? a.result.diagnostics.filter((d) =>
            ['unknown-document-type', 'unknown-category', 'unknown-key'].includes(d.code),
          )
        : [];
      assert.equal(findings.length, 1, fm.slice(0, 40));
      assert.ok(findings[0].message.length < 400, `${findings[0].code}: ${findings[0].message.length} characters`);
      assert.match(findings[0].message, /あ{120}…/);
    }
  },
);

test('a front matter of a million characters is reported, not read: one error on its fence, quickly', GUARD, () => {
  const text = input('long-front-matter').make(1_000_000);
  const a = analyze(text, { catalog: catalog() })!;
  const length = text.indexOf('\n---\n') - 4;
  assert.deepEqual(
    a.result.diagnostics.map((d) => [d.code, d.severity, d.range, d.message]),
    [
      [
        'frontmatter-yaml',
        'error',
        { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
        `front matter が長すぎるため読みません（${length} 文字、上限 ${MAX_FRONT_MATTER} 文字）。文書種別や業務分類などの設定だけを front matter に残し、ほかの内容は本文に移してください。`,
      ],
    ],
  );
  // A front matter of 2 million characters in one value: the same one finding, whatever the value.
  const value = analyze(`---\ndocument: 契約書\ncategory: build\nnote: ${'あ'.repeat(2_000_000)}\n---\n\n# 契約書\n`, {
    catalog: catalog(),
  })!;
  assert.deepEqual(
    value.result.diagnostics.map((d) => d.code),
    ['frontmatter-yaml'],
  );
  assert.ok(JSON.stringify(value.result).length < 10_000);
});

test('a front matter longer than a parse window (40 KB) leaves the body read as Markdown, as after a short one', () => {
  const body = '\n# 仕様書\n\n## 情報セキュリティ\n\n- 受注者は秘密を保持すること。\n- [乙]は作業を行う。\n';
  const draft = (title: string) => `---\ndocument: 調達仕様書\ncategory: 開発\ntitle: ${title}\n---\n${body}`;
  const summary = (a: ReturnType<typeof analyze>) =>
    a!.result.diagnostics.map((d) => [d.code, d.range.start.line, d.range.end.line, d.message]);
  const short = analyze(draft('短い件名'), { catalog: catalog() });
  const long = analyze(draft('長'.repeat(40_000)), { catalog: catalog() });
  assert.ok(!summary(long).some(([code]) => code === 'analysis-limited'), JSON.stringify(summary(long).slice(0, 2)));
  assert.deepEqual(summary(long), summary(short));
  assert.deepEqual(
    long!.context.blocks.map((b) => [b.facts.kind, b.end - b.start]),
    short!.context.blocks.map((b) => [b.facts.kind, b.end - b.start]),
  );
});
