import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { propertyRuns } from '../support/propertySeed';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { fixAllInsertions, quickFixes } from '../../server/src/core';
import { LineIndex, type Range } from '../../server/src/core/text/lineIndex';
import { catalog } from '../support/catalog';
import { applyEdits, keepsAllCharacters, missing, summary } from '../support/drafts';
import { block, hostileDraft } from '../support/arbitraries';

// Guarantees 1 and 2 of the README's "Robustness": the analysis always returns, with sane
// ranges, deterministically; code actions never lose text. ITAKU_PROPERTY_RUNS raises the count.
const RUNS = propertyRuns(2000);

function assertInside(text: string, range: Range, what: string): void {
  const lines = new LineIndex(text);
  const ok = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) &&
    Number.isInteger(p.character) &&
    p.line >= 0 &&
    p.line < lines.lineCount &&
    p.character >= 0 &&
    p.character <= lines.lineEnd(p.line) - lines.lineStart(p.line);
  assert.ok(ok(range.start) && ok(range.end), `${what} outside the document: ${JSON.stringify(range)}`);
  const before =
    range.start.line < range.end.line ||
    (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(before, `${what} ends before it starts: ${JSON.stringify(range)}`);
}

test(
  'never crash, never hang: any text gets a result with every range inside the document, deterministically',
  { timeout: 600_000 },
  () => {
    fc.assert(
      // A quarter of the cases are analysed again (the same result), a quarter again in English.
      fc.property(hostileDraft, fc.constantFrom('again', 'en', 'once', 'once'), (text, second) => {
        const a = analyze(text, { catalog: catalog() });
        if (second !== 'once') {
          const b = analyze(text, { catalog: catalog(), locale: second === 'en' ? 'en' : 'ja' });
          assert.equal(a === undefined, b === undefined);
          if (a && second === 'again')
            assert.equal(JSON.stringify(b!.result), JSON.stringify(a.result), 'deterministic');
        }
        if (!a) return;
        for (const d of a.result.diagnostics) {
          assertInside(text, d.range, d.code);
          for (const r of d.relatedInformation ?? []) assertInside(text, r.range, `${d.code} related`);
          for (const action of quickFixes(a, d))
            for (const e of action.edits)
              assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `${d.code} fix edit`);
        }
        for (const c of a.result.clauses) if (c.range) assertInside(text, c.range, c.id);
      }),
      { numRuns: RUNS },
    );
  },
);

/**
 * Findings as comparable keys (positions move when text is inserted above them). An empty-clause is
 * known by its clause: its message quotes the heading, which a variant fix may shorten (it drops a
 * 【…の場合】 marker from inside a setext heading) while the heading stays as empty as it was.
 */
const keys = (a: Analysis) =>
  a.result.diagnostics.map((d) => `${d.code}|${d.clause ?? ''}|${d.code === 'empty-clause' ? '' : d.message}`);

function newFindings(before: Analysis, after: Analysis): string[] {
  const left = [...keys(before)];
  return keys(after).filter((k) => {
    const i = left.indexOf(k);
    if (i >= 0) {
      left.splice(i, 1);
      return false;
    }
    return true;
  });
}

const wellFormedDraft = fc
  .tuple(
    fc.constantFrom('procurement-spec', 'contract'),
    fc.subarray(
      [
        'build',
        'operation-onsite',
        'operation-remote',
        'maintenance',
        'processing',
        'storage-transport',
        'cloud',
        'operation-housing',
      ],
      { minLength: 1, maxLength: 3 },
    ),
    fc.boolean(),
    fc.option(fc.constantFrom('prohibited', 'allowed'), { nil: undefined }),
    fc.boolean(),
    fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n')), { maxLength: 8 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([doc, cats, names, sub, audit, blocks, eol]) => {
    const options = [sub ? `  subcontracting: ${sub}` : '', audit ? '  audit: true' : ''].filter(Boolean);
    const fm = [
      '---',
      `document: ${doc}`,
      `category: [${cats.join(', ')}]`,
      ...(names ? ['organization: 外務省', 'parties: { 甲: 外務省, 乙: 株式会社いろは }'] : []),
      ...(options.length ? ['options:', ...options] : []),
      '---',
      '',
    ].join('\n');
    return (fm + blocks.map(([b, s]) => b + s).join('')).replace(/\n/g, eol);
  });

