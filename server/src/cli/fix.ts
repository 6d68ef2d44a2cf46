// `itaku check --fix` and `--fix-dry-run`: the server's fix-all (`source.fixAll.itaku`) applied to
// files. Insert-only (every original character stays, in order), atomic per file (a temporary file
// beside it, then a rename), and a file that changed since it was read is left alone.
import { chmodSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  analyze,
  type Catalog,
  fixAllInsertions,
  type FrontMatterDefaults,
  type Insertion,
  type Locale,
} from '../core';
import { decodeDraft } from './files';
import { cliText } from './messages';

export type FixStatus =
  'fixed' | 'unchanged' | 'changed-since-read' | 'not-draft' | 'unreadable' | 'over-budget' | 'over-memory';

export interface FixResult {
  file: string;
  shown: string;
  status: FixStatus;
  /** Clauses inserted (or that would be, in a dry run). */
  inserted: number;
  /** The unified diff (dry run only). */
  diff?: string;
  message?: string;
}

/** The text with every insertion made (offsets refer to the original text). */
export function applyInsertions(text: string, insertions: readonly Insertion[]): string {
  let out = '';
  let last = 0;
  for (const i of [...insertions].sort((a, b) => a.offset - b.offset)) {
    out += text.slice(last, i.offset) + i.text;
    last = i.offset;
  }
  return out + text.slice(last);
}

/** A fix computed but not yet written: the file's bytes as read and its fixed text (none: nothing to write). */
export type FixPlan = FixResult & { write?: { original: Uint8Array; text: string } };

/** Fixes one file; with `dryRun`, only computes the diff. */
export function fixFile(...args: Parameters<typeof planFix>): FixResult {
  return writePlan(planFix(...args));
}

/** Writes a planned fix (atomically, unless the file changed since it was read). */
export function writePlan(plan: FixPlan): FixResult {
  const { write, ...result } = plan;
  if (!write) return result;
  return writeAtomically(plan.file, Buffer.from(write.original), write.text)
    ? result
    : { ...result, status: 'changed-since-read', inserted: 0 };
}

/** Everything of a fix but writing it: the CLI's worker threads compute this, the main thread writes. */
export function planFix(
  file: string,
  shown: string,
  catalog: Catalog,
  locale: Locale,
  maxSize: number,
  dryRun: boolean,
  defaults?: FrontMatterDefaults,
): FixPlan {
  let bytes: Buffer;
  try {
    if (statSync(file).size > maxSize) return { file, shown, status: 'unchanged', inserted: 0 };
    bytes = readFileSync(file);
  } catch (e) {
    return { file, shown, status: 'unreadable', inserted: 0, message: (e as Error).message };
  }
  const read = decodeDraft(bytes);
  if (read.kind !== 'text') return { file, shown, status: 'unchanged', inserted: 0 };
  const text = read.text;
  const analysis = analyze(text, { catalog, locale, defaults });
  if (!analysis) return { file, shown, status: 'not-draft', inserted: 0 };
  // The same edits as the server's fix-all, computed on the same text.
  const insertions = fixAllInsertions(analysis.context.text, { catalog, locale, defaults });
  if (!insertions.length) return { file, shown, status: 'unchanged', inserted: 0 };
  const fixed = applyInsertions(text, insertions);
  const inserted = insertions.reduce((n, i) => n + (i.clauses ?? 1), 0);
  if (dryRun) return { file, shown, status: 'fixed', inserted, diff: unifiedDiff(shown, text, fixed) };
  // The decoder drops a byte order mark; the file keeps it.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\ufeff' : '';
  return { file, shown, status: 'fixed', inserted, write: { original: bytes, text: bom + fixed } };
}

/**
 * Writes `text` to `file` through a temporary file in the same folder and a rename, unless the
 * file no longer holds `original` (someone saved it meanwhile). Keeps the file's mode.
 */
