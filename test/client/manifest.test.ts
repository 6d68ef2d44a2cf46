import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/catalog';

// The extension's manifest against the client's code: a command the client registers for people
// to run (an itaku.* command named in the palette, a menu or the README) reaches them only when
// contributes.commands declares it. Two Word commands once sat in contributes.taskDefinitions,
// where VS Code ignores them: the palette and the explorer menu did not have them.

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const declared = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
const clientSource = readdirSync(path.join(ROOT, 'client/src'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(path.join(ROOT, 'client/src', f), 'utf8'))
  .join('\n');
/** Commands the client registers by a literal id (internal ones, reached only from links, aside). */
const registered = [...clientSource.matchAll(/registerCommand\(\s*'(itaku\.[A-Za-z]+)'/g)].map((m) => m[1]);
const INTERNAL = new Set(['itaku.showRuleDoc']);

test('every command the client registers for people is declared in contributes.commands', () => {
  assert.ok(registered.length >= 10, registered.join(' '));
  assert.deepEqual(
    registered.filter((c) => !INTERNAL.has(c) && !declared.has(c)),
    [],
  );
  assert.ok(declared.has('itaku.openWordAsDraft') && declared.has('itaku.exportToWord'));
});

test('every menu entry names a declared command, and task definitions are only task definitions', () => {
  const menus = manifest.contributes.menus as Record<string, Array<{ command?: string }>>;
  const named = Object.values(menus).flatMap((entries) => entries.flatMap((e) => (e.command ? [e.command] : [])));
  assert.deepEqual(
    named.filter((c) => !declared.has(c)),
    [],
  );
  for (const t of manifest.contributes.taskDefinitions) assert.deepEqual(Object.keys(t).sort(), ['properties', 'type']);
});

test('every declared command has a title in both languages', () => {
  const en = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
  const ja = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.ja.json'), 'utf8'));
  for (const c of manifest.contributes.commands as Array<{ command: string; title: string }>) {
    const key = c.title.replace(/^%|%$/g, '');
    assert.ok(en[key] && ja[key], `${c.command}: ${key}`);
  }
});
