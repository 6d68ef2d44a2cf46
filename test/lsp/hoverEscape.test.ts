import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { escapeMarkdown, markdownCode } from '../../server/src/core/text/escapeMarkdown';
import { hover } from '../../server/src/lsp/hover';
import { catalog } from '../support/catalog';

// Issue 10, hover injection: values from the draft (and the catalog) are literal text in hover
// Markdown; no image, link or HTML can come out of them.

const EVIL_ORG =
  '![x](https://evil.example/p.png) <img src=x onerror=alert(1)> [link](https://evil.example) **bold** `code`\n# heading';

test('a hover on a clause escapes the organization filled into the model wording', () => {
  const text = [
    '---',
    'document: 調達仕様書',
    'category: build',
    `organization: ${JSON.stringify(EVIL_ORG)}`,
    '---',
    '',
    '# 仕様書',
    '',
    '## (7) 情報セキュリティが侵害された場合の対処',
    '',
    '速やかに報告すること。',
    '',
  ].join('\n');
  const a = analyze(text, { catalog: catalog() })!;
  const found = a.result.clauses.find((c) => c.id === 'incident-response' && c.status === 'present');
  assert.ok(found?.range, 'the clause is found');
  const h = hover(a, found.range.start, 'ja');
  const value = (h!.contents as { value: string }).value;
  assert.ok(
    value.includes(
      '\\!\\[x\\](https:\\/\\/evil.example/p.png) \\<img src=x onerror=alert(1)\\> \\[link\\](https:\\/\\/evil.example) \\*\\*bold\\*\\* \\`code\\` # heading',
    ),
    value,
  );
  assert.doesNotMatch(value, /(?<!\\)!\[|(?<!\\)<img|(?<!\\)\]\(|^# heading/m);
});

test('escapeMarkdown and markdownCode keep any text literal', () => {
  assert.equal(
    escapeMarkdown('# a [b](c) <d> & e_f | g ~h~ $x$ \\'),
    '\\# a \\[b\\](c) \\<d\\> \\& e\\_f \\| g \\~h\\~ \\$x\\$ \\\\',
  );
  assert.equal(escapeMarkdown('1. item'), '1\\. item');
  assert.equal(escapeMarkdown('line\nbreak'), 'line break');
  assert.equal(markdownCode('a`b'), '``a`b``');
});
