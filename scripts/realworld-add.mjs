#!/usr/bin/env node
// Adds a round of labelled sentences to the real-world corpus (issue 9). Labellers save each page's
// excerpt, exactly as the search tool returned it, to its file (`realworld-corpus.mjs`'s pageFile of
// the query and URL) and write candidates, one JSON object per line:
//
//   {"query": …, "url": …, "document": "procurement-spec" | "contract", "categories": […],
//    "text": <the sentence, cut from the excerpt exactly>, "clauses": […], "lookalike": […], "family": …}
//
//   node scripts/realworld-add.mjs --round N <candidates.jsonl> …
//       checks every candidate and appends the good ones to test/realworld/sentences.jsonl as
//       collection round N (`node scripts/realworld.mjs --round N` measures that round alone)
//
// A candidate is kept when its page is saved, its text occurs in that page's excerpt, its URL is not
// already in the corpus from an earlier round nor labelled in another candidates file (a page is
// labelled once, by one labeller), its labels name clause ids of its document type, and no kept
// record has the same text. The committed record holds the sha256 of the text, never the text; the
// split follows the rule in test/realworld/README.md. Run it once per round with all the round's
// candidates files (two runs at once would each miss the other's pages); it exits 1 when nothing
// was added.
import fs from 'node:fs';
import path from 'node:path';
import {
  clauseIdsByDocumentType,
  pageFile,
  readJsonl,
  root,
  SENTENCE_WINDOW,
  sha,
  splitOf,
} from './realworld-corpus.mjs';

const sentencesFile = path.join(root, 'test', 'realworld', 'sentences.jsonl');
const docsFile = path.join(root, 'test', 'realworld', 'docs.jsonl');
const IDS = clauseIdsByDocumentType();

const existing = readJsonl(sentencesFile);
const earlierUrls = new Set([...existing, ...readJsonl(docsFile)].map((r) => r.url));
const known = new Set(existing.map((r) => r.sha256));
const args = process.argv.slice(2);
const roundIdx = args.indexOf('--round');
const round = Number(args[roundIdx + 1]);
const files = args.filter((_, i) => i !== roundIdx && i !== roundIdx + 1);
if (roundIdx < 0 || !/^[1-9][0-9]*$/.test(args[roundIdx + 1] ?? '') || !files.length) {
  console.error('usage: node scripts/realworld-add.mjs --round N <candidates.jsonl> …');
  process.exit(2);
}
// A published round's figures must not change under it: new text goes into the latest round or a new one.
const latest = Math.max(0, ...existing.map((r) => r.round ?? 0));
if (round < latest) {
  console.error(`realworld-add: round ${round} is closed (the latest is ${latest}); use ${latest} or ${latest + 1}`);
  process.exit(2);
}
const added = [];
/** URL → the candidates file that labels it: one labeller per page. */
const labelledBy = new Map();
const rejected = [];
for (const file of files) {
  for (const [i, c] of readJsonl(file).entries()) {
    const where = `${path.basename(file)}:${i + 1}`;
    const reject = (why) => rejected.push(`${where}: ${why}`);
    if (typeof c.query !== 'string' || !c.query || typeof c.url !== 'string' || !c.url) {
      reject('query and url must be non-empty strings');
      continue;
    }
    const page = path.join(root, pageFile(c.query, c.url));
    if (earlierUrls.has(c.url)) {
      reject('page already labelled in an earlier round');
      continue;
    }
    if ((labelledBy.get(c.url) ?? file) !== file) {
      reject(`page already labelled in ${path.basename(labelledBy.get(c.url))}`);
      continue;
    }
    if (!fs.existsSync(page)) {
      reject(`page not saved (${path.relative(root, page)})`);
      continue;
    }
    if (typeof c.text !== 'string' || !c.text.trim() || !fs.readFileSync(page, 'utf8').includes(c.text)) {
      reject('text not found in the saved excerpt');
      continue;
    }
    if (c.text.length > SENTENCE_WINDOW) {
      reject(`text longer than ${SENTENCE_WINDOW} characters (the rebuild could not find it again)`);
      continue;
    }
    const ids = IDS[c.document];
    const labels = [...(c.clauses ?? []), ...(c.lookalike ?? [])];
    if (!ids || labels.some((id) => !ids.includes(id))) {
      reject(`labels not of the document type: ${labels.join(', ')}`);
      continue;
    }
    if ((c.clauses ?? []).some((id) => (c.lookalike ?? []).includes(id))) {
      reject('an id is both stated and a look-alike');
      continue;
    }
    const h = sha(c.text);
    if (known.has(h)) {
      reject('same text as a record already kept');
      continue;
    }
    known.add(h);
    labelledBy.set(c.url, file);
    added.push({
      id: `s-${h.slice(0, 12)}`,
      doc: null,
      url: c.url,
      query: c.query,
      split: splitOf(c.url),
      round,
      document: c.document,
      categories: c.categories,
      sha256: h,
      clauses: c.clauses ?? [],
      lookalike: c.lookalike ?? [],
      family: c.family ?? '',
    });
  }
}
if (added.length) fs.appendFileSync(sentencesFile, added.map((r) => JSON.stringify(r)).join('\n') + '\n');
const count = (split) => added.filter((r) => r.split === split);
const positives = (rs) => rs.filter((r) => r.clauses.length).length;
console.log(
  `added ${added.length} sentences from ${new Set(added.map((r) => r.url)).size} pages: ` +
    `dev ${count('dev').length} (${positives(count('dev'))} with a clause), ` +
    `held-out ${count('heldout').length} (${positives(count('heldout'))} with a clause)`,
);
for (const r of rejected) console.log(`  not added: ${r}`);
if (!added.length) process.exit(1);
