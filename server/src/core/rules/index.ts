// The rules, by code: what the analysis runs, what code actions and documentation look up.
import type { Locale } from '../messages';
import { RULES } from './registry';
import type { Rule } from './rule';

export { RULES };
export type { FixRequest, Report, Rule, RuleDoc, Text } from './rule';

const BY_CODE = new Map<string, Rule>(RULES.map((r) => [r.code, r as Rule]));

export function ruleFor(code: string): Rule | undefined {
  return BY_CODE.get(code);
}

/** A short title for a diagnostic code. */
export function codeTitle(locale: Locale, code: string): string {
  return BY_CODE.get(code)?.title[locale] ?? code;
}

/** A sentence describing a diagnostic code (SARIF fullDescription). */
export function codeDescription(locale: Locale, code: string): string {
  return BY_CODE.get(code)?.description?.[locale] ?? codeTitle(locale, code);
}
