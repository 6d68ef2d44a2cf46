// Fix-all for every document type × every category and every pair of categories: the result does
// not depend on the order the categories are listed in, chooses no template alternative the front
// matter does not decide, and leaves no missing-clause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAllInsertions } from '../../server/src/core/fixes/actions';
import type { PlaceholderDef } from '../../server/src/core/catalog/types';
import { wordingChoices } from '../../server/src/core/fixes/wording';
import { catalog } from '../support/catalog';
import { applyEdits, check, keepsAllCharacters, missing } from '../support/drafts';

const cat = catalog();
const categories = Object.keys(cat.def.categories);
const mixes: string[][] = [];
categories.forEach((a, i) => {
  mixes.push([a]);
  for (const b of categories.slice(i + 1)) mixes.push([a, b]);
});

const OPTION_SETS: Array<[string, string[]]> = [
  ['no options', []],
  ['options on, software', ['options:', '  audit: true', '  st-evaluation: true', '  vendor-assessment: isms', '  confirmation: true', '  subcontracting: allowed', '  target: software', '  require: [vulnerability]']],
];

const draft = (docType: string, mix: string[], options: string[]) =>
  ['---', `document: ${docType}`, `category: [${mix.join(', ')}]`, 'organization: 外務省', 'parties: { 甲: 外務省, 乙: 株式会社テスト }', ...options, '---', '', '# 草案', '', '## 情報セキュリティ', '', '以下を遵守すること。', ''].join('\n');

/** Does this front matter decide the alternative (an option it sets or defaults, categories that agree)? Independent of fill.ts. */
function decided(def: PlaceholderDef, mix: string[], options: string[]): boolean {
  const fill = def.fill;
  if (fill?.from === 'option') return options.some((l) => l.trim().startsWith(`${fill.option}:`)) || cat.def.options[fill.option]?.default !== undefined;
  if (fill?.from === 'categories') {
    const values = new Set(mix.filter((c) => c in fill.map).map((c) => fill.map[c]));
    return values.size === 1 && !values.has('');
  }
  return false;
}

const MARKER = /\{\{([^{}:]+)(?::([^{}]*))?\}\}/g;

for (const docType of Object.keys(cat.def.documentTypes)) {
  for (const [label, options] of OPTION_SETS) {
    test(`${docType} (${label}): fix-all for every category and pair is order-independent, keeps undecided alternatives, leaves no missing-clause`, () => {
      const problems: string[] = [];
      for (const mix of mixes) {
        const name = `[${mix.join(', ')}]`;
        const text = draft(docType, mix, options);
        const insertions = fixAllInsertions(text, { catalog: cat, locale: 'ja' });
        const fixed = applyEdits(text, insertions.map((i) => ({ start: i.offset, end: i.offset, newText: i.text })));
        assert.ok(keepsAllCharacters(text, fixed), `${name}: only inserts`);
        const left = missing(check(fixed));
        if (left.length) problems.push(`${name}: missing-clause left: ${left.join(', ')}`);
        if (mix.length === 2) {
          const reversed = draft(docType, [mix[1], mix[0]], options);
          const other = fixAllInsertions(reversed, { catalog: cat, locale: 'ja' });
          if (JSON.stringify(other) !== JSON.stringify(insertions)) problems.push(`${name}: depends on the category order`);
        }
        // Every alternative in the inserted wording the front matter does not decide is still the
        // template's choice (a placeholder unresolved-placeholder flags).
        const ctx = check(text).context;
        const inserted = insertions.map((i) => i.text).join('\n');
        for (const clause of cat.clausesFor(docType)) {
          const choice = wordingChoices(ctx, clause).find((c) => c.preferred);
          if (!choice || !inserted.includes(clause.heading ?? clause.title)) continue;
          for (const m of choice.wording.text.matchAll(MARKER)) {
            const def = cat.def.placeholders[m[1]];
            if (!def?.choices) continue;
            if (!decided(def, mix, options) && !inserted.includes(def.display)) problems.push(`${name}: ${clause.id} chose an alternative of ${def.display}`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });
  }
}

test('[build, operation-onsite] contract: the operation incident wording (its further events and 緊急時対策) is preferred, the build one offered', () => {
  const ctx = check(draft('contract', ['build', 'operation-onsite'], [])).context;
  const incident = cat.def.clauses.find((c) => c.id === 'incident-response')!;
  const choices = wordingChoices(ctx, incident);
  assert.deepEqual(choices.map((c) => [c.wording.categories[0], c.preferred]), [['build', false], ['operation-onsite', true]]);
  assert.match(choices[1].wording.text, /緊急時対策/);
  const vulnerability = cat.def.clauses.find((c) => c.id === 'vulnerability')!;
  assert.deepEqual(wordingChoices(ctx, vulnerability).map((c) => c.wording.variant), ['system', 'vendor-decides', 'joint-decision']);
});

test('target: software never gets system-building wording for 脆弱性対策', () => {
  const ctx = check(draft('procurement-spec', ['build'], ['options:', '  target: software', '  require: [vulnerability]'])).context;
  const vulnerability = cat.def.clauses.find((c) => c.id === 'vulnerability')!;
  assert.deepEqual(wordingChoices(ctx, vulnerability).map((c) => [c.wording.variant, c.preferred]), [['software', true]]);
});
