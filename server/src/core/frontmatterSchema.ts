import type { CatalogDef } from './catalog/types';

/**
 * The JSON Schema of a draft's front matter (canonical keys), generated from a catalog so its
 * option values follow the catalog. `schemas/frontmatter.schema.json` is this for the built-in
 * catalog; a test fails when that file is stale. Document types and categories are checked in
 * code (unknown ones get their own diagnostics with suggestions), so they are `examples` here.
 */
export function frontMatterSchema(def: CatalogDef): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(def.options)) {
    const description = `${o.description}\n\n${o.description_en}`;
    if (o.type === 'boolean') options[name] = { type: 'boolean', description };
    else if (o.type === 'enum') options[name] = { enum: Object.keys(o.values ?? {}), description };
    else if (o.type === 'clause-list')
      options[name] = { type: 'array', items: { enum: def.clauses.map((c) => c.id) }, description };
    else options[name] = { type: ['string', 'object'], minLength: 1, description };
  }
  const categoryNames = Object.entries(def.categories).flatMap(([id, c]) => [id, ...c.aliases]);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://itaku.invalid/schemas/frontmatter.${def.id}.schema.json`,
    title: 'itaku draft front matter',
    description: `Front matter of a draft checked against the catalog "${def.id}". Keys may also be written 文書種別, 業務分類, 組織, 当事者, オプション.`,
    type: 'object',
    required: ['document'],
    properties: {
      document: {
        type: 'string',
        minLength: 1,
        description: '文書種別 / document type',
        examples: Object.entries(def.documentTypes).flatMap(([id, d]) => [id, ...d.aliases]),
      },
      category: {
        description: '業務分類 / business categories (one or a list)',
        anyOf: [
          { type: 'string', minLength: 1, examples: categoryNames },
          { type: 'array', minItems: 1, items: { type: 'string', minLength: 1, examples: categoryNames } },
        ],
      },
      organization: {
        type: 'string',
        minLength: 1,
        description: '府省庁名（〔 省 〕を埋めます）/ the ministry (fills 〔 省 〕)',
      },
      parties: {
        type: 'object',
        description: '当事者（[甲] / [乙] を埋めます）/ contract parties (fill [甲] / [乙])',
        properties: { 甲: { type: 'string', minLength: 1 }, 乙: { type: 'string', minLength: 1 } },
        additionalProperties: { type: 'string' },
      },
      options: { type: 'object', properties: options },
    },
  };
}