export function writeAtomically(file: string, original: Buffer, text: string): boolean {
  if (!readFileSync(file).equals(original)) return false;
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.itaku-${process.pid}-${Date.now().toString(36)}.tmp`,
  );
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    chmodSync(tmp, statSync(file).mode & 0o7777);
    // Last look just before the rename: the window for a lost concurrent save stays tiny.
    if (!readFileSync(file).equals(original)) {
      unlinkSync(tmp);
      return false;
    }
    renameSync(tmp, file);
    return true;
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}

/** Fixes every file, in order. */
export function fixFiles(
  files: Array<{ file: string; shown: string; catalog: Catalog; locale: Locale; defaults?: FrontMatterDefaults }>,
  maxSize: number,
  dryRun: boolean,
): FixResult[] {
  return files.map((f) => fixFile(f.file, f.shown, f.catalog, f.locale, maxSize, dryRun, f.defaults));
}

/** One line of summary per run, for stderr. */
export function fixSummary(results: readonly FixResult[], locale: Locale, dryRun: boolean): string {
  const fixed = results.filter((r) => r.status === 'fixed');
  const clauses = fixed.reduce((n, r) => n + r.inserted, 0);
  const lines: string[] = [];
  for (const r of results) {
    if (r.status === 'changed-since-read') lines.push(cliText(locale, 'fixChangedSinceRead', { file: r.shown }));
    if (r.status === 'over-budget')
      lines.push(cliText(locale, 'fixOverBudget', { file: r.shown, seconds: String(r.message) }));
    if (r.status === 'over-memory') lines.push(cliText(locale, 'fixOverMemory', { file: r.shown }));
    if (r.status === 'unreadable')
      lines.push(cliText(locale, 'fixUnreadable', { file: r.shown, message: String(r.message) }));
  }
  if (dryRun) lines.push(cliText(locale, 'fixDryRun', { files: fixed.length, clauses }));
  else lines.push(cliText(locale, 'fixDone', { files: fixed.length, clauses }));
  return lines.join('\n') + '\n';
}

/** Lines with their line breaks, so a changed break shows as a change. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/** A shortest edit script between two line lists (Myers' O(ND) algorithm). */
function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1] < vd[max + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x] });
      y--;
    }
    if (x === prevX) ops.push({ kind: '+', line: b[--y] });
    else ops.push({ kind: '-', line: a[--x] });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', line: a[--x] });
    y--;
  }
  return ops.reverse();
}

/** A unified diff (`--- a/file`, `+++ b/file`, hunks with three lines of context); empty when equal. */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = editScript(a, b);
  const out = [`--- a/${name}`, `+++ b/${name}`];
  const show = (op: Op) => {
    const body = op.line.replace(/\r?\n$|\r$/, '');
    const lines = [`${op.kind}${body}`];
    if (!/[\r\n]$/.test(op.line)) lines.push('\\ No newline at end of file');
    return lines;
  };
  let i = 0;
  let aLine = 1;
  let bLine = 1;
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      aLine++;
      bLine++;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change
    // that is no more than 2 × context lines away.
    let start = i;
    let back = 0;
    while (start > 0 && back < context && ops[start - 1].kind === ' ') {
      start--;
      back++;
    }
    let end = i;
    for (let j = i; j < ops.length; j++) {
      if (ops[j].kind === ' ') continue;
      let gap = 0;
      for (let g = end + 1; g < j; g++) if (ops[g].kind === ' ') gap++;
      if (j !== i && gap > 2 * context) break;
      end = j;
    }
    let stop = end + 1;
    let ahead = 0;
    while (stop < ops.length && ahead < context && ops[stop].kind === ' ') {
      stop++;
      ahead++;
    }
    const hunk = ops.slice(start, stop);
    const aStart = aLine - back;
    const bStart = bLine - back;
    const aCount = hunk.filter((o) => o.kind !== '+').length;
    const bCount = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aCount ? aStart : aStart - 1},${aCount} +${bCount ? bStart : bStart - 1},${bCount} @@`);
    for (const op of hunk) out.push(...show(op));
    for (let j = i; j < stop; j++) {
      if (ops[j].kind !== '+') aLine++;
      if (ops[j].kind !== '-') bLine++;
    }
    i = stop;
  }
  return out.join('\n') + '\n';
}
