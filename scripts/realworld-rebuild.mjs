#!/usr/bin/env node
// Rebuilds the git-ignored real-world corpus (.corpus/) from the committed labels in test/realworld/
// and the page excerpts saved from the search tool (issue 9). The corpus is third-party text: it is
// never committed, so every fresh working copy has to fetch it again. Two steps:
//
//   node scripts/realworld-rebuild.mjs --tasks [N]   writes .corpus/tasks/<k>.md: each query once,
//                                                    with the URLs it must return and the file each
//                                                    excerpt is saved to (split into N lists, default 3)
//   (run every query with the search tool's `pages` corpus; save each listed URL's excerpt, exactly
//    as returned, to its file)
//   node scripts/realworld-rebuild.mjs               finds every labelled sentence and document in
//                                                    the saved excerpts by its sha256 and writes
//                                                    .corpus/sentences.jsonl and .corpus/docs/<id>.txt
//
// A sentence is found by hashing every substring of its page's excerpt (up to 600 characters), so a
// sentence is recovered wherever it sits in the excerpt; a mistyped excerpt only loses the sentences
// it touches, and the script names them.
import fs from 'node:fs';
import path from 'node:path';
import { pageFile, readJsonl, root, SENTENCE_WINDOW, sha } from './realworld-corpus.mjs';

const labels = path.join(root, 'test', 'realworld');
const corpus = path.join(root, '.corpus');
const pages = path.join(corpus, 'pages');
const docs = readJsonl(path.join(labels, 'docs.jsonl'));
const sentences = readJsonl(path.join(labels, 'sentences.jsonl'));

function writeTasks(parts) {
  const byQuery = new Map();
  for (const r of [...docs, ...sentences]) {
    if (!byQuery.has(r.query)) byQuery.set(r.query, new Set());
    byQuery.get(r.query).add(r.url);
  }
  const queries = [...byQuery.keys()];
  fs.mkdirSync(path.join(corpus, 'tasks'), { recursive: true });
  fs.mkdirSync(pages, { recursive: true });
  const size = Math.ceil(queries.length / parts);
  for (let p = 0; p < parts; p++) {
    const name = String.fromCharCode(65 + p);
    let out = '';
    queries.slice(p * size, (p + 1) * size).forEach((query, i) => {
      out += `## Q${name}${String(i + 1).padStart(3, '0')}\nquery: ${query}\n`;
      for (const url of byQuery.get(query)) {
        const file = pageFile(query, url);
        const done = fs.existsSync(path.join(root, file)) ? ' (saved)' : '';
        out += `url: ${url}\nfile: ${file}${done}\n`;
      }
      out += '\n';
    });
    fs.writeFileSync(path.join(corpus, 'tasks', `${name}.md`), out);
    console.log(`.corpus/tasks/${name}.md`);
  }
}

const BOUNDARY = new Set(['\n', ' ', '\u3000', '。', '|', '）', ')', '」', '、', '.', '．', ':', '：']);

/** sha256 → substring. Substrings that start and end at a boundary first, then every substring (up to
 *  `max` characters) for the sentences still missing, so a sentence is found wherever it starts. */
function substringsByHash(text, wanted, max = SENTENCE_WINDOW) {
  const found = new Map();
  const scan = (starts, ends) => {
    for (const i of starts) {
      if (found.size === wanted.size) return;
      for (const j of ends) {
        if (j <= i) continue;
        if (j > i + max) break;
        const h = sha(text.slice(i, j));
        if (wanted.has(h) && !found.has(h)) found.set(h, text.slice(i, j));
      }
    }
  };
  const all = Array.from({ length: text.length + 1 }, (_, k) => k);
  const starts = all.filter((i) => i < text.length && (i === 0 || BOUNDARY.has(text[i - 1])));
  const ends = all.filter((j) => j > 0 && (j === text.length || BOUNDARY.has(text[j]) || text[j - 1] === '。'));
  scan(starts, ends);
  if (found.size < wanted.size) scan(all.slice(0, -1), all.slice(1));
  return found;
}

