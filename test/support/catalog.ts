import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { loadCatalog } from '../../server/src/core/catalog/load';
import type { Catalog } from '../../server/src/core/catalog/compile';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CATALOG_PATH = path.join(ROOT, 'catalog/nisc-2011.yaml');
export const CATALOG_TEXT = readFileSync(CATALOG_PATH, 'utf8');

let cached: Catalog | undefined;

/** The built-in catalog, read from the repository (the bundles embed the same file). */
export function catalog(): Catalog {
  if (!cached) {
    const loaded = loadCatalog(CATALOG_TEXT, 'built-in');
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    cached = loaded.catalog;
  }
  return cached;
}
