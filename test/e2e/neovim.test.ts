import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/catalog';
import { SERVER } from '../support/lsp';
import { specBuildAfterIncidentFix, readDraft } from './expected';
import { ensureTools, mark, OUT } from './harness';

// Neovim as a second LSP client: the bundled server over --stdio on the same draft as the VS Code
// test, the same quick fix, the same text on disk.
test('Neovim: diagnostics arrive, the missing-clause quick fix is applied and written, the clause is then present', () => {
  ensureTools();
  const dir = path.join(OUT, 'nvim');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'spec-build.md');
  writeFileSync(file, readDraft('spec-build.md'));
  const r = spawnSync(
    'nvim',
    [
      '--headless',
      '-u',
      'NONE',
      '-i',
      'NONE',
      '-c',
      `luafile ${path.join(ROOT, 'test/e2e/nvim/itaku.lua')}`,
      '--',
      SERVER,
      file,
    ],
    {
      encoding: 'utf8',
      timeout: 60000,
      env: {
        ...process.env,
        XDG_STATE_HOME: path.join(dir, 'state'),
        XDG_DATA_HOME: path.join(dir, 'data'),
        XDG_CONFIG_HOME: path.join(dir, 'config'),
        XDG_CACHE_HOME: path.join(dir, 'cache'),
      },
    },
  );
  const events = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  const [diagnostics, actions, revealed, applied] = events;
  assert.deepEqual(diagnostics.diagnostics, [
    {
      code: 'missing-clause',
      clause: 'incident-response',
      range: { start: { line: 2, character: 10 }, end: { line: 2, character: 15 } },
    },
    {
      code: 'missing-clause',
      clause: 'subcontracting',
      range: { start: { line: 2, character: 10 }, end: { line: 2, character: 15 } },
    },
    { code: 'numbering', clause: null, range: { start: { line: 16, character: 3 }, end: { line: 16, character: 4 } } },
    { code: 'numbering', clause: null, range: { start: { line: 34, character: 4 }, end: { line: 34, character: 7 } } },
  ]);
  assert.equal(actions.clause, 'incident-response');
  assert.deepEqual(actions.titles, [
    '「情報セキュリティが侵害された場合の対処」を挿入（情報セキュリティが侵害された場合の対処を明示する場合）',
    '不足している必須条項をすべて挿入（2 件）',
    'この条項を適用除外にする（理由を記入）',
  ]);
  // The fix's itaku.reveal command (init_options.clientCommands, a vim.lsp.commands handler): the
  // cursor on the inserted heading, its lines highlighted.
  const after = specBuildAfterIncidentFix().split('\n');
  assert.deepEqual(revealed, {
    event: 'revealed',
    line: after.indexOf('### (5) 情報セキュリティが侵害された場合の対処'),
    text: '### (5) 情報セキュリティが侵害された場合の対処',
    highlighted: true,
    t_ms: revealed.t_ms,
  });
  assert.deepEqual(applied, {
    event: 'applied',
    ok: true,
    remaining: ['subcontracting', 'numbering'],
    t_ms: applied.t_ms,
  });
  assert.equal(readFileSync(file, 'utf8'), specBuildAfterIncidentFix());
  mark(`Neovim ${applied.t_ms} ms`);
});
