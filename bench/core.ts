// The core as shipped: the esbuild bundle `npm run bench` builds first (scripts/build.mjs --bench),
// with the options of the server's own bundle. Run from source through the TypeScript loader, the
// core is 5–15 % slower (the loader wraps every closure in a naming helper), which is not what users run.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { ROOT } from './corpus';

const bundle = path.join(ROOT, '.bench/core.js');
if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run the benchmark with npm run bench`);
export const core = createRequire(import.meta.url)(bundle) as typeof import('../server/src/core/index');
