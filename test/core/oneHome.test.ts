import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileTooLargeDiagnostic } from '../../server/src/core';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_SETTINGS } from '../../server/src/protocol';

// Issue 14, item 8: a concept written in one place. The 10 MB default lives in protocol.ts; the
// manifest repeats it as the setting's default, and must agree.

const root = path.resolve(__dirname, '../..');

test("the default itaku.maxFileSize is one value: the settings', the manifest's (10 MB)", () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const setting = manifest.contributes.configuration.properties['itaku.maxFileSize'];
  assert.equal(DEFAULT_MAX_FILE_SIZE, 10 * 1024 * 1024);
  assert.equal(DEFAULT_SETTINGS.maxFileSize, DEFAULT_MAX_FILE_SIZE);
  assert.equal(setting.default, DEFAULT_MAX_FILE_SIZE);
});

test('file-too-large: one diagnostic, on the opening fence, with its size and limit', () => {
  assert.deepEqual(fileTooLargeDiagnostic('en', 2000, 1000), {
    code: 'file-too-large',
    severity: 'warning',
    message:
      'The file was not analysed because it is too large (2000 bytes; the limit is 1000). Split the draft into several files, or raise the limit with itaku.maxFileSize / --max-file-size.',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
    source: 'itaku',
    data: { size: 2000, limit: 1000 },
  });
});
