import { isUtf8, transcode } from 'node:buffer';
import { StreamMessageReader, StreamMessageWriter, type Message } from 'vscode-languageserver/node';

/**
 * The JSON body of an LSP message, decoded. Node's UTF-8 decoder takes ~100 ms for the 5 MB of
 * Japanese text a large draft's didOpen carries, on the connection's thread, and no request is
 * answered meanwhile (issue 12); ICU's transcoding to UTF-16 and a UTF-16 read take a fifth of
 * that. Used for valid UTF-8 only (the result is then the same string); anything else, and other
 * charsets, are decoded as vscode-jsonrpc does.
 */
export function decodeJson(bytes: Uint8Array, charset: string): Message {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf8 = charset.toLowerCase() === 'utf-8' || charset.toLowerCase() === 'utf8';
  const text =
    utf8 && buffer.length > 4096 && isUtf8(buffer)
      ? transcode(buffer, 'utf8', 'utf16le').toString('utf16le')
      : buffer.toString(charset as BufferEncoding);
  return JSON.parse(text) as Message;
}

/** The stdio transport, with the decoder above; the process ends with stdin, as the library's own stdio does. */
export function stdioTransport(onEnd: () => void): [StreamMessageReader, StreamMessageWriter] {
  const reader = new StreamMessageReader(process.stdin, {
    contentTypeDecoder: {
      name: 'application/json',
      decode: (bytes, options) => {
        try {
          return Promise.resolve(decodeJson(bytes, options.charset));
        } catch (error) {
          return Promise.reject(error);
        }
      },
    },
  });
  process.stdin.on('end', onEnd);
  process.stdin.on('close', onEnd);
  return [reader, new StreamMessageWriter(process.stdout)];
}
