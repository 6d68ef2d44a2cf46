import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../support/catalog';
import { STORAGE_SPEC_CONFIDENTIALITY_ONLY } from '../support/fixtures';
import { specBuildAfterIncidentFix } from './expected';
import { ensureTools, mark, onFailure, packageVsix, poll, startSession, timings, type Session } from './harness';

// A person at VS Code: the packaged .vsix installed into a fresh code-server profile, a workspace
// of Japanese drafts, keyboard and mouse through Chromium.
const DRAFTS = path.join(ROOT, 'test/e2e/drafts');
const read = (name: string) => readFileSync(path.join(DRAFTS, name), 'utf8');
// ITAKU_UPDATE_SCREENSHOTS=1 copies the screenshots below into docs/images/ for the README.
const SCREENSHOTS = path.join(ROOT, 'docs/images');

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(session.dir, name) });
  if (process.env.ITAKU_UPDATE_SCREENSHOTS) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(path.join(session.dir, name), path.join(SCREENSHOTS, name));
  }
}

let session: Session;
let page: Page;

before(async () => {
  ensureTools();
  const vsix = packageVsix();
  mark('vsix packaged');
  session = await startSession({
    name: 'ui',
    vsix,
    files: {
      'spec-build.md': read('spec-build.md'),
      'contract-maintenance.md': read('contract-maintenance.md'),
      'memo.md': read('memo.md'),
      'snippet.md': '# 下書き\n\n',
      'coverage.md': read('spec-build.md'),
      'passport.md': readFileSync(path.join(ROOT, 'examples/spec-build-passport-system.md'), 'utf8'),
      'unclosed.md': ['---', 'document: 調達仕様書', 'category: build', '', '# 件名', '', '本文。', ''].join('\n'),
      'waive.md': STORAGE_SPEC_CONFIDENTIALITY_ONLY,
    },
    settings: { 'itaku.locale': 'ja' },
  });
  page = session.page;
  await page.goto(session.url());
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
  mark('workbench rendered');
});

after(async () => {
  await session?.close();
  const total = timings.length ? timings[timings.length - 1][1] : 0;
  process.stdout.write(`# e2e VS Code UI: ${total} ms\n`);
});

async function openFile(name: string): Promise<void> {
  await page
    .locator('.monaco-workbench')
    .click({ position: { x: 700, y: 450 } })
    .catch(() => undefined);
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(name);
  await page.waitForSelector(`.quick-input-list .monaco-list-row.focused[aria-label*="${name}"]`, { timeout: 20000 });
  await page.keyboard.press('Enter');
  await poll(
    `${name} in the active tab`,
    async () => {
      const label = await page
        .locator('.tabs-container .tab.active')
        .first()
        .getAttribute('aria-label')
        .catch(() => null);
      return label?.includes(name) ? label : undefined;
    },
    20000,
  );
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 20000 });
}

/** Clicks the first warning squiggle, as a person would, and opens the quick-fix menu (Ctrl+.). */
async function quickFixMenuAtFirstWarning(timeout: number): Promise<void> {
  const squiggle = page.locator('.editor-instance .monaco-editor .squiggly-warning:visible').first();
  await squiggle.waitFor({ timeout });
  const box = (await squiggle.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  // VS Code answers a Ctrl+. whose request it cancelled (diagnostics re-published meanwhile, a provider
  // registered) with "No code actions available": a person presses Ctrl+. again, and so does the test.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    const shown = await poll(
      'the quick-fix menu',
      async () =>
        ((await page.locator('.action-widget .monaco-list-row').count()) > 0 && 'menu') ||
        ((await page.locator('.monaco-editor-overlaymessage', { hasText: 'No code actions available' }).count()) > 0 &&
          'none'),
      20000,
    );
    if (shown === 'menu') return;
    if (attempt === 3) throw new Error('Ctrl+. found no code actions three times');
    await page.keyboard.press('Escape');
    await poll(
      'the message gone',
      async () => (await page.locator('.monaco-editor-overlaymessage:visible').count()) === 0,
    );
  }
}

/** The Coverage view's pane in the Explorer. */
const coveragePane = () => page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Clause coverage' }) });

/** Collapses the Explorer's file tree, so that every row of the Coverage view is on screen (the list renders only those). */
async function collapseFileTree(): Promise<void> {
  const folders = page.locator('.pane-header', { has: page.locator('h3.title', { hasText: 'WS' }) }).first();
  if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
}

