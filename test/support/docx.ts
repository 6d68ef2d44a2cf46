// Word documents for the tests, made with the `docx` library (no binary fixture is committed).
import JSZip from 'jszip';
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';

export { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun };

/** Word's usual numbering of a Japanese contract: 第1条, then ２, ３ for its paragraphs, then (1) and ア. */
export const ARTICLE_NUMBERING = {
  reference: 'articles',
  levels: [
    { level: 0, format: LevelFormat.DECIMAL, text: '第%1条', start: 1, alignment: AlignmentType.START },
    { level: 1, format: LevelFormat.DECIMAL_FULL_WIDTH, text: '%2', start: 2, alignment: AlignmentType.START },
    { level: 2, format: LevelFormat.DECIMAL, text: '(%3)', start: 1, alignment: AlignmentType.START },
    { level: 3, format: LevelFormat.AIUEO_FULL_WIDTH, text: '%4', start: 1, alignment: AlignmentType.START },
  ],
};

export async function makeDocx(
  children: Array<Paragraph | Table>,
  properties: Record<string, string> = {},
  comments: Array<{ id: number; text: string }> = [],
): Promise<Buffer> {
  const doc = new Document({
    customProperties: Object.entries(properties).map(([name, value]) => ({ name, value })),
    numbering: { config: [ARTICLE_NUMBERING] },
    comments: {
      children: comments.map((c) => ({ id: c.id, author: 'reviewer', children: [new Paragraph(c.text)] })),
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

export const article = (text: string, level = 0) =>
  new Paragraph({ children: [new TextRun(text)], numbering: { reference: 'articles', level } });

/** A paragraph with a comment on part of it, a tracked deletion and a tracked insertion. */
export const reviewed = (before: string, commented: string, deleted: string, inserted: string, commentId = 0) =>
  new Paragraph({
    children: [
      new TextRun(before),
      new CommentRangeStart(commentId),
      new TextRun(commented),
      new CommentRangeEnd(commentId),
      new TextRun({ children: [new CommentReference(commentId)] }),
      new DeletedTextRun({ text: deleted, id: 1, author: 'reviewer', date: '2026-01-01T00:00:00Z' }),
      new InsertedTextRun({ text: inserted, id: 2, author: 'reviewer', date: '2026-01-01T00:00:00Z' }),
    ],
  });

/** Rewrites parts of a package (to make hostile documents from a good one). */
export async function rezip(bytes: Buffer, edit: (zip: JSZip) => void | Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
