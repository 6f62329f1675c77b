import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVerificationFile } from '../../src/io/verification.js';

const good = {
  ok: true,
  manifest: { file: 'x.manifest.json', sha256: 'a'.repeat(64), planId: 'x', created: '2026-12-09T16:00:00Z' },
  signature: { valid: true, fingerprint: 'F'.repeat(40) },
  archive: { ok: true, file: 'x.tar.pgp', present: true, size: 10, digest: 'b'.repeat(64) },
  complete: true,
  missing: [],
  decrypted: false,
  deliverables: [{ id: 'd', status: 'ready', required: true, delivered: true, intact: null, faults: [] }],
  faults: [],
  verifiedAt: '2026-12-20T10:00:00.000Z',
};

async function file(content: unknown): Promise<string> {
  const f = path.join(await mkdtemp(path.join(os.tmpdir(), 'exitkit-verification-')), 'v.json');
  await writeFile(f, typeof content === 'string' ? content : JSON.stringify(content));
  return f;
}

describe('readVerificationFile (acknowledge and the documents)', () => {
  it('reads what verify --json wrote, for this manifest', async () => {
    const f = await file(good);
    await expect(
      readVerificationFile(f, { file: 'x.manifest.json', sha256: 'a'.repeat(64) }),
    ).resolves.toEqual(good);
  });

  it('refuses the verification of another manifest, an error object, and a partial shape', async () => {
    const f = await file(good);
    await expect(
      readVerificationFile(f, { file: 'y.manifest.json', sha256: 'c'.repeat(64) }),
    ).rejects.toThrow(`the verification ${f} is not of the manifest y.manifest.json`);
    await expect(readVerificationFile(await file({ error: { message: 'x' } }))).rejects.toThrow(
      /it records an error/,
    );
    const { decrypted: _, ...noDecrypted } = good;
    await expect(readVerificationFile(await file(noDecrypted))).rejects.toThrow(/decrypted is missing/);
    await expect(readVerificationFile(await file('{'))).rejects.toThrow(/it is not JSON/);
  });
});
