// Real VS Code for tests: code-server (VS Code's workbench over HTTP, from npm) in an isolated
// profile under .e2e-out/, driven by playwright-core through Debian's Chromium. Everything is
// waited for by polling the DOM or by events, never by fixed sleeps.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../support/catalog';

export const CACHE = path.join(ROOT, '.e2e-cache');
export const OUT = path.join(ROOT, '.e2e-out');
export const CODE_SERVER = path.join(CACHE, 'cs/node_modules/.bin/code-server');

const t0 = Date.now();
export const timings: Array<[string, number]> = [];
export function mark(label: string): void {
  const ms = Date.now() - t0;
  timings.push([label, ms]);
  process.stdout.write(`# e2e [${String(ms).padStart(6)} ms] ${label}\n`);
}

/** Installs the real-editor tools when absent (test/e2e/setup.sh). */
export function ensureTools(): void {
  if (
    existsSync(CODE_SERVER) &&
    commandExists('chromium') &&
    commandExists('nvim') &&
    commandExists('pandoc') &&
    commandExists('soffice') &&
    commandExists('pdftoppm') &&
    existsSync('/usr/share/fonts/opentype/ipafont-gothic') &&
    existsSync('/usr/share/fonts/opentype/ipafont-mincho')
  )
    return;
  const r = spawnSync('bash', [path.join(ROOT, 'test/e2e/setup.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('test/e2e/setup.sh failed');
}

export function commandExists(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Packages the extension (the same `vsce package` as `npm run package`) into .e2e-out/. */
export function packageVsix(): string {
  mkdirSync(OUT, { recursive: true });
  const vsix = path.join(OUT, 'itaku.vsix');
  const vsce = path.join(ROOT, 'node_modules/.bin/vsce');
  const r = spawnSync(
    vsce,
    [
      'package',
      '--no-dependencies',
      '--allow-missing-repository',
      '--no-rewrite-relative-links',
      '--readme-path',
      'client/out/README.md',
      '--out',
      vsix,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`vsce package failed: ${r.stdout}${r.stderr}`);
  return vsix;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

async function waitHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) =>
      http
        .get(url, (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        })
        .on('error', () => resolve(false)),
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${url}`);
}

export interface Session {
  dir: string;
  workspace: string;
  port: number;
  page: Page;
  browser: Browser;
  close(): Promise<void>;
  url(extra?: string): string;
}

export interface SessionOptions {
  name: string;
  files: Record<string, string>;
  settings?: Record<string, unknown>;
  /** Install this .vsix into the fresh profile. */
  vsix?: string;
  /** Or load an unpacked extension (and optionally run an extension-host test module). */
  payload?: Array<[string, string]>;
  /** Keep workspace trust on: the workspace opens untrusted (Restricted Mode), without a prompt. */
  untrusted?: boolean;
}

/** Starts code-server on a fresh profile and workspace, and Chromium on the workbench. */
/** The machine's headless Chromium, offline-minded (no background fetches), in Japanese. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=ja',
    ],
  });
}

export async function startSession(options: SessionOptions): Promise<Session> {
  const dir = path.join(OUT, options.name);
  rmSync(dir, { recursive: true, force: true });
  const workspace = path.join(dir, 'ws');
  const userData = path.join(dir, 'user-data');
  const extensions = path.join(dir, 'extensions');
  for (const d of [workspace, path.join(userData, 'User'), extensions, path.join(dir, 'tmp')])
    mkdirSync(d, { recursive: true });
  for (const [name, content] of Object.entries(options.files)) {
    mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    writeFileSync(path.join(workspace, name), content);
  }
  writeFileSync(
    path.join(userData, 'User/settings.json'),
    JSON.stringify(
      {
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'workbench.startupEditor': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'workbench.enableExperiments': false,
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': Boolean(options.untrusted),
        'security.workspace.trust.startupPrompt': 'never',
        'chat.commandCenter.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'editor.minimap.enabled': false,
        'markdown.validate.enabled': false,
        'git.enabled': false,
        'git.openRepositoryInParentFolders': 'never',
        ...options.settings,
      },
      null,
      1,
    ),
  );
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dir, 'xdg/config'),
    XDG_DATA_HOME: path.join(dir, 'xdg/data'),
    TMPDIR: path.join(dir, 'tmp'),
  };
  const common = [
    '--config',
    path.join(dir, 'code-server.yaml'),
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensions,
  ];
  if (options.vsix) {
    const r = spawnSync(CODE_SERVER, [...common, '--install-extension', options.vsix], { env, encoding: 'utf8' });
    if (r.status !== 0 || !readdirSync(extensions).some((e) => e.startsWith('itaku.itaku-')))
      throw new Error(`install-extension failed: ${r.stdout}${r.stderr}`);
    mark(`${options.name}: extension installed from the .vsix`);
  }
  const port = await freePort();
  const log = path.join(dir, 'code-server.log');
  const child: ChildProcess = spawn(
    CODE_SERVER,
    [
      ...common,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(options.untrusted ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      workspace,
    ],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const logChunks: Buffer[] = [];
  child.stdout!.on('data', (d: Buffer) => logChunks.push(d));
  child.stderr!.on('data', (d: Buffer) => logChunks.push(d));
  const kill = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  let browser: Browser | undefined;
  try {
    await waitHttp(`http://127.0.0.1:${port}/healthz`, 60000);
    mark(`${options.name}: code-server listening on :${port}`);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'ja-JP' });
    const url = (extra = '') => {
      let u = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
      if (options.payload)
        u += `&payload=${encodeURIComponent(JSON.stringify(options.payload.map(([k, v]) => [k, v.startsWith('/') ? `vscode-remote://127.0.0.1:${port}${v}` : v])))}`;
      return u + extra;
    };
    const session: Session = {
      dir,
      workspace,
      port,
      page,
      browser,
      url,
      async close() {
        writeFileSync(log, Buffer.concat(logChunks));
        await browser?.close().catch(() => undefined);
        kill();
      },
    };
    return session;
  } catch (e) {
    writeFileSync(log, Buffer.concat(logChunks));
    await browser?.close().catch(() => undefined);
    kill();
    throw e;
  }
}

/** Polls `check` until it returns a value (page state is only observable by looking). */
export async function poll<T>(
  what: string,
  check: () => Promise<T | undefined | false | null>,
  timeoutMs = 30000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Saves a screenshot of the page under .e2e-out/ when a step fails. */
export async function onFailure<T>(session: Session, name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    await session.page.screenshot({ path: path.join(session.dir, `FAILED-${name}.png`) }).catch(() => undefined);
    throw e;
  }
}
