// The Problems panel's code link opens the code's page rendered: VS Code opens a `command:` link of
// a diagnostic code through its opener with commands allowed (Problems panel, hover, peek), and
// itaku.showRuleDoc shows docs/rules/<code>.md in the built-in Markdown preview. Pure (no vscode).

/** A diagnostic code as a page name, or undefined (nothing from outside becomes a path). */
export function ruleDocCode(code: unknown): string | undefined {
  return typeof code === 'string' && /^[a-z]+(?:-[a-z]+)*$/.test(code) && code.length <= 64 ? code : undefined;
}

/** `command:itaku.showRuleDoc?["missing-clause"]`, percent-encoded. */
export function ruleDocCommandUri(code: string): string | undefined {
  const name = ruleDocCode(code);
  return name ? `command:itaku.showRuleDoc?${encodeURIComponent(JSON.stringify([name]))}` : undefined;
}