/** The Coverage view's rows as shown: label and description. */
async function coverageRows(): Promise<string[]> {
  const rows = await coveragePane()
    .locator('.monaco-list-row')
    .evaluateAll((els) =>
      els
        .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
        .map((el) =>
          [el.querySelector('.label-name'), el.querySelector('.label-description')]
            .map((part) => part?.textContent?.trim() ?? '')
            .join(' '),
        ),
    )
    .catch(() => [] as string[]);
  return rows;
}

async function problemsText(): Promise<string> {
  return page
    .locator('.markers-panel')
    .innerText()
    .catch(() => '');
}

async function editorText(): Promise<string> {
  return page.evaluate(() => {
    const lines = [
      ...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line'),
    ] as HTMLElement[];
    return lines
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((l) => l.innerText.replace(/\u00a0/g, ' '))
      .join('\n');
  });
}

test('1. a build spec with two required clauses missing: both in the Problems panel, the squiggle on the category value', async () => {
  await onFailure(session, 'problems', async () => {
    await openFile('spec-build.md');
    await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 60000 });
    mark('diagnostics visible');
    await page.keyboard.press('Control+Shift+M');
    const text = await poll('both missing clauses in the Problems panel', async () => {
      const t = await problemsText();
      return t.includes('再委託に関する事項') && t.includes('情報セキュリティが侵害された場合の対処') ? t : undefined;
    });
    assert.match(
      text,
      /必須条項「情報セキュリティが侵害された場合の対処」（表1\(7\)）が見つかりません。業務分類「情報システムの構築等」で必須です（根拠: 表1\(7\); 第Ⅰ部6\.3\.2）。/,
    );
    assert.match(text, /必須条項「再委託に関する事項」（表1\(10\)）が見つかりません。/);
    // The squiggle lies under the word "build" of `category: build`.
    const overlap = await page.evaluate(() => {
      const squiggle = document.querySelector('.monaco-editor .squiggly-warning')!.getBoundingClientRect();
      const walker = document.createTreeWalker(
        document.querySelector('.editor-instance .view-lines')!,
        NodeFilter.SHOW_TEXT,
      );
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf('build');
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 5);
        const word = r.getBoundingClientRect();
        return {
          left: Math.abs(squiggle.left - word.left),
          right: Math.abs(squiggle.right - word.right),
          vertical: squiggle.top >= word.top - 2 && squiggle.top <= word.bottom + 4,
        };
      }
      return undefined;
    });
    assert.ok(overlap && overlap.left < 3 && overlap.right < 3 && overlap.vertical, JSON.stringify(overlap));
    await screenshot('problems.png');
    mark('Problems panel checked');
  });
});

