import type { Catalog } from './catalog/compile';
import { parseChunked, WINDOW_TARGET } from './markdown/chunked';
import { blockFacts, type LocatedBlock } from './model';

/** Reads the draft into blocks with their facts; `plain`: all of it as plain text (a zero parse budget). */
export function readBlocks(text: string, catalog: Catalog, plain = false) {
  const parsed = parseChunked(text, 0, text.length, plain ? { target: WINDOW_TARGET, max: 0 } : undefined);
  const blocks: LocatedBlock[] = parsed.blocks.map((b) => ({
    start: b.start,
    end: b.end,
    facts: blockFacts(text, b, catalog),
  }));
  return { frontMatter: parsed.frontMatter, blocks, limited: parsed.limited };
}
