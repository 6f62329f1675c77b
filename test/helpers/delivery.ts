/**
 * A verified delivery of a scenario, as the document and receipt tests need it: the bundle signed
 * by the outgoing provider, and what `verify --decryption-key --json` said of it, kept in
 * <scenario>/verification.json.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { exitkit } from './cli.js';
import type { Scenario } from './scenario.js';

/** Verifies the manifest with the incoming provider's key; returns the verification file. */
export async function verifyToFile(s: Scenario, manifest: string): Promise<string> {
  const v = await exitkit([
    'verify',
    manifest,
    '--plan',
    s.plan,
    '--decryption-key',
    s.keys.incoming.sec,
    '--json',
  ]);
  expect(v.code, v.stderr).toBe(0);
  const file = path.join(s.dir, 'verification.json');
  await writeFile(file, v.stdout);
  return file;
}

/** Bundles the scenario into its out/ folder and verifies it. */
export async function verifiedBundle(s: Scenario): Promise<{ manifest: string; verification: string }> {
  const b = await exitkit(['bundle', s.plan, '--out', s.out, '--signing-key', s.keys.outgoing.sec]);
  expect(b.code, b.stderr).toBe(0);
  const manifest = path.join(s.out, `${s.id}.manifest.json`);
  return { manifest, verification: await verifyToFile(s, manifest) };
}