/** A finding the action is meant to remove is gone afterwards. */
function targetGone(before: Analysis, after: Analysis, code: string, data: Record<string, unknown>): boolean {
  if (code === 'missing-clause' || code === 'empty-clause')
    return !after.result.diagnostics.some((d) => d.code === code && d.clause === data.clause);
  if (code === 'unresolved-placeholder' || code === 'unresolved-variant') {
    // The named text was replaced or removed (the next one may now start where it did): one fewer,
    // or, for 「すべて置き換える」, as many fewer as it replaced.
    const count = (a: Analysis) => a.result.diagnostics.filter((d) => d.code === code).length;
    return count(after) < count(before);
  }
  return !after.result.diagnostics.some((d) => d.code === code && JSON.stringify(d.data) === JSON.stringify(data));
}

test(
  'nothing lost: every offered code action only inserts, or replaces exactly what it names; its finding goes and it adds none',
  { timeout: 600_000 },
  () => {
    fc.assert(
      fc.property(wellFormedDraft, (text) => {
        const before = analyze(text, { catalog: catalog() });
        if (!before) return;
        for (const d of before.result.diagnostics) {
          for (const action of quickFixes(before, d)) {
            const edited = applyEdits(text, action.edits);
            const start = before.lines.offsetAt(d.range.start);
            const end = before.lines.offsetAt(d.range.end);
            if (d.code === 'missing-clause' || d.code === 'empty-clause') {
              assert.ok(
                action.edits.every((e) => e.start === e.end),
                'insert only',
              );
              assert.ok(keepsAllCharacters(text, edited), 'every original character, in order');
            } else if (d.code === 'unresolved-placeholder') {
              // This placeholder, or (「すべて置き換える」) it and other placeholders, each exactly.
              const spans = new Set(
                before.result.diagnostics
                  .filter((x) => x.code === 'unresolved-placeholder')
                  .map((x) => `${before.lines.offsetAt(x.range.start)}-${before.lines.offsetAt(x.range.end)}`),
              );
              assert.ok(
                action.edits.some((e) => e.start === start && e.end === end) &&
                  action.edits.every((e) => spans.has(`${e.start}-${e.end}`)),
                'replaces exactly placeholders',
              );
            } else if (d.code === 'unresolved-variant') {
              const e = action.edits[0];
              assert.ok(
                e.newText === '' &&
                  e.start <= start &&
                  end <= e.end &&
                  !/[^\s#>*_\-+【】]/.test(text.slice(e.start, start) + text.slice(end, e.end)),
                'removes the marker and its bare line only',
              );
            } else if (d.code === 'numbering') {
              // 見出し番号を振り直す: only numbers change (in the titles, and 第n条 / (n) references).
              assert.ok(
                action.edits.every(
                  (e) =>
                    /^[^\r\n]{1,16}$/.test(text.slice(e.start, e.end)) &&
                    text.slice(e.start, e.end).replace(/[0-9０-９ア-ワ①-⑳の]/g, '') ===
                      e.newText.replace(/[0-9０-９ア-ワ①-⑳の]/g, ''),
                ),
                'replaces numbers only',
              );
            } else {
              assert.deepEqual(
                action.edits.map((e) => [e.start, e.end]),
                [[start, end]],
                'replaces exactly the value it names',
              );
            }
            const after = analyze(edited, { catalog: catalog() })!;
            assert.ok(
              targetGone(before, after, d.code, { ...(d.data ?? {}), ...(d.clause ? { clause: d.clause } : {}) }),
              `${d.code} ${action.title}: the finding is gone`,
            );
            // New findings may only be blanks the model wording itself carries for the author to fill
            // (年 月 日, 「n」, （略） …, or names the front matter does not give), or — for a variant the
            // options do not prefer — its disagreement with those options.
            // A choice marker removed from above a numbered title (【…の場合】 then 5 機密保持) lets that
            // title count: a number it repeats is the draft's own, on the line the marker left.
            const revealed = (k: string) =>
              d.code === 'unresolved-variant' &&
              k.startsWith('numbering|') &&
              after.result.diagnostics.some(
                (x) =>
                  x.code === 'numbering' &&
                  `numbering||${x.message}` === k &&
                  x.range.start.line === after.lines.positionAt(action.edits[0].start).line,
              );
            const fresh: string[] = newFindings(before, after).filter(
              (k) =>
                !k.startsWith('unresolved-placeholder|') &&
                !(k.startsWith('conflicting-variants|') && !action.isPreferred) &&
                !k.startsWith('cloud-risk-unaddressed|') &&
                !revealed(k),
            );
            assert.deepEqual(fresh, [], `${d.code} ${action.title}`);
          }
        }
        // Fix-all: every required clause present; a second run changes nothing.
        const all = fixAllInsertions(text, { catalog: catalog() });
        const fixed = applyEdits(
          text,
          all.map((i) => ({ start: i.offset, end: i.offset, newText: i.text })),
        );
        assert.ok(keepsAllCharacters(text, fixed));
        const again = analyze(fixed, { catalog: catalog() })!;
        assert.deepEqual(
          again.result.diagnostics.filter((x) => x.code === 'missing-clause').map((x) => x.clause),
          [],
        );
        assert.deepEqual(fixAllInsertions(fixed, { catalog: catalog() }), []);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  },
);

const FM = '---\ndocument: 契約書\ncategory: storage-transport\n---\n';
const SECRET = '乙は、本業務に関して知り得た秘密を漏らしてはならない。';
const others = (a: Analysis) => summary(a).filter((l) => !/ (missing-clause|unknown-key)/.test(l));
const aliasBomb = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...Array.from(
    { length: 9 },
    (_, i) =>
      `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
        .fill(`*${String.fromCharCode(97 + i)}`)
        .join(', ')}]`,
  ),
].join('\n');

// Guarantee 4: hostile input is reported where it is, in bounded work, and the rest of the draft is still read.
const HOSTILE: Array<[string, string, (a: Analysis | undefined) => void]> = [
  [
    'an alias bomb (a billion-laughs) is refused, not expanded',
    `---\ndocument: 契約書\n${aliasBomb}\ncategory: *j\n---\n`,
    (a) => {
      assert.deepEqual(others(a!), ['12:10-12:12 error frontmatter-yaml']);
      assert.equal(
        a!.result.diagnostics.find((d) => d.code === 'frontmatter-yaml')!.message,
        'front matter の YAML を読めません: エイリアス（*名前）の展開が多すぎます（100 個まで）。値はエイリアスを使わずに書いてください。',
      );
    },
  ],
  [
    'YAML nested 5000 levels deep is a YAML error',
    `---\ndocument: 契約書\ncategory: build\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`,
    (a) => {
      assert.deepEqual(summary(a!), ['3:67-3:68 error frontmatter-yaml']);
      assert.equal(
        a!.result.diagnostics[0].message,
        'front matter の YAML を読めません: 入れ子（括弧 [ ] { } やインデント）が深すぎます（上限 64 段）。',
      );
    },
  ],
  [
    'YAML indented 1000 levels deep is the same YAML error, at the first line too deep',
    `---\ndocument: 契約書\ncategory: build\nx:\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i + 1)}a:`).join('\n')} 1\n---\n`,
    (a) => {
      assert.deepEqual(summary(a!), ['68:128-68:129 error frontmatter-yaml']);
    },
  ],
  [
    'a front matter of 5,000 keys is read in linear time, the first 100 unknown keys reported and one summary for the rest',
    `---\ndocument: 契約書\ncategory: storage-transport\n${Array.from({ length: 5_000 }, (_, i) => `k${i}: v`).join('\n')}\n---\n${SECRET}\n`,
    (a) => {
      const unknown = a!.result.diagnostics.filter((d) => d.code === 'unknown-key');
      assert.deepEqual([unknown.length, unknown[0].range.start.line, unknown[99].range.start.line], [100, 3, 102]);
      const summary = a!.result.diagnostics.filter((d) => d.code === 'too-many-findings');
      assert.deepEqual(
        summary.map((d) => [d.range.start.line, d.data]),
        [[103, { code: 'unknown-key', more: 4_900 }]],
      );
      assert.deepEqual(missing(a!), ['subcontracting']);
    },
  ],
  [
    'YAML tags are data, never code',
    '---\ndocument: !!js/function "function () { process.exit(1) }"\ncategory: !!binary aGVsbG8=\n---\n',
    (a) => {
      assert.deepEqual(others(a!), ['1:24-1:57 error unknown-document-type', '2:19-2:27 error frontmatter-invalid']);
    },
  ],
  [
    'a repeated key: the first counts, the second is flagged (top level and options)',
    '---\ndocument: 契約書\ncategory: storage-transport\ncategory: build\noptions: { subcontracting: allowed, subcontracting: prohibited }\n---\n',
    (a) => {
      assert.deepEqual(others(a!), ['3:0-3:8 error frontmatter-invalid', '4:36-4:50 error frontmatter-invalid']);
      assert.equal(
        a!.result.diagnostics.find((d) => d.code === 'frontmatter-invalid')!.message,
        '「category」が 2 回以上書かれています。最初のものだけを使います。1 つにしてください。',
      );
      assert.deepEqual(a!.result.categories, ['storage-transport']);
      assert.deepEqual(a!.result.options, { subcontracting: 'allowed' });
    },
  ],
  [
    'control characters in values are reported, not trusted',
    '---\ndocument: 契約書\u0000\ncategory: storage-transport\n---\n',
    (a) => {
      assert.deepEqual(others(a!), ['1:10-1:14 error unknown-document-type']);
    },
  ],
  [
    '30,000 nested block quotes: bounded, and the text inside is still read',
    `${FM}${'> '.repeat(30_000)}${SECRET}\n`,
    (a) => {
      assert.deepEqual(missing(a!), ['subcontracting']);
    },
  ],
  [
    'a list nested 1,000 levels deep: bounded, and its deepest item is still read',
    `${FM}${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- ${i === 999 ? SECRET : '項目'}`).join('\n')}\n`,
    (a) => {
      assert.deepEqual(missing(a!), ['subcontracting']);
    },
  ],
  [
    'a setext heading underlined with 100 dashes is still a heading',
    `${FM}秘密の保持\n${'-'.repeat(100)}\n\n本文。\n`,
    (a) => {
      assert.deepEqual(
        a!.result.clauses.filter((c) => c.status !== 'missing').map((c) => [c.id, c.foundBy]),
        [['confidentiality', 'heading']],
      );
    },
  ],
  [
    'one line of 1.5 MB',
    `${FM}${'あ'.repeat(500_000)}${SECRET}\n`,
    (a) => {
      assert.deepEqual(missing(a!), ['subcontracting']);
    },
  ],
  [
    'lone surrogates and NUL in the body',
    `${FM}\ud800${SECRET}\udc00\u0000〔 省 〕\n`,
    (a) => {
      assert.deepEqual(others(a!), ['4:30-4:35 warning unresolved-placeholder "〔 省 〕"']);
    },
  ],
  // Issue 11: never silence — one error on the opening fence, nothing judged until it is closed.
  [
    'a front matter never closed is a draft with one error',
    '---\ndocument: 契約書\ncategory: build\n本文\n',
    (a) => {
      assert.deepEqual(summary(a!), ['0:0-0:3 error frontmatter-yaml']);
    },
  ],
];

for (const [name, text, expect] of HOSTILE) {
  test(`hostile input: ${name}`, { timeout: 120_000 }, () => {
    expect(analyze(text, { catalog: catalog() }));
  });
}

test('a clause inserted as an item of the list under a title line leaves that title its body', () => {
  // Found by "nothing lost" (seed -417374321): the new titled item ended the section of
  // （１）再委託の禁止, which then had no body and became missing.
  const text = [
    '---',
    'document: contract',
    'category: [operation-remote]',
    '---',
    '（１）再委託の禁止',
    '',
    '- 発注者は、必要に応じて情報セキュリティ監査を行う。',
    '',
  ].join('\n');
  const before = analyze(text, { catalog: catalog() })!;
  assert.ok(!missing(before).includes('subcontracting'));
  const d = before.result.diagnostics.find((x) => x.code === 'missing-clause' && x.clause === 'operational-security')!;
  const [action] = quickFixes(before, d);
  const edited = applyEdits(text, action.edits);
  assert.match(edited, /（１）再委託の禁止\n\n- 運用・保守・点検における情報セキュリティ対策\n {2}（略）\n- 発注者は/);
  const after = analyze(edited, { catalog: catalog() })!;
  assert.deepEqual(
    after.result.diagnostics.filter((x) => x.clause === 'subcontracting').map((x) => x.code),
    [],
  );
});
