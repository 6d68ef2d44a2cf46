// The sentences of the file readers shared by the language server and the CLI (why a file, a
// catalog or a .itaku.yaml could not be read), in 日本語 and English: one entry { ja, en } each,
// `{name}` marking an argument (test/core/messageTables.test.ts checks both languages and names).
import { formatMessage, type Locale, type MessageEntry } from '../core';

export const IO_TEXTS = {
  readNotFound: { ja: 'ファイルが見つかりません', en: 'file not found' },
  readNotAFile: {
    ja: '通常のファイルではありません（フォルダ・デバイス・FIFO などは読みません）',
    en: 'not a regular file (folders, devices and FIFOs are not read)',
  },
  readTooLarge: { ja: '大きすぎます（上限 {max} バイト）', en: 'too large (the limit is {max} bytes)' },
  readPermissionDenied: { ja: '読む権限がありません', en: 'permission denied' },
  readSymlinkLoop: { ja: 'シンボリックリンクが循環しています', en: 'a symbolic link loop' },
  readUnreadable: { ja: '読めません', en: 'cannot be read' },
  notUtf8: { ja: 'UTF-8 ではありません', en: 'it is not UTF-8' },
  configUnreadable: { ja: '読めません: {reason}。', en: 'cannot be read: {reason}.' },
} as const satisfies Record<string, MessageEntry>;

export type IoTextKey = keyof typeof IO_TEXTS;

/** The sentence `key` in `locale`, each `{name}` replaced by `args[name]`. */
export function ioText(locale: Locale, key: IoTextKey, args: Readonly<Record<string, string | number>> = {}): string {
  return formatMessage(IO_TEXTS[key], locale, args);
}