test('2. Ctrl+. lists the variants; the preferred one inserts the model wording with the organization filled in', async () => {
  await onFailure(session, 'quickfix', async () => {
    await quickFixMenuAtFirstWarning(20000);
    const items = await page.locator('.action-widget .monaco-list-row.action').allInnerTexts();
    assert.deepEqual(
      items.map((t) => t.trim()),
      [
        '「情報セキュリティが侵害された場合の対処」を挿入（情報セキュリティが侵害された場合の対処を明示する場合）',
        '「再委託に関する事項」を挿入（再委託を禁止する場合）',
        '「再委託に関する事項」を挿入（再委託を認める場合）',
        '不足している必須条項をすべて挿入（2 件）',
        '「情報セキュリティが侵害された場合の対処」を適用除外にする（理由を記入）',
        '「再委託に関する事項」を適用除外にする（理由を記入）',
      ],
    );
    await screenshot('quickfix.png');
    mark('quick-fix menu shows the variants');
    await page.keyboard.press('Enter'); // the first (and preferred) action; a mouse click is swallowed by the menu's pointer block
    await poll('the fixed diagnostic gone from the Problems panel', async () => {
      const t = await problemsText();
      return (
        !t.includes('情報セキュリティが侵害された場合の対処」（表1(7)）が見つかりません') &&
        t.includes('再委託に関する事項')
      );
    });
    await page.keyboard.press('Control+S');
    const expected = specBuildAfterIncidentFix();
    await poll(
      'the file saved with the inserted clause',
      async () => readFileSync(path.join(session.workspace, 'spec-build.md'), 'utf8') === expected,
    );
    // The inserted clause is scrolled into view (itaku.reveal), far below the squiggle on line 3.
    assert.match(await editorText(), /### \(5\) 情報セキュリティが侵害された場合の対処\n/);
    mark('quick fix applied, saved, diagnostic cleared');
  });
});

test('3. on a 第n条 contract, "Insert all missing clauses" leaves no missing-clause', async () => {
  await onFailure(session, 'fix-all', async () => {
    await openFile('contract-maintenance.md');
    await poll("the contract's diagnostics", async () =>
      (await problemsText()).includes('情報セキュリティ対策の履行状況の確認」（表3(9)）が見つかりません'),
    );
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('Itaku: Insert all missing clauses');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="Insert all missing clauses"]', {
      timeout: 20000,
    });
    await page.keyboard.press('Enter');
    await poll('every required clause present (status bar)', async () => {
      const t = await page
        .locator('.statusbar-item', { hasText: '契約書' })
        .innerText()
        .catch(() => '');
      return t.includes('必須条項 7/7') ? t : undefined;
    });
    await page.keyboard.press('Control+S');
    const saved = await poll('the contract saved with every clause', async () => {
      const t = readFileSync(path.join(session.workspace, 'contract-maintenance.md'), 'utf8');
      return t.includes('第2条の2（') ? t : undefined;
    });
    assert.ok(
      saved.startsWith(read('contract-maintenance.md').split('第1条（目的）')[0]),
      'the front matter and title are untouched',
    );
    for (const article of ['第1条（目的）', '第2条（秘密の保持）', '第3条（契約の解除）'])
      assert.ok(saved.includes(article), article);
    assert.match(
      saved,
      /第1条の2（情報セキュリティを確保するための体制の整備）\n乙は、本契約に係る業務の実施における情報セキュリティ確保のための体制を整備し、甲に報告するものとする。/,
    );
    mark('fix-all on a contract');
  });
});

test('4. a snippet inserted by its prefix expands with its placeholders as tab stops', async () => {
  await onFailure(session, 'snippet', async () => {
    await openFile('snippet.md');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('itaku-contract-remediation');
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.suggest-widget .monaco-list-row[aria-label*="itaku-contract-remediation"]', {
      timeout: 20000,
    });
    await page.keyboard.press('Enter');
    // The first tab stop ([乙]) is selected: typing replaces it and its mirrors; Tab moves to [甲].
    await page.keyboard.type('受注者');
    await page.keyboard.press('Tab');
    await page.keyboard.type('発注者');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+S');
    const saved = await poll('the snippet saved', async () => {
      const t = readFileSync(path.join(session.workspace, 'snippet.md'), 'utf8');
      return t.includes('不十分') ? t : undefined;
    });
    assert.equal(
      saved,
      '# 下書き\n\n### 情報セキュリティ対策の履行が不十分な場合の対処\n\n受注者による情報セキュリティ対策の履行が不十分である可能性を発注者が認める場合には、受注者の責任者は、発注者の求めに応じこれと協議を行い、合意した対応を採るものとする。\n',
    );
    mark('snippet expanded');
  });
});

test("5. the status bar shows the draft's type and coverage; a Markdown file that is not a draft gets nothing", async () => {
  await onFailure(session, 'status', async () => {
    await openFile('spec-build.md');
    const status = await poll('the status bar item', async () => {
      const t = await page
        .locator('.statusbar-item', { hasText: '調達仕様書' })
        .innerText()
        .catch(() => '');
      return t.includes('必須条項') ? t : undefined;
    });
    assert.equal(status.trim(), '必須条項 7/8 · 調達仕様書 · 情報システムの構築等');
    await page.locator('.statusbar-item', { hasText: '必須条項' }).click();
    await poll('the Coverage view shown', async () => (await coverageRows()).length > 0 || undefined);
    await openFile('memo.md');
    await poll(
      'no status item on a non-draft',
      async () => (await page.locator('.statusbar-item', { hasText: '必須条項' }).count()) === 0,
    );
    const problems = await problemsText();
    assert.ok(!problems.includes('memo.md'), problems);
    mark('status bar and non-draft checked');
  });
});

