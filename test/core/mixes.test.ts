// Fix-all for every document type × every category and every pair of categories: the result does
// not depend on the order the categories are listed in, chooses no template alternative the front
// matter does not decide, and leaves no missing-clause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAllInsertions } from '../../server/src/core';
import type { PlaceholderDef } from '../../server/src/core/catalog/types';
import { wordingChoices } from '../../server/src/core/fixes/wording';
import { catalog } from '../support/catalog';
import { applyEdits, check, keepsAllCharacters, missing } from '../support/drafts';
import { frontMatter, partiesFrontMatter, securityDraftHead } from '../support/fixtures';

const cat = catalog();
const categories = Object.keys(cat.def.categories);
const mixes: string[][] = [];
categories.forEach((a, i) => {
  mixes.push([a]);
  for (const b of categories.slice(i + 1)) mixes.push([a, b]);
});

const OPTION_SETS: Array<[string, string[]]> = [
  ['no options', []],
  [
    'options on, software',
    [
      'options:',
      '  audit: true',
      '  st-evaluation: true',
      '  vendor-assessment: isms',
      '  confirmation: true',
      '  subcontracting: allowed',
      '  target: software',
      '  require: [vulnerability]',
    ],
  ],
];

const draft = (docType: string, mix: string[], options: string[]) =>
  [...securityDraftHead(partiesFrontMatter(docType, mix.join(', '), ...options)), '以下を遵守すること。', ''].join(
    '\n',
  );

/** Does this front matter decide the alternative (an option it sets or defaults, categories that agree)? Independent of fill.ts. */
function decided(def: PlaceholderDef, mix: string[], options: string[]): boolean {
  const fill = def.fill;
  if (fill?.from === 'option')
    return (
      options.some((l) => l.trim().startsWith(`${fill.option}:`)) || cat.def.options[fill.option]?.default !== undefined
    );
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
        const fixed = applyEdits(
          text,
          insertions.map((i) => ({ start: i.offset, end: i.offset, newText: i.text })),
        );
        assert.ok(keepsAllCharacters(text, fixed), `${name}: only inserts`);
        const left = missing(check(fixed));
        if (left.length) problems.push(`${name}: missing-clause left: ${left.join(', ')}`);
        if (mix.length === 2) {
          const reversed = draft(docType, [mix[1], mix[0]], options);
          const other = fixAllInsertions(reversed, { catalog: cat, locale: 'ja' });
          if (JSON.stringify(other) !== JSON.stringify(insertions))
            problems.push(`${name}: depends on the category order`);
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
            if (!decided(def, mix, options) && !inserted.includes(def.display))
              problems.push(`${name}: ${clause.id} chose an alternative of ${def.display}`);
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
  assert.deepEqual(
    choices.map((c) => [c.wording.categories[0], c.preferred]),
    [
      ['build', false],
      ['operation-onsite', true],
    ],
  );
  assert.match(choices[1].wording.text, /緊急時対策/);
  const vulnerability = cat.def.clauses.find((c) => c.id === 'vulnerability')!;
  assert.deepEqual(
    wordingChoices(ctx, vulnerability).map((c) => c.wording.variant),
    ['system', 'vendor-decides', 'joint-decision'],
  );
});

test('target: software never gets system-building wording for 脆弱性対策', () => {
  const ctx = check(
    draft('procurement-spec', ['build'], ['options:', '  target: software', '  require: [vulnerability]']),
  ).context;
  const vulnerability = cat.def.clauses.find((c) => c.id === 'vulnerability')!;
  assert.deepEqual(
    wordingChoices(ctx, vulnerability).map((c) => [c.wording.variant, c.preferred]),
    [['software', true]],
  );
});

test('spec wording speaks the draft’s own terms: 委託先/委託元 become 受注者/当省 as the text uses them, 再委託先 stays', () => {
  const text = [
    ...securityDraftHead(
      frontMatter(
        'document: procurement-spec',
        'category: [build]',
        'organization: 外務省',
        'options:',
        '  subcontracting: allowed',
      ),
    ),
    '### (1) 情報セキュリティを確保するための体制の整備',
    '',
    '受注者は、当省の求めに応じ、情報セキュリティを確保するための体制を整備し、当省に報告すること。',
    '',
  ].join('\n');
  const ctx = check(text).context;
  const sub = cat.def.clauses.find((c) => c.id === 'subcontracting')!;
  const allowed = wordingChoices(ctx, sub).find((c) => c.preferred)!;
  assert.match(allowed.wording.text, /委託先は、委託元が委託先に求める/);
  const fixed = applyEdits(
    text,
    fixAllInsertions(text, { catalog: cat, locale: 'ja' }).map((i) => ({
      start: i.offset,
      end: i.offset,
      newText: i.text,
    })),
  );
  assert.match(
    fixed,
    /受注者は、当省が受注者に求めるものと同水準の情報セキュリティを確保するための対策を契約に基づき再委託先に行わせること。/,
  );
  assert.doesNotMatch(fixed.slice(text.length), /委託先(?<!再委託先)|委託元/);
  // Without such words in the text, the template's own terms stay.
  const plain = text.replace(/受注者/g, '事業者').replace(/当省/g, '府省');
  const kept = applyEdits(
    plain,
    fixAllInsertions(plain, { catalog: cat, locale: 'ja' }).map((i) => ({
      start: i.offset,
      end: i.offset,
      newText: i.text,
    })),
  );
  assert.match(kept, /委託先は、委託元が委託先に求める/);
});

test('contract wording names the parties as [甲]/[乙] do: the template’s 委託元 becomes 甲, 発注者 or [甲]', () => {
  const contract = (article: string) =>
    [
      '---',
      'document: 契約書',
      'category: [build]',
      '---',
      '',
      '# 情報システム構築業務委託契約書',
      '',
      article,
      '',
    ].join('\n');
  const returned = (text: string) =>
    applyEdits(
      text,
      fixAllInsertions(text, { catalog: cat, locale: 'ja' }).map((i) => ({
        start: i.offset,
        end: i.offset,
        newText: i.text,
      })),
    )
      .split('\n')
      .filter((l) => l.includes('返却するか'));
  const line = (a: string, b: string) =>
    `- ${b}は、本契約に係る業務に関して${a}から提供された情報を、当該業務の終了時に${a}に返却するか、消去又は廃棄してその旨を書面で報告すること。`;
  assert.deepEqual(returned(contract('第1条 乙は、甲の指示に従い本業務を行う。')), [line('甲', '乙')]);
  assert.deepEqual(returned(contract('第1条 受注者は、発注者の指示に従い本業務を行う。')), [line('発注者', '受注者')]);
  // Nothing names them: the party placeholders, which unresolved-placeholder then flags, never 委託元.
  assert.deepEqual(returned(contract('第1条 本業務を誠実に行う。')), [line('[甲]', '[乙]')]);
});
