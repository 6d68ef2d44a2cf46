#!/usr/bin/env node
// Real-world recognition figures (issue 9): runs the built CLI on the git-ignored corpus in .corpus/
// and compares its verdicts with the reviewers' labels.
//
//   node scripts/realworld.mjs                     dev and held-out figures, per-clause table
//   node scripts/realworld.mjs --misses            + dev-set misses and false presents (for tuning)
//   node scripts/realworld.mjs --misses --heldout  + held-out details too (do not tune on these)
//   node scripts/realworld.mjs --json [FILE]       figures as JSON (to FILE, or stdout when no FILE)
//   node scripts/realworld.mjs --round N           only the sentences of collection round N (each
//                                                  record's `round`; document level skipped)
//
// Inputs (all optional; a missing part is reported and skipped):
//   .corpus/docs.jsonl + .corpus/docs/<id>.md   document level: each labelled clause vs its status
//   .corpus/sentences.jsonl                     sentence level: each sentence wrapped in a minimal
//                                               draft under .corpus/.wrapped/<split>/<id>.md
// The corpus is third-party text and is never committed; test/realworld/ holds the labels, URLs,
// queries and sha256 of every text, and its README says how to rebuild the corpus.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clauseIdsByDocumentType } from './realworld-corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// ITAKU_CORPUS reads a frozen copy of the corpus (so two builds are compared on the same text).
const corpus = process.env.ITAKU_CORPUS ? path.resolve(process.env.ITAKU_CORPUS) : path.join(root, '.corpus');
// ITAKU_CLI measures another build (e.g. an older commit's) on the same corpus, for a baseline.
const cli = process.env.ITAKU_CLI ? path.resolve(process.env.ITAKU_CLI) : path.join(root, 'server', 'out', 'cli.js');
const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const showHeldout = args.includes('--heldout');
// --round N or --round=N: a positive round number, anything else is refused (not a silent full run).
const roundArg = args.find((a) => a.startsWith('--round'));
const roundText = roundArg === '--round' ? args[args.indexOf('--round') + 1] : roundArg?.slice('--round='.length);
const round = roundArg === undefined ? undefined : Number(roundText);
if (round !== undefined && !(/^[1-9][0-9]*$/.test(roundText ?? '') && Number.isInteger(round))) {
  console.error('realworld: --round takes a collection round number, e.g. --round 4');
  process.exit(2);
}
const jsonIdx = args.indexOf('--json');
const jsonOut =
  jsonIdx >= 0 ? (args[jsonIdx + 1] && !args[jsonIdx + 1].startsWith('--') ? args[jsonIdx + 1] : '-') : null;
// `--json` without a file: stdout carries only the JSON, the human-readable report goes to stderr.
const log = jsonOut === '-' ? (...a) => console.error(...a) : (...a) => console.log(...a);

const CLAUSES = clauseIdsByDocumentType();
const ALL_IDS = [...new Set([...CLAUSES['procurement-spec'], ...CLAUSES.contract])];
const SPLITS = ['dev', 'heldout'];
const SPLIT_NAME = { dev: 'dev', heldout: 'held-out' };

if (!fs.existsSync(corpus)) {
  log('realworld: no .corpus/ folder here, nothing to evaluate. The corpus is third-party text and is not');
  log('committed; test/realworld/README.md says how to rebuild it from the recorded queries.');
  process.exit(0);
}
if (!fs.existsSync(cli)) {
  console.error('realworld: server/out/cli.js is missing, building (node scripts/build.mjs) …');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}

function readJsonl(file) {
  if (!fs.existsSync(file)) return null;
  const out = [];
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line));
    } catch {
      // docs.jsonl may be growing while we read it: a torn last line is skipped, others are reported.
      if (i < lines.length - 1 && lines.slice(i + 1).some((l) => l.trim()))
        console.error(`realworld: ${path.relative(root, file)}:${i + 1}: bad JSON, skipped`);
    }
  });
  return out;
}

/** Runs the CLI on files in batches; returns Map(absolute path → file report). */
function check(files) {
  const result = new Map();
  const BATCH = 150;
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    let out;
    try {
      out = execFileSync(process.execPath, [cli, 'check', ...batch, '--format', 'json', '--exit-zero'], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
    } catch (e) {
      out = e.stdout;
      if (!out) throw e;
    }
    const report = JSON.parse(out);
    for (const f of report.files) result.set(path.resolve(root, f.path), f);
    for (const s of report.skipped ?? []) console.error(`realworld: skipped ${s.path} (${s.reason})`);
  }
  return result;
}

const ratio = (x, y) => (y ? (x / y).toFixed(3) : '—');
const frac = (x, y) => `${x}/${y} (${ratio(x, y)})`;
const blankCounts = () => Object.fromEntries(SPLITS.map((s) => [s, {}]));
function bump(table, split, clause, key, ok) {
  const row = (table[split][clause] ??= {});
  const cell = (row[key] ??= [0, 0]);
  cell[1]++;
  if (ok) cell[0]++;
}

const figures = { generated: new Date().toISOString(), round: round ?? null, documents: null, sentences: null };
const misses = { dev: [], heldout: [] };

