// Diagnostics for an older version of a draft are never shown. vscode-languageclient ignores the
// `version` of textDocument/publishDiagnostics and sets whatever arrives; when the server answers
// version n while the author has already typed n+1, n+2 (their didChange still on the way), the
// ranges of n land on the newer text: squiggles on blank lines, a YAML error already fixed. This
// handler drops such a publish (the shown diagnostics, which VS Code moves along with each edit,
// stay until the current version's arrive), and a conversion overtaken by a newer publish.
// Pure (no vscode import) so it is unit-tested.

export interface PublishParams<D> {
  uri: string;
  version?: number | null;
  diagnostics: D[];
}

export interface FreshDiagnosticsHost<D, C> {
  /** The version the editor has now, undefined when the document is not open. */
  currentVersion(uri: string): number | undefined;
  convert(diagnostics: D[]): Promise<C[]>;
  set(uri: string, diagnostics: C[]): void;
}

/** Is a publish for `version` out of date for a document now at `current`? (No version: never.) */
export function isStale(version: number | null | undefined, current: number | undefined): boolean {
  return typeof version === 'number' && typeof current === 'number' && version < current;
}

export class FreshDiagnostics<D, C> {
  private readonly sequence = new Map<string, number>();

  constructor(private readonly host: FreshDiagnosticsHost<D, C>) {}

  /** Handles one publish; resolves to whether its diagnostics were shown. */
  async handle(params: PublishParams<D>): Promise<boolean> {
    const n = (this.sequence.get(params.uri) ?? 0) + 1;
    this.sequence.set(params.uri, n);
    if (isStale(params.version, this.host.currentVersion(params.uri))) return false;
    const converted = await this.host.convert(params.diagnostics);
    // A newer publish came meanwhile, or the author typed on: this one is no longer the truth.
    if (this.sequence.get(params.uri) !== n || isStale(params.version, this.host.currentVersion(params.uri)))
      return false;
    this.host.set(params.uri, converted);
    return true;
  }
}
