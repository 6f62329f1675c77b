/**
 * Part of `npm run build`: compiles the plan's JSON schema once, to Ajv's standalone code
 * (dist/io/plan/plan-schema.cjs), so that a command that reads a plan loads the check instead of
 * compiling the schema at every start (src/io/plan/plan-schema.ts, which falls back to compiling
 * when this file is missing or was made from another schema).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { AJV_OPTIONS, COMPILED_SCHEMA_PATH, SCHEMA_PATH, schemaDigest } from '../dist/io/plan/plan-schema.js';

const bytes = readFileSync(SCHEMA_PATH);
const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
const code = standaloneCode(ajv, ajv.compile(JSON.parse(bytes.toString('utf8'))));
writeFileSync(
  COMPILED_SCHEMA_PATH,
  `${code}\nmodule.exports.schemaSha256 = ${JSON.stringify(schemaDigest(bytes))};\n`,
);
