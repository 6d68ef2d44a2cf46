// Reported by the CLI and the server when a .docx cannot be read (the Word reader): one per file.
import { defineRule } from './rule';

export default defineRule({
  code: 'word-unreadable',
  severity: 'error',
  title: { ja: 'Word 文書を読めない', en: 'Word document cannot be read' },
  description: {
    ja: '.docx が Word 文書として読めません（zip でない、暗号化されている・古い .doc、壊れている、マクロを含む、展開すると大きすぎる、本文がない）。ファイルごとに 1 件です。',
    en: 'A .docx cannot be read as a Word document (not a zip, encrypted or an old .doc, damaged, macro-enabled, inflating too far, or without text). One per file.',
  },
  docs: {
    summary:
      'A `.docx` cannot be read as a Word document; `data.reason` says why: `not-zip`, `encrypted` (an OLE compound file: password-protected, or an old `.doc`), `broken`, `not-word`, `macro-enabled`, `inflated-too-large` (a zip bomb), `empty`. One per file, nothing else is reported for it.',
    ja: 'この .docx を Word 文書として読めませんでした。理由は `data.reason` に示されます（zip でない、暗号化またはパスワード付き・旧形式の .doc、壊れている、Word 文書でない、マクロ付き、展開後が大きすぎる、空）。ファイルごとに 1 件だけ報告し、ほかの指摘は出しません。\n\n**対処**: Word で開いて .docx として保存し直すか、パスワードを外してから確認してください。\n',
    en: 'This .docx could not be read as a Word document; `data.reason` says why (not a zip, encrypted or password-protected or an old .doc, broken, not a Word document, macro-enabled, too large once inflated, empty). One finding per file, nothing else is reported for it.\n\n**Fix**: open it in Word and save it again as .docx, or remove the password, then check it again.\n',
  },
});
