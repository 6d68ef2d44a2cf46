// `itaku check` for Word documents: read the file (capped, as a Markdown draft is), convert it, and
// report with Word locations. The conversion and the analysis are the pure modules'.
import { applySeverity, fileTooLargeDiagnostic, internalErrorDiagnostic, type Catalog } from '../core';
import { readRegularFile } from '../io/readFile';
import { configLayer, type MetadataLayer, type WordMetadata } from '../word/draft';
import type { CheckSettings, Outcome } from './check';
import { skipped } from './report';

/** Word documents by name: what a folder walk picks up, and what `check` reads as Word. */
export const isWordFile = (name: string) => /\.(docx|docm|dotx|dotm)$/i.test(name);

/** The metadata the command line gives (--document, --category), for Word documents only. */
export interface WordFlags {
  document?: string;
  category?: string[];
}

function flagsLayer(flags: WordFlags | undefined): MetadataLayer | undefined {
  if (!flags || (!flags.document && !flags.category?.length)) return undefined;
  const metadata: WordMetadata = {};
  if (flags.document) metadata.document = flags.document;
  if (flags.category?.length) metadata.category = flags.category;
  return { metadata, sourceOf: (key) => ({ kind: 'flag', flag: `--${key}` }) };
}

export async function checkWordFile(
  file: string,
  shown: string,
  catalog: Catalog,
  settings: CheckSettings,
): Promise<Outcome> {
  const { locale, maxSize } = settings;
  const read = readRegularFile(file, maxSize);
  const empty = { document: null, categories: [], options: {}, clauses: [] };
  if (!read.ok) {
    if (read.reason !== 'too-large') return { kind: 'skipped', skipped: skipped(shown, read.reason) };
    return {
      kind: 'draft',
      report: {
        path: shown,
        format: 'docx',
        ...empty,
        diagnostics: [fileTooLargeDiagnostic(locale, read.size ?? maxSize + 1, maxSize)],
      },
    };
  }
  try {
    // The document's properties first, then .itaku.yaml, then the command line.
    const layers = [configLayer(settings.defaults, settings.configFile), flagsLayer(settings.word)].filter(
      (l): l is MetadataLayer => !!l,
    );
    // Loaded on the first Word document: a run over Markdown drafts never loads mammoth.
    const { checkWord } = await import('../word/check');
    const checked = await checkWord(read.bytes, {
      catalog,
      locale,
      maxSize,
      layers,
      defaults: settings.defaults,
      plain: settings.plain,
    });
    switch (checked.kind) {
      case 'not-draft':
        return { kind: 'skipped', skipped: skipped(shown, 'no-document-type') };
      case 'too-large':
        return {
          kind: 'draft',
          report: {
            path: shown,
            format: 'docx',
            ...empty,
            diagnostics: [fileTooLargeDiagnostic(locale, checked.size, maxSize)],
          },
        };
      default:
        return {
          kind: 'draft',
          report: {
            path: shown,
            format: 'docx',
            ...checked.result,
            diagnostics: applySeverity(checked.result.diagnostics, settings.severity ?? {}),
          },
        };
    }
  } catch (error) {
    return {
      kind: 'draft',
      report: { path: shown, format: 'docx', ...empty, diagnostics: [internalErrorDiagnostic(locale, error)] },
    };
  }
}
