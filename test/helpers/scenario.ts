/**
 * A small, complete exit in a temporary folder: a plan, the three parties' key pairs and a few
 * exports in every family. Used by the bundle, verify and extract tests and by the demo.
 *
 *   const s = await makeScenario({ dir: await tempDir() });
 *   await exitkit(['bundle', s.plan, '--out', s.out, '--signing-key', s.keys.outgoing.sec]);
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { generateKeyPair } from '../../src/io/openpgp/keys.js';

export type PartyRole = 'client' | 'outgoing' | 'incoming';

export interface ScenarioKey {
  /** Absolute paths of the armored public and private key files. */
  pub: string;
  sec: string;
  fingerprint: string;
  /** The passphrase protecting `sec`, if any. */
  passphrase?: string;
}

export interface DeliverableSpec {
  id: string;
  category: 'backups' | 'credentials' | 'configurations' | 'documentation' | 'inventory' | 'other';
  title: string;
  sources?: string[];
  status?: 'pending' | 'ready' | 'delivered' | 'waived';
  required?: boolean;
  due?: string;
  waiver?: { reason: string; approved_by: string; date?: string };
  checks?: Record<string, unknown>;
}

export interface Scenario {
  /** The scenario's folder; the plan sits at its root. */
  dir: string;
  /** Absolute path of the plan file (plan.yaml). */
  plan: string;
  id: string;
  keys: Record<PartyRole, ScenarioKey>;
  /** An empty output folder for a bundle (dir/out). */
  out: string;
  /** Every export written, by path relative to dir. */
  files: string[];
  /** Removes the folder (when the caller did not give one it cleans itself). */
  cleanup(): Promise<void>;
}

export interface ScenarioOptions {
  /** Where to build it (default: a new temporary folder). */
  dir?: string;
  id?: string;
  /** Protect the three private keys with this passphrase (default: none). */
  passphrase?: string;
  /** Armored keys made elsewhere (e.g. by GnuPG) to use instead of generating them. */
  keys?: Partial<Record<PartyRole, { publicKey: string; secretKey: string; fingerprint: string }>>;
  /** Replaces the default deliverables. */
  deliverables?: DeliverableSpec[];
  /** Replaces the default exports: path relative to dir -> content. */
  exports?: Record<string, string | Uint8Array>;
  /** More exports written beside the default ones. */
  extraExports?: Record<string, string | Uint8Array>;
}

/** A KeePass 2 (KDBX 4) file as it starts: its signature and version, then opaque bytes. */
const KDBX = Buffer.concat([
  Buffer.from([0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5, 0x00, 0x00, 0x04, 0x00]),
  Buffer.from('encrypted vault bytes\n'),
]);

/** Exports that pass every check of `walk`: a realistic, ready handover. */
export const DEFAULT_EXPORTS: Record<string, string | Uint8Array> = {
  'exports/backups/fs01-2026-12-01.vbk': 'VBK backup image of FS01\n'.repeat(200),
  'exports/vault/handover.kdbx': KDBX,
  'exports/configs/fw01.cfg': 'hostname fw01\ninterface port1\n ip 10.0.0.1/24\n',
  'exports/configs/sw01.cfg': 'hostname sw01\nvlan 10 name users\n',
  'exports/docs/runbook.md': '# Runbook\n\nRestart the backup job every Sunday.\n',
  'exports/docs/interventions.log': '2026-11-02 restarted the backup job on FS01\n',
  'exports/inventory/inventory.csv':
    'name,type,location,serial\nFS01,server,Fribourg,SN123\nFW01,firewall,Fribourg,SN456\n',
};

export const DEFAULT_DELIVERABLES: DeliverableSpec[] = [
  {
    id: 'fs01-backup',
    category: 'backups',
    title: 'Full backup of the file server FS01',
    sources: ['exports/backups/fs01-*.vbk'],
    status: 'ready',
    due: '2026-12-10',
  },
  {
    id: 'm365-admin',
    category: 'credentials',
    title: 'Microsoft 365 global admin and break-glass accounts',
    sources: ['exports/vault/handover.kdbx'],
    status: 'ready',
  },
  {
    id: 'network-configs',
    category: 'configurations',
    title: 'Firewall and switch configurations',
    sources: ['exports/configs'],
    status: 'ready',
  },
  {
    id: 'runbooks',
    category: 'documentation',
    title: 'Runbooks and intervention log',
    sources: ['exports/docs'],
    status: 'delivered',
  },
  {
    id: 'inventory',
    category: 'inventory',
    title: 'Inventory of covered equipment',
    sources: ['exports/inventory/inventory.csv'],
    status: 'ready',
  },
  {
    id: 'cad-licences',
    category: 'other',
    title: 'CAD licence server',
    status: 'waived',
    waiver: { reason: 'Licences end with the contract', approved_by: 'client', date: '2026-11-02' },
  },
];

