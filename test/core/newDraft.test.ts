import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNewDraftRequest, newDraftText } from '../../server/src/core';
import { catalog } from '../support/catalog';

// The New draft command's request comes from a client: what it may hold is checked before a draft is
// written, and a refused request gets one sentence (日本語 first, English) instead of a TypeError.

const refused = (value: unknown, locale: 'ja' | 'en' = 'ja') => {
  const checked = checkNewDraftRequest(catalog(), value, locale);
  return checked.ok ? checked : checked.message;
};

test('a new-draft request of the wrong shape is refused with a sentence saying why', () => {
  const contract = { document: 'contract', categories: ['maintenance'] };
  assert.equal(
    refused({ document: 'contract', categories: 'x' }),
    'itaku: 新しい草案を作れません。categories は業務分類の ID の配列でなければなりません（例: ["build"]）。',
  );
  assert.equal(
    refused({ document: 'contract', categories: 'x' }, 'en'),
    'itaku: cannot write the new draft. categories must be an array of category ids (e.g. ["build"]).',
  );
  assert.equal(
    refused('not an object'),
    'itaku: 新しい草案を作れません。要求は { document, categories, … } の形のオブジェクトでなければなりません。',
  );
  assert.equal(
    refused({ ...contract, document: 5 }),
    'itaku: 新しい草案を作れません。document は文字列でなければなりません。',
  );
  assert.equal(
    refused({ ...contract, document: 'nope' }, 'en'),
    'itaku: cannot write the new draft. Unknown document type "nope". Use one of: procurement-spec, contract.',
  );
  assert.equal(
    refused({ ...contract, categories: ['maintenance', 'zzz'] }, 'en'),
    'itaku: cannot write the new draft. Unknown category "zzz". Use one of: build, operation-onsite, operation-remote, operation-datacenter, operation-asp, operation-housing, maintenance, processing, storage-transport, cloud.',
  );
  assert.equal(
    refused({ ...contract, categories: [] }),
    'itaku: 新しい草案を作れません。categories に業務分類を 1 つ以上指定してください。',
  );
  assert.equal(
    refused({ ...contract, categories: Array(100_000).fill('maintenance') }),
    'itaku: 新しい草案を作れません。categories が多すぎます（100000 件。32 件まで）。',
  );
  assert.equal(
    refused({ ...contract, parties: { 甲: 5 } }),
    'itaku: 新しい草案を作れません。parties.甲 は文字列でなければなりません。',
  );
  assert.equal(
    refused({ ...contract, parties: { 丙: '株式会社' } }),
    'itaku: 新しい草案を作れません。当事者「丙」はカタログにありません。使える値: 甲、乙。',
  );
  assert.equal(
    refused({ ...contract, parties: ['外務省'] }, 'en'),
    'itaku: cannot write the new draft. parties must map each party to a name ({ 甲: …, 乙: … }).',
  );
});

test('a new draft takes texts of one line of at most 200 characters', () => {
  const contract = { document: 'contract', categories: ['maintenance'] };
  assert.equal(
    refused({ ...contract, title: 'あ'.repeat(1_000_000) }),
    'itaku: 新しい草案を作れません。title が長すぎます（1000000 文字。200 文字まで）。',
  );
  assert.equal(
    refused({ ...contract, organization: 'a'.repeat(201) }, 'en'),
    'itaku: cannot write the new draft. organization is too long (201 characters; at most 200).',
  );
  assert.equal(
    refused({ ...contract, parties: { 乙: 'x'.repeat(201) } }),
    'itaku: 新しい草案を作れません。parties.乙 が長すぎます（201 文字。200 文字まで）。',
  );
  assert.equal(
    refused({ ...contract, title: '件名\n---\ndocument: x' }),
    'itaku: 新しい草案を作れません。title に改行や制御文字は使えません。',
  );
  // At the limit, and with null for a text left out, the request is taken as it is.
  const ok = {
    ...contract,
    categories: ['maintenance', 'maintenance'],
    title: 'あ'.repeat(200),
    organization: null,
    parties: { 甲: '外務省' },
  };
  assert.deepEqual(checkNewDraftRequest(catalog(), ok), {
    ok: true,
    request: { document: 'contract', categories: ['maintenance'], title: 'あ'.repeat(200), parties: { 甲: '外務省' } },
  });
  const checked = checkNewDraftRequest(catalog(), ok);
  assert.ok(checked.ok);
  assert.ok(
    newDraftText(catalog(), checked.request).startsWith(
      `---\ndocument: contract\ncategory: [maintenance]\nparties: { 甲: 外務省 }\n---\n\n# ${'あ'.repeat(200)}\n\n第1条`,
    ),
  );
});
