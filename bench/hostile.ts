// One measurement of issue 12's hostile inputs in a process of its own (so peak RSS is this
// run's): `node --import tsx bench/hostile.ts <input> <bytes> itaku|bare` prints
// {"ms":…,"maxRssMb":…}. bench/run.ts calls it for each row, with a timeout.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analyze } from '../server/src/core/analyze';
import { loadCatalog } from '../server/src/core/catalog/load';
import { HOSTILE } from '../test/support/hostile';
import { ROOT } from './corpus';

const [name, bytes, mode] = process.argv.slice(2);
const input = HOSTILE.find((h) => h.name === name);
if (!input) throw new Error(`no hostile input ${name}`);
const text = input.make(Number(bytes));
const loaded = loadCatalog(readFileSync(path.join(ROOT, 'catalog/nisc-2011.yaml'), 'utf8'), 'built-in');
if (!loaded.ok) throw new Error('catalog');
const baseRss = process.resourceUsage().maxRSS / 1024;
const t = performance.now();
let limited = 0;
if (mode === 'bare') unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(text);
else
  limited =
    analyze(text, { catalog: loaded.catalog })?.result.diagnostics.filter((d) => d.code === 'analysis-limited')
      .length ?? 0;
const ms = performance.now() - t;
process.stdout.write(
  JSON.stringify({
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    baseRssMb: baseRss,
    utf16Mb: (text.length * 2) / 1024 / 1024,
    limited,
  }) + '\n',
);