function readPage(query, url) {
  const file = path.join(root, pageFile(query, url));
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
}

function rebuild() {
  const missingPages = new Set();
  // Sentences, grouped by the page they come from.
  const groups = new Map();
  for (const r of sentences) {
    const key = `${r.query}\n${r.url}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  const out = [];
  const lost = [];
  for (const [key, records] of groups) {
    const [query, url] = key.split('\n');
    const text = readPage(query, url);
    if (text === null) {
      missingPages.add(pageFile(query, url));
      lost.push(...records);
      continue;
    }
    const found = substringsByHash(text, new Set(records.map((r) => r.sha256)));
    for (const r of records) {
      if (!found.has(r.sha256)) {
        lost.push(r);
        continue;
      }
      const { sha256: _omit, ...rest } = r;
      out.push({ ...rest, text: found.get(r.sha256) });
    }
  }
  const order = new Map(sentences.map((r, i) => [r.id, i]));
  out.sort((a, b) => order.get(a.id) - order.get(b.id));
  fs.writeFileSync(path.join(corpus, 'sentences.jsonl'), out.map((r) => JSON.stringify(r)).join('\n') + '\n');

  // Documents: the whole excerpt is the document's text.
  fs.mkdirSync(path.join(corpus, 'docs'), { recursive: true });
  let docsFound = 0;
  const docsLost = [];
  const evidenceLost = [];
  const docRecords = [];
  for (const d of docs) {
    const text = readPage(d.query, d.url);
    if (text === null) missingPages.add(pageFile(d.query, d.url));
    const candidates = text === null ? [] : [text, text.replace(/\n$/, ''), `${text}\n`];
    const exact = candidates.find((t) => sha(t) === d.sha256);
    if (exact === undefined) {
      docsLost.push(d.id);
      continue;
    }
    fs.writeFileSync(path.join(corpus, 'docs', `${d.id}.txt`), exact);
    docsFound++;
    // The evidence sentences, found in the excerpt by their sha256 like the sentences above.
    const wanted = new Set(Object.values(d.evidence_sha256 ?? {}));
    const found = substringsByHash(exact, wanted);
    const evidence = {};
    for (const [id, h] of Object.entries(d.evidence_sha256 ?? {})) {
      if (found.has(h)) evidence[id] = found.get(h);
      else evidenceLost.push(`${d.id}:${id}`);
    }
    const { evidence_sha256: _e, ...record } = d;
    docRecords.push({ ...record, evidence });
  }
  fs.writeFileSync(path.join(corpus, 'docs.jsonl'), docRecords.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`sentences: ${out.length}/${sentences.length} recovered`);
  console.log(`documents: ${docsFound}/${docs.length} excerpts recovered`);
  if (missingPages.size) console.log(`pages not saved yet: ${missingPages.size} (--tasks lists them)`);
  // A saved page whose sentences are not all found was mistyped or came back in another rendering.
  const savedLost = lost.filter((r) => readPage(r.query, r.url) !== null);
  for (const file of new Set(savedLost.map((r) => pageFile(r.query, r.url))))
    console.log(
      `  ${file}: ${savedLost.filter((r) => pageFile(r.query, r.url) === file).length} sentence(s) not found`,
    );
  if (evidenceLost.length)
    console.log(`evidence not found in its excerpt (${evidenceLost.length}): ${evidenceLost.join(' ')}`);
  const docsSavedLost = docs.filter((d) => docsLost.includes(d.id) && readPage(d.query, d.url) !== null);
  for (const d of docsSavedLost)
    console.log(`  ${pageFile(d.query, d.url)}: document ${d.id} does not match its sha256`);
}

const args = process.argv.slice(2);
if (args[0] === '--tasks') writeTasks(Number(args[1] ?? 3));
else rebuild();
