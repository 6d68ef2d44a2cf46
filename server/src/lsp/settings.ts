import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, type ItakuSettings } from '../protocol';

/** Per-resource `itaku.*` settings pulled from the client (workspace/configuration), cached. */
export class Settings {
  private readonly cache = new Map<string, Promise<ItakuSettings>>();
  supported = false;
  /** Used when the client cannot be asked (initializationOptions.settings). */
  fallback: ItakuSettings = DEFAULT_SETTINGS;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<ItakuSettings> {
    if (!this.supported) return Promise.resolve(this.fallback);
    let entry = this.cache.get(uri);
    if (!entry) {
      entry = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'itaku' })
        .then((value: Partial<ItakuSettings> | null) => sanitize(value))
        .catch(() => this.fallback);
      this.cache.set(uri, entry);
    }
    return entry;
  }

  forget(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }
}

const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Only known levels survive: a typo in settings.json must not drop or blank a diagnostic's severity. */
function severities(value: unknown): ItakuSettings['severity'] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(([, level]) => typeof level === 'string' && LEVELS.has(level)),
  );
}

export function sanitize(value: Partial<ItakuSettings> | null | undefined): ItakuSettings {
  const v = value ?? {};
  return {
    locale: v.locale === 'en' || v.locale === 'auto' ? v.locale : 'ja',
    catalog: typeof v.catalog === 'string' ? v.catalog.trim() : '',
    severity: severities(v.severity),
    maxFileSize: typeof v.maxFileSize === 'number' && v.maxFileSize > 0 ? v.maxFileSize : DEFAULT_SETTINGS.maxFileSize,
  };
}
