// Every user-facing sentence of the CLI that the core does not write, in 日本語 and English: one
// table, one entry { ja, en } per sentence (a test checks both are there, with the same {names}).
// The core's sentences are in server/src/core/messages.ts.
import { formatMessage, type Locale, type MessageEntry } from '../core';

export const CLI_TEXTS = {
  skipBinary: {
    ja: 'バイナリファイルです（UTF-8 のテキストにしてください）',
    en: 'a binary file (save it as UTF-8 text)',
  },
  skipNotUtf8: {
    ja: 'UTF-8 ではありません（Shift_JIS などは UTF-8 で保存し直してください）',
    en: 'not UTF-8 (re-save Shift_JIS and other encodings as UTF-8)',
  },
  skipNotFound: { ja: '見つかりません', en: 'not found' },
  skipNotAFile: {
    ja: '通常のファイルではありません（デバイス・FIFO などは読みません）',
    en: 'not a regular file (devices and FIFOs are not read)',
  },
  skipPermissionDenied: { ja: '読む権限がありません', en: 'permission denied' },
  skipSymlinkLoop: { ja: 'シンボリックリンクが循環しています', en: 'a symbolic link loop' },
  skipBrokenSymlink: { ja: 'リンク先のないシンボリックリンクです', en: 'a broken symbolic link' },
  skipUnreadableFolder: { ja: 'フォルダを読めません', en: 'the folder cannot be read' },
  skipNotADraft: {
    ja: '草案ではありません（front matter に document がありません）',
    en: 'not a draft (no document in the front matter)',
  },
  skipIgnored: { ja: '.itaku.yaml の ignores で除外されています', en: 'ignored by the ignores of .itaku.yaml' },
  skipUnreadable: { ja: '読めません', en: 'cannot be read' },
  fixChangedSinceRead: {
    ja: 'itaku: {file} は読み込み後に変更されたため、修正しませんでした。',
    en: 'itaku: {file} changed after it was read; not fixed.',
  },
  fixUnreadable: { ja: 'itaku: {file} を修正できません: {message}', en: 'itaku: cannot fix {file}: {message}' },
  fixDryRun: {
    ja: 'itaku: {files} 件のファイルに {clauses} 件の条項を挿入できます（--fix-dry-run: 変更していません）。',
    en: 'itaku: {clauses} clause(s) can be inserted in {files} file(s) (--fix-dry-run: nothing changed).',
  },
  fixDone: {
    ja: 'itaku: {files} 件のファイルに {clauses} 件の条項を挿入しました。',
    en: 'itaku: inserted {clauses} clause(s) in {files} file(s).',
  },
  noProblems: { ja: '指摘はありません', en: 'no problems' },
  skippedCount: { ja: '  対象外 {count} 件:', en: '  {count} file(s) skipped:' },
} as const satisfies Record<string, MessageEntry>;

export type CliTextKey = keyof typeof CLI_TEXTS;

/** The sentence `key` in `locale`, each `{name}` replaced by `args[name]`. */
export function cliText(locale: Locale, key: CliTextKey, args: Record<string, string | number> = {}): string {
  return formatMessage(CLI_TEXTS[key], locale, args);
}
