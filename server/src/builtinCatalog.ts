import catalogText from '../../catalog/nisc-2011.yaml';
import type { Catalog } from './core/catalog/compile';
import { loadCatalog } from './core/catalog/load';

let builtin: Catalog | undefined;

/** The catalog shipped with itaku (NISC 2011), loaded once. */
export function builtinCatalog(): Catalog {
  if (!builtin) {
    const loaded = loadCatalog(catalogText, 'built-in');
    if (!loaded.ok) throw new Error(`built-in catalog is invalid: ${loaded.problems.map((p) => p.message).join('; ')}`);
    builtin = loaded.catalog;
  }
  return builtin;
}

export const BUILTIN_CATALOG_TEXT = catalogText;
