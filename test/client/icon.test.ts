import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/catalog';

test('the extension has an icon: a 128×128 PNG that the package includes', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.equal(manifest.icon, 'docs/images/icon.png');
  const png = readFileSync(path.join(ROOT, manifest.icon));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  // Only the icon: the README's screenshots travel inline in the .vsix README (test/client/vsixReadme.test.ts).
  assert.match(readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!docs\/images\/icon\.png$/m);
});
