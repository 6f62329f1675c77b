import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AJV_OPTIONS, SCHEMA_PATH, schemaDigest } from '../../../src/io/plan/plan-schema.js';
import { ROOT } from '../../helpers/cli.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** Every plan the tests hold, parsed (a file YAML refuses is left out: the schema never sees it). */
async function plans(): Promise<Array<{ file: string; data: unknown }>> {
  const files = [
    ...(await readdir(path.join(FIXTURES, 'bad-plans'))).map((f) => path.join(FIXTURES, 'bad-plans', f)),
    path.join(FIXTURES, 'known-good', 'plan.yaml'),
    path.join(ROOT, 'plans', 'acme-exit-2026.yaml'),
    path.join(ROOT, 'plans', 'durand-exit-2026.yaml'),
  ];
  const out: Array<{ file: string; data: unknown }> = [];
  for (const file of files) {
    try {
      out.push({ file, data: parse(await readFile(file, 'utf8'), { logLevel: 'silent' }) });
    } catch {
      // Not YAML: the parser's own error, before any schema.
    }
  }
  return out;
}

// The build compiles the plan's schema once (scripts/compile-plan-schema.js): commands load that
// check instead of compiling at every start. It must be the schema's check, error for error.
describe("the build's compiled plan check", () => {
  it('is made from the schema as it is, and says what Ajv compiling the schema says', async () => {
    const built = createRequire(import.meta.url)(
      path.join(ROOT, 'dist', 'io', 'plan', 'plan-schema.cjs'),
    ) as ValidateFunction & { schemaSha256: string };
    const bytes = await readFile(SCHEMA_PATH);
    expect(built.schemaSha256).toBe(schemaDigest(bytes));
    const compiled = new Ajv(AJV_OPTIONS).compile(JSON.parse(bytes.toString('utf8')) as object);
    const all = await plans();
    expect(all.length).toBeGreaterThan(20);
    let refused = 0;
    for (const { file, data } of all) {
      const verdict = compiled(data);
      if (!verdict) refused++;
      expect(built(data), file).toBe(verdict);
      expect(built.errors ?? null, file).toEqual(compiled.errors ?? null);
    }
    expect(refused).toBeGreaterThan(5);
  });
});
