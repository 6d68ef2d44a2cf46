#!/usr/bin/env node
// An experiment, not part of the product (issue 9): would a model *learned* from the development
// sentences recognise more clauses on the held-out sentences than the catalog's phrase groups do?
//
//   node --import tsx scripts/realworld-learned.mjs
//
// Needs the git-ignored corpus (.corpus/sentences.jsonl) and the wrapped drafts that
// `node scripts/realworld.mjs` writes (.corpus/.wrapped/), and a build (server/out/cli.js).
// For every clause, a logistic regression (L2, stochastic gradient descent in a fixed order, so
// every run prints the same figures) is trained on the development sentences of the document types
// the clause belongs to, on one of two feature sets of each normalised sentence:
//   - catalog: which of the catalog's literal phrases it contains (every alternative of every
//     phrase group, heading, title and vocabulary, the list-lead duties and the party names);
//   - ngrams: which character bigrams and trigrams it contains.
// A clause then counts as present when itaku finds it or the model's probability reaches the
// threshold. The figures are those of scripts/realworld.mjs's sentence level (positives recognised,
// every absent clause not reported present), for the development and held-out sets.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { normalizePhrase } from '../server/src/core/text/normalize.ts';
import { clauseIdsByDocumentType, readJsonl, root } from './realworld-corpus.mjs';

const corpus = path.join(root, '.corpus');
const wrapped = path.join(corpus, '.wrapped');
if (!fs.existsSync(path.join(corpus, 'sentences.jsonl')) || !fs.existsSync(wrapped)) {
  console.error(
    'realworld-learned: run node scripts/realworld.mjs first (it needs .corpus/ and writes .corpus/.wrapped/).',
  );
  process.exit(2);
}
const catalog = YAML.parse(fs.readFileSync(path.join(root, 'catalog', 'nisc-2011.yaml'), 'utf8'));
const sentences = readJsonl(path.join(corpus, 'sentences.jsonl'));
const clauseIds = clauseIdsByDocumentType();

// itaku's own verdicts, from the built CLI on the wrapped drafts.
const found = new Map();
const files = sentences.map((s) => path.join(wrapped, s.split, `${s.id}.md`));
for (let i = 0; i < files.length; i += 200) {
  const out = execFileSync(
    process.execPath,
    [
      path.join(root, 'server/out/cli.js'),
      'check',
      ...files.slice(i, i + 200),
      '--format',
      'json',
      '--exit-zero',
      '--no-config',
    ],
    { maxBuffer: 1 << 28, encoding: 'utf8' },
  );
  for (const f of JSON.parse(out).files)
    found.set(path.basename(f.path, '.md'), new Set(f.clauses.filter((c) => c.status === 'present').map((c) => c.id)));
}

// The catalog's literal phrases.
const vocab = catalog.vocabularies ?? {};
const phrases = new Set();
const addAlternatives = (item) => {
  for (const alt of String(item).split('|'))
    for (const p of alt.startsWith('$') ? (vocab[alt.slice(1)] ?? []) : [alt]) if (p) phrases.add(normalizePhrase(p));
};
for (const clause of catalog.clauses) {
  const r = clause.recognise ?? {};
  for (const p of r.phrases ?? []) (Array.isArray(p) ? p : [p]).forEach(addAlternatives);
  for (const h of [...(r.headings ?? []), ...(r.titles ?? [])]) addAlternatives(h);
}
for (const list of Object.values(vocab)) list.forEach(addAlternatives);
(catalog.listLeads?.duties ?? []).forEach(addAlternatives);
(catalog.partyNames ?? []).flat().forEach(addAlternatives);
const catalogPhrases = [...phrases].filter((p) => p.length >= 2);

const texts = sentences.map((s) => normalizePhrase(s.text));
const featureSets = {
  catalog: () => texts.map((t) => catalogPhrases.flatMap((p, i) => (t.includes(p) ? [i] : []))),
  ngrams: () => {
    const ids = new Map();
    return texts.map((t) => {
      const out = new Set();
      for (const n of [2, 3])
        for (let i = 0; i + n <= t.length; i++) {
          const g = t.slice(i, i + n);
          if (!ids.has(g)) ids.set(g, ids.size);
          out.add(ids.get(g));
        }
      return [...out];
    });
  },
};

/** Logistic regression with L2, trained by SGD over the rows in their order: returns a scorer. */
function train(rows, labels, { l2 = 0.01, epochs = 60, rate = 0.2 } = {}) {
  const w = new Map();
  let bias = 0;
  const z = (f) => f.reduce((s, i) => s + (w.get(i) ?? 0), bias);
  for (let e = 0; e < epochs; e++)
    rows.forEach((f, k) => {
      const g = 1 / (1 + Math.exp(-z(f))) - labels[k];
      bias -= rate * g;
      for (const i of f) w.set(i, (w.get(i) ?? 0) - rate * (g + l2 * (w.get(i) ?? 0)));
    });
  return (f) => 1 / (1 + Math.exp(-z(f)));
}

const THRESHOLDS = [0.9, 0.7, 0.5, 0.3];
const ratio = (a, b) => `${a}/${b} (${(a / b).toFixed(3)})`;
const count = (verdict) => {
  const out = { dev: [0, 0, 0, 0], heldout: [0, 0, 0, 0] };
  sentences.forEach((s, k) => {
    for (const id of clauseIds[s.document] ?? []) {
      const c = out[s.split];
      const present = verdict(k, id);
      // [positives recognised, positives, negatives kept out, negatives]
      const positive = s.clauses.includes(id);
      c[positive ? 1 : 3]++;
      if (positive === present) c[positive ? 0 : 2]++;
    }
  });
  return out;
};
const line = (name, c) =>
  `  ${name.padEnd(22)} dev ${ratio(c.dev[0], c.dev[1])} · ${ratio(c.dev[2], c.dev[3])}   held-out ${ratio(c.heldout[0], c.heldout[1])} · ${ratio(c.heldout[2], c.heldout[3])}`;

console.log('clauses recognised · absent clauses not reported present');
console.log(
  line(
    'itaku',
    count((k, id) => found.get(sentences[k].id)?.has(id) ?? false),
  ),
);
for (const [name, make] of Object.entries(featureSets)) {
  const X = make();
  const models = new Map();
  for (const clause of catalog.clauses) {
    const rows = sentences.flatMap((s, k) =>
      s.split === 'dev' && (clauseIds[s.document] ?? []).includes(clause.id) ? [k] : [],
    );
    models.set(
      clause.id,
      train(
        rows.map((k) => X[k]),
        rows.map((k) => (sentences[k].clauses.includes(clause.id) ? 1 : 0)),
      ),
    );
  }
  const scores = new Map();
  const score = (k, id) => {
    const key = `${k} ${id}`;
    if (!scores.has(key)) scores.set(key, models.get(id)(X[k]));
    return scores.get(key);
  };
  for (const t of THRESHOLDS)
    console.log(
      line(
        `itaku or ${name} ≥ ${t}`,
        count((k, id) => (found.get(sentences[k].id)?.has(id) ?? false) || score(k, id) >= t),
      ),
    );
}
