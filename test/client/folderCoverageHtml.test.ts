import { test } from 'node:test';
import assert from 'node:assert/strict';
import { folderCoverageHtml } from '../../client/src/folderCoverageHtml';
import { draftCoverage, folderCoverage } from '../../server/src/core';
import { catalog } from '../support/catalog';
import { check, lines } from '../support/drafts';

// The folder table's webview HTML: what a hostile file name can and cannot do, and what a cell links to.
const spec = (body: string) =>
  check(lines('---', 'document: 調達仕様書', 'category: storage-transport', '---', '', body, ''));

test('folder table HTML: a strict CSP, no script, every text escaped, cells linking to itaku’s command only', () => {
  const drafts = [
    draftCoverage(
      '"><img src=x onerror=alert(1)>.md',
      spec('本調達において保存を委託する情報について、その漏洩及び毀損を防止するための十分な安全管理を行うこと。')
        .result,
      catalog(),
      'ja',
    ),
    draftCoverage('b.md', spec('# 件名').result, catalog(), 'ja'),
  ];
  const answer = {
    coverage: folderCoverage(drafts, catalog(), 'ja'),
    uris: ['file:///ws/a.md', 'file:///ws/b.md'],
    skipped: [{ path: '<s>.md', reason: 'UTF-8 ではありません' }],
  };
  const html = folderCoverageHtml(answer, 'ws<b>', 'N0NCE');
  assert.ok(
    html.includes(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-N0NCE'; img-src 'none'; script-src 'none'; font-src 'none';">`,
    ),
  );
  assert.ok(!/<script|<img|<s>|<b>|onerror=alert\(1\)>/.test(html), html);
  assert.ok(html.includes('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.md'));
  assert.ok(html.includes('<h1>情報セキュリティ条項カバレッジ — ws&lt;b&gt;</h1>'));
  // Every link is a command link to the one command the panel allows, with JSON arguments.
  const links = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
  assert.ok(links.length > 0);
  for (const l of links) assert.match(l, /^command:itaku\.coverage\.openCell\?%5B/);
  const confidentiality = `command:itaku.coverage.openCell?${encodeURIComponent(JSON.stringify(['file:///ws/a.md', 'confidentiality']))}`;
  assert.ok(html.includes(`<td class="mark present"><a href="${confidentiality}">✓ <small>必須</small></a></td>`));
  // A clause not needed is plain text (nothing to open); a missing one links to its fix picker.
  assert.ok(html.includes('<td class="mark not-needed">— <small>対象外</small></td>'));
  const missing = `command:itaku.coverage.openCell?${encodeURIComponent(JSON.stringify(['file:///ws/b.md', 'confidentiality']))}`;
  assert.ok(html.includes(`<td class="mark missing"><a href="${missing}">✗ <small>必須</small></a></td>`));
});
