import { readFileSync } from 'node:fs';
import { IncrementalAnalyzer } from './server/src/core/incremental';
import { loadCatalog } from './server/src/core/catalog/load';
import { HOSTILE } from './test/support/hostile';
const cat = loadCatalog(readFileSync('catalog/nisc-2011.yaml', 'utf8'), 'b');
if (!cat.ok) throw 0;
const text = HOSTILE[0].make(Number(process.argv[2] ?? 1) * 1024 * 1024);
const a = new IncrementalAnalyzer();
const steps = a.steps(text, { catalog: cat.catalog });
for (;;) { const r = steps.next(); if (r.done) break; }
// second: only the final phase (parse state unchanged)
const t = performance.now(); a.analyze(text, { catalog: cat.catalog }); console.log('analyzeBlocks only', (performance.now() - t).toFixed(0));
