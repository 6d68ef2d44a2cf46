// Bundles the CLI, the language server (and its analysis worker) and the extension client with esbuild (CommonJS, Node 20).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import YAML from 'yaml';
import { writeVsixReadme } from './vsixReadme.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
// The built-in catalog goes into the bundles already parsed and checked against its schema:
// JSON.parse at start-up instead of a YAML parse and a schema compile (~150 ms).
const catalogSchema = JSON.parse(readFileSync(new URL('../schemas/catalog.schema.json', import.meta.url), 'utf8'));
const validateCatalog = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(catalogSchema);
const builtinCatalogPlugin = {
  name: 'itaku-builtin-catalog',
  setup(build) {
    build.onLoad({ filter: /\.yaml$/ }, async (args) => {
      const data = YAML.parse(readFileSync(args.path, 'utf8'));
      if (!validateCatalog(data)) throw new Error(`${args.path}: ${JSON.stringify(validateCatalog.errors, null, 1)}`);
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  // ITAKU_NO_MINIFY=1: readable function names in CPU profiles of the server (--cpu-prof).
  minify: !process.env.ITAKU_NO_MINIFY,
  keepNames: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [builtinCatalogPlugin],
  define: { ITAKU_VERSION: JSON.stringify(pkg.version) },
};

const targets = [
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  // The server's analysis worker (worker_threads), loaded by server.js from its own folder.
  { entryPoints: ['server/src/worker.ts'], outfile: 'server/out/worker.js' },
  // The server's Word worker: one Word command each, off the connection's thread.
  { entryPoints: ['server/src/wordWorker.ts'], outfile: 'server/out/wordWorker.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
];

// npm run bench measures the core as shipped: bundled with the options above, not run from source
// through the TypeScript loader (which wraps every closure in a naming helper and costs 5–15 %).
if (process.argv.includes('--bench'))
  targets.push({ entryPoints: ['server/src/core/index.ts'], outfile: '.bench/core.js' });

if (watch) {
  for (const t of targets) (await esbuild.context({ ...common, ...t })).watch();
} else {
  await Promise.all(targets.map((t) => esbuild.build({ ...common, ...t })));
}
writeVsixReadme(new URL('..', import.meta.url).pathname);
