import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJson } from '../../server/src/lsp/transport';

// The server's decoder for large LSP messages (issue 12): the same message as Node's own UTF-8 decoding.

const message = (text: string) => ({
  jsonrpc: '2.0',
  method: 'textDocument/didOpen',
  params: { textDocument: { uri: 'file:///a.md', languageId: 'markdown', version: 1, text } },
});

test('a large message is decoded to the same message as a UTF-8 read of its bytes', () => {
  const text = '# 仕様書\n\n受注者は秘密を保持すること。𠮷田👍 ｶﾞｲﾄﾞ\t"\\\u0001\n'.repeat(500);
  const bytes = Buffer.from(JSON.stringify(message(text)), 'utf8');
  assert.ok(bytes.length > 4096);
  assert.deepEqual(decodeJson(bytes, 'utf-8'), message(text));
  // A Uint8Array view into a larger buffer (what a stream reader may hand over).
  const padded = Buffer.concat([Buffer.from('xx'), bytes, Buffer.from('yy')]);
  const view = new Uint8Array(padded.buffer, padded.byteOffset + 2, bytes.length);
  assert.deepEqual(decodeJson(view, 'utf-8'), message(text));
});

test('bytes that are not valid UTF-8 read as Node reads them (replacement characters)', () => {
  const head = Buffer.from(JSON.stringify(message('あ'.repeat(3000))).slice(0, -4), 'utf8');
  // A lone continuation byte and a truncated sequence inside the string.
  const bytes = Buffer.concat([head, Buffer.from([0x80, 0xe3, 0x81]), Buffer.from('"}}}')]);
  assert.deepEqual(decodeJson(bytes, 'utf-8'), JSON.parse(bytes.toString('utf8')));
});
