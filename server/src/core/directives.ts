import type { Catalog } from './catalog/compile';
import type { Waiver } from './context';
import type { ClauseLocation } from './detect';
import { DIAGNOSTIC_CODES, type DiagnosticCode, type Finding } from './findings';
import { messages, type Locale } from './messages';
import { scanBlocks, type BlockSelector, type LocatedBlock, type SelectBlocks } from './model';
import { closestValues } from './suggest';

export interface Directives {
  /** Clauses marked with `<!-- itaku: clause <id> -->`: clause index → the marked block. */
  marked: Map<number, ClauseLocation>;
  waivers: Map<string, Waiver>;
  /** `<!-- itaku-disable <code> -->`: findings of the code after `from` are dropped. */
  disabled: Array<{ code: DiagnosticCode; from: number }>;
  findings: Finding[];
}

/** Reads the author's itaku comments: explicit clause marks, waivers and disabled codes. */
export function readDirectives(
  blocks: readonly LocatedBlock[],
  catalog: Catalog,
  documentType: string | undefined,
  locale: Locale,
  select: SelectBlocks = scanBlocks(blocks, '', catalog),
): Directives {
  const out: Directives = { marked: new Map(), waivers: new Map(), disabled: [], findings: [] };
  const clauseIds = documentType
    ? catalog.clausesFor(documentType).map((c) => c.id)
    : catalog.def.clauses.map((c) => c.id);
  const knownClause = (id: string, start: number, end: number): boolean => {
    if (clauseIds.includes(id)) return true;
    const suggestion = closestValues(id, clauseIds, 1)[0];
    out.findings.push({
      code: 'invalid-directive',
      severity: 'warning',
      message: messages.unknownDirectiveClause(locale, id, suggestion),
      start,
      end,
      data: suggestion ? { suggestion } : undefined,
    });
    return false;
  };
  // The first paragraph or heading after each block, found in one backward pass when first needed.
  let following: Int32Array | undefined;
  const nextText = (i: number): number => {
    if (!following) {
      following = new Int32Array(blocks.length);
      let next = -1;
      for (let k = blocks.length - 1; k >= 0; k--) {
        following[k] = next;
        if (blocks[k].facts.kind === 'paragraph' || blocks[k].facts.kind === 'heading') next = k;
      }
    }
    return following[i];
  };
  const reader: Reader = { blocks, catalog, locale, out, knownClause, nextText };
  for (const i of select(DIRECTIVE)) readDirective(reader, blocks[i], i);
  return out;
}

/** An HTML block that is an itaku comment. */
const DIRECTIVE: BlockSelector = { name: 'directive', test: (b) => b.facts.directive !== undefined };

interface Reader {
  blocks: readonly LocatedBlock[];
  catalog: Catalog;
  locale: Locale;
  out: Directives;
  /** Is `id` a clause of the document type? If not, an invalid-directive finding says so. */
  knownClause(id: string, start: number, end: number): boolean;
  /** The first paragraph or heading after block `i` (-1: none). */
  nextText(i: number): number;
}

/** One block's itaku comment: a clause mark, a waiver, a disabled code, or an invalid-directive finding. */
function readDirective(r: Reader, b: LocatedBlock, i: number): void {
  const { blocks, catalog, locale, out, knownClause, nextText } = r;
  const directive = b.facts.directive;
  if (!directive) return;
  const words = directive.split(/\s+/);
  // Keywords and codes in any case (ITAKU-DISABLE, Clause, MISSING-CLAUSE); clause ids as written.
  words[0] = words[0].toLowerCase();
  if (words[0] === 'itaku' && words[1] === ':') words[2] = words[2]?.toLowerCase();
  else if ((words[0] === 'itaku:' || words[0] === 'itaku-disable') && words[1]) words[1] = words[1].toLowerCase();
  if (words[0] === 'itaku:' || (words[0] === 'itaku' && words[1] === ':')) {
    const rest = words[0] === 'itaku:' ? words.slice(1) : words.slice(2);
    if (rest[0] === 'clause' && rest[1]) {
      if (!knownClause(rest[1], b.start, b.end)) return;
      const next = nextText(i);
      if (next < 0) return;
      const target = blocks[next];
      const index = catalog.clauseIndex.get(rest[1])!;
      if (!out.marked.has(index))
        out.marked.set(index, {
          by: 'marker',
          block: next,
          start: target.start,
          end: target.end,
          evidence: [target.start, target.end],
        });
      return;
    }
  } else if (words[0] === 'itaku-disable' && words[1]) {
    const code = words[1] as DiagnosticCode;
    if (code === 'missing-clause' && words[2]) {
      if (!knownClause(words[2], b.start, b.end)) return;
      const reason = words.slice(3).join(' ').trim();
      if (!reason) {
        // A waiver carries its reason: without one the clause stays missing, and the comment says why.
        out.findings.push({
          code: 'invalid-directive',
          severity: 'warning',
          message: messages.waiverWithoutReason(locale, words[2]),
          start: b.start,
          end: b.end,
        });
        return;
      }
      out.waivers.set(words[2], { clause: words[2], reason, start: b.start, end: b.end });
      return;
    }
    if (DIAGNOSTIC_CODES.includes(code) && code !== 'missing-clause') {
      out.disabled.push({ code, from: b.start });
      return;
    }
  }
  out.findings.push({
    code: 'invalid-directive',
    severity: 'warning',
    message: messages.unknownDirective(locale, directive),
    start: b.start,
    end: b.end,
  });
}
