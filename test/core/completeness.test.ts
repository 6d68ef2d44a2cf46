import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayWording } from '../../server/src/core/fixes/fill';
import { requirementFor } from '../../server/src/core/requirements';
import type { ClauseDef } from '../../server/src/core/catalog/types';
import { catalog } from '../support/catalog';
import { check, missing } from '../support/drafts';
import { partiesFrontMatter, securityDraftHead } from '../support/fixtures';

const OPTION_SETS: Array<[string, Record<string, string | boolean>]> = [
  ['no options', {}],
  [
    'every option on',
    { audit: true, 'st-evaluation': true, 'vendor-assessment': 'isms', confirmation: true, subcontracting: 'allowed' },
  ],
];

function wordingEntry(clause: ClauseDef, docType: string, category: string) {
  const all = clause.wording[docType] ?? [];
  const section = all.filter((w) => w.categories.includes(category));
  const pool = section.length ? section : all;
  return pool.find((x) => x.default && (!x.requires?.target || x.requires.target === 'system')) ?? pool[0];
}

function wordingFor(clause: ClauseDef, docType: string, category: string): string {
  return displayWording(wordingEntry(clause, docType, category).text, catalog());
}

function draft(
  docType: string,
  category: string,
  options: Record<string, string | boolean>,
  clauses: ClauseDef[],
): string {
  const opts = Object.entries(options).map(([k, v]) => `  ${k}: ${v}`);
  const sections = clauses.map(
    (c, i) => `### (${i + 1}) ${c.heading ?? c.title}\n\n${wordingFor(c, docType, category)}`,
  );
  return [
    ...securityDraftHead(partiesFrontMatter(docType, category, ...(opts.length ? ['options:', ...opts] : []))),
    ...sections,
    '',
  ].join('\n');
}

const cat = catalog();
for (const docType of ['procurement-spec', 'contract']) {
  for (const category of Object.keys(cat.def.categories)) {
    for (const [label, options] of OPTION_SETS) {
      test(`${docType} × ${category} (${label}): the model wording of every required clause satisfies the check; each removal is reported alone`, () => {
        const required = cat
          .clausesFor(docType)
          .filter((c) => requirementFor(cat, c, docType, [category], options).level === 'required');
        assert.ok(required.length > 0);
        const complete = check(draft(docType, category, options, required));
        assert.deepEqual(missing(complete), [], 'complete draft');
        for (const clause of required) {
          const without = check(
            draft(
              docType,
              category,
              options,
              required.filter((c) => c !== clause),
            ),
          );
          // One passage of the template may state two clauses (第Ⅱ部2(7)): removing one then removes neither.
          const stated = required.some(
            (c) => c !== clause && wordingEntry(c, docType, category).alsoStates?.includes(clause.id),
          );
          assert.deepEqual(missing(without), stated ? [] : [clause.id], `without ${clause.id}`);
        }
      });
    }
  }
}
