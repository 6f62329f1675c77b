/**
 * The plan's schema errors (Ajv's) in a person's words: which field, what is wrong with it, and
 * what to write instead, at the key or the value that is wrong.
 */
import type { ErrorObject } from 'ajv';
import { closest } from './plan-checks.js';
import type { Messages, Text } from './i18n/terminal/index.js';

/** Ajv reports every branch of an anyOf; keep one readable error per place and cause. */
export function dedupeSchemaErrors(errors: ErrorObject[]): ErrorObject[] {
  const anyOfAt = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const kept = new Map<string, ErrorObject>();
  for (const e of errors) {
    // The branches of an anyOf are reported at the same place, or under it: the anyOf says it all.
    if (
      e.keyword !== 'anyOf' &&
      [...anyOfAt].some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`))
    )
      continue;
    const id = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (!kept.has(id)) kept.set(id, e);
  }
  return [...kept.values()];
}

/** `deliverables[0].id`, as a person reads it. */
function fieldName(p: Array<string | number>, m: Messages): string {
  if (p.length === 0) return m.schema.thePlan;
  return p.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function shownValue(v: unknown, m: Messages): string {
  const s =
    typeof v === 'string'
      ? JSON.stringify(v)
      : Array.isArray(v)
        ? m.schema.value.list
        : v === null
          ? m.schema.value.empty
          : typeof v === 'object'
            ? m.schema.value.mapping
            : String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** The JSON Schema types that have words of their own (the catalogs' `schema.type`). */
const TYPES = ['string', 'boolean', 'array', 'object', 'integer', 'number'] as const;
type SchemaType = (typeof TYPES)[number];

function typeWords(want: string, m: Messages): string {
  return (TYPES as readonly string[]).includes(want) ? m.schema.type[want as SchemaType] : want;
}

/** Words people use for the fixed families (backups, passwords and access...), mapped to the category that holds them. */
const CATEGORY_WORDS: Record<string, string> = {
  passwords: 'credentials',
  password: 'credentials',
  access: 'credentials',
  accounts: 'credentials',
  secrets: 'credentials',
  data: 'backups',
  docs: 'documentation',
  procedures: 'documentation',
  runbooks: 'documentation',
  equipment: 'inventory',
  assets: 'inventory',
  licences: 'other',
  licenses: 'other',
};

interface Described {
  message: Text;
  hint: Text;
  /** Report at this path instead of the error's own (e.g. the unknown key itself). */
  path?: Array<string | number>;
  atKey?: boolean;
}

/** A message about the field at `p` and its value, in the words of a catalog. */
type About = (say: (m: Messages) => (field: string, value: string) => string) => Text;

export function describeSchemaError(e: ErrorObject, p: Array<string | number>): Described {
  const about: About = (say) => (m) => say(m)(fieldName(p, m), shownValue(e.data, m));
  const key = String(p.at(-1));
  switch (e.keyword) {
    case 'required': {
      const missing = String(e.params.missingProperty);
      return {
        message: (m) => m.schema.lacks(fieldName(p, m), missing),
        hint: (m) => m.schema.lacksHint(missing, p.length === 0 ? undefined : fieldName(p, m)),
        atKey: true,
      };
    }
    case 'additionalProperties': {
      const unknown = String(e.params.additionalProperty);
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const near = closest(unknown, known);
      const listed = known.filter((k) => k !== '$schema').join(', ');
      return {
        message: (m) => m.schema.unknownKey(unknown, fieldName(p, m)),
        hint: near ? (m) => m.schema.didYouMeanQuoted(near) : (m) => m.schema.checkSpelling(listed),
        path: [...p, unknown],
        atKey: true,
      };
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const given = typeof e.data === 'string' ? e.data.toLowerCase() : '';
      const near =
        CATEGORY_WORDS[given] && allowed.includes(CATEGORY_WORDS[given])
          ? CATEGORY_WORDS[given]
          : closest(given, allowed);
      return {
        message: about((m) => (f, v) => m.schema.oneOf(f, v, allowed)),
        hint: near ? (m) => m.schema.didYouMean(near) : (m) => m.schema.useListed,
      };
    }
    case 'const': {
      const allowedValue = String(e.params.allowedValue);
      if (p.length === 1 && p[0] === 'version')
        return {
          message: about((m) => (_f, v) => m.schema.version(v)),
          hint: (m) => m.schema.versionHint,
        };
      return {
        message: (m) => m.schema.mustBe(fieldName(p, m), allowedValue),
        hint: (m) => m.schema.write(allowedValue),
      };
    }
    case 'type': {
      const want = String(e.params.type);
      if (want === 'boolean')
        return {
          message: about((m) => (f, v) => m.schema.notBoolean(f, v)),
          hint: (m) => m.schema.booleanHint(key),
        };
      if (want === 'string' && (typeof e.data === 'number' || typeof e.data === 'boolean')) {
        const kind = typeof e.data === 'number' ? 'number' : 'boolean';
        const raw = String(e.data);
        return {
          message: about((m) => (f, v) => m.schema.notText(f, kind, v)),
          hint: (m) => m.schema.quoteIt(key, raw),
        };
      }
      return {
        message: about((m) => (f, v) => m.schema.wrongType(f, v, typeWords(want, m))),
        hint: (m) => m.schema.wrongTypeHint(fieldName(p, m), typeWords(want, m)),
      };
    }
    case 'pattern': {
      if (p.at(-1) === 'id')
        return { message: about((m) => m.schema.badId), hint: (m) => m.schema.badIdHint };
      if (p.at(-1) === 'currency')
        return { message: about((m) => m.schema.badCurrency), hint: (m) => m.schema.badCurrencyHint };
      if (p.at(-1) === 'fingerprint')
        return { message: about((m) => m.schema.badFingerprint), hint: (m) => m.schema.badFingerprintHint };
      if (/(date|start|end|due)$/.test(key))
        return { message: about((m) => m.schema.badDate), hint: (m) => m.schema.badDateHint };
      const pattern = String(e.params.pattern);
      return { message: about((m) => m.schema.badForm), hint: (m) => m.schema.badFormHint(pattern) };
    }
    case 'anyOf': {
      if (e.schemaPath.includes('/label/'))
        return { message: about((m) => m.schema.badLabel), hint: (m) => m.schema.badLabelHint };
      const v = typeof e.data === 'string' ? e.data.trim() : e.data;
      if (typeof v === 'number' && v < 0)
        return { message: about((m) => m.schema.negativeAmount), hint: (m) => m.schema.negativeAmountHint };
      if (typeof v === 'string' && /^\d{1,3}([,' ]\d{3})+(\.\d+)?$/.test(v)) {
        const plain = v.replace(/[,' ]/g, '');
        return { message: about((m) => m.schema.thousands), hint: (m) => m.schema.write(plain) };
      }
      if (typeof v === 'string' && /^\d+,\d+$/.test(v)) {
        const point = v.replace(',', '.');
        return { message: about((m) => m.schema.decimalComma), hint: (m) => m.schema.write(point) };
      }
      return { message: about((m) => m.schema.notAmount), hint: (m) => m.schema.notAmountHint };
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return { message: about((m) => m.schema.negative), hint: (m) => m.schema.negativeHint };
    case 'minLength':
      return { message: (m) => m.schema.empty(fieldName(p, m)), hint: (m) => m.schema.emptyHint(key) };
    case 'uniqueItems':
      return { message: (m) => m.schema.twice(fieldName(p, m)), hint: (m) => m.schema.twiceHint };
    case 'maxLength':
    case 'maxItems':
      return { message: (m) => m.schema.tooLong(fieldName(p, m)), hint: (m) => m.schema.tooLongHint };
    default: {
      const said = e.message;
      return {
        message: (m) => m.schema.invalid(fieldName(p, m), said),
        hint: (m) => m.schema.seeSchema,
      };
    }
  }
}
