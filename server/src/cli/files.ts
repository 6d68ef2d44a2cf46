import { closeSync, fstatSync, openSync, promises as fs, readFileSync, readSync } from 'node:fs';
import * as path from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist']);

/** Expands files and folders into Markdown files (recursively, sorted), skipping dependency folders. */
export async function collectMarkdownFiles(inputs: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(full);
      } else if (e.isFile() && /\.(md|markdown)$/i.test(e.name)) files.push(full);
    }
  };
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isDirectory()) await walk(input);
    else files.push(input);
  }
  return { files: [...new Set(files)], missing };
}

export type ReadOutcome =
  | { kind: 'text'; text: string }
  | { kind: 'too-large'; size: number; head: string }
  | { kind: 'binary' }
  | { kind: 'not-utf8' }
  | { kind: 'unreadable'; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a file as UTF-8 text; binary and non-UTF-8 files are reported, not analysed. Synchronous:
 * files are small and read one after another, so the thread never waits idle on the I/O pool.
 */
export function readDraftFile(file: string, maxSize: number): ReadOutcome {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const { size } = fstatSync(fd);
    if (size > maxSize) {
      const head = Buffer.alloc(Math.min(size, 64 * 1024));
      readSync(fd, head, 0, head.length, 0);
      return { kind: 'too-large', size, head: new TextDecoder('utf-8').decode(head) };
    }
    return decodeDraft(readFileSync(fd));
  } catch (e) {
    return { kind: 'unreadable', message: (e as Error).message };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function decodeDraft(buffer: Uint8Array): ReadOutcome {
  if (buffer.subarray(0, 8192).includes(0)) return { kind: 'binary' };
  try {
    return { kind: 'text', text: decoder.decode(buffer) };
  } catch {
    return { kind: 'not-utf8' };
  }
}
