import { readFileSync } from 'node:fs';
import { IncrementalAnalyzer } from './server/src/core/incremental';
import { loadCatalog } from './server/src/core/catalog/load';
import { HOSTILE } from './test/support/hostile';
const cat = loadCatalog(readFileSync('catalog/nisc-2011.yaml', 'utf8'), 'b');
if (!cat.ok) throw 0;
const size = Number(process.argv[2] ?? 1) * 1024 * 1024;
const text = HOSTILE[0].make(size);
const a = new IncrementalAnalyzer();
const steps = a.steps(text, { catalog: cat.catalog });
let t = performance.now(); const t0 = t; let max = 0; let n = 0; const long: number[] = [];
for (;;) { const r = steps.next(); const d = performance.now() - t; t = performance.now(); n++; if (d > max) max = d; if (d > 100) long.push(Math.round(d)); if (r.done) { console.log('last step', d.toFixed(0)); break; } }
console.log({ total: (t - t0).toFixed(0), steps: n, max: max.toFixed(0), long: long.slice(0, 20) });
