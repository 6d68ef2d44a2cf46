// 「front matter に当事者（parties）を追加」: a contract draft full of [甲]/[乙] whose front matter
// does not name the parties gets the `parties` mapping, so the placeholders can then be filled
// (one by one, all at once, or by fix-all).
import type { DraftContext } from '../context';
import { FRONT_MATTER_KEYS } from '../frontmatter';
import { frontMatterEnd } from '../markdown/parse';
import { escapeSnippet } from './snippet';
import { lineBreakOf } from './insertClause';
import { fixText } from './messages';

export interface PartiesInsertion {
  title: string;
  offset: number;
  /** The mapping as plain text (a name not known yet is the template's blank 〔　　〕) … */
  text: string;
  /** … and as an LSP snippet whose tab stops are the two names. */
  snippet: string;
}

/** The catalog's placeholders that a party's name fills ([甲] → 甲). */
export function partyOfPlaceholder(ctx: DraftContext, placeholder: unknown): string | undefined {
  if (typeof placeholder !== 'string' || !Object.hasOwn(ctx.catalog.def.placeholders, placeholder)) return undefined;
  const fill = ctx.catalog.def.placeholders[placeholder].fill;
  return fill?.from === 'party' ? fill.party : undefined;
}

/** Does a line of the front matter open one of the keys' aliases (`parties:`, `当事者：`)? */
function hasKey(frontMatter: string, aliases: readonly string[]): boolean {
  return frontMatter.split(/\r\n|\r|\n/).some((line) => {
    const colon = line.search(/[:：]/);
    if (colon <= 0) return false;
    const key = line
      .slice(0, colon)
      .trim()
      .replace(/^["']|["']$/g, '');
    return line[0] !== ' ' && line[0] !== '\t' && aliases.includes(key);
  });
}

/**
 * `parties:` with 甲 and 乙, on its own lines just before the closing fence; undefined when the
 * front matter is unreadable or already has the key (a second one would be a duplicate key).
 * 甲 is the organization when the front matter names it.
 */
export function partiesInsertion(ctx: DraftContext): PartiesInsertion | undefined {
  const fm = ctx.frontMatter;
  if (!fm.readable || Object.keys(fm.parties).length) return undefined;
  const text = ctx.text;
  const end = frontMatterEnd(text);
  if (!end) return undefined;
  // The closing fence's line start: the insertion goes on the lines above it.
  let fence = end;
  if (text.charCodeAt(fence - 1) === 10) fence--;
  if (text.charCodeAt(fence - 1) === 13) fence--;
  while (fence > 0 && text.charCodeAt(fence - 1) !== 10 && text.charCodeAt(fence - 1) !== 13) fence--;
  if (hasKey(text.slice(0, fence), FRONT_MATTER_KEYS.parties)) return undefined;
  const eol = lineBreakOf(text);
  const names = [
    ['甲', fm.organization && !/[〔[［]/.test(fm.organization) ? fm.organization : '〔　　〕'],
    ['乙', '〔　　〕'],
  ];
  const key = FRONT_MATTER_KEYS.parties[0];
  return {
    title: fixText(ctx.locale, 'addParties'),
    offset: fence,
    text: `${key}:${eol}${names.map(([party, name]) => `  ${party}: ${name}${eol}`).join('')}`,
    snippet: `${key}:${eol}${names.map(([party, name], i) => `  ${party}: \${${i + 1}:${escapeSnippet(name)}}${eol}`).join('')}`,
  };
}
