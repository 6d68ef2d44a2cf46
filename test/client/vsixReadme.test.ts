import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
// @ts-expect-error: a plain ES module script without types
import { vsixReadme } from '../../scripts/vsixReadme.mjs';
import { ROOT } from '../support/catalog';

test('the .vsix README carries every README image inline (the details page allows only https: and data: images), and nothing else changes', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const local = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
  assert.deepEqual(local, ['docs/images/problems.png', 'docs/images/quickfix.png']);
  const packaged: string = vsixReadme(ROOT);
  const inline = [...packaged.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
  assert.deepEqual(
    inline,
    local.map((f) => `data:image/png;base64,${readFileSync(path.join(ROOT, f)).toString('base64')}`),
  );
  assert.equal(
    packaged.replace(/data:image\/png;base64,[A-Za-z0-9+/=]+/g, 'X'),
    readme.replace(/docs\/images\/\w+\.png/g, 'X'),
  );
  // npm run package and the e2e harness pass this copy to vsce.
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.match(pkg.scripts.package, /--no-rewrite-relative-links --readme-path client\/out\/README\.md /);
});
