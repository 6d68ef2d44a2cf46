// Step 2 of reading the front matter: the plain values of the keys itaku reads, option names and
// values resolved against the catalog, then checked with the catalog's JSON Schema (Ajv), each
// error mapped back to its YAML node. Values that fail are dropped, so resolution sees only valid ones.
import Ajv, { type ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Catalog } from '../catalog/compile';
import { describeSchemaError } from '../catalog/schemaMessages';
import { frontMatterSchema } from '../frontmatterSchema';
import { messages } from '../messages';
import { closestValues } from '../suggest';
import { pointerSteps } from '../yamlPositions';
import { isAliasBomb, MAX_YAML_ALIASES } from '../yamlCauses';
import type { Structure } from './parse';
import type { Reading } from './types';

/** Plain (JSON) values of the canonical keys. */
export type PlainValues = Record<string, unknown>;

const validators = new WeakMap<Catalog, ValidateFunction>();

function validatorFor(catalog: Catalog): ValidateFunction {
  let v = validators.get(catalog);
  if (!v) {
    v = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true }).compile(
      frontMatterSchema(catalog.def),
    );
    validators.set(catalog, v);
  }
  return v;
}

/** The valid plain values, or undefined when a value cannot be converted (an alias bomb: unreadable). */
export function validValues(r: Reading, s: Structure): PlainValues | undefined {
  const plain: PlainValues = {};
  for (const [key, pair] of s.pairs) {
    try {
      plain[key] = pair.value ? (pair.value as YamlNode).toJS(s.doc, { maxAliasCount: MAX_YAML_ALIASES }) : null;
    } catch (e) {
      const at = s.span(pair.value) ?? r.fenceSpan;
      r.findings.push({
        code: 'frontmatter-yaml',
        severity: 'error',
        message: isAliasBomb(e)
          ? messages.frontMatterTooManyAliases(r.locale, MAX_YAML_ALIASES)
          : messages.frontMatterYaml(r.locale, (e as Error).message),
        start: at[0],
        end: at[1],
      });
      return undefined;
    }
  }
  resolveOptions(r, s, plain);
  // An empty value is the same as no value (missing-category says what to do).
  for (const key of Object.keys(plain)) if (plain[key] === null) delete plain[key];
  validate(r, s, plain);
  return plain;
}

/** Option values by their catalog ids (aliases resolved, lists split); unknown options are noted and dropped. */
function resolveOptions(r: Reading, s: Structure, plain: PlainValues): void {
  const { catalog } = r;
  if (!plain.options || typeof plain.options !== 'object' || Array.isArray(plain.options)) return;
  const opts = plain.options as Record<string, unknown>;
  const listed = new Set(Object.keys(opts));
  for (const [name, value] of Object.entries(opts)) {
    const def = catalog.def.options[name];
    const keySpan = s.span(s.optionPairs.get(name)?.key) ?? r.fenceSpan;
    if (!def) {
      const suggestion = closestValues(name, Object.keys(catalog.def.options), 1)[0];
      r.info.unknownKeys.push({ name, span: keySpan, option: true, suggestion });
      delete opts[name];
      continue;
    }
    if (def.type === 'enum' && typeof value === 'string') opts[name] = catalog.optionValueOf(name, value) ?? value;
    if (def.type === 'clause-list' && typeof value === 'string') opts[name] = value.split(/[,、，\s]+/).filter(Boolean);
  }
  // A key the plain object lost (`__proto__` sets a prototype instead of a property) is unknown too.
  for (const [name, pair] of s.optionPairs) {
    if (listed.has(name) || Object.hasOwn(catalog.def.options, name)) continue;
    r.info.unknownKeys.push({ name, span: s.span(pair.key) ?? r.fenceSpan, option: true });
  }
}

/** Schema errors as frontmatter-invalid findings on their nodes; the failing values are dropped. */
function validate(r: Reading, s: Structure, plain: PlainValues): void {
  const check = validatorFor(r.catalog);
  if ((check as (data: unknown) => boolean)(plain)) return;
  const invalid = new Set<string>();
  const all = check.errors ?? [];
  // Where anyOf failed, its branches' own errors are noise: keep the anyOf one.
  const alternatives = new Set(
    all.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath),
  );
  const errors = all.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf' || !alternatives.has(e.instancePath));
  for (const error of errors) {
    const steps = pointerSteps(error.instancePath);
    invalid.add(steps.slice(0, 2).join('/'));
    let node: unknown = s.pairs.get(steps[0])?.value;
    if (steps[0] === 'options' && steps[1]) node = s.optionPairs.get(steps[1])?.value;
    else if (steps.length > 1) node = nodeAtPath(node, steps.slice(1)) ?? node;
    const at = s.span(node) ?? s.span(s.pairs.get(steps[0])?.key) ?? r.fenceSpan;
    const message = describeSchemaError({ ...error, instancePath: error.instancePath }, r.locale);
    if (!r.findings.some((f) => f.code === 'frontmatter-invalid' && f.start === at[0] && f.message === message)) {
      r.findings.push({ code: 'frontmatter-invalid', severity: 'error', message, start: at[0], end: at[1] });
    }
  }
  for (const key of invalid) {
    const [top, sub] = key.split('/');
    if (top === 'options' && sub) delete (plain.options as Record<string, unknown>)[sub];
    else delete plain[top];
  }
}

function nodeAtPath(node: unknown, steps: string[]): unknown {
  let current: unknown = node;
  for (const step of steps) {
    if (isMap(current))
      current = current.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === step)?.value;
    else if (isSeq(current)) current = current.items[Number(step)];
    else return undefined;
  }
  return current;
}
