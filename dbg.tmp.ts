import { IncrementalAnalyzer } from './server/src/core/incremental';
import { parseMarkdown } from './server/src/core/markdown/parse';
import { catalog } from './test/support/catalog';
const inc = new IncrementalAnalyzer();
let t = "# (7) 情報セキュリティが侵害された場合の対処\n\n*\n\n";
for (const ins of ['', '    ']) {
  t = ins + t;
  inc.analyze(t, { catalog: catalog() });
  console.log(JSON.stringify(t), inc.lastStats, JSON.stringify(inc.blockSpans()), JSON.stringify(parseMarkdown(t).blocks.map((x) => [x.start, x.end, x.kind])), JSON.stringify(parseMarkdown(t).roots));
}
console.log(JSON.stringify(parseMarkdown('*\n\n').roots), JSON.stringify(parseMarkdown('*\n\n').blocks));
