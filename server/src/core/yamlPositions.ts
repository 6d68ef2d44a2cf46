import { isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';

/** The YAML node at a JSON-pointer-like path (object keys and array indices). */
export function nodeAt(doc: Document, path: ReadonlyArray<string | number>): YamlNode | undefined {
  let node: unknown = doc.contents;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      node = pair?.value;
    } else if (isSeq(node)) {
      node = node.items[Number(step)];
    } else {
      return undefined;
    }
  }
  return (node ?? undefined) as YamlNode | undefined;
}

/** The key node of `key` in the mapping at `path`. */
export function keyNodeAt(doc: Document, path: ReadonlyArray<string | number>, key: string): YamlNode | undefined {
  const parent = path.length ? nodeAt(doc, path) : doc.contents;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
  return (pair?.key ?? undefined) as YamlNode | undefined;
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
