// The clause ids the real-world corpus is labelled with, per document type (issue 9): read from the
// built-in catalog, where a clause belongs to a document type when it has requirements for it, so
// the evaluation and the labelling tools never keep a list of their own.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** { 'procurement-spec': [ids in catalog order], contract: […] } */
export function clauseIdsByDocumentType() {
  const catalog = YAML.parse(fs.readFileSync(path.join(root, 'catalog', 'nisc-2011.yaml'), 'utf8'));
  return Object.fromEntries(
    Object.keys(catalog.documentTypes).map((type) => [
      type,
      catalog.clauses.filter((clause) => clause.requirements?.[type]).map((clause) => clause.id),
    ]),
  );
}
