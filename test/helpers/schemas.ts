/**
 * The JSON Schemas of docs/schemas/ (draft 2020-12), compiled once with ajv and its formats:
 *
 *   expect(schemaErrors('manifest', JSON.parse(text))).toEqual([]);
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
export const SCHEMAS = fileURLToPath(new URL('../../docs/schemas', import.meta.url));

// ajv-formats is CommonJS: its default export is the function under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
addFormats(ajv);
for (const file of readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json')))
  ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8')) as object);

export type SchemaName = 'manifest' | 'receipt' | 'attestation' | 'verify-output' | 'error';

/** Every violation of the schema in words ("/deliverables/0/files/0/digest: must match pattern ..."); [] when valid. */
export function schemaErrors(name: SchemaName, doc: unknown): string[] {
  const validate = ajv.getSchema(`https://exitkit.example/schemas/${name}.schema.json`);
  if (!validate) throw new Error(`no schema ${name}`);
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}
