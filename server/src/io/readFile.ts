// Reading a file named by a user, a setting or a folder walk: only a regular file, never more
// than a cap (enforced while reading: a device or a growing file reports size 0 or lies), and
// never blocking on a FIFO. Shared by the CLI and the server; the core never touches files.
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { ioText } from './messages';

export type ReadFailure =
  /** Not found (ENOENT), or a broken symlink. */
  | 'not-found'
  /** A folder, FIFO, socket or device. */
  | 'not-a-file'
  /** Larger than the cap. */
  | 'too-large'
  | 'permission-denied'
  /** A symlink loop (ELOOP). */
  | 'symlink-loop'
  | 'unreadable';

export type ReadResult =
  { ok: true; bytes: Buffer; size: number } | { ok: false; reason: ReadFailure; size?: number; head?: Buffer };

const CHUNK = 64 * 1024;

function reasonOf(e: unknown): ReadFailure {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'not-found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission-denied';
  if (code === 'ELOOP') return 'symlink-loop';
  if (code === 'EISDIR') return 'not-a-file';
  return 'unreadable';
}

/**
 * Reads `file` if it is a regular file of at most `maxBytes` bytes. Over the cap, the result
 * is `too-large` with the first `headBytes` bytes (for a finding that says what it is).
 */
export function readRegularFile(file: string, maxBytes: number, headBytes = 0): ReadResult {
  let fd: number | undefined;
  try {
    // The type is checked before opening (opening a FIFO blocks until a writer comes), and again
    // on the open descriptor (the path may have been swapped in between).
    if (!statSync(file).isFile()) return { ok: false, reason: 'not-a-file' };
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not-a-file' };
    if (stat.size > maxBytes) {
      const head = Buffer.alloc(Math.min(stat.size, headBytes));
      const n = head.length ? readSync(fd, head, 0, head.length, 0) : 0;
      return { ok: false, reason: 'too-large', size: stat.size, head: head.subarray(0, n) };
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) {
        const all = Buffer.concat([...chunks, chunk.subarray(0, n)]);
        return { ok: false, reason: 'too-large', size: total, head: all.subarray(0, headBytes) };
      }
      chunks.push(chunk.subarray(0, n));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total), size: total };
  } catch (e) {
    return { ok: false, reason: reasonOf(e) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A sentence for a read failure, in the user's language. */
export function readFailureMessage(locale: 'ja' | 'en', reason: ReadFailure, maxBytes?: number): string {
  switch (reason) {
    case 'not-found':
      return ioText(locale, 'readNotFound');
    case 'not-a-file':
      return ioText(locale, 'readNotAFile');
    case 'too-large':
      return ioText(locale, 'readTooLarge', { max: String(maxBytes) });
    case 'permission-denied':
      return ioText(locale, 'readPermissionDenied');
    case 'symlink-loop':
      return ioText(locale, 'readSymlinkLoop');
    default:
      return ioText(locale, 'readUnreadable');
  }
}
