// Every value that reaches a terminal or a CI log comes from a draft, a catalog or a file name:
// none may move the cursor, set a title, clear the screen or start a new line (where a CI runner
// would read `::error …` as a workflow command).

/** C0 and C1 controls, DEL, the Unicode line and paragraph separators and bidirectional overrides. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character and line break written as a visible escape (`\n`, `\u001b`). */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (c) =>
    c === '\n'
      ? '\\n'
      : c === '\r'
        ? '\\r'
        : c === '\t'
          ? '\\t'
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A finished output line that cannot be read as a GitHub Actions workflow command (`::name …::`). */
export function notACommand(line: string): string {
  return /^\s*::/.test(line) ? line.replace('::', '\\u003a:') : line;
}
