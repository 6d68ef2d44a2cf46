import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './catalog';

export const CLI = path.join(ROOT, 'server/out/cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI (built by `npm test` before the tests run). */
export function runCli(args: string[], cwd = ROOT, env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
