/**
 * Text from a draft or a catalog as literal Markdown: every character that Markdown or HTML could
 * read as markup (links, images, emphasis, code, `<img>`, entities, tables, maths) is backslash-escaped,
 * and line breaks become spaces, so a value can never add markup, a link or an image to a hover.
 */
export function escapeMarkdown(text: string): string {
  // Nothing a line could start as either (heading, list, rule).
  return escapeMarkdownInline(text).replace(
    /^(\s*)(?:([#+\-=])|(\d+)([.)]))/,
    (_m, space: string, lead?: string, digits?: string, dot?: string) =>
      lead ? `${space}\\${lead}` : `${space}${digits}\\${dot}`,
  );
}

/**
 * The inline part of `escapeMarkdown`, for a line of the catalog's model wording whose list
 * structure is kept: no link, image, HTML, code, emphasis or bare URL can come out of it.
 */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ')
    .replace(/[\\`*_[\]<>!&|~$]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, ':\\/\\/');
}

/** An inline code span holding `text` literally (backticks inside cannot close it). */
export function markdownCode(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ');
  let fence = '`';
  while (flat.includes(fence)) fence += '`';
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
