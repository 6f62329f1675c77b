/**
 * Plain data for the checklist and compensation tests: a plan (as loadPlan returns it, amounts as
 * written), and manifest and verification objects built by hand with the shapes of
 * src/core/manifest.ts, so these tests do not depend on `bundle` or `verify`; and the folder the
 * command-line tests render documents from.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Manifest, ManifestDeliverable, Verification } from '../../src/core/manifest.js';
import type { Deliverable, ExitPlan } from '../../src/core/plan.js';
import { tempDir } from './cli.js';

export function deliverable(
  d: Partial<Deliverable> & Pick<Deliverable, 'id' | 'category' | 'title'>,
): Deliverable {
  return { required: true, owner: 'outgoing', sources: [], checks: {}, status: 'ready', ...d };
}

/** The SPEC's example plan: fees CHF 4500 + 10 days × 1200, VAT 8.1 %, step 0.05. */
export function examplePlan(over: Partial<ExitPlan> = {}): ExitPlan {
  return {
    version: 1,
    id: 'acme-exit-2026',
    title: "Reversibility of ACME SA's IT services",
    language: 'fr',
    contract: {
      reference: 'INF-2021-014',
      end: '2026-12-31',
      notice_days: 90,
      reversibility: { start: '2026-10-01', end: '2026-12-31', assistance_days: 10 },
    },
    parties: {
      client: { name: 'ACME SA', contact: 'it@acme.example' },
      outgoing: { name: 'InfoGest Sàrl', contact: 'ops@infogest.example' },
      incoming: { name: 'NovaIT SA', contact: 'handover@novait.example' },
    },
    deliverables: [
      deliverable({
        id: 'fs01-backup',
        category: 'backups',
        title: 'Full backup of the file server FS01',
        due: '2026-12-10',
        sources: ['exports/backups/fs01-*.vbk'],
      }),
      deliverable({
        id: 'm365-admin',
        category: 'credentials',
        title: 'Microsoft 365 global admin and break-glass accounts',
        due: '2026-12-10',
        sources: ['exports/vault/handover.kdbx'],
      }),
      deliverable({ id: 'runbooks', category: 'documentation', title: 'Runbooks', due: '2026-12-15' }),
      deliverable({
        id: 'cad-licences',
        category: 'other',
        title: 'CAD licence server',
        status: 'waived',
        waiver: { reason: 'Licences end with the contract', approved_by: 'client', date: '2026-11-02' },
      }),
    ],
    compensation: {
      currency: 'CHF',
      vat_percent: '8.1',
      rounding: '0.05',
      fees: [
        { label: 'Reversibility fee', amount: '4500' },
        { label: 'Transition assistance', quantity: '10', unit: 'day', unit_price: '1200' },
      ],
      penalties: { treatment: 'indemnity', missing_required: '500', late_per_day: '50', cap_percent: '10' },
      final_payment: {
        amount: '15000',
        release_when: ['decrypted_verification', 'complete', 'no_open_reserves'],
      },
    },
    allow_external_sources: false,
    ...over,
  };
}

const HEX = (c: string, n = 128) => c.repeat(n);

/** A manifest for `plan` created at `created`, with every deliverable delivered except `missing`. */
export function manifestFor(plan: ExitPlan, created: string, missing: string[] = []): Manifest {
  const deliverables: ManifestDeliverable[] = plan.deliverables.map((d, i) => {
    const delivered = d.status !== 'waived' && !missing.includes(d.id);
    const files = delivered
      ? [
          {
            path: `data/${d.category}/${d.id}/${d.id}-export.bin`,
            size: 1024 * (i + 1),
            digest: HEX(String.fromCharCode(97 + i)),
          },
        ]
      : [];
    return {
      id: d.id,
      title: d.title,
      category: d.category,
      required: d.required,
      status: d.status,
      ...(d.due ? { due: d.due } : {}),
      ...(d.waiver ? { waiver: d.waiver } : {}),
      delivered,
      files,
      bytes: files.reduce((a, f) => a + f.size, 0),
    };
  });
  const miss = plan.deliverables
    .filter((d) => d.required && d.status !== 'waived' && missing.includes(d.id))
    .map((d) => d.id);
  return {
    format: 'exitkit-manifest/1',
    plan: {
      id: plan.id,
      title: plan.title,
      file: 'plan.yaml',
      sha256: HEX('f', 64),
      contract: plan.contract.reference,
    },
    parties: {
      client: { name: plan.parties.client.name, fingerprint: HEX('1', 40) },
      outgoing: { name: plan.parties.outgoing.name, fingerprint: HEX('2', 40) },
      incoming: { name: plan.parties.incoming?.name ?? 'NovaIT SA', fingerprint: HEX('3', 40) },
    },
    created,
    generator: { name: 'exitkit', version: '0.1.0' },
    algorithm: 'sha512',
    signer: { fingerprint: HEX('2', 40) },
    recipients: [
      { fingerprint: HEX('1', 40), role: 'client', name: plan.parties.client.name },
      { fingerprint: HEX('3', 40), role: 'incoming', name: 'NovaIT SA' },
    ],
    deliverables,
    tagFiles: [],
    payload: {
      files: deliverables.reduce((a, d) => a + d.files.length, 0),
      bytes: deliverables.reduce((a, d) => a + d.bytes, 0),
      oxum: '0.0',
    },
    complete: miss.length === 0,
    missing: miss,
    archive: { file: `${plan.id}.tar.pgp`, size: 123456, algorithm: 'sha256', digest: HEX('9', 64) },
  };
}

