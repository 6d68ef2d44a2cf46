import type { ErrorObject } from 'ajv';
import type { Locale } from '../messages';

/** A short, localised sentence for one JSON Schema violation. */
export function describeSchemaError(error: ErrorObject, locale: Locale): string {
  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : '(root)';
  const p = error.params as Record<string, unknown>;
  const ja = locale === 'ja';
  switch (error.keyword) {
    case 'required':
      return ja
        ? `${where}: 必須のキー「${p.missingProperty}」がありません。`
        : `${where}: missing required key "${p.missingProperty}".`;
    case 'additionalProperties':
      return ja
        ? `${where}: 不明なキー「${p.additionalProperty}」です。`
        : `${where}: unknown key "${p.additionalProperty}".`;
    case 'type':
      return ja
        ? `${where}: 型が違います（${typeName(String(p.type), ja)}が必要です）。`
        : `${where}: must be ${typeName(String(p.type), ja)}.`;
    case 'enum':
      return ja
        ? `${where}: 値は ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} のいずれかです。`
        : `${where}: must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'const':
      return ja
        ? `${where}: 値は ${JSON.stringify(p.allowedValue)} です。`
        : `${where}: must be ${JSON.stringify(p.allowedValue)}.`;
    case 'pattern':
      return ja
        ? `${where}: 形式が違います（英小文字・数字・ハイフンの id）。`
        : `${where}: must be an id of lower-case letters, digits and hyphens.`;
    case 'minLength':
      return ja ? `${where}: 空にできません。` : `${where}: must not be empty.`;
    case 'minItems':
    case 'minProperties':
      return ja ? `${where}: 少なくとも ${p.limit} 個必要です。` : `${where}: needs at least ${p.limit} entries.`;
    case 'maxLength':
      return ja
        ? `${where}: 長すぎます（${p.limit} 文字まで）。`
        : `${where}: too long (at most ${p.limit} characters).`;
    case 'maxItems':
    case 'maxProperties':
      return ja ? `${where}: 多すぎます（${p.limit} 個まで）。` : `${where}: too many entries (at most ${p.limit}).`;
    case 'oneOf':
    case 'anyOf': {
      const branches = Array.isArray(error.schema)
        ? (error.schema as Array<{ type?: string }>).map((b) => b.type).filter((x): x is string => Boolean(x))
        : [];
      if (branches.length) {
        const names = branches.map((b) => typeName(b, ja)).join(ja ? 'または' : ' or ');
        return ja ? `${where}: ${names}にしてください。` : `${where}: must be ${names}.`;
      }
      return ja ? `${where}: どの形式にも合いません。` : `${where}: does not match any allowed form.`;
    }
    default:
      return `${where}: ${error.message ?? error.keyword}`;
  }
}

function typeName(type: string, ja: boolean): string {
  const names: Record<string, [string, string]> = {
    string: ['文字列', 'a string'],
    boolean: ['真偽値（true/false）', 'true or false'],
    object: ['マッピング（キー: 値）', 'a mapping (key: value)'],
    array: ['リスト', 'a list'],
    integer: ['整数', 'an integer'],
    number: ['数値', 'a number'],
    null: ['null', 'null'],
  };
  return type
    .split(',')
    .map((t) => names[t]?.[ja ? 0 : 1] ?? t)
    .join(ja ? 'または' : ' or ');
}
