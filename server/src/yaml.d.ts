// The built-in catalog, parsed and schema-checked at build time (scripts/build.mjs).
declare module '*.yaml' {
  import type { CatalogDef } from './core';
  const catalog: CatalogDef;
  export default catalog;
}
