// A deterministic corpus of realistic drafts for the benchmark: Japanese procurement specs and
// contracts assembled from the repository's own drafts and the catalog's model wording, with
// headings, articles, paragraphs, bullet and numbered lists, tables and the occasional fence.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = path.join(ROOT, '.bench/corpus');

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences of real draft text from the fixtures, examples and the catalog's wording. */
function sentencePool(): string[] {
  const texts: string[] = [];
  for (const dir of ['test/fixtures/drafts', 'examples']) {
    for (const f of readdirSync(path.join(ROOT, dir)))
      if (f.endsWith('.md'))
        texts.push(readFileSync(path.join(ROOT, dir, f), 'utf8').replace(/^---[\s\S]*?\n---\r?\n/, ''));
  }
  texts.push(readFileSync(path.join(ROOT, 'catalog/nisc-2011.yaml'), 'utf8').replace(/\{\{[^}]*\}\}/g, '受注者'));
  const pool = new Set<string>();
  for (const t of texts) {
    for (const s of t.split(/(?<=。)/)) {
      const clean = s
        .replace(/[#>*`|\-[\]{}]/g, '')
        .replace(/\s+/g, '')
        .trim();
      if (clean.length >= 15 && clean.length <= 160 && /[ぁ-んァ-ン一-龥]/.test(clean)) pool.add(clean);
    }
  }
  return [...pool];
}

export interface DraftOptions {
  seed: number;
  bytes: number;
  /** Share of list blocks (the micromark container-closing cost shows with many lists). */
  listShare?: number;
}

/** One draft of about `bytes` UTF-8 bytes. */
export function makeDraft(pool: string[], o: DraftOptions): string {
  const r = rng(o.seed);
  const pick = () => pool[Math.floor(r() * pool.length)];
  const contract = r() < 0.5;
  const categories = ['build', 'operation-onsite', 'maintenance', 'processing', 'cloud', 'storage-transport'];
  const out: string[] = [
    '---',
    `document: ${contract ? '契約書' : '調達仕様書'}`,
    `category: [${categories[Math.floor(r() * categories.length)]}]`,
    'organization: 外務省',
    'parties: { 甲: 外務省, 乙: 株式会社いろは }',
    '---',
    '',
    `# ${contract ? '業務委託契約書' : '調達仕様書'}（第${o.seed}号）`,
    '',
  ];
  let size = Buffer.byteLength(out.join('\n'));
  let section = 1;
  let article = 1;
  const listShare = o.listShare ?? 0.25;
  while (size < o.bytes) {
    const parts: string[] = [];
    const kind = r();
    if (kind < 0.08) parts.push(`## ${section++} ${pick().slice(0, 12)}`, '');
    else if (kind < 0.16) parts.push(`### (${section % 12}) ${pick().slice(0, 14)}`, '');
    else if (kind < 0.16 + listShare) {
      const n = 2 + Math.floor(r() * 5);
      for (let i = 0; i < n; i++) parts.push(`${r() < 0.7 ? '-' : `${i + 1}.`} ${pick()}`);
      if (r() < 0.3) parts.push(`  - ${pick()}`);
      parts.push('');
    } else if (kind < 0.5 && contract) {
      parts.push(`第${article++}条（${pick().slice(0, 8)}）`, pick() + pick(), `２　${pick()}`, '');
    } else if (kind < 0.53) {
      parts.push(
        '| 項目 | 内容 |',
        '|---|---|',
        `| ${pick().slice(0, 10)} | ${pick()} |`,
        `| ${pick().slice(0, 10)} | ${pick()} |`,
        '',
      );
    } else if (kind < 0.54) {
      parts.push('```', pick(), pick(), '```', '');
    } else {
      const n = 1 + Math.floor(r() * 4);
      const sentences: string[] = [];
      for (let i = 0; i < n; i++) sentences.push(pick());
      parts.push(sentences.join(r() < 0.3 ? '\n' : ''), '');
    }
    const chunk = parts.join('\n');
    out.push(chunk);
    size += Buffer.byteLength(chunk) + 1;
  }
  return out.join('\n');
}

export interface Corpus {
  single: Array<{ name: string; file: string; bytes: number }>;
  folder: string;
  folderFiles: number;
  folderBytes: number;
  openDrafts: string[];
}

/** Builds (once) the benchmark corpus under .bench/corpus/. */
export function buildCorpus(): Corpus {
  const pool = sentencePool();
  const single = [
    { name: '5 KB', bytes: 5_000, seed: 1 },
    { name: '50 KB', bytes: 50_000, seed: 2 },
    { name: '500 KB', bytes: 500_000, seed: 3 },
    { name: '5 MB', bytes: 5_000_000, seed: 4 },
    { name: '500 KB, lists', bytes: 500_000, seed: 5, listShare: 0.8 },
  ];
  const folder = path.join(CORPUS, 'folder');
  const marker = path.join(CORPUS, '.complete-v1');
  if (!existsSync(marker)) {
    rmSync(CORPUS, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    for (const s of single)
      writeFileSync(
        path.join(CORPUS, `draft-${s.seed}.md`),
        makeDraft(pool, { seed: s.seed, bytes: s.bytes, listShare: s.listShare }),
      );
    for (let i = 0; i < 1000; i++) {
      const sub = path.join(folder, `section-${String(Math.floor(i / 100)).padStart(2, '0')}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(
        path.join(sub, `draft-${String(i).padStart(4, '0')}.md`),
        makeDraft(pool, { seed: 1000 + i, bytes: 20_000 }),
      );
    }
    mkdirSync(path.join(CORPUS, 'open'), { recursive: true });
    for (let i = 0; i < 100; i++)
      writeFileSync(path.join(CORPUS, 'open', `open-${i}.md`), makeDraft(pool, { seed: 5000 + i, bytes: 200_000 }));
    writeFileSync(marker, '');
  }
  let folderBytes = 0;
  const walk = (d: string): number =>
    readdirSync(d, { withFileTypes: true }).reduce(
      (n, e) =>
        e.isDirectory()
          ? n + walk(path.join(d, e.name))
          : ((folderBytes += readFileSync(path.join(d, e.name)).length), n + 1),
      0,
    );
  const folderFiles = walk(folder);
  return {
    single: single.map((s) => ({
      name: s.name,
      file: path.join(CORPUS, `draft-${s.seed}.md`),
      bytes: readFileSync(path.join(CORPUS, `draft-${s.seed}.md`)).length,
    })),
    folder,
    folderFiles,
    folderBytes,
    openDrafts: Array.from({ length: 100 }, (_, i) => path.join(CORPUS, 'open', `open-${i}.md`)),
  };
}

/** A realistic draft of about `bytes` bytes (the same generator as the corpus), for the size sweep. */
export function draftOfSize(bytes: number, seed: number): string {
  return makeDraft(sentencePool(), { seed, bytes });
}
