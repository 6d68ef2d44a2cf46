import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../support/propertySeed';
import {
  frontMatterBlockOf,
  frontMatterEnd,
  frontMatterFences,
  parseMarkdown,
} from '../../server/src/core/markdown/parse';
import { completionsAt } from '../../server/src/core';
import { catalog } from '../support/catalog';

// Issue 14: the end of the front matter had three rules (the parse, the unclosed-front-matter
// check, completion). One function, frontMatterFences, now holds the rule; these tests pin it to
// what each place did before and to what micromark's frontmatter extension parses.

/** The parse's rule before issue 14 (server/src/core/markdown/parse.ts). */
function oldParseEnd(text: string): number {
  const m = /^\ufeff?---[ \t]*(\r\n|\r|\n)/.exec(text);
  if (!m) return 0;
  const close = /(^|\r\n|\r|\n)---[ \t]*(\r\n|\r|\n|$)/.exec(text.slice(m[0].length));
  return close ? m[0].length + close.index + close[0].length : 0;
}

/** The unclosed-front-matter check's opening before issue 14 (server/src/core/frontmatter/index.ts). */
function oldOpening(text: string): { openStart: number; openEnd: number } | undefined {
  const open = /^\ufeff?---[ \t]*(\r\n|\r|\n)/.exec(text);
  return open ? { openStart: text.charCodeAt(0) === 0xfeff ? 1 : 0, openEnd: open[0].length } : undefined;
}

const PIECES = ['\ufeff', '---', '--- ', '---\t', '----', ' ---', '...', 'a: 1', 'x', '# h', '\n', '\r\n', '\r', ' '];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));

test('frontMatterFences keeps the rule of the parse and of the unclosed-front-matter check', () => {
  fc.assert(
    fc.property(texts, (text) => {
      assert.equal(frontMatterEnd(text), oldParseEnd(text));
      const fences = frontMatterFences(text);
      assert.deepEqual(fences && { openStart: fences.openStart, openEnd: fences.openEnd }, oldOpening(text));
      if (fences?.close) {
        assert.equal(text.slice(fences.close.start, fences.close.start + 3), '---');
        assert.ok(fences.close.start >= fences.openEnd && fences.close.end > fences.close.start);
      }
    }),
    { numRuns: 3000 },
  );
});

test("frontMatterFences is micromark's rule: the parsed front matter ends where it says", () => {
  fc.assert(
    fc.property(texts, (text) => {
      const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      // A second byte order mark is text to micromark: no front matter for it to find.
      if (source.charCodeAt(0) === 0xfeff) return;
      const fences = frontMatterFences(source);
      const block = parseMarkdown(text).frontMatter;
      if (!fences?.close) return assert.equal(block, undefined);
      const shift = text.length - source.length;
      // The block runs from the opening fence to the end of the closing fence's line, its break left out.
      const closing = source.slice(fences.close.start, fences.close.end).replace(/(\r\n|\r|\n)$/, '');
      assert.deepEqual(
        [block?.start, block?.end],
        [fences.openStart + shift, fences.close.start + closing.length + shift],
      );
    }),
    { numRuns: 600 },
  );
});

// Issue 12: a front matter over MAX_FRONT_MATTER is not given to micromark; its block is made from
// the fences. It must be the block micromark makes, whatever the fences look like.
test("frontMatterBlockOf, the block made from the fences alone, is micromark's block", () => {
  fc.assert(
    fc.property(texts, (text) => {
      // A second byte order mark is text to micromark (see above).
      if (text.startsWith('\ufeff\ufeff')) return;
      assert.deepEqual(frontMatterBlockOf(text), parseMarkdown(text).frontMatter);
    }),
    { numRuns: 600 },
  );
});

test('completion in the front matter: up to the closing fence, or every line while it is not closed', () => {
  const keys = (text: string, line: number) =>
    completionsAt(text, { line, character: 0 }, undefined, catalog(), 'ja').items.length > 0;
  const closed = '---\ndocument: 契約書\n---\n\n本文\n';
  assert.equal(keys(closed, 1), true);
  assert.equal(keys(closed, 3), false);
  assert.equal(keys('\ufeff---  \r\ndocument: 契約書\r\n--- \r\n\r\n本文\r\n', 3), false);
  const open = '---\ndocument: 契約書\n\n本文\n';
  assert.equal(keys(open, 3), true);
  // `...` does not close a front matter for the analysis, nor now for completion.
  assert.equal(keys('---\ndocument: 契約書\n...\n\n', 3), true);
});
