/**
 * The check of a plan against its JSON schema (plans/exit-plan.schema.json). Compiling the schema
 * is most of what reading a plan costs at start-up, so the build compiles it once
 * (scripts/compile-plan-schema.js writes Ajv's standalone code to plan-schema.cjs beside this
 * module) and a command loads that. Where it is missing or was made from other bytes than the
 * schema's (the tests run the sources; a schema edited since the build), Ajv compiles the schema
 * here, with the same options: the same check either way.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Options, ValidateFunction } from 'ajv';

export const SCHEMA_PATH = fileURLToPath(new URL('../../../plans/exit-plan.schema.json', import.meta.url));

/** Where the build writes the compiled check. */
export const COMPILED_SCHEMA_PATH = fileURLToPath(new URL('./plan-schema.cjs', import.meta.url));

/** Every problem, not just the first; the failing schema in each error (plan-schema-words.ts). */
export const AJV_OPTIONS: Options = { allErrors: true, strict: false, verbose: true };

/** The SHA-256 (hex) of the schema's bytes: the compiled check names the schema it was made from. */
export function schemaDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

type Compiled = ValidateFunction & { schemaSha256?: string };

let validator: ValidateFunction | undefined;

/** The plan's schema check: the build's, when it was made from the schema as it is; else compiled now. */
export async function schemaValidator(): Promise<ValidateFunction> {
  if (validator) return validator;
  const bytes = await readFile(SCHEMA_PATH);
  const built = existsSync(COMPILED_SCHEMA_PATH)
    ? (createRequire(import.meta.url)(COMPILED_SCHEMA_PATH) as Compiled)
    : undefined;
  if (built?.schemaSha256 === schemaDigest(bytes)) return (validator = built);
  const { Ajv } = await import('ajv');
  return (validator = new Ajv(AJV_OPTIONS).compile(JSON.parse(bytes.toString('utf8')) as object));
}
