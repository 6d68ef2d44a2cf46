import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readRegularFile, type ReadFailure } from '../io/readFile';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist']);

/** A path that was found but not checked, and why (folders and special files the walk met). */
export interface WalkSkip {
  path: string;
  reason: 'unreadable-folder' | 'symlink-loop' | 'not-a-file' | 'broken-symlink';
}

/** Drafts a folder walk picks up: Markdown, and Word documents (not Word's ~$ lock files). */
const isMarkdown = (name: string) =>
  /\.(md|markdown)$/i.test(name) || (/\.docx$/i.test(name) && !name.startsWith('~$'));

/**
 * Expands files and folders into Markdown files and .docx documents (recursively, sorted), skipping dependency
 * folders. Symbolic links are followed; a link back into a folder being walked is a loop and is
 * listed as skipped, like an unreadable folder or a broken link.
 */
export async function collectMarkdownFiles(
  inputs: string[],
): Promise<{ files: string[]; missing: string[]; skipped: WalkSkip[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: WalkSkip[] = [];
  const walk = async (dir: string, ancestors: ReadonlySet<string>): Promise<void> => {
    let entries;
    let real: string;
    try {
      real = await fs.realpath(dir);
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      skipped.push({ path: dir, reason: 'unreadable-folder' });
      return;
    }
    const inside = new Set(ancestors).add(real);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      let kind: 'dir' | 'file' | 'other' = e.isDirectory() ? 'dir' : e.isFile() ? 'file' : 'other';
      if (e.isSymbolicLink()) {
        try {
          const target = await fs.stat(full);
          kind = target.isDirectory() ? 'dir' : target.isFile() ? 'file' : 'other';
        } catch (err) {
          if (isMarkdown(e.name) || (err as NodeJS.ErrnoException).code === 'ELOOP')
            skipped.push({
              path: full,
              reason: (err as NodeJS.ErrnoException).code === 'ELOOP' ? 'symlink-loop' : 'broken-symlink',
            });
          continue;
        }
        if (kind === 'dir') {
          const target = await fs.realpath(full).catch(() => full);
          if (inside.has(target)) {
            skipped.push({ path: full, reason: 'symlink-loop' });
            continue;
          }
        }
      }
      if (kind === 'dir') {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(full, inside);
      } else if (isMarkdown(e.name)) {
        if (kind === 'file') files.push(full);
        else skipped.push({ path: full, reason: 'not-a-file' });
      }
    }
  };
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ELOOP') skipped.push({ path: input, reason: 'symlink-loop' });
      else missing.push(input);
      continue;
    }
    if (stat.isDirectory()) await walk(input, new Set());
    else files.push(input);
  }
  return { files: [...new Set(files)], missing, skipped };
}

export type ReadOutcome =
  | { kind: 'text'; text: string }
  | { kind: 'too-large'; size: number; head: string }
  | { kind: 'binary' }
  | { kind: 'not-utf8' }
  | { kind: 'unreadable'; reason: Exclude<ReadFailure, 'too-large'> };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a draft as UTF-8 text: only a regular file, with the size cap enforced while reading (a
 * FIFO or /dev/zero never hangs or fills memory). Binary and non-UTF-8 files are reported, not
 * analysed. Synchronous: files are small and read one after another.
 */
export function readDraftFile(file: string, maxSize: number): ReadOutcome {
  const read = readRegularFile(file, maxSize, 64 * 1024);
  if (read.ok) return decodeDraft(read.bytes);
  if (read.reason === 'too-large')
    return {
      kind: 'too-large',
      size: read.size ?? maxSize + 1,
      head: new TextDecoder('utf-8').decode(read.head ?? new Uint8Array()),
    };
  return { kind: 'unreadable', reason: read.reason as Exclude<ReadFailure, 'too-large'> };
}

/**
 * A binary file: NUL bytes in its first 8 KB that are more than one in 64 of them (UTF-16 text, an
 * image) or in bytes that are not UTF-8. A stray NUL in a UTF-8 draft is text, read as the editor
 * reads it (it was skipped as binary while the editor showed the draft's findings).
 */
export function decodeDraft(buffer: Uint8Array): ReadOutcome {
  const head = buffer.subarray(0, 8192);
  let nul = 0;
  for (let i = head.indexOf(0); i >= 0; i = head.indexOf(0, i + 1)) nul++;
  let text: string;
  try {
    text = decoder.decode(buffer);
  } catch {
    return nul ? { kind: 'binary' } : { kind: 'not-utf8' };
  }
  return nul * 64 > head.length ? { kind: 'binary' } : { kind: 'text', text };
}
