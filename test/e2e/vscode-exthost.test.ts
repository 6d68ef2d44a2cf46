import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/catalog';
import { ensureTools, mark, startSession } from './harness';

// API-level checks inside the real extension host of code-server: the unpacked extension is
// loaded through the URL payload (extensionDevelopmentPath) and test/e2e/exthost/index.js runs
// there (extensionTestsPath); the workbench reports the result through window.codeAutomationExit.
const read = (name: string) => readFileSync(path.join(ROOT, 'test/e2e/drafts', name), 'utf8');

test('extension-host checks: activate, diagnostics, code actions, settings, fix on save', async () => {
  ensureTools();
  const session = await startSession({
    name: 'exthost',
    files: { 'spec-build.md': read('spec-build.md'), 'contract-maintenance.md': read('contract-maintenance.md'), 'memo.md': read('memo.md') },
    settings: { 'itaku.locale': 'ja' },
    payload: [['extensionDevelopmentPath', ROOT], ['extensionTestsPath', path.join(ROOT, 'test/e2e/exthost/index.js')]],
  });
  const lines: string[] = [];
  try {
    const page = session.page;
    page.on('console', (m) => {
      const text = m.text();
      if (text.includes('[ext-test]')) {
        lines.push(text);
        process.stdout.write(`# ${text.replace(/^.*\[ext-test\] /, 'ext-host: ')}\n`);
      }
    });
    let resolveExit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
    await page.goto(session.url());
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timeout'), 180000)))]);
    clearTimeout(timer);
    mark(`extension-host checks finished (exit ${code})`);
    assert.equal(code, 0, lines.join('\n'));
    assert.ok(lines.some((l) => l.includes('done: 6/6 passed')), lines.join('\n'));
  } finally {
    await session.close();
  }
});
