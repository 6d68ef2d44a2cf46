// Finding and reading `.itaku.yaml` for a draft, shared by the CLI and the server so both read
// it identically: search upward from the draft's folder to `stopAt` (the workspace folder) or the
// filesystem root; the nearest file wins; paths in it are relative to its folder.
import { lstatSync, statSync } from 'node:fs';
import * as path from 'node:path';
import {
  type CatalogProblem,
  CONFIG_FILE_NAME,
  configForFile,
  type FileConfig,
  type Locale,
  parseProjectConfig,
  type ProjectConfigResult,
} from '../core';
import { ioText } from './messages';
import { readTextFile } from './catalogFiles';

/**
 * Is there a `.itaku.yaml` at `candidate`? A regular file, and also anything else by that name that
 * the user meant as one — a FIFO, a device (a symlink to /dev/zero), a folder, a symlink loop or a
 * dangling symlink: that one is found too, so that reading it says why it cannot be used (it was
 * passed over in silence, and the folder above's file, or none, applied instead).
 */
function configAt(candidate: string): boolean {
  try {
    statSync(candidate);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return true;
    if (code !== 'ENOENT') return false;
  }
  try {
    return lstatSync(candidate).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The nearest `.itaku.yaml` above `dir` (inclusive), not above `stopAt`. */
export function findConfigFile(dir: string, stopAt?: string): string | undefined {
  let current = path.resolve(dir);
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (configAt(candidate)) return candidate;
    const parent = path.dirname(current);
    if (current === stop || parent === current) return undefined;
    current = parent;
  }
}

/**
 * Largest `.itaku.yaml` read. The longest the schema allows (1,000 overrides, 100 parties, 1,000
 * options) is a few hundred KB; 8 MB of overrides took about 10 s to parse before the schema
 * refused them, 1 MB about 1 s.
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface DraftConfig {
  /** The configuration file that applies, if any. */
  file?: string;
  /** Its problems when it cannot be used (then nothing in it applies). */
  problems?: CatalogProblem[];
  /** Why it could not be read at all (a device, a FIFO, a folder, too large, not UTF-8 …), when so. */
  unreadable?: string;
  settings?: FileConfig;
  /** The catalog it names, as an absolute path. */
  catalogFile?: string;
}

/** A configuration file's content, or its problems; `unreadable` says why it could not be read at all. */
export type ConfigRead = ProjectConfigResult | { ok: false; problems: CatalogProblem[]; unreadable?: string };

/** Configuration files read once per version (mtime and size). */
export class ProjectConfigs {
  private readonly cache = new Map<string, { mtimeMs: number; size: number; locale: Locale; result: ConfigRead }>();

  /** Folder (and search limit) → its nearest configuration file: the server forgets it when one changes. */
  private readonly found = new Map<string, string | undefined>();

  /** What the nearest configuration says for the draft `file` (absolute). */
  forDraft(file: string, locale: Locale, stopAt?: string): DraftConfig {
    const dir = path.dirname(file);
    const key = `${dir}\u0000${stopAt ?? ''}`;
    if (!this.found.has(key)) this.found.set(key, findConfigFile(dir, stopAt));
    const configFile = this.found.get(key);
    if (!configFile) return {};
    const result = this.load(configFile, locale);
    if (!result.ok)
      return {
        file: configFile,
        problems: result.problems,
        ...('unreadable' in result && result.unreadable !== undefined ? { unreadable: result.unreadable } : {}),
      };
    const base = path.dirname(configFile);
    const relative = path.relative(base, file).split(path.sep).join('/');
    const settings = configForFile(result.config, relative);
    return {
      file: configFile,
      settings,
      ...(settings.catalog ? { catalogFile: path.resolve(base, settings.catalog) } : {}),
    };
  }

  load(file: string, locale: Locale): ConfigRead {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      stat = undefined;
    }
    const cached = this.cache.get(file);
    if (stat && cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size && cached.locale === locale)
      return cached.result;
    const text = readTextFile(file, locale, MAX_CONFIG_BYTES);
    const zero = { line: 0, character: 0 };
    const result: ConfigRead = text.ok
      ? parseProjectConfig(text.text, locale)
      : {
          ok: false,
          unreadable: text.message,
          problems: [
            {
              message: ioText(locale, 'configUnreadable', { reason: text.message }),
              path: '',
              range: { start: zero, end: zero },
            },
          ],
        };
    if (stat) this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, locale, result });
    return result;
  }

  forget(): void {
    this.cache.clear();
    this.found.clear();
  }
}