test('6. hovering a clause heading shows its requirement and basis', async () => {
  await onFailure(session, 'hover', async () => {
    await openFile('spec-build.md');
    await page.keyboard.press('Control+Home'); // a fix scrolled to its insertion before
    const heading = page.locator('.view-line', { hasText: '(2) 秘密の保持' }).first();
    await heading.waitFor({ timeout: 20000 });
    const box = (await heading.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + 70, box.y + box.height / 2, { steps: 5 });
    const hover = await poll('the hover', async () => {
      const t = (await page.locator('.monaco-hover').allTextContents()).join('\n');
      return t.includes('根拠') ? t : undefined;
    });
    assert.match(hover, /取り扱う府省庁の情報の秘密保持等/);
    assert.match(hover, /要否: 必須（業務分類「情報システムの構築等」、根拠: 表1\(2\); 第Ⅰ部6\.3\.1, 8\.1）/);
    mark('hover shows the basis');
  });
});

test('7. a front matter left unclosed: one error in the Problems panel and an error state in the status bar, not silence', async () => {
  await onFailure(session, 'unclosed', async () => {
    await openFile('unclosed.md');
    await page.keyboard.press('Control+Shift+M');
    await poll('the unclosed front matter in the Problems panel', async () =>
      (await problemsText()).includes('front matter が閉じられていません'),
    );
    const status = await poll('the error state in the status bar', async () => {
      const t = await page
        .locator('.statusbar-item', { hasText: '必須条項を判定できません' })
        .innerText()
        .catch(() => '');
      return t || undefined;
    });
    assert.equal(status.trim(), '必須条項を判定できません · ? · ?');
    mark('unclosed front matter reported');
  });
});

test('8. the passport spec: the preferred fix inserts (2の2), never a second (3)', async () => {
  await onFailure(session, 'numbering', async () => {
    await openFile('passport.md');
    await quickFixMenuAtFirstWarning(60000);
    const first = (await page.locator('.action-widget .monaco-list-row.action').first().innerText()).trim();
    assert.match(first, /^「セキュリティ機能の装備」を挿入（/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+S');
    const saved = await poll('the numbering case saved', async () => {
      const t = readFileSync(path.join(session.workspace, 'passport.md'), 'utf8');
      return t.includes('セキュリティ機能の装備\n') ? t : undefined;
    });
    assert.deepEqual(
      saved
        .split('\n')
        .filter((l) => l.startsWith('### '))
        .slice(0, 4),
      [
        '### (1) 情報セキュリティ管理体制',
        '### (2) 秘密の保持',
        '### (2の2) セキュリティ機能の装備',
        '### (3) 脆弱性対策',
      ],
    );
    mark('numbering kept by the fix');
  });
});

test('9. waiving from the menu: the directive goes in with the reason selected; typing gives the reason', async () => {
  await onFailure(session, 'waive', async () => {
    await openFile('waive.md');
    await quickFixMenuAtFirstWarning(60000);
    const items = (await page.locator('.action-widget .monaco-list-row.action').allInnerTexts()).map((t) => t.trim());
    assert.equal(items[items.length - 1], 'この条項を適用除外にする（理由を記入）');
    for (let i = 0; i < items.length - 1; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await poll('the waiver inserted', async () =>
      (await editorText()).includes('itaku-disable missing-clause subcontracting'),
    );
    await page.keyboard.type('再委託は行わない（別契約で担保）');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+S');
    await poll('the waiver saved with its reason', async () =>
      readFileSync(path.join(session.workspace, 'waive.md'), 'utf8').includes(
        '<!-- itaku-disable missing-clause subcontracting 再委託は行わない（別契約で担保） -->\n',
      ),
    );
    await poll('the clause counted as waived', async () => {
      const t = await page
        .locator('.statusbar-item', { hasText: '必須条項' })
        .innerText()
        .catch(() => '');
      return t.includes('必須条項 2/2') ? t : undefined;
    });
    mark('waived from the menu');
  });
});

test('10. the status item opens the Coverage view; its title button shows the Problems of this draft only', async () => {
  await onFailure(session, 'status-filter', async () => {
    await openFile('passport.md');
    await page.locator('.statusbar-item', { hasText: '必須条項' }).click();
    await collapseFileTree();
    // After test 8 only its subcontracting clause is missing.
    await poll('the passport spec in the Coverage view', async () => {
      const rows = await coverageRows();
      return (
        (rows.some((r) => r.startsWith('✓ セキュリティ機能の装備 必須 · 表1(3) · ')) &&
          rows.some((r) => r.startsWith('✗ 再委託に関する事項 '))) ||
        undefined
      );
    });
    await coveragePane().hover();
    await coveragePane().locator('.actions .action-label[aria-label="Show this draft\'s problems"]').click();
    const text = await poll('only passport.md in the Problems panel', async () => {
      const t = await problemsText();
      return t.includes('passport.md') && !t.includes('spec-build.md') ? t : undefined;
    });
    assert.match(text, /再委託に関する事項/);
    mark('status click filters to the draft');
  });
});

test('11. New draft… with an English UI and itaku.locale: ja: Japanese pickers searchable in Japanese, parties asked, 第n条 articles', async () => {
  await onFailure(session, 'new-draft', async () => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('Itaku: New draft');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="New draft"]', { timeout: 20000 });
    await page.keyboard.press('Enter');
    await poll(
      'the document-type picker in Japanese',
      async () => (await page.locator('.quick-input-widget input').getAttribute('placeholder')) === '文書種別',
    );
    await page.keyboard.type('契約書');
    await page.waitForSelector('.quick-input-list .monaco-list-row.focused[aria-label*="契約書"]', { timeout: 20000 });
    await page.keyboard.press('Enter');
    await poll(
      'the category picker in Japanese',
      async () =>
        (await page.locator('.quick-input-widget input').getAttribute('placeholder')) === '業務分類（複数選択可）',
    );
    await page.keyboard.type('保守');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="保守・点検"]', { timeout: 20000 });
    await page.keyboard.press('ArrowDown');
    // Enter with nothing ticked takes the highlighted category (it used to end New draft silently).
    await page.keyboard.press('Enter');
    for (const [prompt, value] of [
      ['府省庁名', '外務省'],
      ['甲（発注者）', ''],
      ['乙（受注者）', '株式会社いろは'],
    ]) {
      await poll(`the ${prompt} box`, async () =>
        (
          await page
            .locator('.quick-input-widget')
            .innerText()
            .catch(() => '')
        ).includes(prompt),
      );
      if (value) await page.keyboard.type(value);
      await page.keyboard.press('Enter');
    }
    const text = await poll('the new draft', async () => {
      const t = await editorText();
      return t.includes('第2条（') ? t : undefined;
    });
    assert.match(
      text,
      /^---\ndocument: contract\ncategory: \[maintenance\]\norganization: 外務省\nparties: \{ 甲: 外務省, 乙: 株式会社いろは \}\n---\n\n# （件名）契約書\n\n第1条（情報セキュリティを確保するための体制の整備）\n株式会社いろはは、/,
    );
    mark('new draft in Japanese');
  });
});

