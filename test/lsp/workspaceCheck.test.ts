// Issue 11, left over: the findings 「ワークスペースの草案をすべて検査」 publishes for closed drafts follow
// the files on disk (workspace/didChangeWatchedFiles): refreshed when one changes, cleared when it is
// deleted, and only for the drafts the check published that are still closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { firstHourSpec, STORAGE_SPEC_CONFIDENTIALITY_ONLY } from '../support/fixtures';
import { LspClient, type Published } from '../support/lsp';

const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

interface Workspace {
  client: LspClient;
  uri: (name: string) => string;
  write: (name: string, text: string) => void;
  remove: (name: string) => void;
  /** Runs the workspace check; answers the names of the drafts it found. */
  check: () => Promise<string[]>;
  /** Sends one didChangeWatchedFiles and waits for the diagnostics published for `name` after it. */
  changed: (
    changes: Array<[string, number]>,
    name: string,
  ) => Promise<{ diagnostics: Published['diagnostics']; since: Published[] }>;
}

async function inWorkspace(files: Record<string, string>, body: (ws: Workspace) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'itaku-ws-watch-'));
  const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);
  for (const [name, text] of Object.entries(files)) write(name, text);
  const client = await LspClient.start({ workspaceFolder: pathToFileURL(dir).toString() });
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).toString();
  try {
    await body({
      client,
      uri,
      write,
      remove: (name) => unlinkSync(path.join(dir, name)),
      check: async () => {
        const result = await client.request<{ drafts: Array<{ uri: string }> }>('workspace/executeCommand', {
          command: 'itaku.server.checkWorkspace',
          arguments: [],
        });
        return result.drafts.map((d) => path.basename(new URL(d.uri).pathname));
      },
      changed: async (changes, name) => {
        const mark = client.published.length;
        void client.connection.sendNotification('workspace/didChangeWatchedFiles', {
          changes: changes.map(([n, type]) => ({ uri: uri(n), type })),
        });
        const diagnostics = await client.until(
          () => client.published.slice(mark).find((p) => p.uri === uri(name))?.diagnostics,
          `${name} republished`,
        );
        return { diagnostics, since: client.published.slice(mark) };
      },
    });
  } finally {
    await client.shutdown().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

const brief = (diagnostics: Published['diagnostics']) =>
  diagnostics.map((d) => [d.range.start.line, d.code, d.data?.clause ?? d.data?.placeholder]);

test('a closed draft the check published is analysed again when it changes on disk; others are not, drafts opened since are the editor’s', async () => {
  await inWorkspace({ 'a.md': firstHourSpec(), 'b.md': firstHourSpec(), 'notes.md': '# メモ\n' }, async (ws) => {
    assert.deepEqual(await ws.check(), ['a.md', 'b.md']);
    assert.equal(ws.client.published.find((p) => p.uri === ws.uri('a.md'))?.diagnostics.length, 6);
    // b.md is opened (the editor owns its diagnostics from then on) and closed (they are cleared); c.md
    // is new: neither is the check's.
    ws.client.open(ws.uri('b.md'), firstHourSpec(), 1);
    await ws.client.diagnosticsFor(ws.uri('b.md'), 1);
    const opened = ws.client.published.length;
    ws.client.close(ws.uri('b.md'));
    assert.deepEqual(
      await ws.client.until(
        () => ws.client.published.slice(opened).find((p) => p.uri === ws.uri('b.md'))?.diagnostics,
        'b.md cleared on close',
      ),
      [],
    );
    ws.write('a.md', STORAGE_SPEC_CONFIDENTIALITY_ONLY);
    ws.write('b.md', STORAGE_SPEC_CONFIDENTIALITY_ONLY);
    ws.write('c.md', STORAGE_SPEC_CONFIDENTIALITY_ONLY);
    // Events in order: b.md, c.md and notes.md would be handled before a.md if they were handled at all.
    const { diagnostics, since } = await ws.changed(
      [
        ['b.md', CHANGED],
        ['c.md', CREATED],
        ['notes.md', CHANGED],
        ['a.md', CHANGED],
      ],
      'a.md',
    );
    assert.deepEqual(brief(diagnostics), [[2, 'missing-clause', 'subcontracting']]);
    assert.equal(diagnostics[0].message.includes('再委託に関する事項'), true);
    assert.deepEqual(
      since.map((p) => [path.basename(new URL(p.uri).pathname), p.version]),
      [['a.md', undefined]],
    );
  });
});

test('a closed draft the check published is cleared when it is deleted, and a burst of events is one analysis', async () => {
  await inWorkspace({ 'a.md': firstHourSpec(), 'b.md': firstHourSpec() }, async (ws) => {
    assert.deepEqual(await ws.check(), ['a.md', 'b.md']);
    ws.remove('a.md');
    const { diagnostics, since } = await ws.changed(
      [
        ['a.md', CHANGED],
        ['a.md', DELETED],
      ],
      'a.md',
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(
      since.map((p) => [path.basename(new URL(p.uri).pathname), p.diagnostics.length]),
      [['a.md', 0]],
    );
    // Deleted: no longer the check's. Written again, it is a new file until the next check.
    ws.write('a.md', firstHourSpec());
    ws.write('b.md', STORAGE_SPEC_CONFIDENTIALITY_ONLY);
    const next = await ws.changed(
      [
        ['a.md', CREATED],
        ['b.md', CHANGED],
      ],
      'b.md',
    );
    assert.deepEqual(brief(next.diagnostics), [[2, 'missing-clause', 'subcontracting']]);
    assert.deepEqual(
      next.since.map((p) => path.basename(new URL(p.uri).pathname)),
      ['b.md'],
    );
  });
});

test('a draft the last check published and the next one no longer finds is cleared by that check', async () => {
  await inWorkspace({ 'a.md': firstHourSpec(), 'b.md': firstHourSpec() }, async (ws) => {
    assert.deepEqual(await ws.check(), ['a.md', 'b.md']);
    ws.write('a.md', '# メモ\n');
    const mark = ws.client.published.length;
    assert.deepEqual(await ws.check(), ['b.md']);
    assert.deepEqual(
      ws.client.published.slice(mark).map((p) => [path.basename(new URL(p.uri).pathname), p.diagnostics.length]),
      [
        ['b.md', 6],
        ['a.md', 0],
      ],
    );
  });
});
