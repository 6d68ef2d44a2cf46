import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import fc from 'fast-check';
import '../support/propertySeed';
import { BREAK, MAX_PREFIX } from '../../server/src/core/markdown/parse';
import { directiveOf } from '../../server/src/core/model';
import { withoutClosingHashes } from '../../server/src/core/text/trim';
import { keyOfValue } from '../../server/src/core/features/completion';

// Issue 12: no regex in the source may backtrack super-linearly. Every regex literal and every
// `new RegExp(…)` in server/src is listed from the syntax tree and run on adversarial strings
// (a prefix that gets past its anchor, a long pump, a suffix that makes it fail). A linear regex
// takes well under a millisecond on these; a quadratic one seconds, an exponential one forever.
// The runs happen in a worker so that a hang is cut off. The guard is generous wall time, not a
// timing measurement (speed belongs to `npm run bench`).

const root = path.resolve(__dirname, '../..');
const PUMP_LENGTH = Number(process.env.PUMP ?? 30_000);
/** Per exec: a linear regex needs well under 1 ms on PUMP_LENGTH characters, a quadratic one seconds (measured: 6 s for `\s*#+\s*$`). */
const GUARD_MS = Number(process.env.GUARD ?? 1_000);
/** Identifiers a `new RegExp` template may use, resolved here (add one when a regex uses another). */
const CONSTANTS: Record<string, unknown> = { BREAK, MAX_PREFIX };

interface Listed {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

function listRegexes(): Listed[] {
  const out: Listed[] = [];
  for (const file of sourceFiles(path.join(root, 'server/src'))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node) =>
      `${path.relative(root, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText();
        const slash = text.lastIndexOf('/');
        out.push({ where: where(n), source: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && n.expression.getText() === 'RegExp') {
        const args = (n.arguments ?? []).map((a) => a.getText());
        const names = Object.keys(CONSTANTS);
        // The arguments are literals and templates over CONSTANTS: evaluate them with those bound.
        const evaluated = new Function(...names, `return [${args.join(',')}];`)(...names.map((k) => CONSTANTS[k])) as [
          string,
          string?,
        ];
        out.push({ where: where(n), source: evaluated[0], flags: evaluated[1] ?? '' });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

// Prefixes get anchored regexes into their repeated parts; pumps are what they repeat; suffixes
// make the match fail at the very end (where backtracking starts).
const PREFIXES = [
  '',
  'a:',
  'category: [',
  'key:',
  '第',
  '第1',
  '(',
  '（',
  '1',
  '1.',
  '<!--',
  '<!-- itaku',
  '#',
  '# a',
  '  a',
  '- ',
  '> ',
  '【',
  '**',
  '---',
  '{{',
  '{{a:',
  '```',
];
const PUMPS = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  ' \n',
  '\n\n',
  ',',
  ', ',
  ',  ',
  'a',
  'a ',
  '0',
  '０',
  '1.',
  '#',
  '# ',
  '*',
  '**',
  '_',
  '-',
  '- ',
  '.',
  ':',
  '[',
  ']',
  '(',
  '【',
  '第',
  '条',
  '{',
  '{{',
  '}',
  '>',
  ' >',
  '<',
  '~',
  '`',
  '"',
  'ア',
];
const SUFFIXES = ['\u0001', ']', '】', '\n', '#'];

