import type { Catalog } from './catalog/compile';
import type { ClauseLocation, EmptyClauseHeading } from './detect';
import type { FillContext } from './fixes/fill';
import type { FrontMatterInfo } from './frontmatter';
import type { Locale } from './messages';
import type { LocatedBlock, SelectBlocks } from './model';
import type { Requirement } from './requirements';

/** Why a worker was stopped on a draft: its time limit (seconds), or its memory. */
export type WorkerStop = { budgetSeconds: number } | { memory: true };

/** Why a draft is read as plain text after its worker was stopped, and where (`cli`); see AnalyzeOptions.plain. */
export type PlainFallback = WorkerStop & { cli?: boolean };

export interface Waiver {
  clause: string;
  reason: string;
  start: number;
  end: number;
}

/** Everything known about one draft after reading it; rules and code actions work from this. */
export interface DraftContext {
  text: string;
  catalog: Catalog;
  locale: Locale;
  frontMatter: FrontMatterInfo;
  documentType?: string;
  blocks: LocatedBlock[];
  /** Clause index → where it was found (heading, title line, body text or an itaku marker). */
  locations: Map<number, ClauseLocation>;
  /** Headings naming a clause that is found nowhere, over an empty section. */
  emptyHeadings: EmptyClauseHeading[];
  waivers: Map<string, Waiver>;
  /** Clause index → its requirement for this draft (only for clauses of the document type). */
  requirements: Map<number, Requirement>;
  /** Spans read as plain text because they ran past the parse budget. */
  limited: ReadonlyArray<readonly [number, number]>;
  /** Set when the server or the CLI stopped an analysis (time or memory) and read the draft as plain text. */
  plain?: PlainFallback;
  fill: FillContext;
  /** Indices of the blocks with a property (a pass reads only those; kept per chunk across edits). */
  select: SelectBlocks;
}
