import type { Catalog } from './catalog/compile';
import type { CellStatus, ClauseDef, OptionCondition, RequirementRule } from './catalog/types';

export type RequirementLevel = 'required' | 'optional' | 'service-included' | 'not-applicable';

export const LEVEL_OF: Record<CellStatus, RequirementLevel> = {
  R: 'required',
  O: 'optional',
  S: 'service-included',
  '×': 'not-applicable',
};

const STRENGTH: Record<CellStatus, number> = { R: 3, O: 2, S: 1, '×': 0 };

export type OptionValues = Record<string, string | boolean | string[]>;

/** Why a clause has the requirement it has for this draft. */
export interface Requirement {
  status: CellStatus;
  level: RequirementLevel;
  basis: string;
  /** The draft's category whose cell decided it. */
  category?: string;
  /** Set when an option turned an optional cell into a required one. */
  option?: { name: string; value: string | boolean | string[] };
  /** Where in the clause the deciding cell or rule is (for saying which catalog it comes from). */
  from?: Array<string | number>;
}

/** The value of an option for this draft, falling back to the catalog's default. */
export function optionValue(
  catalog: Catalog,
  options: OptionValues,
  name: string,
): string | boolean | string[] | undefined {
  if (Object.hasOwn(options, name)) return options[name];
  return catalog.def.options[name]?.default;
}

export function conditionHolds(catalog: Catalog, options: OptionValues, cond: OptionCondition): boolean {
  const value = optionValue(catalog, options, cond.option);
  const type = catalog.def.options[cond.option]?.type;
  const actual = type === 'boolean' ? value === true : value;
  if (cond.is !== undefined) return actual === cond.is;
  if (cond.in) return cond.in.some((v) => v === actual);
  return actual !== undefined && actual !== false;
}

function firstMatch(
  catalog: Catalog,
  options: OptionValues,
  rules: RequirementRule[] | undefined,
): RequirementRule | undefined {
  return rules?.find((r) => conditionHolds(catalog, options, r));
}

/**
 * The requirement of `clause` for a draft of `documentType` naming `categories`: each category's
 * cell (with its option rules applied), the strongest winning (R > O > S > ×).
 */
export function requirementFor(
  catalog: Catalog,
  clause: ClauseDef,
  documentType: string,
  categories: readonly string[],
  options: OptionValues,
): Requirement {
  const def = clause.requirements[documentType];
  let best: Requirement = { status: '×', level: 'not-applicable', basis: def?.basis ?? '' };
  if (!def) return best;
  for (const category of categories) {
    const raw = def.cells[category];
    if (raw === undefined) continue;
    const cell = typeof raw === 'string' ? { status: raw } : raw;
    let status = cell.status;
    let basis = cell.basis ?? def.basis;
    let option: Requirement['option'];
    let from: Array<string | number> = ['requirements', documentType, 'cells', category];
    const cellRules = 'when' in cell ? cell.when : undefined;
    const override = firstMatch(catalog, options, cellRules);
    if (override) {
      status = override.status;
      basis = override.basis ?? basis;
      from = [...from, 'when', cellRules!.indexOf(override)];
    }
    if (status === 'O') {
      const upgrade = firstMatch(catalog, options, def.when);
      const required = optionValue(catalog, options, 'require');
      if (upgrade) {
        status = upgrade.status;
        basis = upgrade.basis ?? basis;
        from = ['requirements', documentType, 'when', def.when!.indexOf(upgrade)];
        option = { name: upgrade.option, value: optionValue(catalog, options, upgrade.option)! };
      } else if (Array.isArray(required) && required.includes(clause.id)) {
        status = 'R';
        basis = `${basis}; options.require`;
        option = { name: 'require', value: required };
      }
    }
    if (STRENGTH[status] > STRENGTH[best.status])
      best = { status, level: LEVEL_OF[status], basis, category, option, from };
  }
  return best;
}
