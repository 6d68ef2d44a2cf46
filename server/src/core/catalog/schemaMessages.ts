import type { ErrorObject } from 'ajv';
import type { Locale } from '../messages';
import { catalogText, type CatalogTextKey } from './messages';

/** A short, localised sentence for one JSON Schema violation. */
export function describeSchemaError(error: ErrorObject, locale: Locale): string {
  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : '(root)';
  const p = error.params as Record<string, unknown>;
  const say = (key: CatalogTextKey, args: Record<string, string | number> = {}) =>
    catalogText(locale, key, { where, ...args });
  switch (error.keyword) {
    case 'required':
      return say('schemaRequired', { key: String(p.missingProperty) });
    case 'additionalProperties':
      return say('schemaAdditional', { key: String(p.additionalProperty) });
    case 'type':
      return say('schemaType', { type: typeName(String(p.type), locale) });
    case 'enum':
      return say('schemaEnum', { values: (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ') });
    case 'const':
      return say('schemaConst', { value: String(JSON.stringify(p.allowedValue)) });
    case 'pattern':
      return say('schemaPattern');
    case 'minLength':
      return say('schemaMinLength');
    case 'minItems':
    case 'minProperties':
      return say('schemaMinItems', { limit: String(p.limit) });
    case 'maxLength':
      return say('schemaMaxLength', { limit: String(p.limit) });
    case 'maxItems':
    case 'maxProperties':
      return say('schemaMaxItems', { limit: String(p.limit) });
    case 'oneOf':
    case 'anyOf': {
      const branches = Array.isArray(error.schema)
        ? (error.schema as Array<{ type?: string }>).map((b) => b.type).filter((x): x is string => Boolean(x))
        : [];
      if (branches.length)
        return say('schemaOneOfTypes', {
          types: branches.map((b) => typeName(b, locale)).join(catalogText(locale, 'typeOr')),
        });
      return say('schemaOneOf');
    }
    default:
      return `${where}: ${error.message ?? error.keyword}`;
  }
}

const TYPE_NAMES: Record<string, CatalogTextKey> = {
  string: 'typeString',
  boolean: 'typeBoolean',
  object: 'typeObject',
  array: 'typeArray',
  integer: 'typeInteger',
  number: 'typeNumber',
};

/** `string` → 文字列 / a string; `string,null` → 文字列またはnull (a name not in the table, such as null, as is). */
function typeName(type: string, locale: Locale): string {
  return type
    .split(',')
    .map((t) => (Object.hasOwn(TYPE_NAMES, t) ? catalogText(locale, TYPE_NAMES[t]) : t))
    .join(catalogText(locale, 'typeOr'));
}
