// The document's own metadata: the custom properties a Word user sets under ファイル → 情報 →
// プロパティ → 詳細プロパティ → ユーザー設定 (docProps/custom.xml), read as DOM, never by pattern.

/** Custom properties itaku reads, by the name the user types in Word (Japanese or English). */
export const PROPERTY_KEYS = {
  document: ['文書種別', 'document'],
  category: ['業務分類', 'category'],
  organization: ['組織', 'organization'],
  甲: ['甲'],
  乙: ['乙'],
  options: ['オプション', 'options'],
} as const;

export type PropertyKey = keyof typeof PROPERTY_KEYS;

/** The value of each property found, with the exact name it had in the document. */
export type WordProperties = Partial<Record<PropertyKey, { name: string; value: string }>>;

const CUSTOM_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';

export function readCustomProperties(custom: Document | undefined): WordProperties {
  const out: WordProperties = {};
  if (!custom) return out;
  const props = custom.getElementsByTagNameNS(CUSTOM_NS, 'property');
  for (let i = 0; i < props.length; i++) {
    const name = (props[i].getAttribute('name') ?? '').trim();
    let value = '';
    for (let n = props[i].firstChild; n; n = n.nextSibling) if (n.nodeType === 1) value += n.textContent ?? '';
    for (const key of Object.keys(PROPERTY_KEYS) as PropertyKey[])
      if ((PROPERTY_KEYS[key] as readonly string[]).some((k) => k.toLowerCase() === name.toLowerCase()) && !out[key])
        out[key] = { name, value: value.trim() };
  }
  return out;
}

/** 業務分類 as a list: Word has no list property, so categories are separated by 、 , or ; (保守・点検 keeps its ・). */
export function splitCategories(value: string): string[] {
  return value
    .split(/[,、，;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