const worker = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { regexes, prefixes, pumps, suffixes, length, guard, current } = workerData;
const now = new Int32Array(current);
const compiled = regexes.map((r) => new RegExp(r.source, r.flags.replace('g', '').replace('y', '')));
const anchored = regexes.map((r) => r.source.startsWith('^'));
const slow = [];
const pumped = pumps.map((p) => p.repeat(Math.ceil(length / p.length)));
for (const prefix of prefixes) {
  for (let p = 0; p < pumps.length; p++) {
    for (const suffix of suffixes) {
      // One string per input, shared by every regex (flattened once, by the first exec).
      const input = prefix + pumped[p] + suffix;
      parentPort.postMessage({ running: { prefix, pump: pumps[p], suffix } });
      for (let i = 0; i < compiled.length; i++) {
        if (prefix && !anchored[i]) continue; // unanchored regexes try every position anyway
        now[0] = i;
        const t = process.hrtime.bigint();
        compiled[i].exec(input);
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        if (ms > guard) {
          slow.push({ ms, regex: i, prefix, pump: pumps[p], suffix });
          parentPort.postMessage({ slow: slow[slow.length - 1] });
        }
      }
    }
  }
}
parentPort.postMessage({ done: true, slow });
`;

test(
  'every regex in server/src is listed, and none backtracks super-linearly on adversarial strings',
  { timeout: 300_000 },
  async () => {
    const regexes = listRegexes();
    assert.ok(regexes.length > 50, `found only ${regexes.length} regexes: the listing is broken`);
    for (const r of regexes) assert.doesNotThrow(() => new RegExp(r.source, r.flags), r.where);
    const current = new SharedArrayBuffer(4);
    const w = new Worker(worker, {
      eval: true,
      workerData: {
        regexes,
        prefixes: PREFIXES,
        pumps: PUMPS,
        suffixes: SUFFIXES,
        length: PUMP_LENGTH,
        guard: GUARD_MS,
        current,
      },
    });
    type Input = { prefix: string; pump: string; suffix: string };
    type Slow = Input & { ms: number; regex: number };
    const slow: Slow[] = [];
    const result = await new Promise<{ slow: Slow[] } | { hung: Input & { regex: number } }>((resolve, reject) => {
      let last: Input | undefined;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        // One input hanging far past the guard: cut the worker off and say which input.
        timer = setTimeout(
          () => void w.terminate().then(() => resolve({ hung: { ...last!, regex: new Int32Array(current)[0] } })),
          30 * GUARD_MS,
        );
      };
      w.on('message', (m) => {
        if (m.done) {
          clearTimeout(timer);
          void w.terminate();
          resolve({ slow: m.slow });
        } else if (m.slow) slow.push(m.slow);
        else {
          last = m.running;
          arm();
        }
      });
      w.on('error', reject);
      arm();
    });
    const input = (x: Input) =>
      `${JSON.stringify(x.prefix)} + ${JSON.stringify(x.pump)} × ${PUMP_LENGTH} + ${JSON.stringify(x.suffix)}`;
    if ('hung' in result) slow.push({ ...result.hung, ms: Infinity });
    const offenders = slow.map(
      (x) => `${regexes[x.regex].where} /${regexes[x.regex].source}/: ${x.ms.toFixed(0)} ms on ${input(x)}`,
    );
    assert.deepEqual([...new Set(offenders.map((o) => o.split(': ')[0]))], [], offenders.join('\n'));
  },
);

// The hand-written scans that replaced backtracking regexes agree with those regexes on short strings.
test('scans that replaced super-linear regexes agree with the regexes on short strings', () => {
  const pieces = fc.constantFrom(
    ' ',
    '\t',
    ',',
    '[',
    ']',
    ':',
    '#',
    'a',
    'b',
    'category',
    '第',
    '\n',
    '-->',
    '<!--',
    'itaku',
    '-disable',
  );
  const text = fc.array(pieces, { maxLength: 12 }).map((p) => p.join(''));
  const OLD_VALUE = /^([^\s:#][^:]*):\s*(?:\[?\s*(?:[^,\]]*,\s*)*)?([^,\]\s]*)$/;
  const OLD_DIRECTIVE = /^<!--\s*(itaku(?:-disable)?\b[\s\S]*?)\s*-->\s*$/;
  fc.assert(
    fc.property(text, (s) => {
      assert.equal(keyOfValue(s), OLD_VALUE.exec(s)?.[1].trim(), JSON.stringify(s));
      assert.equal(withoutClosingHashes(s), s.replace(/\s*#+\s*$/, ''), JSON.stringify(s));
      assert.equal(directiveOf(s), OLD_DIRECTIVE.exec(s.trim())?.[1], JSON.stringify(s));
    }),
    { numRuns: 20_000 },
  );
});
