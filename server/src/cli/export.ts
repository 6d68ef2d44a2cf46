// `itaku export draft.md --format docx [-o FILE]`: the Markdown draft as a Word document, written
// beside the draft (or to FILE) through a temporary file renamed over it.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Catalog, Locale } from '../core';
import { exportWarning } from '../word/messages';
import { escapeForTerminal } from './escape';
import { readDraftFile } from './files';
import { cliText as say } from './messages';
import { skipReasonText } from './report';

export async function exportDraft(
  file: string,
  output: string | undefined,
  catalog: Catalog,
  locale: Locale,
  maxSize: number,
): Promise<number> {
  const shown = escapeForTerminal(file);
  const read = readDraftFile(file, maxSize);
  if (read.kind !== 'text') {
    const reason =
      read.kind === 'too-large'
        ? say(locale, 'exportTooLarge', { max: maxSize })
        : skipReasonText(locale, read.kind === 'unreadable' ? read.reason : read.kind);
    process.stderr.write(`${say(locale, 'exportFailed', { file: shown, reason })}\n`);
    return 1;
  }
  // Loaded only for an export: checking never loads the docx library.
  const { ExportError, markdownToDocx } = await import('../word/export');
  let result;
  try {
    result = await markdownToDocx(read.text, { catalog, locale });
  } catch (e) {
    if (!(e instanceof ExportError)) throw e;
    process.stderr.write(`${say(locale, 'exportBrokenYaml', { file: shown })}\n`);
    return 1;
  }
  const target = output ?? file.replace(/\.(md|markdown)$/i, '') + '.docx';
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.itaku-${process.pid}.tmp`);
  try {
    writeFileSync(temporary, result.bytes, { flag: 'wx' });
    renameSync(temporary, target);
  } catch (e) {
    rmSync(temporary, { force: true });
    const message = escapeForTerminal((e as Error).message);
    process.stderr.write(`${say(locale, 'cannotWrite', { file: escapeForTerminal(target), message })}\n`);
    return 1;
  }
  process.stderr.write(`${say(locale, 'exported', { file: escapeForTerminal(target) })}\n`);
  if (result.highlights.length) {
    process.stderr.write(`itaku: ${exportWarning(locale, result.highlights.length)}\n`);
    for (const h of result.highlights) process.stderr.write(`  ${shown}:${h.line + 1}: ${escapeForTerminal(h.text)}\n`);
  }
  return 0;
}