// ---------------------------------------------------------------- document level
// Documents belong to no collection round: --round measures sentences only.
const docs = round === undefined ? readJsonl(path.join(corpus, 'docs.jsonl')) : null;
if (round !== undefined) log(`realworld: round ${round} only: its sentences; document level skipped.`);
else if (!docs) log('realworld: .corpus/docs.jsonl not found, document level skipped.');
else {
  const usable = [];
  for (const d of docs) {
    const md = path.join(corpus, 'docs', `${d.id}.md`);
    if (!d.id || !d.labels || !SPLITS.includes(d.split)) {
      console.error(`realworld: docs.jsonl record ${d.id ?? '?'} lacks id/labels/split, skipped`);
      continue;
    }
    if (!fs.existsSync(md)) {
      console.error(`realworld: .corpus/docs/${d.id}.md not found, skipped`);
      continue;
    }
    usable.push({ ...d, md });
  }
  const reports = check(usable.map((d) => d.md));
  const agg = Object.fromEntries(SPLITS.map((s) => [s, { docs: 0, present: [0, 0], absent: [0, 0] }]));
  const per = blankCounts();
  for (const d of usable) {
    const rep = reports.get(d.md);
    if (!rep) {
      console.error(`realworld: no report for .corpus/docs/${d.id}.md (not a draft?)`);
      continue;
    }
    const a = agg[d.split];
    a.docs++;
    const status = Object.fromEntries(rep.clauses.map((c) => [c.id, c]));
    for (const [id, label] of Object.entries(d.labels)) {
      const c = status[id];
      if (!c) {
        console.error(`realworld: ${d.id}: clause ${id} not in the CLI report for ${rep.document}`);
        continue;
      }
      const present = c.status === 'present';
      if (label === 'present') {
        a.present[1]++;
        if (present) a.present[0]++;
        bump(per, d.split, id, 'docPresent', present);
        if (!present)
          misses[d.split].push({
            level: 'document',
            kind: 'miss',
            id: d.id,
            clause: id,
            family: d.kind ?? '',
            text: d.evidence?.[id] ?? '',
          });
      } else if (label === 'absent') {
        a.absent[1]++;
        if (!present) a.absent[0]++;
        bump(per, d.split, id, 'docAbsent', !present);
        if (present) {
          const line = c.range ? c.range.start.line : null;
          let text = '';
          if (line != null) text = fs.readFileSync(d.md, 'utf8').split(/\r?\n/)[line] ?? '';
          misses[d.split].push({
            level: 'document',
            kind: 'false-present',
            id: d.id,
            clause: id,
            family: `foundBy ${c.foundBy ?? '?'} line ${line != null ? line + 1 : '?'}`,
            text,
          });
        }
      }
    }
  }
  figures.documents = { ...agg, perClause: per };
}

// ---------------------------------------------------------------- sentence level
const allSentences = readJsonl(path.join(corpus, 'sentences.jsonl'));
const sentences = allSentences?.filter((s) => round === undefined || s.round === round);
if (round !== undefined && allSentences) {
  const unrounded = allSentences.filter((s) => s.round === undefined).length;
  if (unrounded)
    log(`realworld: ${unrounded} sentences carry no round (a corpus rebuilt before rounds were recorded?)`);
  if (!sentences.length) {
    console.error(`realworld: no sentence of round ${round} in ${path.join(corpus, 'sentences.jsonl')}`);
    process.exit(2);
  }
}
if (!sentences) log('realworld: .corpus/sentences.jsonl not found, sentence level skipped.');
else {
  const wrapRoot = path.join(corpus, '.wrapped');
  // Files are written atomically (temp + rename) and only when their content changed, and stale
  // ones are removed afterwards, so that two runs at the same time do not read each other's
  // half-written drafts.
  const usable = [];
  const keep = new Set();
  for (const s of sentences) {
    if (!s.id || typeof s.text !== 'string' || !CLAUSES[s.document] || !SPLITS.includes(s.split)) {
      console.error(`realworld: sentence ${s.id ?? '?'} lacks id/text/document/split, skipped`);
      continue;
    }
    const dir = path.join(wrapRoot, s.split);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${s.id}.md`);
    const cats = (s.categories ?? []).length ? s.categories : ['build'];
    const title = s.document === 'contract' ? '契約書' : '仕様書';
    const body = `---\ndocument: ${s.document}\ncategory: [${cats.join(', ')}]\n---\n# ${title}\n\n## 本文\n\n${s.text}\n`;
    let same = false;
    try {
      same = fs.readFileSync(file, 'utf8') === body;
    } catch {
      /* new file */
    }
    if (!same) {
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, body);
      fs.renameSync(tmp, file);
    }
    keep.add(file);
    usable.push({ ...s, file });
  }
  // A run of one round keeps the other rounds' drafts (another run may be reading them).
  for (const sp of round === undefined ? SPLITS : []) {
    const dir = path.join(wrapRoot, sp);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir)) {
      const full = path.join(dir, f);
      if (f.endsWith('.md') && !keep.has(full)) fs.rmSync(full, { force: true });
    }
  }
  const reports = check(usable.map((s) => s.file));
  const agg = Object.fromEntries(
    SPLITS.map((sp) => [sp, { sentences: 0, positives: [0, 0], lookalike: [0, 0], negatives: [0, 0] }]),
  );
  const per = blankCounts();
  for (const s of usable) {
    const rep = reports.get(s.file);
    if (!rep) {
      console.error(`realworld: no report for sentence ${s.id}`);
      continue;
    }
    const a = agg[s.split];
    a.sentences++;
    const status = Object.fromEntries(rep.clauses.map((c) => [c.id, c.status]));
    const pos = new Set(s.clauses ?? []);
    const look = new Set(s.lookalike ?? []);
    for (const id of CLAUSES[s.document]) {
      const present = status[id] === 'present';
      if (pos.has(id)) {
        a.positives[1]++;
        if (present) a.positives[0]++;
        bump(per, s.split, id, 'positive', present);
        if (!present)
          misses[s.split].push({
            level: 'sentence',
            kind: 'miss',
            id: s.id,
            clause: id,
            family: s.family ?? '',
            text: s.text,
          });
      } else {
        a.negatives[1]++;
        if (!present) a.negatives[0]++;
        bump(per, s.split, id, 'negative', !present);
        if (look.has(id)) {
          a.lookalike[1]++;
          if (!present) a.lookalike[0]++;
          bump(per, s.split, id, 'lookalike', !present);
        }
        if (present)
          misses[s.split].push({
            level: 'sentence',
            kind: look.has(id) ? 'false-present (look-alike)' : 'false-present',
            id: s.id,
            clause: id,
            family: s.family ?? '',
            text: s.text,
          });
      }
    }
  }
  figures.sentences = { ...agg, perClause: per };
}

