/**
 * Errors under --json carry a stable `code` (docs/FORMAT.md, "Errors"): one case per code that a
 * user can cause, end to end through the built CLI, with its exit code, and every error document
 * valid against docs/schemas/error.schema.json.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/core/errors.js';
import { exitkit, tempDir } from '../helpers/cli.js';
import { DEFAULT_DELIVERABLES, makeScenario, type Scenario } from '../helpers/scenario.js';
import { SCHEMAS, schemaErrors } from '../helpers/schemas.js';

let s: Scenario;
let manifest: string;

beforeAll(async () => {
  s = await makeScenario({ dir: await tempDir('exitkit-codes-'), passphrase: 'correct horse' });
  const r = await exitkit(['bundle', s.plan, '--out', s.out, '--signing-key', s.keys.outgoing.sec], {
    env: { EXITKIT_PASSPHRASE: 'correct horse' },
  });
  expect(r.code, r.stderr).toBe(0);
  manifest = path.join(s.out, `${s.id}.manifest.json`);
});

async function failing(
  args: string[],
  exit: number,
  env: Record<string, string> = {},
): Promise<{ code: string; message: string }> {
  const r = await exitkit([...args, '--json'], { env });
  expect(r.code, r.stdout + r.stderr).toBe(exit);
  const doc = JSON.parse(r.stdout) as { error: { code: string; message: string; exit: number } };
  expect(schemaErrors('error', doc)).toEqual([]);
  expect(doc.error.exit).toBe(exit);
  return doc.error;
}

describe('error codes under --json', () => {
  it('usage: an unknown flag', async () => {
    expect((await failing(['verify', manifest, '--bogus'], 2)).code).toBe('usage');
  });

  it('file_access: a manifest that does not exist', async () => {
    expect((await failing(['verify', path.join(s.dir, 'nope.manifest.json')], 2)).code).toBe('file_access');
  });

  it('signer_not_pinned: verify with neither --plan nor --signer', async () => {
    expect((await failing(['verify', manifest], 2)).code).toBe('signer_not_pinned');
  });

  it('plan_invalid: a plan that breaks the schema', async () => {
    const bad = path.join(s.dir, 'bad.yaml');
    await writeFile(bad, 'version: 1\nid: Not An Id\n');
    const e = await failing(['validate', bad], 2);
    expect(e.code).toBe('plan_invalid');
  });

  it('passphrase_missing and passphrase_wrong: a protected key without, then with a wrong passphrase', async () => {
    const args = ['verify', manifest, '--plan', s.plan, '--decryption-key', s.keys.incoming.sec];
    expect((await failing(args, 2)).code).toBe('passphrase_missing');
    const e = await failing(args, 2, { EXITKIT_PASSPHRASE: 'wrong horse' });
    expect(e.code).toBe('passphrase_wrong');
    expect(e.message).not.toContain('wrong horse');
  });

  it('key_wrong: decrypting with a key the archive was not encrypted to', async () => {
    const args = ['verify', manifest, '--plan', s.plan, '--decryption-key', s.keys.outgoing.sec];
    expect((await failing(args, 2, { EXITKIT_PASSPHRASE: 'correct horse' })).code).toBe('key_wrong');
  });

  it('key_invalid: a file that is not a key', async () => {
    const args = ['verify', manifest, '--plan', s.plan, '--decryption-key', s.plan];
    expect((await failing(args, 2)).code).toBe('key_invalid');
  });

  it('output_exists: bundling into a folder that holds a manifest of the plan that is no signed delivery', async () => {
    // A signed delivery there would make the next delivery (test/commands/deliveries.test.ts).
    const out = await tempDir('exitkit-codes-stray-');
    await writeFile(path.join(out, `${s.id}.manifest.json`), '{}\n');
    const args = ['bundle', s.plan, '--out', out, '--signing-key', s.keys.outgoing.sec];
    expect((await failing(args, 2, { EXITKIT_PASSPHRASE: 'correct horse' })).code).toBe('output_exists');
  });

  it('not_ready (exit 1): bundling a plan whose required deliverable is pending', async () => {
    const t = await makeScenario({
      dir: await tempDir('exitkit-codes-pending-'),
      deliverables: DEFAULT_DELIVERABLES.map((d) => (d.id === 'inventory' ? { ...d, status: 'pending' } : d)),
    });
    const e = await failing(['bundle', t.plan, '--out', t.out, '--signing-key', t.keys.outgoing.sec], 1);
    expect(e.code).toBe('not_ready');
  });

  it('the schema knows exactly the codes the code knows', async () => {
    const schema = JSON.parse(await readFile(path.join(SCHEMAS, 'error.schema.json'), 'utf8')) as {
      properties: { error: { properties: { code: { enum: string[] } } } };
    };
    expect(schema.properties.error.properties.code.enum).toEqual([...ERROR_CODES]);
    expect(schemaErrors('error', { error: { code: 'oops', message: 'x', exit: 2 } })).not.toEqual([]);
  });
});
