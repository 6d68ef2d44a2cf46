// The project configuration file `.itaku.yaml` (schemas/itaku-config.schema.json): parsed and
// checked here, from text; finding and reading it is the CLI's and the server's (server/src/io).
import Ajv from 'ajv';
import picomatch from 'picomatch';
import configSchema from '../../../schemas/itaku-config.schema.json';
import type { Catalog } from './catalog/compile';
import { capProblems, readYamlData, schemaProblems, type CatalogProblem } from './catalog/load';
import { catalogText } from './catalog/messages';
import { DIAGNOSTIC_CODES, type Diagnostic } from './findings';
import type { FrontMatterInfo } from './frontmatter';
import type { Locale } from './messages';
import { closestValues } from './suggest';
import { keyNodeAt, nodeSpan } from './yamlPositions';

export const CONFIG_FILE_NAME = '.itaku.yaml';

export type SeverityLevel = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** Front-matter values a draft gets when it does not give them itself. */
export interface FrontMatterDefaults {
  /**
   * Document type and categories for Word documents whose properties do not give them (a glob in
   * `overrides` maps a folder of vendors' .docx files to them). Markdown drafts say them in their
   * front matter, which these never replace.
   */
  document?: string;
  /** A string or a list in the file; read as a list. */
  category?: string | string[];
  organization?: string;
  parties?: Record<string, string>;
  options?: Record<string, string | boolean | string[]>;
}

interface Section {
  catalog?: string;
  severity?: Record<string, SeverityLevel>;
  defaults?: FrontMatterDefaults;
}

export interface ProjectConfig extends Section {
  locale?: 'ja' | 'en';
  ignores?: string[];
  /** Per-glob settings (later entries win), like eslint's `overrides`. */
  overrides?: Array<Section & { files: string[] }>;
}

export type ProjectConfigResult = { ok: true; config: ProjectConfig } | { ok: false; problems: CatalogProblem[] };

let validate: ReturnType<Ajv['compile']> | undefined;

/** Parses and checks the text of a `.itaku.yaml`; every problem has its position in the file. */
export function parseProjectConfig(text: string, locale: Locale = 'ja'): ProjectConfigResult {
  let read;
  try {
    read = readYamlData(text, locale, 'configTooDeep');
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const zero = { line: 0, character: 0 };
    return {
      ok: false,
      problems: [
        {
          message: catalogText(locale, 'configTooDeep'),
          path: '',
          range: { start: zero, end: zero },
        },
      ],
    };
  }
  if (!read.ok) return read;
  const { doc, at } = read;
  const data = read.data ?? {};
  validate ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(configSchema);
  if (!validate(data)) {
    // A list or mapping over its cap (100,000 overrides) is the one thing to say: the errors of its
    // entries would be a problem per entry.
    const errors = validate.errors ?? [];
    const tooMany = errors.filter((e) => e.keyword === 'maxItems' || e.keyword === 'maxProperties');
    return { ok: false, problems: schemaProblems(doc, tooMany.length ? tooMany : errors, at, locale) };
  }
  const config = data as ProjectConfig;
  const problems: CatalogProblem[] = [];
  const checkCodes = (severity: Record<string, string> | undefined, path: Array<string | number>) => {
    for (const code of Object.keys(severity ?? {})) {
      if ((DIAGNOSTIC_CODES as readonly string[]).includes(code)) continue;
      const [guess] = closestValues(code, DIAGNOSTIC_CODES, 1);
      const span = nodeSpan(keyNodeAt(doc, path, code)) ?? [0, 0];
      problems.push({
        message: catalogText(locale, 'unknownCode', {
          code,
          hint: guess ? catalogText(locale, 'codeDidYouMean', { guess }) : '',
        }),
        path: [...path, code].join('/'),
        range: at(span[0], span[1]),
      });
    }
  };
  checkCodes(config.severity, ['severity']);
  config.overrides?.forEach((o, i) => checkCodes(o.severity, ['overrides', i, 'severity']));
  return problems.length ? { ok: false, problems: capProblems(problems, locale) } : { ok: true, config };
}

/** What a configuration says for one file. */
export interface FileConfig {
  /** The catalog path as written (relative to the configuration file's folder). */
  catalog?: string;
  locale?: 'ja' | 'en';
  severity: Record<string, SeverityLevel>;
  defaults: FrontMatterDefaults;
  /** The file matches `ignores`: it is not checked. */
  ignored: boolean;
}

const matchers = new WeakMap<string[], (path: string) => boolean>();
function matches(globs: string[], relativePath: string): boolean {
  let m = matchers.get(globs);
  if (!m) matchers.set(globs, (m = picomatch(globs, { dot: true })));
  return m(relativePath);
}

/** The settings of `config` for the file at `relativePath` (from the configuration's folder, `/`-separated). */
export function configForFile(config: ProjectConfig, relativePath: string): FileConfig {
  const out: FileConfig = {
    catalog: config.catalog,
    locale: config.locale,
    severity: { ...config.severity },
    defaults: mergeDefaults({}, config.defaults),
    ignored: Boolean(config.ignores?.length && matches(config.ignores, relativePath)),
  };
  for (const o of config.overrides ?? []) {
    if (!matches(o.files, relativePath)) continue;
    if (o.catalog) out.catalog = o.catalog;
    Object.assign(out.severity, o.severity);
    out.defaults = mergeDefaults(out.defaults, o.defaults);
  }
  return out;
}

function mergeDefaults(a: FrontMatterDefaults, b: FrontMatterDefaults | undefined): FrontMatterDefaults {
  if (!b) return a;
  const document = b.document ?? a.document;
  const category = b.category ?? a.category;
  return {
    ...(document !== undefined ? { document } : {}),
    ...(category !== undefined ? { category: typeof category === 'string' ? [category] : category } : {}),
    ...((b.organization ?? a.organization) !== undefined ? { organization: b.organization ?? a.organization } : {}),
    ...(a.parties || b.parties ? { parties: { ...a.parties, ...b.parties } } : {}),
    ...(a.options || b.options ? { options: { ...a.options, ...b.options } } : {}),
  };
}

/** The front matter with the defaults for what it does not give (the draft's own values win). */
export function withFrontMatterDefaults(
  fm: FrontMatterInfo,
  defaults: FrontMatterDefaults | undefined,
  catalog: Catalog,
): FrontMatterInfo {
  if (!defaults) return fm;
  const options = { ...fm.options };
  for (const [k, v] of Object.entries(defaults.options ?? {}))
    if (!Object.hasOwn(options, k)) options[k] = typeof v === 'string' ? (catalog.optionValueOf(k, v) ?? v) : v;
  return {
    ...fm,
    organization: fm.organization ?? defaults.organization,
    parties: { ...defaults.parties, ...fm.parties },
    options,
  };
}

/** Severity overrides applied to core diagnostics ('off' drops one), as the server applies them. */
export function applySeverity(diagnostics: Diagnostic[], overrides: Record<string, SeverityLevel>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const o = Object.hasOwn(overrides, d.code) ? overrides[d.code] : undefined;
    if (o === 'off') continue;
    out.push(o ? { ...d, severity: o } : d);
  }
  return out;
}