// ---------------------------------------------------------------- report
const cell = (row, key) => (row?.[key] ? `${row[key][0]}/${row[key][1]}` : '·');
for (const sp of SPLITS) {
  log(`\n== ${SPLIT_NAME[sp]} ==`);
  const d = figures.documents?.[sp];
  if (d) {
    log(`document level (${d.docs} documents)`);
    log(`  present recognised           ${frac(...d.present)}`);
    log(`  absent not reported present  ${frac(...d.absent)}`);
  }
  const s = figures.sentences?.[sp];
  if (s) {
    log(`sentence level (${s.sentences} sentences)`);
    log(`  positives recognised         ${frac(...s.positives)}`);
    log(`  look-alike negatives correct ${frac(...s.lookalike)}`);
    log(`  all negatives correct        ${frac(...s.negatives)}`);
  }
  const pd = figures.documents?.perClause[sp] ?? {};
  const ps = figures.sentences?.perClause[sp] ?? {};
  log(
    `  ${'clause'.padEnd(24)} ${'doc present'.padStart(11)} ${'doc absent'.padStart(11)} ${'sent pos'.padStart(9)} ${'look-alike'.padStart(10)} ${'sent neg'.padStart(9)}`,
  );
  for (const id of ALL_IDS) {
    log(
      `  ${id.padEnd(24)} ${cell(pd[id], 'docPresent').padStart(11)} ${cell(pd[id], 'docAbsent').padStart(11)} ${cell(ps[id], 'positive').padStart(9)} ${cell(ps[id], 'lookalike').padStart(10)} ${cell(ps[id], 'negative').padStart(9)}`,
    );
  }
}

if (showMisses) {
  for (const sp of showHeldout ? SPLITS : ['dev']) {
    log(`\n== ${SPLIT_NAME[sp]} misses and false presents (${misses[sp].length}) ==`);
    const sorted = [...misses[sp]].sort(
      (a, b) =>
        a.level.localeCompare(b.level) ||
        a.kind.localeCompare(b.kind) ||
        a.clause.localeCompare(b.clause) ||
        a.family.localeCompare(b.family),
    );
    for (const m of sorted)
      log(
        `${m.level} ${m.kind}  ${m.id}  ${m.clause}  [${m.family}]\n    ${m.text.replace(/\s*\n\s*/g, ' ').slice(0, 300)}`,
      );
    const fam = {};
    for (const m of misses[sp])
      if (m.level === 'sentence') {
        const k = `${m.kind.startsWith('miss') ? 'miss' : 'false-present'} ${m.clause} [${m.family}]`;
        fam[k] = (fam[k] ?? 0) + 1;
      }
    log(`\n-- ${SPLIT_NAME[sp]} sentence misses by family --`);
    for (const [k, n] of Object.entries(fam).sort((a, b) => b[1] - a[1])) log(`  ${String(n).padStart(3)}  ${k}`);
  }
} else if (showHeldout) log('\n(--heldout only has an effect together with --misses)');

if (jsonOut) {
  const payload =
    JSON.stringify({ ...figures, misses: { dev: misses.dev.length, heldout: misses.heldout.length } }, null, 2) + '\n';
  if (jsonOut === '-') process.stdout.write(payload);
  else {
    fs.writeFileSync(jsonOut, payload);
    log(`\nfigures written to ${jsonOut}`);
  }
}
