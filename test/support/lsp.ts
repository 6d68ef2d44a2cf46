import { spawn, type ChildProcess } from 'node:child_process';
import { after, before } from 'node:test';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  ProgressType,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { ROOT } from './catalog';

export const SERVER = path.join(ROOT, 'server/out/server.js');

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Array<{
    code: string;
    severity: number;
    message: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    source: string;
    data?: Record<string, unknown>;
    codeDescription?: { href: string };
    relatedInformation?: unknown[];
  }>;
}

export const uriOf = (name: string) => pathToFileURL(path.join(ROOT, '.test-workspace', name)).toString();

/**
 * A minimal LSP client for protocol tests: spawns the bundled server over stdio and speaks LSP
 * (JSON-RPC framing from vscode-jsonrpc, raw LSP messages). Waits are event-driven.
 */
export class LspClient {
  readonly published: Published[] = [];
  readonly messages: Array<{ type: number; message: string }> = [];
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  settings: Record<string, unknown> = {};
  /** Settings for one document (scopeUri), when they differ from `settings`. */
  settingsFor?: (scopeUri: string | undefined) => Record<string, unknown> | undefined;
  private waiters: Array<() => void> = [];
  private exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
  }

  static async start(
    options: {
      initializationOptions?: unknown;
      configuration?: boolean;
      workspaceFolder?: string;
      snippetEdits?: boolean;
      /** The client takes server-initiated work-done progress (window/workDoneProgress/create). */
      workDoneProgress?: boolean;
      /** Extra environment for the server process (ITAKU_WORKERS, ITAKU_STEP_BUDGET_MS). */
      env?: Record<string, string>;
      /** The client resolves code actions' edits lazily (codeAction/resolve). */
      resolveEdits?: boolean;
      /** Node options for the server process (e.g. `--cpu-prof`, which NODE_OPTIONS refuses). */
      execArgv?: string[];
    } = {},
  ): Promise<LspClient> {
    const child = spawn(process.execPath, [...(options.execArgv ?? []), SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const client = new LspClient(child, connection);
    connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      client.published.push(p);
      client.wake();
    });
    connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      client.messages.push(p);
      client.wake();
    });
    connection.onNotification((method, params) => {
      client.notifications.push({ method, params });
      client.wake();
    });
    connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string; scopeUri?: string }> }) =>
      p.items.map((item) => client.settingsFor?.(item.scopeUri) ?? client.settings),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
      client.messages.push(p);
      client.wake();
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
      client.notifications.push({ method: 'window/workDoneProgress/create', params: p });
      // vscode-jsonrpc routes $/progress by token, not to the catch-all notification handler.
      connection.onProgress(new ProgressType<unknown>(), p.token, (value) => {
        client.notifications.push({ method: '$/progress', params: { token: p.token, value } });
        client.wake();
      });
      client.wake();
      return null;
    });
    connection.onRequest('workspace/applyEdit', (p: { edit: unknown }) => {
      client.notifications.push({ method: 'workspace/applyEdit', params: p });
      client.wake();
      return { applied: true };
    });
    connection.listen();
    const folder = options.workspaceFolder ?? pathToFileURL(path.join(ROOT, '.test-workspace')).toString();
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'ws' }],
      locale: 'ja',
      initializationOptions: options.initializationOptions,
      capabilities: {
        ...(options.workDoneProgress ? { window: { workDoneProgress: true } } : {}),
        workspace: {
          configuration: options.configuration ?? true,
          workspaceEdit: { documentChanges: true, ...(options.snippetEdits ? { snippetEditSupport: true } : {}) },
          didChangeConfiguration: { dynamicRegistration: true },
        },
        textDocument: {
          publishDiagnostics: {
            relatedInformation: true,
            versionSupport: true,
            codeDescriptionSupport: true,
            dataSupport: true,
          },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            isPreferredSupport: true,
            dataSupport: true,
            ...(options.resolveEdits ? { resolveSupport: { properties: ['edit'] } } : {}),
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  initializeResult: unknown;

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves when `predicate` holds, checked after every message from the server. */
  async until<T>(predicate: () => T | undefined | false, what: string, timeoutMs = 15000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The diagnostics published for `uri` at `version` (waits for them). */
  diagnosticsFor(uri: string, version: number): Promise<Published['diagnostics']> {
    return this.until(
      () => [...this.published].reverse().find((p) => p.uri === uri && p.version === version)?.diagnostics,
      `diagnostics for ${uri}@${version}`,
    );
  }

  open(uri: string, text: string, version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version, text },
    });
  }

  change(uri: string, version: number, contentChanges: unknown[]): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T = unknown>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }
}

/**
 * One server for a whole test file: started before its tests (handed to `use`), shut down after them.
 * `let client!: LspClient; serveFile((c) => (client = c));`
 */
export function serveFile(use: (client: LspClient) => void, options?: Parameters<typeof LspClient.start>[0]): void {
  let started: LspClient | undefined;
  before(async () => {
    started = await LspClient.start(options);
    use(started);
  });
  after(async () => {
    await started?.shutdown().catch(() => undefined);
  });
}
