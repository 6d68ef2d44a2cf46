import type { Catalog } from './catalog/compile';
import { parseChunked } from './markdown/chunked';
import { blockFacts, type LocatedBlock } from './model';

/** Reads the draft into blocks with their facts. */
export function readBlocks(text: string, catalog: Catalog) {
  const parsed = parseChunked(text);
  const blocks: LocatedBlock[] = parsed.blocks.map((b) => ({
    start: b.start,
    end: b.end,
    facts: blockFacts(text, b, catalog),
  }));
  return { frontMatter: parsed.frontMatter, blocks, limited: parsed.limited };
}
