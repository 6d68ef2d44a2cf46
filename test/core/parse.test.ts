import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { propertyRuns } from '../support/propertySeed';
import { parseMarkdown } from '../../server/src/core/markdown/parse';
import { ROOT } from '../support/catalog';
import { block, hostileDraft } from '../support/arbitraries';

// itaku parses with micromark's inline constructs switched off (it reads blocks only) and reads the
// blocks from micromark's events, without remark's syntax tree. CommonMark settles block structure
// before inline syntax, so every block, root span and front matter must come out exactly as in
// remark's full parse (its tree, inline syntax included).
const RUNS = propertyRuns(2000);

const same = (text: string) => assert.deepEqual(parseMarkdown(text), parseMarkdown(text, 0, true, true));

/** Inline syntax at its most tangled: emphasis runs, code spans, links, HTML, escapes across lines. */
const inlineSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom('*', '_', '**', '`', '``', '[', ']', '(', ')', '<', '>', '\\', '&', '!', '#', '-', '=', '|'),
      fc.constantFrom('a', '秘密', ' ', '  ', '\t', '\n', '\n\n', '\n    ', '\n> ', '\n- ', '\n1. '),
      fc.constantFrom('&amp;', '&#12354;', '<!--', '-->', '<span>', '</div>', '<https://a.invalid>', '\\\n'),
      fc.constantFrom('[x]: /u', '[x]', '![i](s)', '`a\n# b`', '*a\n---\nb*', '[a\n===\n](b)', '<a\nhref="x">'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

test('blocks without inline parsing equal those of the full parse: every fixture draft and example', () => {
  for (const dir of ['test/fixtures/drafts', 'examples']) {
    for (const f of readdirSync(path.join(ROOT, dir)).filter((n) => n.endsWith('.md')))
      same(readFileSync(path.join(ROOT, dir, f), 'utf8'));
  }
});

test('blocks without inline parsing equal those of the full parse: tangled inline syntax, hostile drafts', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        inlineSoup,
        hostileDraft,
        fc.array(block).map((b) => b.join('\n')),
      ),
      same,
    ),
    { numRuns: RUNS },
  );
});
