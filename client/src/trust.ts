// Workspace trust, enforced on the client side too: whatever VS Code's configuration service does
// with restricted settings, the server never receives a workspace's own catalog path while the
// workspace is untrusted. Pure (no vscode import) so it is unit-tested.

export interface ConfigurationItem {
  section?: string;
  scopeUri?: string;
}

/** Where each `itaku.catalog` value came from, as `WorkspaceConfiguration.inspect` reports it. */
export interface CatalogOrigins {
  globalValue?: string;
  workspaceValue?: string;
  workspaceFolderValue?: string;
}

/**
 * The answers to a `workspace/configuration` request with the catalog path a user set for
 * themselves (or none) in place of a workspace's value when the workspace is not trusted.
 */
export function restrictCatalog(
  items: readonly ConfigurationItem[],
  answers: unknown[],
  trusted: boolean,
  originsFor: (scopeUri?: string) => CatalogOrigins | undefined,
  onRefused: (userValue: string) => void = () => undefined,
): unknown[] {
  if (trusted) return answers;
  return answers.map((answer, i) => {
    if (items[i]?.section !== 'itaku' || !answer || typeof answer !== 'object') return answer;
    const origins = originsFor(items[i].scopeUri);
    let catalog = typeof origins?.globalValue === 'string' ? origins.globalValue.trim() : '';
    // A relative user path would be resolved inside the untrusted folder, which could then choose
    // the catalog: refused (the built-in catalog is used, and the user is told).
    if (catalog && !isAbsolutePath(catalog)) {
      onRefused(catalog);
      catalog = '';
    }
    return { ...(answer as Record<string, unknown>), catalog };
  });
}

/** Absolute on POSIX (`/…`, `~` is not expanded and so not absolute) or Windows (`C:\…`, `\\server\…`). */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/**
 * Does a settings file (`.vscode/settings.json` or a `.code-workspace` file, JSON with comments)
 * set `itaku.catalog`? VS Code hides restricted values from `inspect()` in Restricted Mode, so the
 * notice that the setting is ignored reads the file itself. Comments are skipped; strings are kept.
 */
export function setsCatalog(settingsText: string): boolean {
  let code = '';
  for (let i = 0; i < settingsText.length; i++) {
    const c = settingsText[i];
    if (c === '"') {
      const start = i;
      for (i++; i < settingsText.length && settingsText[i] !== '"'; i++) if (settingsText[i] === '\\') i++;
      code += settingsText.slice(start, i + 1);
    } else if (c === '/' && settingsText[i + 1] === '/') {
      while (i < settingsText.length && settingsText[i] !== '\n') i++;
    } else if (c === '/' && settingsText[i + 1] === '*') {
      const end = settingsText.indexOf('*/', i + 2);
      i = end < 0 ? settingsText.length : end + 1;
    } else code += c;
  }
  return /"itaku\.catalog"\s*:\s*"[^"]*\S[^"]*"/.test(code);
}
