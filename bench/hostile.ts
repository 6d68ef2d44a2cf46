// One measurement of issue 12's hostile inputs in a process of its own (so peak RSS is this
// run's): `node --expose-gc --import tsx bench/hostile.ts <input> <bytes> itaku|bare` prints
// {"ms":…,"maxRssMb":…,"peakPerUtf16":…,"retainedPerUtf16":…}. bench/run.ts calls it for each row,
// with a timeout. itaku runs as the server's worker does: an incremental analyser that keeps its
// blocks, and the finished analysis kept for requests (what "retained" measures).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { core } from './core';
import { HOSTILE } from '../test/support/hostile';
import { ROOT } from './corpus';

const [name, bytes, mode] = process.argv.slice(2);
const input = HOSTILE.find((h) => h.name === name);
if (!input) throw new Error(`no hostile input ${name}`);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const text = input.make(Number(bytes));
const { IncrementalAnalyzer, loadCatalog } = core;
const loaded = loadCatalog(readFileSync(path.join(ROOT, 'catalog/nisc-2011.yaml'), 'utf8'), 'built-in');
if (!loaded.ok) throw new Error('catalog');
// The catalog's phrase tables are built at first use; the server's worker builds them at start-up,
// so they are not the document's memory.
void loaded.catalog.matcher;
const heap = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
gc();
gc();
const baseHeap = heap();
const baseRss = process.memoryUsage().rss;
const t = performance.now();
let limited = 0;
let kept: unknown;
if (mode === 'bare') kept = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(text);
else {
  const analyzer = new IncrementalAnalyzer();
  const analysis = analyzer.analyze(text, { catalog: loaded.catalog });
  limited = analysis?.result.diagnostics.filter((d) => d.code === 'analysis-limited').length ?? 0;
  kept = [analyzer, analysis];
}
const ms = performance.now() - t;
const maxRss = process.resourceUsage().maxRSS * 1024;
gc();
gc();
const retained = heap() - baseHeap;
const utf16 = text.length * 2;
process.stdout.write(
  JSON.stringify({
    ms,
    maxRssMb: maxRss / 1024 / 1024,
    baseRssMb: baseRss / 1024 / 1024,
    utf16Mb: utf16 / 1024 / 1024,
    peakPerUtf16: (maxRss - baseRss) / utf16,
    retainedPerUtf16: retained / utf16,
    limited,
    kept: Boolean(kept),
  }) + '\n',
);
