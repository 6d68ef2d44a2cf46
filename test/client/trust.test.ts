import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { restrictCatalog, setsCatalog } from '../../client/src/trust';
import { ROOT } from '../support/catalog';

const items = [{ section: 'itaku', scopeUri: 'file:///ws/a.md' }, { section: 'markdown' }];
const answers = () => [{ catalog: 'ministry/evil.yaml', locale: 'ja' }, { other: 1 }];
const origins = { workspaceValue: 'ministry/evil.yaml' };

test("untrusted workspace: its own itaku.catalog is replaced by the user's (or none); trusted: untouched", () => {
  assert.deepEqual(
    restrictCatalog(items, answers(), false, () => origins),
    [{ catalog: '', locale: 'ja' }, { other: 1 }],
  );
  assert.deepEqual(
    restrictCatalog(items, answers(), false, () => ({ ...origins, globalValue: '/home/me/catalog.yaml' })),
    [{ catalog: '/home/me/catalog.yaml', locale: 'ja' }, { other: 1 }],
  );
  assert.deepEqual(
    restrictCatalog(items, answers(), true, () => origins),
    answers(),
  );
  assert.deepEqual(
    restrictCatalog(items, [null, undefined], false, () => origins),
    [null, undefined],
  );
});

test('untrusted workspace: a relative user-level itaku.catalog is refused (it would resolve inside the folder), and the user is told', () => {
  const refused: string[] = [];
  const restricted = restrictCatalog(
    items,
    answers(),
    false,
    () => ({ ...origins, globalValue: 'catalog.yaml' }),
    (v) => refused.push(v),
  );
  assert.deepEqual(restricted, [{ catalog: '', locale: 'ja' }, { other: 1 }]);
  assert.deepEqual(refused, ['catalog.yaml']);
  assert.deepEqual(
    restrictCatalog(
      items,
      answers(),
      false,
      () => ({ globalValue: '../x.yaml' }),
      (v) => refused.push(v),
    )[0],
    { catalog: '', locale: 'ja' },
  );
  assert.deepEqual(restrictCatalog(items, answers(), false, () => ({ globalValue: 'C:\\cat\\x.yaml' }))[0], {
    catalog: 'C:\\cat\\x.yaml',
    locale: 'ja',
  });
  assert.deepEqual(refused, ['catalog.yaml', '../x.yaml']);
  // Trusted: a relative path is the workspace's business.
  assert.deepEqual(
    restrictCatalog(
      items,
      answers(),
      true,
      () => ({ globalValue: 'catalog.yaml' }),
      (v) => refused.push(v),
    ),
    answers(),
  );
  assert.equal(refused.length, 2);
});

test('the manifest declares limited support in untrusted workspaces, with itaku.catalog restricted', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['itaku.catalog']);
});

test('a workspace settings file that sets itaku.catalog is recognised, comments and all', () => {
  assert.equal(setsCatalog('{\n  // a ministry catalog\n  "itaku.catalog": "ministry.yaml",\n}'), true);
  assert.equal(setsCatalog('{ "editor.tabSize": 2, /* "itaku.catalog": "x.yaml" */ }'), false);
  assert.equal(setsCatalog('{ // "itaku.catalog": "x.yaml"\n "itaku.locale": "en" }'), false);
  assert.equal(setsCatalog('{ "itaku.catalog": "" }'), false, 'empty means the built-in catalog anyway');
  assert.equal(setsCatalog('{ "a": "text with // and /* inside", "itaku.catalog": "c.yaml" }'), true);
  assert.equal(setsCatalog('{ "settings": { "itaku.catalog": "c.yaml" } }'), true, 'a .code-workspace file');
});
