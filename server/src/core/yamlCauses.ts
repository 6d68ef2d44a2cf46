// The usual reasons a hand-written front matter is not YAML, found line by line so the message
// can say what to change and point at the right line (the yaml library's own messages are
// English and an indentation error lands on the line above). Used only when yaml reports errors.

/** How far YAML aliases may expand when a front matter, a catalog or a .itaku.yaml is read (a "billion laughs" is refused). */
export const MAX_YAML_ALIASES = 100;

/** The yaml library's refusal of an alias bomb (its message is English: itaku says it in the user's language). */
export function isAliasBomb(e: unknown): boolean {
  return e instanceof ReferenceError && e.message.startsWith('Excessive alias count');
}

export type YamlCause =
  'full-width-colon' | 'tab' | 'indent' | 'unclosed-bracket' | 'unclosed-quote' | 'no-space-after-colon';

export interface YamlCauseAt {
  cause: YamlCause;
  /** Offsets in the YAML text. */
  start: number;
  end: number;
  /** The bracket or quote left open, for the message. */
  char?: string;
}

// A key: an optional `- `, then a plain scalar without colons (the same in the three patterns).
const FULL_WIDTH_COLON = /^([ ]*(?:-[ ]+)?[^\s:：#"'[\]{}|>,-][^:：#]*?)：/;
const NO_SPACE = /^([ ]*(?:-[ ]+)?[^\s:：#"'[\]{}|>,-][^:：#]*?):(?=[^\s:/])/;
const KEY_START_NOT = /[\s:：#"'[\]{}|>,-]/;

/**
 * A `key: value` line — an optional `- `, a plain key without colons, `:` and a space — as
 * [line, indent, value], read by a scan (the equivalent regex backtracks: issue 12).
 */
function keyValue(line: string): [string, string, string] | undefined {
  let i = 0;
  while (line[i] === ' ') i++;
  const indent = line.slice(0, i);
  if (line[i] === '-' && line[i + 1] === ' ') {
    i++;
    while (line[i] === ' ') i++;
  }
  if (i >= line.length || KEY_START_NOT.test(line[i])) return undefined;
  let j = i;
  while (j < line.length && line[j] !== ':' && line[j] !== '：' && line[j] !== '#') j++;
  if (line[j] !== ':' || line[j + 1] !== ' ') return undefined;
  let k = j + 1;
  while (line[k] === ' ') k++;
  const value = line.slice(k);
  return value.includes('\n') || value.includes('\r') ? undefined : [line, indent, value];
}

/** A value without its trailing ` # comment` (a scan). */
function withoutComment(value: string): string {
  for (let i = 1; i < value.length; i++) {
    if (value[i] === '#' && /\s/.test(value[i - 1])) return value.slice(0, i).trimEnd();
  }
  return value;
}

export function yamlCauses(yaml: string): YamlCauseAt[] {
  const out: YamlCauseAt[] = [];
  const lines: Array<{ text: string; at: number }> = [];
  for (let at = 0, re = /\r\n|\r|\n/g; ;) {
    const m = re.exec(yaml);
    const end = m ? m.index : yaml.length;
    lines.push({ text: yaml.slice(at, end), at });
    if (!m) break;
    at = m.index + m[0].length;
  }
  // The indentation and value of the last key line, to tell a wrongly indented key.
  let previous: { indent: number; hasValue: boolean } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const { text, at } = lines[i];
    if (!text.trim() || /^\s*#/.test(text)) continue;
    const tab = /^[ ]*\t/.exec(text);
    if (tab) {
      out.push({ cause: 'tab', start: at + tab[0].length - 1, end: at + tab[0].length });
      continue;
    }
    const indent = /^ */.exec(text)![0].length;
    const full = FULL_WIDTH_COLON.exec(text);
    if (full && !/:[ ]/.test(full[1])) {
      out.push({ cause: 'full-width-colon', start: at + full[1].length, end: at + full[1].length + 1 });
      previous = { indent, hasValue: true };
      continue;
    }
    const noSpace = NO_SPACE.exec(text);
    if (noSpace) {
      out.push({ cause: 'no-space-after-colon', start: at + noSpace[1].length, end: at + noSpace[1].length + 1 });
      previous = { indent, hasValue: true };
      continue;
    }
    if (previous && previous.hasValue && indent > previous.indent && !/^\s*-\s/.test(text)) {
      out.push({ cause: 'indent', start: at, end: at + indent });
      continue;
    }
    const kv = keyValue(text);
    if (kv) {
      const value = withoutComment(kv[2]);
      const valueAt = at + text.length - kv[2].length;
      const quote = /^["']/.exec(value);
      if (quote && !closesQuote(value, quote[0])) {
        out.push({ cause: 'unclosed-quote', start: valueAt, end: valueAt + 1, char: quote[0] });
      } else if (/^[[{]/.test(value)) {
        // A flow collection may go on over more lines; unclosed when no later line closes it.
        let depth = 0;
        let j = i;
        for (let rest = value; ; rest = lines[j].text) {
          depth += balance(rest);
          if (depth <= 0 || j + 1 >= lines.length) break;
          const next = lines[j + 1].text;
          if (next.trim() && /^ */.exec(next)![0].length <= indent) break;
          j++;
        }
        if (depth > 0) out.push({ cause: 'unclosed-bracket', start: valueAt, end: valueAt + 1, char: value[0] });
      }
      previous = { indent, hasValue: value !== '' && !/^[|>]/.test(value) };
    } else previous = { indent, hasValue: !/:\s*$/.test(text) };
  }
  return out;
}

function closesQuote(value: string, q: string): boolean {
  for (let i = 1; i < value.length; i++) {
    if (q === '"' && value[i] === '\\') i++;
    else if (value[i] === q) {
      if (q === "'" && value[i + 1] === "'") i++;
      else return true;
    }
  }
  return false;
}

function balance(s: string): number {
  let d = 0;
  let quote = '';
  for (const c of s) {
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') d++;
    else if (c === ']' || c === '}') d--;
  }
  return d;
}
