// The shape of a clause catalog (see schemas/catalog.schema.json). A catalog is data: which
// clauses exist, where each is required and why, how it is recognised, and its model wording.

export type DocumentTypeId = string;
export type CategoryId = string;
export type ClauseId = string;

/** R required · O optional (required when an option asks for it) · S included in the service · × not applicable. */
export type CellStatus = 'R' | 'O' | 'S' | '×';

export interface Labelled {
  label: string;
  label_en: string;
}

export interface DocumentTypeDef extends Labelled {
  aliases: string[];
  /** The template part holding its model wording, e.g. 第Ⅱ部. */
  part: string;
  /** How a new draft writes its clauses: ### headings under `sectionHeading` (default), or articles 第1条 …. */
  layout?: 'sections' | 'articles';
  /** The heading (without #) new drafts and skeletons put the clauses under. */
  sectionHeading?: string;
  /** New drafts of this type name the parties (甲/乙). */
  parties?: boolean;
}

export interface CategoryDef extends Labelled {
  aliases: string[];
  /** Shown as a hint when the draft names the category by this alias (e.g. plain 運用). */
  ambiguousAliases?: string[];
  /** The categories an ambiguous alias may mean (the hint names them, the fixes offer them). */
  ambiguousWith?: CategoryId[];
  /** A short name for tables and snippet labels. */
  short?: string;
}

export interface OptionValueDef extends Labelled {
  aliases?: string[];
}

export interface OptionDef extends Labelled {
  type: 'boolean' | 'enum' | 'text' | 'clause-list';
  values?: Record<string, OptionValueDef>;
  default?: string | boolean;
  description: string;
  description_en: string;
}

/** A condition on the front matter's options. */
export interface OptionCondition {
  option: string;
  /** Matches when the option equals this value (booleans as true/false). */
  is?: string | boolean;
  /** Matches when the option is one of these values. */
  in?: Array<string | boolean>;
}

export interface RequirementRule extends OptionCondition {
  status: CellStatus;
  basis?: string;
}

export interface CellDef {
  status: CellStatus;
  basis?: string;
  /** Overrides for this cell, first match wins. */
  when?: RequirementRule[];
}

export interface RequirementDef {
  /** Basis shared by every cell unless a cell names its own. */
  basis: string;
  cells: Record<CategoryId, CellStatus | CellDef>;
  /** Rules that upgrade this clause's O cells (e.g. options.audit: true → R). */
  when?: RequirementRule[];
}

/**
 * One literal term, or several that must all occur in one sentence; `|` separates alternatives
 * within a term, and an alternative `$name` stands for every phrase of the vocabulary `name`.
 */
export type PhraseSpec = string | string[];

/**
 * Text in which no clause is stated although its words occur: a liability article, a definition,
 * a table-of-contents line, the orderer's past. A sentence holding one of the phrases states none
 * of the clauses it applies to.
 */
export interface NegativeContextDef extends Labelled {
  id: string;
  phrases: string[];
  /** The clauses it applies to; all clauses when absent. */
  clauses?: ClauseId[];
  /** A sentence that also holds one of these is not in the context (ものとします。 is a duty, not commentary). */
  unless?: string[];
}

export interface RecogniseDef {
  /** A heading (or a title line) containing one of these (all terms of a group) names the clause. */
  headings: PhraseSpec[];
  /** Body text matching one of these (all terms of a group within one sentence) is the clause. */
  phrases: PhraseSpec[];
  /** Occurrences inside these phrases never count (監査ログ is not an audit). */
  not?: string[];
  /** A sentence containing one of these never states the clause (会計検査院の実地検査 is not an audit). */
  veto?: string[];
  /**
   * The clause's own titles (秘密の保持, 再委託): a heading or title line holding one counts when
   * its section has any text. Other `headings` count only when the section's body supports them.
   */
  titles?: PhraseSpec[];
  /** Words of the clause's subject: body text under a heading that supports it (besides `phrases`' terms). */
  support?: string[];
}

export interface VariantSignal {
  /** Wording that shows this variant was chosen. */
  phrases: string[];
  /** The signal is void when its block also contains one of these (e.g. 原則禁止…ただし…承認). */
  unless?: string[];
  /** The front-matter option value this variant corresponds to. */
  option?: { option: string; is: string | boolean };
}