/** The first frame (webviews nest two) in which `probe` returns something, polled. */
async function inFrames<T>(what: string, probe: () => T | undefined | null | false): Promise<T> {
  return poll(what, async () => {
    for (const frame of page.frames()) {
      const found = await frame.evaluate(probe).catch(() => undefined);
      if (found) return found as T;
    }
    return undefined;
  });
}

test('12. the Coverage view: one row per clause, a click on a present clause selects its evidence, a missing one offers its fixes and the row turns ✓', async () => {
  await onFailure(session, 'coverage-view', async () => {
    await openFile('coverage.md');
    await page.locator('.statusbar-item', { hasText: '必須条項' }).click();
    await collapseFileTree();
    const rows = await poll('the fourteen clauses of a spec', async () => {
      const r = await coverageRows();
      return r.length === 14 && r.some((x) => x.startsWith('✗ 再委託')) ? r : undefined;
    });
    assert.deepEqual(rows, [
      '✓ 情報セキュリティを確保するための体制の整備 必須 · 表1(1) · 19 行目: (1) 情報セキュリティ管理体制',
      '✓ 取り扱う府省庁の情報の秘密保持等 必須 · 表1(2) · 23 行目: (2) 秘密の保持',
      '✓ セキュリティ機能の装備 必須 · 表1(3) · 27 行目: (3) セキュリティ機能の装備',
      '— セキュリティ機能の設計に関する確認（ST評価・ST確認） 選択 · 第Ⅱ部1.1(3) · なし（不要）',
      '— 運用・保守・点検における情報セキュリティ対策の実施 対象外 · 表1(4) · なし（不要）',
      '✓ 脆弱性対策の実施 必須 · 表1(5) · 31 行目: (4) 脆弱性対策',
      '— 情報セキュリティ対策のサービスレベルに関する事項 対象外 · 表1(6) · なし（不要）',
      '✗ 情報セキュリティが侵害された場合の対処 必須 · 表1(7) · クリックで雛形の文言を挿入',
      '✓ 情報セキュリティ対策の履行状況の確認 必須 · 第Ⅱ部1.1(6) · 35 行目: (6) 履行状況の確認',
      '— 情報セキュリティ監査の実施 選択 · 表1(8) · なし（不要）',
      '✓ 情報セキュリティ対策の履行が不十分な場合の対処 必須 · 表1(9) · 39 行目: (7) 履行が不十分な場合の対処',
      '✗ 再委託に関する事項 必須 · 表1(10) · クリックで雛形の文言を挿入',
      '— 国際規格を踏まえた委託先の情報セキュリティ水準の評価 選択 · 表1(11) · なし（不要）',
      '— 約款による情報処理サービスの留意事項への対策（表4/表5の18項目） 対象外 · 第Ⅱ部2(7) · なし（不要）',
    ]);
    // Wider, and without the panel, for the README's picture.
    await page.keyboard.press('Control+J');
    const sidebar = (await page.locator('.part.sidebar').boundingBox())!;
    await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + 300);
    await page.mouse.down();
    await page.mouse.move(sidebar.x + 700, sidebar.y + 300, { steps: 5 });
    await page.mouse.up();
    await screenshot('coverage-view.png');
    mark('coverage view rows');
    // A present clause: its evidence (the heading on line 23) is selected in the editor.
    await coveragePane().locator('.monaco-list-row', { hasText: '取り扱う府省庁の情報の秘密保持等' }).click();
    const selection = await poll('the evidence selected', async () => {
      const t = await page
        .locator('#status\\.editor\\.selection')
        .innerText()
        .catch(() => '');
      return t.startsWith('Ln 23,') ? t : undefined;
    });
    // The whole heading line, `### (2) 秘密の保持` (13 characters), is the evidence.
    assert.equal(selection.trim(), 'Ln 23, Col 14 (13 selected)');
    mark('a present row jumps to its evidence');
    // A missing clause: its fixes in a picker; the preferred variant is first.
    await coveragePane().locator('.monaco-list-row', { hasText: '再委託に関する事項' }).click();
    await poll(
      'the fix picker',
      async () =>
        (await page
          .locator('.quick-input-widget input')
          .getAttribute('placeholder')
          .catch(() => null)) === '「再委託に関する事項」の修正',
    );
    const items = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
    assert.deepEqual(
      items.map((t) => t.replace(/\s*\n\s*/g, ' ').trim()),
      [
        '「再委託に関する事項」を挿入（再委託を禁止する場合）★',
        '「再委託に関する事項」を挿入（再委託を認める場合）',
        '不足している必須条項をすべて挿入（2 件）',
        'この条項を適用除外にする（理由を記入）',
      ],
    );
    await page.keyboard.press('Enter');
    await poll(
      'the row updated after the fix',
      async () =>
        (await coverageRows()).some((r) => r.startsWith('✓ 再委託に関する事項 必須 · 表1(10) · 43 行目:')) || undefined,
    );
    // The inserted heading is now the clause's evidence: a click on the row goes there.
    await coveragePane().locator('.monaco-list-row', { hasText: '再委託に関する事項' }).click();
    await poll('the inserted clause selected', async () => {
      const t = await page
        .locator('#status\\.editor\\.selection')
        .innerText()
        .catch(() => '');
      return t.trim() === 'Ln 43, Col 18 (17 selected)' || undefined;
    });
    assert.match(await editorText(), /### \(8\) 再委託に関する事項/);
    await poll(
      'the status bar updated too',
      async () =>
        (
          await page
            .locator('.statusbar-item', { hasText: '必須条項' })
            .innerText()
            .catch(() => '')
        ).includes('必須条項 7/8') || undefined,
    );
    mark('a missing row offers its fix; the view follows');
  });
});

