// The floor for the CLI comparison: one Node process that reads every Markdown file of a folder
// and parses it with the same stack itaku uses (unified + remark-parse + remark-frontmatter + yaml).
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import YAML from 'yaml';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
let nodes = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (e.name.endsWith('.md')) {
      const root = processor.parse(readFileSync(full, 'utf8'));
      if (root.children[0]?.type === 'yaml') YAML.parse(root.children[0].value);
      nodes += root.children.length;
    }
  }
};
walk(process.argv[2]);
process.stdout.write(`${nodes}\n`);
