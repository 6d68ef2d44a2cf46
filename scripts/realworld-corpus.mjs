// What the real-world corpus scripts share (issue 9): where a page's excerpt is saved, how labels
// are read, the split rule, the window a sentence is searched in, and the clause ids per document
// type (read from the built-in catalog, where a clause belongs to a document type when it has
// requirements for it, so no script keeps a list of its own).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const sha = (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
/** The file an excerpt is saved to (relative to the root): one per (query, URL), since a page can render differently per query. */
export const pageFile = (query, url) => path.join('.corpus', 'pages', `${sha(`${query}\n${url}`).slice(0, 16)}.txt`);
/** The rule fixed before any tuning: the first byte of sha256(URL) below 154 is development text. */
export const splitOf = (url) => (parseInt(sha(url).slice(0, 2), 16) < 154 ? 'dev' : 'heldout');
/** A labelled sentence is found again among its excerpt's substrings of at most this many characters. */
export const SENTENCE_WINDOW = 600;

export const readJsonl = (file) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));

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
