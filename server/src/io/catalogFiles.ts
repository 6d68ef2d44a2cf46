// Catalog and configuration files, read the same way by the CLI and the server: only regular
// files under a size cap, UTF-8 only; an overlay's `extends` is followed through these reads.
import * as path from 'node:path';
import { type Catalog, type CatalogLoadResult, type CatalogResolver, loadCatalog, type Locale } from '../core';
import { ioText } from './messages';
import { readFailureMessage, readRegularFile } from './readFile';

/** Largest catalog or configuration file read (the built-in catalog is about 100 KB). */
export const MAX_CATALOG_BYTES = 8 * 1024 * 1024;

export type TextRead = { ok: true; text: string } | { ok: false; message: string };

/** A regular UTF-8 file of at most `maxBytes`, or why not (a sentence in `locale`). */
export function readTextFile(file: string, locale: Locale, maxBytes = MAX_CATALOG_BYTES): TextRead {
  const read = readRegularFile(file, maxBytes);
  if (!read.ok) return { ok: false, message: readFailureMessage(locale, read.reason, maxBytes) };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(read.bytes) };
  } catch {
    return { ok: false, message: ioText(locale, 'notUtf8') };
  }
}

/**
 * Resolves `extends`: the built-in catalog's id (nisc-2011) is the built-in catalog; anything else
 * is a path, relative to the folder of the catalog that names it.
 */
export function fileCatalogResolver(builtin: () => Catalog, locale: Locale): CatalogResolver {
  return (ref, from) => {
    const b = builtin();
    if (ref === b.def.id) return { ok: true, id: b.def.id, catalog: b };
    const file = path.resolve(path.isAbsolute(from) ? path.dirname(from) : process.cwd(), ref);
    const read = readTextFile(file, locale);
    return read.ok ? { ok: true, id: file, text: read.text } : { ok: false, message: `${file}: ${read.message}` };
  };
}

/** Loads the catalog file `file` (absolute), following its `extends`. */
export function loadCatalogFile(
  file: string,
  builtin: () => Catalog,
  locale: Locale,
): { read: false; message: string } | ({ read: true } & CatalogLoadResult) {
  const text = readTextFile(file, locale);
  if (!text.ok) return { read: false, message: text.message };
  return { read: true, ...loadCatalog(text.text, file, locale, fileCatalogResolver(builtin, locale)) };
}