test('13. 「フォルダの条項カバレッジを表示」: a table with one row per clause and one column per draft, in a webview that runs no script', async () => {
  await onFailure(session, 'folder-coverage', async () => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('Itaku: Show clause coverage of a folder');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="Show clause coverage of a folder"]', {
      timeout: 20000,
    });
    await page.keyboard.press('Enter');
    const frame = await poll('the table in the webview', async () => {
      for (const f of page.frames()) {
        const n = await f
          .locator('table.matrix')
          .count()
          .catch(() => 0);
        if (n) return f;
      }
      return undefined;
    });
    const heads = await frame.locator('table.matrix').first().locator('thead th').allInnerTexts();
    assert.deepEqual(heads, ['雛形の項目', '条項', 'coverage.md', 'passport.md', 'spec-build.md', 'waive.md']);
    const row = await frame
      .locator('table.matrix')
      .first()
      .locator('tr', { hasText: '再委託に関する事項' })
      .locator('td')
      .allInnerTexts();
    assert.deepEqual(
      row.map((t) => t.replace(/\s+/g, ' ').trim()),
      // coverage.md fixed (unsaved) in test 12; passport.md and spec-build.md still without it; waive.md waived in test 9.
      ['表1(10)', '再委託に関する事項', '✓ 必須', '✗ 必須', '✗ 必須', '適用除外 必須'],
    );
    assert.equal(await frame.locator('script').count(), 0);
    await screenshot('coverage-folder.png');
    // A cell is a link: the draft opens with that clause's evidence selected.
    await frame
      .locator('table.matrix')
      .first()
      .locator('tr', { hasText: '取り扱う府省庁の情報の秘密保持等' })
      .locator('td.mark a')
      .nth(2)
      .click();
    await poll('spec-build.md opened at its evidence', async () => {
      const tab = await page
        .locator('.tabs-container .tab.active')
        .first()
        .getAttribute('aria-label')
        .catch(() => null);
      const sel = await page
        .locator('#status\\.editor\\.selection')
        .innerText()
        .catch(() => '');
      return tab?.includes('spec-build.md') && sel.startsWith('Ln 23,') ? true : undefined;
    });
    mark('folder coverage table');
  });
});

