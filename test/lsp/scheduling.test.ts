import * as os from 'node:os';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { HOSTILE } from '../support/hostile';
import { LspClient, uriOf, type Published } from '../support/lsp';

// Issue 12: requests never wait on analysis. Every assertion here is about the order of events
// (what arrived before what), never about time; the timeouts are generous wall-time guards only.

const SMALL = [
  '---',
  'document: 契約書',
  'category: storage-transport',
  '---',
  '',
  '乙は、本業務に関して知り得た秘密を漏らしてはならない。',
  '',
].join('\n');
const MB = 1024 * 1024;
// 5 MB of UTF-8 (the generator counts UTF-16 units; this text takes 2.25 bytes per unit), under the 10 MB limit.
const large = HOSTILE.find((h) => h.name === 'large-draft')!.make(Math.floor((5 * MB) / 2.25));
const GUARD = { timeout: 900_000 };
const LONG = 840_000;

const clients: LspClient[] = [];
after(async () => {
  for (const c of clients) await c.shutdown().catch(() => undefined);
});

const published = (client: LspClient, uri: string, version: number) =>
  client.published.find((p: Published) => p.uri === uri && p.version === version);

test(
  'with one worker: a hover on another draft is answered, and an edited small draft gets its diagnostics, before the 5 MB draft’s diagnostics arrive; its progress is shown; a superseded version is stopped',
  GUARD,
  async () => {
    // One worker, so the small draft's work interleaves with the large one's in the same thread; a
    // pause between slices keeps the large analysis running past the progress and the replacement
    // below (without it, a fast machine can finish the 5 MB draft before the test replaces it).
    const client = await LspClient.start({
      workDoneProgress: true,
      env: { ITAKU_WORKERS: '1', ITAKU_TEST_SLICE_PAUSE_MS: '20' },
    });
    clients.push(client);
    const small = uriOf('sched-small.md');
    const big = uriOf('sched-big.md');
    client.open(small, SMALL, 1);
    await client.until(() => published(client, small, 1), 'small@1', LONG);

    client.open(big, large, 1);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: small },
      position: { line: 2, character: 12 },
    });
    assert.ok(hover?.contents.value.includes('情報の保存・運搬'), JSON.stringify(hover));
    assert.equal(published(client, big, 1), undefined, 'the hover was answered before the large draft was analysed');

    client.change(small, 2, [
      { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '　' },
    ]);
    const edited = (await client.until(() => published(client, small, 2), 'small@2', LONG)).diagnostics;
    assert.deepEqual(
      edited.map((d) => [d.code, d.data?.clause]),
      [['missing-clause', 'subcontracting']],
    );
    assert.equal(published(client, big, 1), undefined, 'the small draft was analysed while the large one was');

    // Work-done progress for the long analysis: created, then begun with its title and the file's name.
    const progress = (kind: string, token?: unknown) =>
      client.notifications.find((n) => {
        const p = n.params as { token: unknown; value: { kind: string; message?: string } };
        return (
          n.method === '$/progress' &&
          p.value.kind === kind &&
          (token === undefined ? p.value.message === 'sched-big.md' : p.token === token)
        );
      })?.params as { token: unknown; value: { title?: string; message?: string } } | undefined;
    const begin = await client.until(() => progress('begin'), 'progress begin', LONG);
    assert.deepEqual(begin.value, { kind: 'begin', title: 'itaku: 解析中…', message: 'sched-big.md' });
    assert.ok(
      client.notifications.some(
        (n) => n.method === 'window/workDoneProgress/create' && (n.params as { token: unknown }).token === begin.token,
      ),
      'window/workDoneProgress/create came first',
    );
    assert.equal(published(client, big, 1), undefined, 'progress began before the diagnostics');

    // Replacing the text stops the running analysis of version 1: only version 2 is published.
    client.change(big, 2, [{ text: SMALL }]);
    const replaced = await client.until(() => published(client, big, 2), 'diagnostics for version 2', LONG);
    assert.deepEqual(
      replaced.diagnostics.map((d) => [d.code, d.data?.clause]),
      [['missing-clause', 'subcontracting']],
    );
    await client.until(
      () =>
        client.notifications.find(
          (n) =>
            n.method === 'window/logMessage' &&
            // MessageType.Debug: a line at almost every keystroke is not for the output channel's default level.
            (n.params as { type: number }).type === 5 &&
            (n.params as { message: string }).message.startsWith(`itaku: the analysis of ${big} (revision`) &&
            (n.params as { message: string }).message.endsWith('was superseded and stopped'),
        ),
      'the superseded run stopped',
      LONG,
    );
    await client.until(() => progress('end', begin.token), 'progress end', LONG);
    assert.equal(published(client, big, 1), undefined, 'a superseded version never gets diagnostics');
  },
);

/** A server with one worker (and `env`), and a small draft open in it with its first diagnostics. */
async function oneWorkerWithOther(env: Record<string, string>, name: string) {
  const client = await LspClient.start({ env: { ITAKU_WORKERS: '1', ...env } });
  clients.push(client);
  const other = uriOf(name);
  client.open(other, SMALL, 1);
  await client.until(() => published(client, other, 1), 'other@1', LONG);
  return { client, other };
}