export interface WordingDef {
  variant: string;
  label: string | null;
  label_en?: string | null;
  categories: CategoryId[];
  source: string;
  default?: boolean;
  /** Options that make this the preferred variant. */
  when?: Record<string, string | boolean>;
  /** Options this variant needs to be offered at all. */
  requires?: Record<string, string | boolean>;
  text: string;
  /** The template's drafting note for this wording, shown in hover and in the fix's detail. */
  note?: string;
  /** The catalog maintainers' remark on how the wording was taken from the template: not shown. */
  remark?: string;
  /** The text is itaku's own structure, not the template's sentences (its `source` says so). */
  own?: boolean;
  /** Other clauses this one passage of the template also states (第Ⅱ部2(7) is remediation and the 表5 cautions). */
  alsoStates?: ClauseId[];
}

export interface ClauseDef {
  id: ClauseId;
  title: string;
  title_en: string;
  /** Short name used for inserted headings (defaults to the title). */
  heading?: string;
  heading_en?: string;
  rows: Record<DocumentTypeId, string>;
  requirements: Record<DocumentTypeId, RequirementDef>;
  recognise: RecogniseDef;
  /** Mutually exclusive variants, for `conflicting-variants`. */
  variants?: Record<string, VariantSignal>;
  wording: Record<DocumentTypeId, WordingDef[]>;
}

export type FillRule =
  | { from: 'organization' }
  | { from: 'party'; party: string }
  | { from: 'option'; option: string; map: Record<string, string> }
  /** Filled when every draft category the map names gives the same value ('' leaves the choice open). */
  | { from: 'categories'; map: Record<CategoryId, string> };

export interface PlaceholderDef extends Labelled {
  /** How the template writes it; `{arg}` stands for the text after `:` in a `{{id:arg}}` marker. */
  display: string;
  /** Other spellings found in drafts. */
  also?: string[];
  /** `required`: the spaces of `display` must be there (年 月 日 is a blank, 生年月日 is not). */
  spacing?: 'required';
  fill?: FillRule;
  /** Alternatives offered as a snippet choice. */
  choices?: string[];
}

export interface TermDef {
  /** The template's word, e.g. 委託先. */
  template: string;
  /** The words a draft may use instead (the template's word among them). */
  alternatives?: string[];
  /**
   * Instead of alternatives: the template's word names the party this placeholder stands for, and
   * is filled as it is (a contract's 委託元 becomes what {{甲}} becomes: 甲, 発注者, or [甲]).
   */
  placeholder?: string;
  /** Longer words holding the template's word that stay as they are (再委託先). */
  not?: string[];
}

export interface CloudRiskDef {
  id: number;
  /** A few words naming the caution, for messages. */
  short: string;
  short_en: string;
  text: string;
  text_en: string;
  recognise: PhraseSpec[];
}

export interface CatalogDef {
  id: string;
  title: string;
  title_en: string;
  source: string;
  documentTypes: Record<DocumentTypeId, DocumentTypeDef>;
  categories: Record<CategoryId, CategoryDef>;
  options: Record<string, OptionDef>;
  placeholders: Record<string, PlaceholderDef>;
  /**
   * Terms the model wording uses for the parties (委託先, 委託元) and the draft's own words for them
   * (受注者, 当省 …): inserted wording uses the one the draft's text uses most.
   */
  terms?: Record<DocumentTypeId, TermDef[]>;
  /** Headings under which bullets and paragraphs are read as security clauses. */
  umbrellaHeadings: string[];
  /** Named phrase lists that phrase groups use as `$name` (the actors, the reporting verbs …). */
  vocabularies?: Record<string, string[]>;
  negativeContexts?: NegativeContextDef[];
  /** Lead sentences of a list: a phrase (次の各号に掲げる事項) and a duty (こと。) in one sentence. */
  listLeads?: { phrases: string[]; duties: string[] };
  /**
   * Phrases pointing back at an earlier item: after an item number ((1)の事項), or at the paragraph
   * before (前項の事項); the item's sentence read with it must hold a referent (提出, 届け出 …).
   */
  backReferences?: { numbered: string[]; previous: string[]; referents: string[] };
  clauses: ClauseDef[];
  /** Pairs of names a body may use for the parties (甲/乙, 発注者/受注者 …). */
  partyNames?: Array<[string, string]>;
  cloudRisks: { category: CategoryId; clause?: string; basis: string; items: CloudRiskDef[] };
  importantInformation: { option: string; approvalOption: string; basis: string };
}