const PARTIES: Record<PartyRole, { name: string; contact: string; file: string }> = {
  client: { name: 'ACME SA', contact: 'it@acme.example', file: 'acme' },
  outgoing: { name: 'InfoGest Sàrl', contact: 'ops@infogest.example', file: 'infogest' },
  incoming: { name: 'NovaIT SA', contact: 'handover@novait.example', file: 'novait' },
};

/** `exitkit bundle` of the scenario into `out` (its own out folder by default), signed by the outgoing key. */
export const bundleArgs = (s: Scenario, out = s.out): string[] => [
  'bundle',
  s.plan,
  '--out',
  out,
  '--signing-key',
  s.keys.outgoing.sec,
];

export async function makeScenario(opts: ScenarioOptions = {}): Promise<Scenario> {
  const own = opts.dir === undefined;
  const dir = opts.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'exitkit-scenario-')));
  const id = opts.id ?? 'acme-exit-2026';
  await mkdir(path.join(dir, 'keys'), { recursive: true });
  await mkdir(path.join(dir, 'out'), { recursive: true });

  const roles: PartyRole[] = ['client', 'outgoing', 'incoming'];
  const made = await Promise.all(
    roles.map(async (role) => {
      const given = opts.keys?.[role];
      if (given) return given;
      const k = await generateKeyPair({
        name: PARTIES[role].name,
        email: PARTIES[role].contact,
        type: 'curve25519',
        ...(opts.passphrase ? { passphrase: opts.passphrase } : {}),
      });
      return { publicKey: k.publicKey, secretKey: k.privateKey, fingerprint: k.fingerprint };
    }),
  );
  const keys = {} as Record<PartyRole, ScenarioKey>;
  for (const [i, role] of roles.entries()) {
    const k = made[i]!;
    const pub = path.join(dir, 'keys', `${PARTIES[role].file}.pub.asc`);
    const sec = path.join(dir, 'keys', `${PARTIES[role].file}.sec.asc`);
    await writeFile(pub, k.publicKey);
    await writeFile(sec, k.secretKey, { mode: 0o600 });
    keys[role] = {
      pub,
      sec,
      fingerprint: k.fingerprint.toUpperCase(),
      ...(opts.passphrase && !opts.keys?.[role] ? { passphrase: opts.passphrase } : {}),
    };
  }

  const exports = { ...(opts.exports ?? DEFAULT_EXPORTS), ...(opts.extraExports ?? {}) };
  for (const [rel, content] of Object.entries(exports)) {
    const abs = path.join(dir, rel);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }

  const plan = {
    version: 1,
    id,
    title: "Reversibility of ACME SA's IT services",
    language: 'en',
    contract: {
      reference: 'INF-2021-014',
      end: '2026-12-31',
      notice_days: 90,
      reversibility: { start: '2026-10-01', end: '2026-12-31', assistance_days: 10 },
    },
    parties: Object.fromEntries(
      roles.map((role) => [
        role,
        {
          name: PARTIES[role].name,
          contact: PARTIES[role].contact,
          key: `keys/${PARTIES[role].file}.pub.asc`,
        },
      ]),
    ),
    deliverables: (opts.deliverables ?? DEFAULT_DELIVERABLES).map((d) => ({ sources: [], ...d })),
    compensation: {
      currency: 'CHF',
      vat_percent: 8.1,
      rounding: 0.05,
      fees: [
        { label: 'Reversibility fee', amount: 4500 },
        { label: 'Transition assistance', quantity: 10, unit: 'day', unit_price: 1200 },
      ],
      penalties: { missing_required: 500, late_per_day: 50, cap_percent: 10 },
      final_payment: { amount: 15000 },
    },
  };
  const planFile = path.join(dir, 'plan.yaml');
  await writeFile(planFile, `# exit plan made by test/helpers/scenario.ts\n${stringify(plan)}`);

  return {
    dir,
    plan: planFile,
    id,
    keys,
    out: path.join(dir, 'out'),
    files: Object.keys(exports),
    cleanup: async () => {
      if (own) await rm(dir, { recursive: true, force: true });
    },
  };
}