/** After a worker was replaced, the small draft is served: a hover, and a new version's diagnostics. */
async function assertServed(client: LspClient, other: string) {
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
    textDocument: { uri: other },
    position: { line: 2, character: 12 },
  });
  assert.ok(hover?.contents.value.includes('情報の保存・運搬'));
  client.change(other, 2, [
    { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '　' },
  ]);
  assert.deepEqual(
    (await client.until(() => published(client, other, 2), 'other@2', LONG)).diagnostics.map((d) => d.data?.clause),
    ['subcontracting'],
  );
}

test(
  'a draft that runs its worker out of memory, even as plain text, is analysed no more and says so; the others keep being served',
  GUARD,
  async () => {
    // Workers limited to 64 MB of heap (ITAKU_WORKER_HEAP_MB, a test knob; Node's default otherwise):
    // the 5 MB draft of short sections keeps far more than that live, parsed or as plain text.
    const { client, other } = await oneWorkerWithOther({ ITAKU_WORKER_HEAP_MB: '64' }, 'memory-other.md');
    const huge = uriOf('memory-huge.md');
    client.open(huge, large, 1);
    const diagnostics = await client.until(() => published(client, huge, 1)?.diagnostics, 'huge', LONG);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range, d.message]),
      [
        [
          'analysis-limited',
          { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
          'この草案は確認していません。解析がテキストとしての確認でもメモリか時間の上限を超え、解析のワーカーが 2 度止まったためです。草案を複数のファイルに分けてから開き直してください。',
        ],
      ],
    );
    // Stopped twice (parsed, then as plain text), and not analysed again after that.
    const stops = () =>
      client.notifications.filter(
        (n) =>
          n.method === 'window/logMessage' &&
          (n.params as { message: string }).message === 'itaku: an analysis worker ran out of memory; it is replaced',
      ).length;
    assert.equal(stops(), 2);
    await assertServed(client, other);
    // An edit of the abandoned draft gets the same one finding, without stopping another worker.
    client.change(huge, 2, [
      { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'a' },
    ]);
    assert.deepEqual(
      (await client.until(() => published(client, huge, 2), 'huge@2', LONG)).diagnostics.map((d) => d.message),
      diagnostics.map((d) => d.message),
    );
    assert.equal(stops(), 2);
  },
);

test(
  'a worker whose step overruns the budget is terminated and replaced: the draft is read as plain text, the others keep being served',
  GUARD,
  async () => {
    const { client, other } = await oneWorkerWithOther({ ITAKU_STEP_BUDGET_MS: '500' }, 'budget-other.md');
    // 28 KB of one-letter setext headings (`a` / `-` lines, no blank line): under the 32 KB parse
    // budget, so micromark parses it, in time that grows faster than its square: 11 s on a quiet
    // machine here, so a step budget of 0.5 s is overrun whatever the machine or its load. (Inline
    // syntax such as unclosed emphasis no longer costs anything: itaku parses blocks only.) A cold
    // worker has four times the budget, which covers its first small draft.
    const hostile = uriOf('budget-hostile.md');
    const text = `${SMALL}\n${'a\n-\n'.repeat(7 * 1024)}\n秘密を漏らしてはならない。\n`;
    client.open(hostile, text, 1);
    const diagnostics = await client.until(() => published(client, hostile, 1)?.diagnostics, 'hostile', LONG);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'analysis-limited').map((d) => [d.range.start, d.message]),
      [
        [
          { line: 5, character: 0 },
          'この草案の解析が時間の上限（0.5 秒）を超えたため打ち切り、front matter より後をテキストとして確認しました。条項の語句とプレースホルダは見つけますが、見出しやリストは認識しません。ファイルを閉じて開き直すと通常の解析をやり直します。長い段落や入れ子を空行で区切ると速くなります。',
        ],
      ],
    );
    assert.ok(
      client.notifications.some(
        (n) =>
          n.method === 'window/logMessage' &&
          (n.params as { message: string }).message ===
            'itaku: an analysis step ran longer than 500 ms; its worker is stopped and replaced',
      ),
    );
    await assertServed(client, other);
  },
);

test(
  'without ITAKU_WORKERS: small drafts share one worker; a large draft starts a second one (on two cores or more), and the small draft is still served',
  GUARD,
  async () => {
    const client = await LspClient.start({});
    clients.push(client);
    const started = () =>
      client.notifications
        .filter(
          (n) =>
            n.method === 'window/logMessage' &&
            (n.params as { message: string }).message.startsWith('itaku: started analysis worker'),
        )
        .map((n) => (n.params as { message: string }).message);
    const smalls = ['pool-a.md', 'pool-b.md', 'pool-c.md'].map(uriOf);
    for (const uri of smalls) client.open(uri, SMALL, 1);
    for (const uri of smalls) await client.until(() => published(client, uri, 1), uri, LONG);
    assert.deepEqual(started(), [], 'three small drafts need no second worker');

    // About 1.1 MB of UTF-8, over the 400,000 UTF-16 units that make a draft large.
    const big = uriOf('pool-big.md');
    client.open(big, HOSTILE.find((h) => h.name === 'large-draft')!.make(410_000), 1);
    await client.until(() => published(client, big, 1), 'big@1', LONG);
    assert.deepEqual(
      started(),
      os.availableParallelism() >= 2
        ? ['itaku: started analysis worker 2 of 2, so that a large draft is analysed apart from the others']
        : [],
    );
    await assertServed(client, smalls[0]);
  },
);
