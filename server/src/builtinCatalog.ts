import builtinDef from '../../catalog/nisc-2011.yaml';
import { type Catalog, checkCatalogConsistency, compileCatalog } from './core';

let builtin: Catalog | undefined;

/**
 * The catalog shipped with itaku (NISC 2011), loaded once. Its schema check ran at build time
 * (scripts/build.mjs); the cross-reference checks are cheap and run here too.
 */
export function builtinCatalog(): Catalog {
  if (!builtin) {
    const problems = checkCatalogConsistency(builtinDef, 'en');
    if (problems.length) throw new Error(`built-in catalog is invalid: ${problems.map((p) => p.message).join('; ')}`);
    builtin = compileCatalog(builtinDef, 'built-in');
  }
  return builtin;
}
