import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMessage, type MessageEntry } from '../../server/src/core';
import { CLIENT_TEXTS } from '../../client/src/messages';
import { CLI_TEXTS } from '../../server/src/cli/messages';
import { CATALOG_TEXTS } from '../../server/src/core/catalog/messages';
import { COVERAGE_LABELS, FEATURE_TEXTS } from '../../server/src/core/features/messages';
import { FIX_TEXTS } from '../../server/src/core/fixes/messages';
import { FINDING_TEXTS } from '../../server/src/core/messages';
import { IO_TEXTS } from '../../server/src/io/messages';
import { LSP_TEXTS } from '../../server/src/lsp/messages';
import { WORD_TEXTS } from '../../server/src/word/messages';

// Issue 14, item 6: the layers' sentences (the core's too) are tables of { ja, en }. Every entry has both
// languages, and both name the same arguments (a `{count}` missing from one would print nothing).

const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

for (const [layer, table] of [
  ['core finding', FINDING_TEXTS],
  ['core catalog', CATALOG_TEXTS],
  ['core feature', FEATURE_TEXTS],
  ['core coverage label', COVERAGE_LABELS],
  ['core fix', FIX_TEXTS],
  ['lsp', LSP_TEXTS],
  ['io', IO_TEXTS],
  ['word', WORD_TEXTS],
  ['client', CLIENT_TEXTS],
  ['cli', CLI_TEXTS],
] as const) {
  test(`every ${layer} message has a 日本語 and an English sentence, with the same arguments`, () => {
    for (const [key, entry] of Object.entries(table) as Array<[string, MessageEntry]>) {
      assert.deepEqual(Object.keys(entry).sort(), ['en', 'ja'], key);
      assert.ok(entry.ja.trim() && entry.en.trim(), key);
      assert.notEqual(entry.ja, entry.en, key);
      assert.deepEqual(names(entry.ja), names(entry.en), key);
    }
  });
}

test('formatMessage fills each {name} once: an argument holding braces is not read again', () => {
  const entry = { ja: '{file} を {count} 回', en: '{count} times in {file}' };
  assert.equal(formatMessage(entry, 'ja', { file: '{count}.md', count: 3 }), '{count}.md を 3 回');
  assert.equal(formatMessage(entry, 'en', { file: 'a.md', count: 0 }), '0 times in a.md');
  assert.equal(formatMessage(entry, 'en', {}), '{count} times in {file}');
});
