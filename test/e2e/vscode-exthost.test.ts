import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CATALOG_TEXT, ROOT } from '../support/catalog';
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

test('untrusted workspace: its itaku.catalog is ignored, the built-in catalog is used, and a notice says why', async () => {
  ensureTools();
  // A ministry catalog that makes the audit clause required everywhere.
  const ministry = CATALOG_TEXT.replace('id: nisc-2011', 'id: my-ministry').replace(
    /(- id: audit[\s\S]*?procurement-spec:\n\s+basis: [^\n]*\n\s+cells: )\{[^}]*\}/,
    (_, head: string) => `${head}{ build: R, operation-onsite: R, operation-remote: R, operation-datacenter: R, operation-asp: R, operation-housing: R, maintenance: R, processing: R, storage-transport: R, cloud: R }`,
  );
  assert.notEqual(ministry, CATALOG_TEXT.replace('id: nisc-2011', 'id: my-ministry'));
  const session = await startSession({
    name: 'exthost-untrusted',
    untrusted: true,
    files: { 'spec-build.md': read('spec-build.md'), 'ministry.yaml': ministry, '.vscode/settings.json': JSON.stringify({ 'itaku.catalog': 'ministry.yaml' }) },
    payload: [['extensionDevelopmentPath', ROOT], ['extensionTestsPath', path.join(ROOT, 'test/e2e/exthost/untrusted.js')]],
  });
  const lines: string[] = [];
  try {
    const page = session.page;
    page.on('console', (m) => {
      if (m.text().includes('[ext-test]')) lines.push(m.text());
    });
    let resolveExit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
    await page.goto(session.url());
    // The notice, as the user sees it: a notification toast in the workbench.
    const notice = page.locator('.notification-toast', { hasText: 'this workspace is not trusted, so its itaku.catalog setting is ignored' });
    await notice.first().waitFor({ timeout: 60000 });
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timeout'), 120000)))]);
    clearTimeout(timer);
    mark(`untrusted-workspace checks finished (exit ${code})`);
    assert.equal(code, 0, lines.join('\n'));
    assert.ok(lines.some((l) => l.includes('done: untrusted workspace ignores its itaku.catalog')), lines.join('\n'));
  } finally {
    await session.close();
  }
});