/**
 * What `verify --json` writes for `manifest`: decrypted (with a key) unless `decrypted: false`,
 * when it checked only the signature, the archive's digest and completeness; `altered` names
 * deliverables whose files changed.
 */
export function verificationFor(
  manifest: Manifest,
  opts: { altered?: string[]; signatureValid?: boolean; decrypted?: boolean } = {},
): Verification {
  const decrypted = opts.decrypted ?? true;
  const altered = opts.altered ?? [];
  const alteredPaths = manifest.deliverables
    .filter((d) => altered.includes(d.id))
    .flatMap((d) => d.files.map((f) => f.path));
  const signatureValid = opts.signatureValid ?? true;
  const complete = manifest.complete;
  const faults = [
    ...alteredPaths.map((p) => `altered: ${p}`),
    ...manifest.missing.map((id) => `missing deliverable: ${id}`),
    ...(signatureValid ? [] : ['the signature does not verify']),
  ];
  return {
    ok: complete && signatureValid && altered.length === 0,
    manifest: {
      file: `${manifest.plan.id}.manifest.json`,
      sha256: HEX('e', 64),
      planId: manifest.plan.id,
      created: manifest.created,
    },
    signature: { valid: signatureValid, fingerprint: signatureValid ? manifest.signer.fingerprint : null },
    archive: {
      ok: true,
      file: manifest.archive!.file,
      size: manifest.archive!.size,
      digest: manifest.archive!.digest,
    },
    complete,
    missing: [...manifest.missing],
    decrypted,
    ...(decrypted
      ? {
          files: {
            checked: manifest.payload.files,
            altered: alteredPaths,
            missing: [],
            extra: [],
            unsafe: [],
            truncated: [],
          },
          integrity: true,
        }
      : {}),
    deliverables: manifest.deliverables.map((d) => ({
      id: d.id,
      status: d.status,
      required: d.required,
      delivered: d.delivered,
      intact: d.delivered && decrypted ? !altered.includes(d.id) : null,
      faults: altered.includes(d.id) ? d.files.map((f) => `altered: ${f.path}`) : [],
    })),
    faults,
    verifiedAt: '2026-12-20T10:00:00.000Z',
  };
}

/** What the credentials file of writeDocumentInputs holds: it must never appear in a document. */
export const DOCUMENT_SECRET = 'correct-horse-battery-staple';

/**
 * Writes a plan (as the YAML a person writes) and its exports in a new folder; with
 * `manifestCreated`, a manifest and its verification too (decrypting unless `decrypted: false`).
 * Returns the paths.
 */
export async function writeDocumentInputs(
  plan: ExitPlan,
  opts: { manifestCreated?: string; missing?: string[]; altered?: string[]; decrypted?: boolean } = {},
) {
  const dir = await tempDir();
  const { allow_external_sources: _a, ...rest } = plan;
  await writeFile(path.join(dir, 'plan.yaml'), stringify(rest));
  await mkdir(path.join(dir, 'exports/backups'), { recursive: true });
  await mkdir(path.join(dir, 'exports/vault'), { recursive: true });
  await writeFile(path.join(dir, 'exports/backups/fs01-2026-12-01.vbk'), 'VBK'.repeat(500));
  await writeFile(path.join(dir, 'exports/vault/handover.kdbx'), `password=${DOCUMENT_SECRET}\n`);
  let manifestFile: string | undefined;
  let verificationFile: string | undefined;
  if (opts.manifestCreated) {
    const m = manifestFor(plan, opts.manifestCreated, opts.missing ?? []);
    manifestFile = path.join(dir, `${plan.id}.manifest.json`);
    const text = `${JSON.stringify(m, null, 2)}\n`;
    await writeFile(manifestFile, text);
    const v = verificationFor(m, { altered: opts.altered ?? [], decrypted: opts.decrypted ?? true });
    v.manifest.sha256 = createHash('sha256').update(text).digest('hex');
    verificationFile = path.join(dir, 'verification.json');
    await writeFile(verificationFile, JSON.stringify(v, null, 2));
  }
  return { dir, plan: path.join(dir, 'plan.yaml'), manifest: manifestFile!, verification: verificationFile! };
}
