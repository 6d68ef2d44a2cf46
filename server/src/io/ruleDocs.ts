import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The package root: where docs/rules/ is, beside the bundles (server/out) or the sources (server/src/…). */
function packageRoot(): string {
  for (let dir = __dirname, i = 0; i < 5; i++, dir = path.dirname(dir))
    if (existsSync(path.join(dir, 'docs', 'rules'))) return dir;
  return path.resolve(__dirname, '..', '..');
}

const ROOT = packageRoot();

/** The page documenting a diagnostic code, docs/rules/<code>.md (shipped in the .vsix and the npm package). */
export function ruleDocUri(code: string): string {
  // Kept per code: every published diagnostic carries it, and a keystroke republishes them all (issue 12).
  let uri = docUris.get(code);
  if (uri === undefined)
    docUris.set(code, (uri = pathToFileURL(path.join(ROOT, 'docs', 'rules', `${code}.md`)).toString()));
  return uri;
}

const docUris = new Map<string, string>();

/** The README (SARIF's informationUri). */
export function readmeUri(): string {
  const file = ['README.md', 'readme.md'].map((n) => path.join(ROOT, n)).find((f) => existsSync(f));
  return pathToFileURL(file ?? path.join(ROOT, 'README.md')).toString();
}
