import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { ROOT } from '../support/catalog';
import { runCli } from '../support/cli';
import { ensureTools, mark, OUT } from './harness';

const run = (command: string, args: string[], cwd: string) => {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 180_000, env: { ...process.env, HOME: cwd } });
  assert.equal(r.status, 0, `${command} ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
};

// An independent producer: pandoc writes the .docx (and the YAML metadata as custom properties).
test('a .docx made by pandoc is checked with the expected statuses and Word locations', () => {
  ensureTools();
  const dir = path.join(OUT, 'word-pandoc');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'draft.md'),
    [
      '---',
      '文書種別: 契約書',
      '業務分類: 保守・点検',
      '---',
      '',
      '# 河川情報システム機器保守業務請負契約書',
      '',
      '## 第5条（秘密の保持）',
      '',
      '乙は、本業務に関して知り得た情報を第三者に漏らし、又は本業務以外の目的に使用してはならない。',
      '',
      '## 第6条（再委託の制限）',
      '',
      '乙は、本業務の全部又は一部を第三者に委託し、又は請け負わせてはならない。',
      '',
      '1. 〔 省 〕に報告する。',
      '2. 記録を残す。',
      '',
      '| 項目 | 内容 |',
      '|---|---|',
      '| 事故 | 乙は、情報セキュリティインシデントが発生したときは、直ちに甲に報告しなければならない。 |',
      '',
    ].join('\n'),
  );
  run('pandoc', ['draft.md', '-o', 'draft.docx'], dir);
  mark('pandoc wrote draft.docx');
  const r = runCli(['check', 'draft.docx', '--format', 'json'], dir);
  const file = JSON.parse(r.stdout).files[0];
  assert.equal(file.format, 'docx');
  assert.equal(file.document, 'contract');
  assert.deepEqual(file.categories, ['maintenance']);
  assert.deepEqual(
    file.clauses.filter((c: { status: string }) => c.status === 'present').map((c: { id: string }) => c.id),
    ['confidentiality', 'incident-response', 'subcontracting'],
  );
  const placeholder = file.diagnostics.find((d: { code: string }) => d.code === 'unresolved-placeholder');
  // pandoc numbers the list with Word's numbering: itaku computes the "1." Word shows.
  assert.deepEqual(placeholder.word, {
    kind: 'paragraph',
    index: 6,
    headings: ['河川情報システム機器保守業務請負契約書', '第6条（再委託の制限）'],
    number: '1.',
    excerpt: '〔 省 〕に報告する。',
  });
});

const TEXT_NS = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const STYLE_NS = 'urn:oasis:names:tc:opendocument:xmlns:style:1.0';
const FO_NS = 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0';

// A real office suite reads what itaku writes: LibreOffice renders the export, headings and highlights.
test('an exported draft opened by LibreOffice: headings with outline levels, the blanks highlighted; rendered to PNG', () => {
  ensureTools();
  const dir = path.join(OUT, 'word-libreoffice');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const draft = readFileSync(path.join(ROOT, 'test/e2e/drafts/word-export.md'), 'utf8');
  writeFileSync(path.join(dir, 'word-export.md'), draft);
  const exported = runCli(['export', 'word-export.md', '--format', 'docx'], dir);
  assert.equal(exported.status, 0, exported.stderr);
  run('soffice', ['--headless', '--convert-to', 'fodt', 'word-export.docx'], dir);
  run('soffice', ['--headless', '--convert-to', 'pdf', 'word-export.docx'], dir);
  run(
    'pdftoppm',
    [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      '-x',
      '0',
      '-y',
      '40',
      '-W',
      '662',
      '-H',
      '370',
      '-singlefile',
      'word-export.pdf',
      'word-export',
    ],
    dir,
  );
  mark('LibreOffice rendered word-export.docx');
  const doc = new DOMParser().parseFromString(readFileSync(path.join(dir, 'word-export.fodt'), 'utf8'), 'text/xml');
  const headings = Array.from(doc.getElementsByTagNameNS(TEXT_NS, 'h')).map((h) => [
    h.getAttributeNS(TEXT_NS, 'outline-level'),
    h.textContent,
  ]);
  assert.deepEqual(headings, [
    ['1', 'システム運用保守業務委託契約書（案）'],
    ['2', '第1条（秘密の保持）'],
    ['2', '第2条（事故発生時の報告）'],
    ['2', '第3条（再委託）'],
  ]);
  const yellow = new Set(
    Array.from(doc.getElementsByTagNameNS(STYLE_NS, 'style'))
      .filter((s) =>
        Array.from(s.getElementsByTagNameNS(STYLE_NS, 'text-properties')).some(
          (p) => p.getAttributeNS(FO_NS, 'background-color') === '#ffff00',
        ),
      )
      .map((s) => s.getAttributeNS(STYLE_NS, 'name')),
  );
  const highlighted = Array.from(doc.getElementsByTagNameNS(TEXT_NS, 'span'))
    .filter((s) => yellow.has(s.getAttributeNS(TEXT_NS, 'style-name')))
    .map((s) => s.textContent);
  assert.deepEqual(highlighted, ['〔 省 〕', '年 月 日', '【再委託を禁止する場合】', '[乙]']);
  if (process.env.ITAKU_UPDATE_SCREENSHOTS)
    copyFileSync(path.join(dir, 'word-export.png'), path.join(ROOT, 'docs/images/word-export.png'));
});
