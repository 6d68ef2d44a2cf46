#!/usr/bin/env node
// Turns each recovered real-world document (.corpus/docs/<id>.txt, written by
// scripts/realworld-rebuild.mjs) into the Markdown draft that scripts/realworld.mjs checks
// (.corpus/docs/<id>.md). The drafts were once written by hand and were lost with the corpus; this
// converter is pure and deterministic, so every working copy rebuilds the same drafts and
// test/realworld/docs.jsonl can record their sha256.
//
//   node scripts/realworld-drafts.mjs            writes the drafts, reports how many match md_sha256
//   node scripts/realworld-drafts.mjs --record   also writes each draft's sha256 into the md_sha256
//                                                field of test/realworld/docs.jsonl (only that field)
//
// A draft is: front matter with the record's document type and categories, a `#` heading with the
// record's title (仕様書 / 契約書 when it has none), and the excerpt line by line. A line that stands
// alone as a short caption — 「(機密の保持等)」, 「第1章 総則」, 「第3条（再委託の禁止）」, 「1. 目的」,
// 「3.管理体制等」, 「2.1 背景」 — becomes a `##` / `###` heading; every other line stays as it is,
// except that leading ASCII spaces and tabs are dropped (four of them would make a code block).
// No character of the text is added, changed or dropped otherwise, and every evidence sentence of
// the record is looked up in the draft (ignoring whitespace): a missing one is reported.
// ITAKU_CORPUS reads another copy of the corpus, as in scripts/realworld.mjs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.ITAKU_CORPUS ? path.resolve(process.env.ITAKU_CORPUS) : path.join(root, '.corpus');
const labelsFile = path.join(root, 'test', 'realworld', 'docs.jsonl');
const sha = (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

const readJsonl = (file) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));

const NUM = '[0-9０-９]{1,2}';
/** A section number's first part: 0 is not one (「0 views」 is page chrome). */
const FIRST = '(?![0０])[0-9０-９]{1,2}';
const KANJI_NUM = '[0-9０-９一二三四五六七八九十百]+';
const ROMAN = '[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+';
/** Caption patterns, most specific first; `level` is the heading depth under the `#` title. */
const CAPTIONS = [
  // 第1章 総則, 第Ⅱ部 調達仕様…, 第2編 (a chapter-level unit, with or without its name)
  { level: 2, re: new RegExp(`^第\\s*(${KANJI_NUM}|${ROMAN})\\s*[章部編](\\s.*)?$`) },
  // 第1節 目的
  { level: 3, re: new RegExp(`^第\\s*(${KANJI_NUM}|${ROMAN})\\s*節(\\s.*)?$`) },
  // 第3条（再委託の禁止）: an article number followed by its caption only
  { level: 3, re: new RegExp(`^第\\s*${KANJI_NUM}\\s*条\\s*[(（][^()（）]+[)）]$`) },
  // (機密の保持等), （再委託の禁止）: a caption in parentheses standing alone
  { level: 3, re: /^[(（][^()（）]+[)）]$/ },
  // 2.1 背景, 4.1.2. サービス提供時間: a sub-section number and its caption
  { level: 3, re: new RegExp(`^${FIRST}(\\s*[.．]\\s*${NUM})+\\s*[.．]?\\s*[^\\s.．0-9０-９].*$`) },
  // 1. 目的, 3.管理体制等, １．目的, 1 目的: a section number and its caption
  { level: 2, re: new RegExp(`^${FIRST}\\s*[.．]\\s*[^\\s.．0-9０-９].*$|^${FIRST}\\s+[^\\s.．0-9０-９].*$`) },
];
/** A parenthesised enumerator alone — (1), （ア）, (a), （一） — is a list label, not a caption. */
const ENUMERATOR = /^[(（]\s*([0-9０-９]+|[ァ-ヶｱ-ﾝ]|[a-zA-Zａ-ｚＡ-Ｚ]|[一二三四五六七八九十]+)\s*[)）]$/;
const MAX_CAPTION = 30;

/** The heading depth of a line that is a caption, or 0. */
export function captionLevel(line) {
  const t = line.trim();
  if (!t || [...t].length > MAX_CAPTION) return 0;
  // sentences, table rows, table-of-contents lines with dot leaders or page numbers are not captions
  if (/[。、,，|｜]/.test(t) || /[.．・…‥_＿]{3,}|\s[0-9０-９]+$/.test(t)) return 0;
  if (ENUMERATOR.test(t)) return 0;
  for (const { level, re } of CAPTIONS) if (re.test(t)) return level;
  return 0;
}

/** The Markdown draft of one document: pure, so the same excerpt always gives the same draft. */
export function toDraft(record, text) {
  const title = (record.title ?? '').trim() || (record.document === 'contract' ? '契約書' : '仕様書');
  const out = [
    '---',
    `document: ${record.document}`,
    `category: [${(record.categories ?? []).join(', ')}]`,
    '---',
    `# ${title.replace(/\s*\n\s*/g, ' ')}`,
    '',
  ];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/^[ \t]+/, '');
    const level = captionLevel(line);
    if (level) {
      if (out[out.length - 1] !== '') out.push('');
      out.push(`${'#'.repeat(level)} ${line.trim()}`, '');
    } else out.push(line);
  }
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

/** Evidence ids whose text is not in the draft (whitespace ignored on both sides). */
export function missingEvidence(record, draft) {
  const squash = (s) => s.replace(/\s+/g, '');
  const body = squash(draft);
  return Object.entries(record.evidence ?? {})
    .filter(([, text]) => !body.includes(squash(text)))
    .map(([id]) => id);
}

function main() {
  const recordsFile = path.join(corpus, 'docs.jsonl');
  if (!fs.existsSync(recordsFile)) {
    console.log('realworld-drafts: no .corpus/docs.jsonl; run node scripts/realworld-rebuild.mjs first.');
    return;
  }
  const labels = readJsonl(labelsFile);
  const committed = new Map(labels.map((d) => [d.id, d.md_sha256]));
  const hashes = new Map();
  let written = 0;
  let same = 0;
  const warnings = [];
  for (const record of readJsonl(recordsFile)) {
    const txt = path.join(corpus, 'docs', `${record.id}.txt`);
    if (!fs.existsSync(txt)) {
      warnings.push(`${record.id}: .corpus/docs/${record.id}.txt not found, no draft`);
      continue;
    }
    const draft = toDraft(record, fs.readFileSync(txt, 'utf8'));
    fs.writeFileSync(path.join(corpus, 'docs', `${record.id}.md`), draft);
    written++;
    const h = sha(draft);
    hashes.set(record.id, h);
    if (committed.get(record.id) === h) same++;
    for (const id of missingEvidence(record, draft))
      warnings.push(`${record.id}: evidence ${id} not found in the draft`);
  }
  console.log(`drafts: ${written}/${labels.length} written, ${same} match the committed md_sha256`);
  for (const w of warnings) console.log(`  ${w}`);
  if (process.argv.includes('--record')) {
    // Only the md_sha256 value of each line changes; the rest of the line is kept byte for byte.
    const lines = fs.readFileSync(labelsFile, 'utf8').split('\n');
    let changed = 0;
    const next = lines.map((line) => {
      if (!line.trim()) return line;
      const h = hashes.get(JSON.parse(line).id);
      if (!h) return line;
      const updated = line.replace(/("md_sha256":\s*")[0-9a-f]*(")/, `$1${h}$2`);
      if (updated !== line) changed++;
      return updated;
    });
    fs.writeFileSync(labelsFile, next.join('\n'));
    console.log(`md_sha256 updated in ${path.relative(root, labelsFile)}: ${changed} record(s)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
