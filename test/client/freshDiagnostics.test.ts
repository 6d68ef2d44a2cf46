import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FreshDiagnostics, isStale } from '../../client/src/freshDiagnostics';
import { ruleDocCode, ruleDocCommandUri } from '../../client/src/ruleDocs';

/** A fake editor: the document's current version, conversions that finish when the test says so. */
function host() {
  const shown: Array<[string, string[]]> = [];
  const pending: Array<() => void> = [];
  const state = { version: 1 as number | undefined, deferred: false };
  const fresh = new FreshDiagnostics<string, string>({
    currentVersion: () => state.version,
    convert: (d) =>
      state.deferred
        ? new Promise((resolve) => pending.push(() => resolve(d.map((x) => `~${x}`))))
        : Promise.resolve(d),
    set: (uri, d) => shown.push([uri, d]),
  });
  return { fresh, shown, pending, state };
}

test('isStale: only a publish for a version older than the editor’s; no version or a closed document never', () => {
  assert.deepEqual(
    [isStale(3, 4), isStale(4, 4), isStale(5, 4), isStale(undefined, 4), isStale(null, 4), isStale(3, undefined)],
    [true, false, false, false, false, false],
  );
});

test('diagnostics for an older version are never shown after a newer version’s', async () => {
  const { fresh, shown, pending, state } = host();
  // v1 arrives while the editor is at v1: shown.
  assert.equal(await fresh.handle({ uri: 'u', version: 1, diagnostics: ['a@1'] }), true);
  // The author typed v2 and v3; the server answers v2 (its didChange for v3 still on the way): dropped.
  state.version = 3;
  assert.equal(await fresh.handle({ uri: 'u', version: 2, diagnostics: ['a@2'] }), false);
  assert.equal(await fresh.handle({ uri: 'u', version: 3, diagnostics: ['a@3'] }), true);
  // A publish overtaken while being converted: the newer one wins, the older is never set after it.
  state.deferred = true;
  state.version = 4;
  const older = fresh.handle({ uri: 'u', version: 4, diagnostics: ['a@4'] });
  state.version = 5;
  const newer = fresh.handle({ uri: 'u', version: 5, diagnostics: ['a@5'] });
  pending[1]();
  pending[0]();
  assert.deepEqual(await Promise.all([older, newer]), [false, true]);
  // The editor moved on while v5 was converted… and a closed document's empty publish (no version) is shown.
  const late = fresh.handle({ uri: 'u', version: 5, diagnostics: ['b@5'] });
  state.version = 6;
  pending[2]();
  assert.equal(await late, false);
  state.deferred = false;
  state.version = undefined;
  assert.equal(await fresh.handle({ uri: 'u', diagnostics: [] }), true);
  assert.deepEqual(shown, [
    ['u', ['a@1']],
    ['u', ['a@3']],
    ['u', ['~a@5']],
    ['u', []],
  ]);
});

test('the code link: a command URI for a code, nothing from outside becomes a path', () => {
  assert.equal(ruleDocCommandUri('missing-clause'), 'command:itaku.showRuleDoc?%5B%22missing-clause%22%5D');
  for (const bad of ['../README', 'a/b', 'Missing', '', 'x'.repeat(65), 42, null])
    assert.equal(ruleDocCode(bad), undefined, String(bad));
  assert.equal(ruleDocCode('frontmatter-yaml'), 'frontmatter-yaml');
});