test('14. the code link in the Problems panel opens the code’s page rendered (Markdown preview), not the raw README', async () => {
  await onFailure(session, 'code-link', async () => {
    await openFile('passport.md');
    await page.keyboard.press('Control+Shift+M');
    const link = page.locator('.markers-panel a.monaco-link', { hasText: 'missing-clause' }).first();
    await link.waitFor({ timeout: 30000 });
    await link.click();
    await poll('the preview tab of missing-clause.md', async () => {
      const labels = await page
        .locator('.tabs-container .tab')
        .evaluateAll((tabs) => tabs.map((t) => t.getAttribute('aria-label') ?? ''));
      return labels.find((l) => /missing-clause\.md/.test(l) && /preview|プレビュー/i.test(l));
    });
    const heading = await inFrames('the rendered page', () =>
      document.querySelector('h1')?.textContent?.includes('必須条項がない')
        ? document.querySelector('h1')!.textContent
        : undefined,
    );
    assert.equal(heading, 'missing-clause — 必須条項がない / A required clause is missing');
    const tabs = await page
      .locator('.tabs-container .tab')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('aria-label') ?? ''));
    assert.ok(!tabs.some((l) => /readme\.md/i.test(l)), tabs.join(' | '));
    mark('code link opens the rendered page');
  });
});

test('15. the extension’s details page shows the README images (inline in the .vsix, nothing fetched)', async () => {
  await onFailure(session, 'details', async () => {
    // A click on the activity bar: the keyboard may be inside the preview's webview now.
    await page.locator('.activitybar .action-item a[aria-label^="Extensions"]').first().click();
    // The installed extensions are listed as soon as the view opens.
    const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'itaku' }).first();
    await row.waitFor({ timeout: 30000 });
    await row.click();
    const images = await inFrames('the README images loaded on the details page', () => {
      const imgs = [...document.querySelectorAll('img')].filter(
        (i) => i.alt.startsWith('Problems panel') || i.alt.startsWith('The quick-fix menu'),
      );
      return imgs.length === 2 && imgs.every((i) => i.complete && i.naturalWidth > 0)
        ? imgs.map((i) => [i.alt, i.src.slice(0, 22)])
        : undefined;
    });
    assert.deepEqual(images, [
      ["Problems panel with itaku's diagnostics on a Japanese draft", 'data:image/png;base64,'],
      ['The quick-fix menu offering the wording variants', 'data:image/png;base64,'],
    ]);
    mark('details page images shown');
  });
});
