// The committed labels of the real-world corpus (issue 9): every record is well formed, follows the
// split rule fixed before any tuning, names only clause ids of its document type, and holds no text —
// the corpus is third-party text, kept out of the repository (test/realworld/README.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { catalog } from '../support/catalog';

const dir = path.join(__dirname);
const read = (name: string) =>
  readFileSync(path.join(dir, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const sentences = read('sentences.jsonl');
const docs = read('docs.jsonl');
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** The rule of test/realworld/README.md: the first byte of sha256(URL) below 154 is development text. */
const splitOf = (url: string) => (parseInt(sha(url).slice(0, 2), 16) < 154 ? 'dev' : 'heldout');

const def = catalog().def;
const idsOf = (type: string) => def.clauses.filter((c) => c.requirements[type]).map((c) => c.id);
const categories = new Set(Object.keys(def.categories));

test('every sentence record is well formed, split by its URL, and carries no text', () => {
  const problems: string[] = [];
  for (const r of sentences) {
    const where = String(r.id);
    for (const key of ['id', 'url', 'query', 'document', 'family', 'sha256'])
      if (typeof r[key] !== 'string') problems.push(`${where}: ${key} is not a string`);
    if ('text' in r) problems.push(`${where}: holds its text`);
    if (!/^[0-9a-f]{64}$/.test(String(r.sha256))) problems.push(`${where}: sha256 is not a sha256`);
    if (r.split !== splitOf(String(r.url))) problems.push(`${where}: split ${String(r.split)} against the rule`);
    if (!Number.isInteger(r.round) || (r.round as number) < 1) problems.push(`${where}: no collection round`);
    const ids = idsOf(String(r.document));
    const clauses = r.clauses as string[];
    const lookalike = r.lookalike as string[];
    if (!ids.length) problems.push(`${where}: unknown document type ${String(r.document)}`);
    for (const id of [...clauses, ...lookalike])
      if (!ids.includes(id)) problems.push(`${where}: ${id} is not a clause of ${String(r.document)}`);
    for (const id of clauses) if (lookalike.includes(id)) problems.push(`${where}: ${id} both stated and look-alike`);
    for (const c of r.categories as string[]) if (!categories.has(c)) problems.push(`${where}: category ${c}`);
  }
  assert.deepEqual(problems, []);
});

test('sentence ids and texts are unique, and a page belongs to one collection round', () => {
  assert.equal(new Set(sentences.map((r) => r.id)).size, sentences.length);
  assert.equal(new Set(sentences.map((r) => r.sha256)).size, sentences.length);
  const rounds = new Map<string, Set<unknown>>();
  for (const r of sentences) rounds.set(String(r.url), (rounds.get(String(r.url)) ?? new Set()).add(r.round));
  assert.deepEqual(
    [...rounds].filter(([, s]) => s.size > 1).map(([url]) => url),
    [],
  );
});

test('every document record labels exactly the clauses of its document type, split by its URL', () => {
  const problems: string[] = [];
  for (const d of docs) {
    const where = String(d.id);
    const labels = d.labels as Record<string, string>;
    if ('text' in d || 'evidence' in d) problems.push(`${where}: holds text`);
    if (d.split !== splitOf(String(d.url))) problems.push(`${where}: split ${String(d.split)} against the rule`);
    assert.deepEqual(Object.keys(labels).sort(), idsOf(String(d.document)).sort(), where);
    for (const [id, label] of Object.entries(labels))
      if (label !== 'present' && label !== 'absent') problems.push(`${where}: ${id} is ${label}`);
    for (const id of Object.keys((d.evidence_sha256 as Record<string, string>) ?? {}))
      if (labels[id] !== 'present') problems.push(`${where}: evidence for ${id}, which is not present`);
  }
  assert.deepEqual(problems, []);
});
