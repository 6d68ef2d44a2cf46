// Every sentence of every wording entry must be the template's own: found in the seed (the text
// extraction of the NISC template) after normalisation, or marked in the catalog as itaku's own
// text (`own: true`). The test fails when the catalog's wording drifts from the seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { displayWording } from '../../server/src/core/fixes/fill';
import { catalog, ROOT } from '../support/catalog';

const SEED_NAME = '000_c42e93d0181e1d5e.txt';

/** The seed beside the repository (`../shared/seed/`, as CI clones it), else the shared copy. */
export function seedPath(): string {
  const candidates = [path.join(ROOT, '..', 'shared', 'seed', SEED_NAME), path.join('/work/shared/seed', SEED_NAME)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`the seed is missing: looked at ${candidates.join(', ')}`);
  return found;
}

/**
 * Known artifacts of the extraction (see the seed's README) and the template's own slips that the
 * catalog corrects, as [seed spelling, catalog spelling] after normalisation.
 */
export const SEED_CORRECTIONS: Array<[string, string]> = [
  ['行かせた', '行わせた'], // OCR slip: 再委託先に行わせた…
  ['$n$', '「n」'], // the same placeholder, written two ways
  ['[運用/保守/点検]のにおいて', '[運用/保守/点検]において'], // stray の in 第Ⅲ部1.2(4)
  ['対処したのに関して', '対処したものに関して'], // typo in 第Ⅲ部1.1(5)
];

/** Normalised for comparison: NFKC, no white space, no list or emphasis marks. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/<[^>]+>/g, '')
    .replace(/^[ \t]*(?:[-*+]|#{1,6}|\d+[.)]|[・○〇])[ \t]+/gm, '')
    .replace(/\*\*/g, '')
    .replace(/[・○〇]/g, '')
    .replace(/[〔［]/g, '[')
    .replace(/[〕］]/g, ']')
    .replace(/\s+/g, '');
}

/** An optional phrase in brackets (「[[甲]と協議し、]」): the template's text with it and without it. */
const OPTIONAL = /\[(\[[^\]]*\][^[\]]*)\]/g;

function seedText(): string {
  let seed = normalise(readFileSync(seedPath(), 'utf8'));
  for (const [from, to] of SEED_CORRECTIONS) seed = seed.split(normalise(from)).join(normalise(to));
  return [seed, seed.replace(OPTIONAL, '$1'), seed.replace(OPTIONAL, '')].join('\n');
}

/** The wording in the template's notation; a blank 〔　　〕 is empty space there, an instruction bare text. */
function templateText(text: string): string {
  return displayWording(text.replace(/\{\{blank\}\}/g, '').replace(/\{\{instruction:([^{}]*)\}\}/g, '$1'), catalog());
}

/** Found in the seed; the template leaves a few final 「。」 out (採るものとする), which the catalog adds. */
const inSeed = (seed: string, s: string) => seed.includes(s) || (s.endsWith('。') && seed.includes(s.slice(0, -1)));

/** The sentences of a wording text as the template prints it (placeholders in its notation). */
export function sentences(text: string): string[] {
  return text
    .split(/\r?\n/)
    .flatMap((line) => normalise(line).split(/(?<=。)/))
    .filter((s) => s.replace(/[()（）]/g, ''));
}

test('every sentence of every wording entry is the template’s (or marked as itaku’s own)', () => {
  const cat = catalog();
  const seed = seedText();
  const drift: string[] = [];
  let checked = 0;
  for (const clause of cat.def.clauses) {
    for (const [docType, entries] of Object.entries(clause.wording)) {
      for (const w of entries) {
        if (w.own) continue;
        for (const s of sentences(templateText(w.text))) {
          checked++;
          if (!inSeed(seed, s)) drift.push(`${clause.id} ${docType}/${w.variant} [${w.categories.join(',')}]: ${s}`);
        }
      }
    }
  }
  assert.ok(checked > 150, `only ${checked} sentences checked`);
  assert.deepEqual(drift, []);
});

test('itaku’s own wording says so in its source', () => {
  const cat = catalog();
  for (const clause of cat.def.clauses)
    for (const entries of Object.values(clause.wording))
      for (const w of entries) if (w.own) assert.match(w.source, /itaku/, `${clause.id}/${w.variant}`);
});

test('every 【…の場合】 a wording entry’s source names is one the template has', () => {
  const cat = catalog();
  const seed = seedText().replace(/#/g, '');
  const unknown: string[] = [];
  for (const clause of cat.def.clauses)
    for (const [docType, entries] of Object.entries(clause.wording))
      for (const w of entries)
        for (const m of w.source.matchAll(/【[^】]*】/g))
          if (!seed.includes(normalise(m[0]))) unknown.push(`${clause.id} ${docType}/${w.variant}: ${m[0]}`);
  assert.deepEqual(unknown, []);
  assert.ok(!seed.includes(normalise('【同】')));
});

test('the fidelity check fails on drift', () => {
  const seed = seedText();
  assert.ok(
    seed.includes(
      sentences(
        '本調達に係る業務を行う事業者は、当該業務の実施において情報セキュリティを確保するための体制を整備すること。',
      )[0],
    ),
  );
  assert.ok(
    !seed.includes(
      sentences(
        '本調達に係る業務を行う事業者は、当該業務の実施において情報セキュリティを確保するための体制を構築すること。',
      )[0],
    ),
  );
  assert.ok(!seed.includes(sentences('本調達に係る情報を、書式1により提出すること。')[0]));
});
