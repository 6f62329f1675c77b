/**
 * The plan's schema errors (Ajv's) in a person's words: which field, what is wrong with it, and
 * what to write instead, at the key or the value that is wrong.
 */
import type { ErrorObject } from 'ajv';
import { closest } from './plan-checks.js';

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
function fieldName(p: Array<string | number>): string {
  if (p.length === 0) return 'the plan';
  return p.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function shownValue(v: unknown): string {
  const s =
    typeof v === 'string'
      ? JSON.stringify(v)
      : Array.isArray(v)
        ? 'a list'
        : v === null
          ? 'empty'
          : typeof v === 'object'
            ? 'a mapping'
            : String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  array: "a list (lines starting with '- ', or [a, b])",
  object: 'a mapping of keys (key: value)',
  integer: 'a whole number',
  number: 'a number',
};

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
  message: string;
  hint: string;
  /** Report at this path instead of the error's own (e.g. the unknown key itself). */
  path?: Array<string | number>;
  atKey?: boolean;
}

export function describeSchemaError(e: ErrorObject, p: Array<string | number>): Described {
  const field = fieldName(p);
  const value = shownValue(e.data);
  switch (e.keyword) {
    case 'required': {
      const missing = String(e.params.missingProperty);
      const where = p.length === 0 ? 'the plan' : field;
      return {
        message: `${where} lacks "${missing}"`,
        hint: `add ${missing}: under ${p.length === 0 ? 'the top level' : field} (plans/exit-plan.schema.json lists every key)`,
        atKey: true,
      };
    }
    case 'additionalProperties': {
      const unknown = String(e.params.additionalProperty);
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const near = closest(unknown, known);
      return {
        message: `unknown key "${unknown}" in ${field}`,
        hint: near
          ? `did you mean "${near}"?`
          : `check its spelling; the known keys here are ${known.filter((k) => k !== '$schema').join(', ')}`,
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
        message: `${field} is ${value}: it must be one of ${allowed.join(', ')}`,
        hint: near ? `did you mean ${near}?` : 'use one of the listed values',
      };
    }
    case 'const':
      if (p.length === 1 && p[0] === 'version')
        return {
          message: `version ${value} is not a plan version this exitkit reads`,
          hint: 'this exitkit reads plans of version 1: write version: 1, or use the exitkit that wrote this plan',
        };
      return {
        message: `${field} must be ${String(e.params.allowedValue)}`,
        hint: `write ${String(e.params.allowedValue)}`,
      };
    case 'type': {
      const want = String(e.params.type);
      const words = TYPE_WORDS[want] ?? want;
      if (want === 'boolean')
        return {
          message: `${field} is ${value}: it must be true or false`,
          hint: `write ${String(p.at(-1))}: true or ${String(p.at(-1))}: false (yes, no, on and off are text in YAML 1.2)`,
        };
      if (want === 'string' && (typeof e.data === 'number' || typeof e.data === 'boolean'))
        return {
          message: `${field} is the ${typeof e.data} ${value}: it must be text`,
          hint: `quote it: ${String(p.at(-1))}: "${String(e.data)}"`,
        };
      return { message: `${field} is ${value}: it must be ${words}`, hint: `write ${field} as ${words}` };
    }
    case 'pattern':
      if (/(^|\.)id$|^id$/.test(field) || p.at(-1) === 'id')
        return {
          message: `${field} is ${value}: it must use lowercase letters, digits and '-'`,
          hint: 'it is used in file names, e.g. acme-exit-2026 or fs01-backup',
        };
      if (p.at(-1) === 'currency')
        return {
          message: `${field} is ${value}: it must be an ISO 4217 code`,
          hint: 'e.g. CHF or EUR, in capitals',
        };
      if (p.at(-1) === 'fingerprint')
        return {
          message: `${field} is ${value}: it must be a key fingerprint (40 or 64 hex digits)`,
          hint: '`exitkit keys show KEY` or `gpg --fingerprint` prints it',
        };
      if (/(date|start|end|due)$/.test(String(p.at(-1))))
        return {
          message: `${field} is ${value}: it must be a date written YYYY-MM-DD`,
          hint: 'e.g. 2026-12-31',
        };
      return {
        message: `${field} is ${value}: it is not in the expected form`,
        hint: `it must match ${String(e.params.pattern)}`,
      };
    case 'anyOf': {
      const v = typeof e.data === 'string' ? e.data.trim() : e.data;
      if (typeof v === 'number' && v < 0)
        return {
          message: `${field} is ${value}: an amount cannot be negative`,
          hint: 'write the amount without a minus sign',
        };
      if (typeof v === 'string' && /^\d{1,3}([,' ]\d{3})+(\.\d+)?$/.test(v))
        return {
          message: `${field} is ${value}: an amount has no thousands separator`,
          hint: `write ${v.replace(/[,' ]/g, '')}`,
        };
      if (typeof v === 'string' && /^\d+,\d+$/.test(v))
        return {
          message: `${field} is ${value}: an amount uses a decimal point`,
          hint: `write ${v.replace(',', '.')}`,
        };
      return {
        message: `${field} is ${value}: it must be a decimal amount`,
        hint: 'write it like 4500 or 1200.50, without a currency sign or separators',
      };
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return { message: `${field} is ${value}: it cannot be negative`, hint: 'write 0 or more' };
    case 'minLength':
      return {
        message: `${field} is empty`,
        hint: `write a value for ${String(p.at(-1))}, or remove the key`,
      };
    case 'maxLength':
    case 'maxItems':
      return { message: `${field} is too long`, hint: 'shorten it' };
    default:
      return { message: `${field} ${e.message ?? 'is not valid'}`, hint: 'see plans/exit-plan.schema.json' };
  }
}
