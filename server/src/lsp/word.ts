// The server's Word commands: the client reads and writes the files (vscode.workspace.fs), the
// server converts bytes (the pure Word modules), so the extension host never loads mammoth or docx.
import type { Catalog, Locale } from '../core';
import { configLayer, type MetadataLayer, type WordMetadata } from '../word/draft';
import { exportWarning, wordProblemMessage } from '../word/messages';
import {
  DEFAULT_MAX_FILE_SIZE,
  type ExportWordRequest,
  type ExportWordResult,
  type WordToMarkdownRequest,
  type WordToMarkdownResult,
} from '../protocol';
import { lspText } from './messages';
import type { WordJob } from './wordJob';

/** Largest .docx or draft converted (the default itaku.maxFileSize). */
const MAX_BYTES = DEFAULT_MAX_FILE_SIZE;

/**
 * The .docx as a Markdown draft, its front matter from the document's properties, then `config`
 * (the .itaku.yaml over the file), then what the user chose.
 */
export async function wordToMarkdown(
  request: WordToMarkdownRequest,
  locale: Locale,
  config?: MetadataLayer,
): Promise<WordToMarkdownResult> {
  const data = typeof request?.data === 'string' ? request.data : '';
  if (data.length > Math.ceil(MAX_BYTES / 3) * 4)
    return {
      ok: false,
      message: lspText(locale, 'wordTooLarge'),
    };
  // mammoth and docx are loaded on first use, not when the server starts.
  const [{ convertDocx }, { WordReadError }, { propertiesLayer, wordDraft }] = await Promise.all([
    import('../word/read'),
    import('../word/package'),
    import('../word/draft'),
  ]);
  let conversion;
  try {
    conversion = await convertDocx(Buffer.from(data, 'base64'));
  } catch (e) {
    if (e instanceof WordReadError) return { ok: false, message: wordProblemMessage(locale, e.problem, e.message) };
    throw e;
  }
  const chosen: WordMetadata = {};
  if (typeof request.document === 'string' && request.document) chosen.document = request.document;
  if (
    Array.isArray(request.categories) &&
    request.categories.every((c) => typeof c === 'string') &&
    request.categories.length
  )
    chosen.category = request.categories;
  const picked: MetadataLayer = { metadata: chosen, sourceOf: () => ({ kind: 'flag', flag: 'editor' }) };
  const layers = [propertiesLayer(conversion.properties), ...(config ? [config] : []), picked];
  const draft = wordDraft(conversion, layers);
  if (!draft) return { ok: false, needsMetadata: true };
  return { ok: true, markdown: draft.text };
}

/**
 * Largest draft exported from the editor (UTF-8 bytes). A 1 MB draft takes about 3 s and 290 MB
 * here, a 5 MB one 20 s and 2.8 GB (it once froze the server; it runs in a worker now, see
 * runInWorker). Larger drafts are for the CLI.
 */
export const EXPORT_MAX_BYTES = 1024 * 1024;

export async function exportWord(
  request: ExportWordRequest,
  catalog: Catalog,
  locale: Locale,
): Promise<ExportWordResult> {
  const text = typeof request?.text === 'string' ? request.text : '';
  if (text.length > EXPORT_MAX_BYTES || Buffer.byteLength(text, 'utf8') > EXPORT_MAX_BYTES)
    return {
      ok: false,
      message: lspText(locale, 'draftTooLarge', { limit: String(EXPORT_MAX_BYTES / 1024 / 1024) }),
    };
  const { ExportError, markdownToDocx } = await import('../word/export');
  try {
    const { bytes, highlights } = await markdownToDocx(text, { catalog, locale });
    return {
      ok: true,
      data: bytes.toString('base64'),
      highlights: highlights.length,
      ...(highlights.length ? { warning: exportWarning(locale, highlights.length) } : {}),
    };
  } catch (e) {
    if (!(e instanceof ExportError)) throw e;
    return {
      ok: false,
      message: lspText(locale, 'exportBrokenYaml'),
    };
  }
}

/** Runs one Word command (in the Word worker). */
export function runWordJob(job: WordJob, catalog: () => Catalog): Promise<WordToMarkdownResult | ExportWordResult> {
  if (job.kind === 'export') return exportWord(job.request, catalog(), job.locale);
  return wordToMarkdown(job.request, job.locale, configLayer(job.defaults, job.configFile));
}
