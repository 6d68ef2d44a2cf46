import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';

/** Is this pair's key the YAML 1.1 merge key (`<<: *defaults`), which catalogs and `.itaku.yaml` accept? */
export function isMergeKey(key: unknown): boolean {
  // yaml gives the key a symbol value when it parses with `merge: true`, the string otherwise.
  if (!isScalar(key)) return false;
  return key.value === '<<' || (typeof key.value === 'symbol' && key.value.description === '<<');
}

/** Mappings looked in through merge keys for one position (aliases expand to at most 100 nodes anyway). */
const MAX_MERGED_MAPS = 1000;

/** An alias as the node it names; anything else as it is. */
function resolved(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

/**
 * The pair for `key` in a mapping: its own, else one it takes from a merge key (`<<: *base` or
 * `<<: [*a, *b]`, the first that has it, as YAML 1.1 merges them). Each mapping is looked in once,
 * so merges of merges cost what the mappings hold, however they repeat one another.
 */
function pairIn(doc: Document, map: YAMLMap, key: string, seen = new Set<YAMLMap>()): Pair | undefined {
  seen.add(map);
  const own = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  if (own || seen.size > MAX_MERGED_MAPS) return own;
  for (const p of map.items) {
    if (!isMergeKey(p.key)) continue;
    const value = resolved(doc, p.value);
    const sources = isSeq(value) ? value.items.map((v) => resolved(doc, v)) : [value];
    for (const source of sources) {
      const found = isMap(source) && !seen.has(source) ? pairIn(doc, source, key, seen) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** The YAML node at a JSON-pointer-like path (object keys and array indices), through aliases and merge keys. */
export function nodeAt(doc: Document, path: ReadonlyArray<string | number>): YamlNode | undefined {
  let node: unknown = resolved(doc, doc.contents);
  for (const step of path) {
    if (isMap(node)) node = pairIn(doc, node, String(step))?.value;
    else if (isSeq(node)) node = node.items[Number(step)];
    else return undefined;
    node = resolved(doc, node);
  }
  return (node ?? undefined) as YamlNode | undefined;
}

/** The key node of `key` in the mapping at `path`. */
export function keyNodeAt(doc: Document, path: ReadonlyArray<string | number>, key: string): YamlNode | undefined {
  const parent = path.length ? nodeAt(doc, path) : doc.contents;
  if (!isMap(parent)) return undefined;
  return (pairIn(doc, parent, key)?.key ?? undefined) as YamlNode | undefined;
}

/** `[start, end)` of a node's value, or undefined when it has no position. */
export function nodeSpan(node: YamlNode | null | undefined): [number, number] | undefined {
  const range = node?.range;
  if (!range) return undefined;
  return [range[0], Math.max(range[0], range[1])];
}

/** Splits an ajv instance path (`/clauses/3/recognise`) into steps. */
export function pointerSteps(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
