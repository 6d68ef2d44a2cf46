import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CATALOG_TEXT, ROOT } from '../support/catalog';
import { CONTRACT_WITHOUT_PARTIES, firstHourSpec } from '../support/fixtures';
import { ensureTools, mark, startSession, type Session } from './harness';

// API-level checks inside the real extension host of code-server: the unpacked extension is
// loaded through the URL payload (extensionDevelopmentPath) and test/e2e/exthost/index.js runs
// there (extensionTestsPath); the workbench reports the result through window.codeAutomationExit.
const read = (name: string) => readFileSync(path.join(ROOT, 'test/e2e/drafts', name), 'utf8');

/**
 * Loads the workbench of `session`, whose extension-host test module reports through
 * window.codeAutomationExit; echoes its [ext-test] lines. `whileRunning` may look at the page meanwhile.
 */
async function runExtensionTests(
  session: Session,
  what: string,
  whileRunning?: (page: Session['page']) => Promise<void>,
): Promise<{ code: number | string; lines: string[] }> {
  const lines: string[] = [];
  session.page.on('console', (m) => {
    const text = m.text();
    if (!text.includes('[ext-test]')) return;
    lines.push(text);
    process.stdout.write(`# ${text.replace(/^.*\[ext-test\] /, 'ext-host: ')}\n`);
  });
  let resolveExit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  await session.page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
  await session.page.goto(session.url());
  await whileRunning?.(session.page);
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([
    exited,
    new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timeout'), 180000))),
  ]);
  clearTimeout(timer);
  mark(`${what} finished (exit ${code})`);
  return { code, lines };
}

// Drafts for the first-hour checks (reveal far below the squiggle, parties, a draft never opened, typing).
const FILLER = Array.from({ length: 160 }, (_, i) => `業務の概要 ${i + 1}。`).join('\n\n');
const FIRST_HOUR_FILES: Record<string, string> = {
  'first/reveal.md': firstHourSpec(FILLER) + '\n',
  'first/parties.md': CONTRACT_WITHOUT_PARTIES,
  'first/unopened.md': ['---', 'document: 調達仕様書', 'category: build', '---', '', '# 件名', ''].join('\n'),
  'first/typing.md': read('spec-build.md'),
};

test('extension-host checks: activate, diagnostics, code actions, settings, fix on save', async () => {
  ensureTools();
  const session = await startSession({
    name: 'exthost',
    files: {
      'spec-build.md': read('spec-build.md'),
      'contract-maintenance.md': read('contract-maintenance.md'),
      'memo.md': read('memo.md'),
      ...FIRST_HOUR_FILES,
    },
    settings: { 'itaku.locale': 'ja' },
    payload: [
      ['extensionDevelopmentPath', ROOT],
      ['extensionTestsPath', path.join(ROOT, 'test/e2e/exthost/index.js')],
    ],
  });
  try {
    const { code, lines } = await runExtensionTests(session, 'extension-host checks');
    assert.equal(code, 0, lines.join('\n'));
    assert.ok(
      lines.some((l) => l.includes('done: 15/15 passed')),
      lines.join('\n'),
    );
  } finally {
    await session.close();
  }
});

test('untrusted workspace: its itaku.catalog and its .itaku.yaml catalog are ignored, the built-in catalog is used, notices say why; .itaku.yaml defaults, ignores and severity apply', async () => {
  ensureTools();
  // A ministry catalog that makes the audit clause required everywhere.
  const ministry = CATALOG_TEXT.replace('id: nisc-2011', 'id: my-ministry').replace(
    /(- id: audit[\s\S]*?procurement-spec:\n\s+basis: [^\n]*\n\s+cells: )\{[^}]*\}/,
    (_, head: string) =>
      `${head}{ build: R, operation-onsite: R, operation-remote: R, operation-datacenter: R, operation-asp: R, operation-housing: R, maintenance: R, processing: R, storage-transport: R, cloud: R }`,
  );
  assert.notEqual(ministry, CATALOG_TEXT.replace('id: nisc-2011', 'id: my-ministry'));
  const session = await startSession({
    name: 'exthost-untrusted',
    untrusted: true,
    files: {
      'spec-build.md': read('spec-build.md'),
      'ministry.yaml': ministry,
      '.vscode/settings.json': JSON.stringify({ 'itaku.catalog': 'ministry.yaml' }),
      // A project configuration: its catalog is ignored too; its defaults, ignores and severity apply.
      '.itaku.yaml': [
        'catalog: ministry.yaml',
        'defaults:',
        '  organization: 架空省',
        'ignores: [old/**]',
        'severity:',
        '  missing-clause: error',
        '',
      ].join('\n'),
      'placeholder.md': '---\ndocument: 調達仕様書\ncategory: build\n---\n\n# 件名\n\n〔 省 〕の情報を取り扱う。\n',
      'old/old.md': read('spec-build.md'),
    },
    payload: [
      ['extensionDevelopmentPath', ROOT],
      ['extensionTestsPath', path.join(ROOT, 'test/e2e/exthost/untrusted.js')],
    ],
  });
  try {
    const { code, lines } = await runExtensionTests(session, 'untrusted-workspace checks', async (page) => {
      // The notice, as the user sees it: a notification toast in the workbench.
      await page
        .locator('.notification-toast', {
          hasText: 'this workspace is not trusted, so its itaku.catalog setting is ignored',
        })
        .first()
        .waitFor({ timeout: 60000 });
      // The server's notice about .itaku.yaml, in the default language (ja).
      await page
        .locator('.notification-toast', {
          hasText:
            'このワークスペースは信頼されていないため、.itaku.yaml が指定するカタログ「ministry.yaml」は使いません',
        })
        .first()
        .waitFor({ timeout: 60000 });
    });
    assert.equal(code, 0, lines.join('\n'));
    assert.ok(
      lines.some((l) => l.includes('done: untrusted workspace ignores its itaku.catalog')),
      lines.join('\n'),
    );
  } finally {
    await session.close();
  }
});
