#!/usr/bin/env node
/**
 * Makes the known-good bundle of test/fixtures/known-good/ (see its README.md): a tiny exit plan
 * with three small deliverables and a waived one, three THROWAWAY key pairs without passphrase,
 * and the bundle that this version of exitkit writes from them. Run once, committed; the test
 * test/docs/known-good.test.ts then reads it with today's code and with GnuPG, so that a change
 * of the bundle format cannot pass unnoticed. Running it again makes new keys and a new bundle
 * (other bytes): only do that on purpose, for a new format, and say so in the commit.
 *
 *   npm run build && node scripts/make-known-good.js
 */
import { spawnSync } from 'node:child_process';
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIR = path.join(ROOT, 'test', 'fixtures', 'known-good');
const BIN = path.join(ROOT, 'bin', 'run.js');
/** The sources' modification time, fixed: the tar headers carry it. */
const MTIME = new Date('2026-11-30T12:00:00Z');

const PARTIES = {
  client: { name: 'ACME SA', email: 'it@acme.example', file: 'acme' },
  outgoing: { name: 'InfoGest Sàrl', email: 'ops@infogest.example', file: 'infogest' },
  incoming: { name: 'NovaIT SA', email: 'handover@novait.example', file: 'novait' },
};

const EXPORTS = {
  // A non-ASCII name: the tar stores it with a PAX header, the manifest in NFC.
  'exports/docs/procédure de reprise.md':
    '# Procédure de reprise\n\n1. Restore the file server.\n2. Rotate every password.\n',
  'exports/configs/fw01.cfg': 'hostname fw01\ninterface port1\n ip 10.0.0.1/24\n',
  'exports/inventory/inventory.csv':
    'name,type,location,serial\nFS01,server,Fribourg,SN123\nFW01,firewall,Fribourg,SN456\n',
};

const PLAN = `# The known-good exit plan of test/fixtures/known-good (made by scripts/make-known-good.js).
version: 1
id: known-good
title: Known-good bundle of exitkit's test suite
language: en
contract:
  reference: TEST-0001
  end: 2026-12-31
  notice_days: 90
  reversibility: {start: 2026-10-01, end: 2026-12-31, assistance_days: 10}
parties:
${Object.entries(PARTIES)
  .map(
    ([role, p]) => `  ${role}: {name: ${p.name}, contact: ${p.email}, key: keys/throwaway-${p.file}.pub.asc}`,
  )
  .join('\n')}
deliverables:
  - id: runbook
    category: documentation
    title: Recovery procedure
    sources: [exports/docs]
    status: ready
    due: 2026-12-10
  - id: firewall-config
    category: configurations
    title: Firewall configuration
    sources: [exports/configs/fw01.cfg]
    status: ready
  - id: inventory
    category: inventory
    title: Inventory of covered equipment
    sources: [exports/inventory/inventory.csv]
    status: delivered
  - id: cad-licences
    category: other
    title: CAD licence server
    status: waived
    waiver: {reason: Licences end with the contract, approved_by: client, date: 2026-11-02}
`;

function exitkit(args) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: DIR, encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`exitkit ${args.join(' ')} failed (${r.status}):\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

for (const sub of ['exports', 'keys', 'out', 'plan.yaml'])
  await rm(path.join(DIR, sub), { recursive: true, force: true });
await mkdir(path.join(DIR, 'keys'), { recursive: true });
await mkdir(path.join(DIR, 'out'), { recursive: true });
await writeFile(path.join(DIR, 'plan.yaml'), PLAN);
for (const [rel, content] of Object.entries(EXPORTS)) {
  const abs = path.join(DIR, rel);
  await mkdir(path.dirname(abs), { recursive: true });
  await writeFile(abs, content);
  await utimes(abs, MTIME, MTIME);
}
for (const p of Object.values(PARTIES)) {
  exitkit([
    'keys',
    'generate',
    '--name',
    `${p.name} (THROWAWAY TEST KEY)`,
    '--email',
    p.email,
    '--out',
    `keys/throwaway-${p.file}`,
    '--no-passphrase',
  ]);
}
process.stdout.write(
  exitkit(['bundle', 'plan.yaml', '--out', 'out', '--signing-key', 'keys/throwaway-infogest.sec.asc']),
);
