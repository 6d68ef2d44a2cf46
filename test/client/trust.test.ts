import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { restrictCatalog } from '../../client/src/trust';
import { ROOT } from '../support/catalog';

const items = [{ section: 'itaku', scopeUri: 'file:///ws/a.md' }, { section: 'markdown' }];
const answers = () => [{ catalog: 'ministry/evil.yaml', locale: 'ja' }, { other: 1 }];
const origins = { workspaceValue: 'ministry/evil.yaml' };

test('untrusted workspace: its own itaku.catalog is replaced by the user\'s (or none); trusted: untouched', () => {
  assert.deepEqual(restrictCatalog(items, answers(), false, () => origins), [{ catalog: '', locale: 'ja' }, { other: 1 }]);
  assert.deepEqual(restrictCatalog(items, answers(), false, () => ({ ...origins, globalValue: '/home/me/catalog.yaml' })), [{ catalog: '/home/me/catalog.yaml', locale: 'ja' }, { other: 1 }]);
  assert.deepEqual(restrictCatalog(items, answers(), true, () => origins), answers());
  assert.deepEqual(restrictCatalog(items, [null, undefined], false, () => origins), [null, undefined]);
});

test('the manifest declares limited support in untrusted workspaces, with itaku.catalog restricted', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['itaku.catalog']);
});
