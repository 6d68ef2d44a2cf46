// The README for the .vsix: the extension's details page in VS Code renders it in a webview whose
// content security policy allows images only from https: and data: (and vsce, when it rewrites
// relative links, needs a repository to point them at). The package is built offline and has no
// repository, so `vsce package --no-rewrite-relative-links` leaves `docs/images/x.png` relative,
// and the details page cannot load it. This copy carries each local image inline as a data: URI
// (PNG only: vsce refuses SVG data URIs); `npm run package` passes it as --readme-path.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

const IMAGE = /!\[([^\]]*)\]\(((?!\w+:)[^)\s]+\.png)\)/g;

export function vsixReadme(root) {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  return readme.replace(IMAGE, (_all, alt, file) => {
    const data = readFileSync(path.join(root, file)).toString('base64');
    return `![${alt}](data:image/png;base64,${data})`;
  });
}

export const VSIX_README = 'client/out/README.md';

export function writeVsixReadme(root) {
  mkdirSync(path.join(root, path.dirname(VSIX_README)), { recursive: true });
  writeFileSync(path.join(root, VSIX_README), vsixReadme(root));
}
