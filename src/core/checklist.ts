/**
 * The handover checklist as a document model (`exitkit checklist`; issue 5): what the
 * parties read and sign. Pure: the plan, the optional manifest and verification, the files found
 * and the inventory summaries in; a plain object out that any template (ours or a provider's,
 * through `--template`) renders. Words that are data (family names, actions, glossary) are in the
 * document's language here, from its catalog (core/i18n), so that a provider's template gets them
 * for free.
 *
 * Credentials (passwords and access) are listed by name and file name only: no size, no digest,
 * never content (SECURITY.md, "Secrets handling").
 */
import { deliverableStates, handoverOf } from './deliveries.js';
import { formatDate } from './dates.js';
import { say, words, type Words } from './i18n/index.js';
import type { Manifest, Verification } from './manifest.js';
import { faultKind, type AttestationCheck, type DataSet, type Retained } from './attestation.js';
import type { Category, Deliverable, ExitPlan, IsoDate, Language, Role, Status } from './plan.js';
import { byCategory, ROLES } from './plan.js';

/** A file found for a deliverable: in the manifest (with its digest) or on disk (by the io layer). */
export interface FoundFile {
  /** Path shown to the reader: bag path under data/, or path relative to the plan. */
  name: string;
  size: number;
  digest?: string;
  /** The day it was last modified (YYYY-MM-DD, UTC): a backup's date. */
  modified?: IsoDate;
}

/** A file as the checklist shows it: a credential file has its name only. */
export interface ShownFile {
  name: string;
  size?: number;
  digest?: string;
  modified?: IsoDate;
}

/** An inventory CSV in numbers (from src/io/inventory.ts `summarizeInventory`). */
export interface InventoryCounts {
  deliverable: string;
  file: string;
  rows: number;
  columns: string[];
  byType: Array<{ name: string; count: number }>;
  byLocation: Array<{ name: string; count: number }>;
  missingColumns: string[];
}

export type RowVerification = 'intact' | 'altered' | 'listed' | 'not-delivered' | 'waived';

export interface ChecklistRow {
  id: string;
  title: string;
  category: Category;
  required: boolean;
  owner: Role;
  ownerName: string;
  due?: IsoDate;
  status: Status;
  /** Credentials: file names only (no size, no digest). */
  credential: boolean;
  fileCount: number;
  /** Bytes, absent for credentials. */
  bytes?: number;
  /** Where the files come from: the signed manifest, the disk (plan sources), or nowhere. */
  filesFrom: 'manifest' | 'disk' | 'none';
  files: ShownFile[];
  /** How many files are not shown (long lists are cut). */
  moreFiles: number;
  verification?: RowVerification;
  faults: string[];
  /** What resolving the plan's sources found wrong (a missing file, a symlink), without a manifest. */
  problems: string[];
  waiver?: { reason: string; approvedBy: string; approverName: string; date?: IsoDate };
  late: boolean;
  daysLate: number;
  missing: boolean;
  /** Settled: handed over (and intact, when known) or waived. */
  ok: boolean;
}

export interface ChecklistAction {
  id: string;
  text: string;
  responsible: Role;
  responsibleName: string;
  /** Deliverables it concerns (e.g. the credentials to rotate). */
  concerns: string[];
}

export interface Checklist {
  language: Language;
  date: IsoDate;
  plan: { id: string; title: string; sha256?: string };
  contract: {
    reference: string;
    start?: IsoDate;
    end: IsoDate;
    noticeDays?: number;
    reversibility?: { start: IsoDate; end: IsoDate; assistanceDays?: number };
  };
  parties: Array<{ role: Role; name: string; contact?: string; fingerprint?: string }>;
  manifest?: {
    file?: string;
    sha256?: string;
    created: string;
    signer: string;
    recipients: Array<{ fingerprint: string; name?: string; role?: Role }>;
    archive?: { file: string; size: number; digest: string };
    complete: boolean;
    payload: { files: number; bytes: number };
  };
  verification?: {
    ok: boolean;
    verifiedAt: string;
    decrypted: boolean;
    signature: boolean;
    archive: boolean;
    complete: boolean;
    checked?: number;
    faults: string[];
  };
  /** The outgoing provider's deletion attestation, as checked (`--attestation`). */
  attestation?: {
    file: string;
    valid: boolean;
    /** Why it does not hold, in the document's language. */
    faults: string[];
    date: IsoDate;
    method: string;
    systems: string[];
    datasets: DataSet[];
    retained: Retained[];
    manifest: { file: string; sha256: string };
    /** The outgoing key that signed it, when it did. */
    signer: string | null;
  };
  /** The day lateness is counted to, and where it comes from. */
  handover: { date: IsoDate; basis: 'manifest' | 'date' };
  families: Array<{ category: Category; title: string; rows: ChecklistRow[] }>;
  totals: {
    deliverables: number;
    required: number;
    settled: number;
    waived: number;
    missing: number;
    late: number;
  };
  inventory: InventoryCounts[];
  actions: ChecklistAction[];
  glossary: Array<{ term: string; definition: string }>;
  signOff: Array<{ role: Role; name: string }>;
  /** The handover is complete per the inputs (the command's exit code: 0 when true). */
  complete: boolean;
  /** What the reader should know about the evidence (e.g. no verification given). */
  notes: string[];
}

export interface ChecklistInput {
  plan: ExitPlan;
  manifest?: Manifest;
  /** SHA-256 of the manifest file as read (the digest a receipt binds). */
  manifestSha256?: string;
  manifestFile?: string;
  planSha256?: string;
  verification?: Verification;
  attestation?: AttestationCheck;
  /** Files found on disk per deliverable id (used when no manifest is given). */
  diskFiles?: Map<string, FoundFile[]>;
  /** Problems found resolving those sources, per deliverable id (named, never file contents). */
  diskProblems?: Map<string, string[]>;
  inventory?: InventoryCounts[];
  date: IsoDate;
  /** A chain of deliveries: each deliverable's delivery day (src/core/deliveries.ts). */
  deliveredOn?: ReadonlyMap<string, IsoDate>;
  language?: Language;
  /** Longest file list shown per deliverable (default 12). */
  maxFiles?: number;
}

export function buildChecklist(input: ChecklistInput): Checklist {
  const { plan, manifest, verification } = input;
  const lang = input.language ?? plan.language;
  const t = words(lang);
  const maxFiles = input.maxFiles ?? 12;
  const states = deliverableStates(input);
  const partyName = (role: string) =>
    (ROLES as readonly string[]).includes(role)
      ? (plan.parties[role as Role]?.name ?? t.roles[role as Role])
      : role;

  const rows = plan.deliverables.map((d): ChecklistRow => {
    const s = states.get(d.id)!;
    const m = manifest?.deliverables.find((x) => x.id === d.id);
    const v = verification?.deliverables.find((x) => x.id === d.id);
    const credential = d.category === 'credentials';
    let all: FoundFile[];
    let filesFrom: ChecklistRow['filesFrom'];
    if (manifest) {
      // Shown relative to the deliverable's folder in the bag: data/<category>/<id>/.
      const prefix = `data/${d.category}/${d.id}/`;
      all = (m?.files ?? []).map((f) => ({
        name: f.path.startsWith(prefix) ? f.path.slice(prefix.length) : f.path,
        size: f.size,
        digest: f.digest,
        ...(f.mtime ? { modified: f.mtime.slice(0, 10) } : {}),
      }));
      filesFrom = 'manifest';
    } else if (input.diskFiles?.has(d.id)) {
      all = input.diskFiles.get(d.id)!;
      filesFrom = 'disk';
    } else {
      all = [];
      filesFrom = 'none';
    }
    // Credentials: the file name and nothing else about it.
    const shown: ShownFile[] = all.slice(0, maxFiles).map((f) => (credential ? { name: f.name } : f));
    let rowVerification: RowVerification | undefined;
    if (verification) {
      if (s.waived) rowVerification = 'waived';
      else if (!s.delivered) rowVerification = 'not-delivered';
      else if (s.intact === false) rowVerification = 'altered';
      else rowVerification = s.intact ? 'intact' : 'listed';
    }
    const waiver = d.waiver ?? m?.waiver;
    return {
      id: d.id,
      title: d.title,
      category: d.category,
      required: d.required,
      owner: d.owner,
      ownerName: partyName(d.owner),
      ...(d.due ? { due: d.due } : {}),
      status: d.status,
      credential,
      fileCount: all.length,
      ...(credential ? {} : { bytes: all.reduce((a, f) => a + f.size, 0) }),
      filesFrom,
      files: shown,
      moreFiles: Math.max(0, all.length - maxFiles),
      ...(rowVerification ? { verification: rowVerification } : {}),
      // Fault lines name bag paths, never contents; for credentials keep them as they are (names).
      faults: v?.faults ?? [],
      problems: filesFrom === 'disk' ? (input.diskProblems?.get(d.id) ?? []) : [],
      ...(waiver
        ? {
            waiver: {
              reason: waiver.reason,
              approvedBy: waiver.approved_by,
              approverName: partyName(waiver.approved_by),
              ...(waiver.date ? { date: waiver.date } : {}),
            },
          }
        : {}),
      late: s.late,
      daysLate: s.daysLate,
      missing: s.missing,
      ok: s.waived || (s.delivered && s.intact !== false),
    };
  });

  const families = byCategory(rows).map(([category, list]) => ({
    category,
    title: t.families[category],
    rows: list,
  }));
  const missing = rows.filter((r) => r.missing).length;
  const verified = verification ? verification.ok : true;
  const complete = missing === 0 && verified && (manifest ? manifest.complete : true);

  const notes: string[] = [];
  if (!manifest && !verification) notes.push(t.checklist.notes.noManifest);
  if (!verification) notes.push(t.checklist.notes.noVerification);
  else if (!verification.decrypted) notes.push(t.checklist.notes.notDecrypted);
  const handover = handoverOf(input);
  if (handover.basis === 'date')
    notes.push(say(lang, t.checklist.notes.lateness, { date: formatDate(handover.date, lang) }));

  const c = plan.contract;
  const roles = ROLES.filter((r) => plan.parties[r] !== undefined);
  return {
    language: lang,
    date: input.date,
    plan: { id: plan.id, title: plan.title, ...(input.planSha256 ? { sha256: input.planSha256 } : {}) },
    contract: {
      reference: c.reference,
      ...(c.start ? { start: c.start } : {}),
      end: c.end,
      ...(c.notice_days !== undefined ? { noticeDays: c.notice_days } : {}),
      ...(c.reversibility
        ? {
            reversibility: {
              start: c.reversibility.start,
              end: c.reversibility.end,
              ...(c.reversibility.assistance_days !== undefined
                ? { assistanceDays: c.reversibility.assistance_days }
                : {}),
            },
          }
        : {}),
    },
    parties: roles.map((role) => {
      const p = plan.parties[role]!;
      const fp = p.fingerprint ?? manifest?.parties[role]?.fingerprint;
      return {
        role,
        name: p.name,
        ...(p.contact ? { contact: p.contact } : {}),
        ...(fp ? { fingerprint: fp } : {}),
      };
    }),
    ...(manifest
      ? {
          manifest: {
            ...(input.manifestFile ? { file: input.manifestFile } : {}),
            ...(input.manifestSha256 ? { sha256: input.manifestSha256 } : {}),
            created: manifest.created,
            signer: manifest.signer.fingerprint,
            recipients: manifest.recipients,
            ...(manifest.archive
              ? {
                  archive: {
                    file: manifest.archive.file,
                    size: manifest.archive.size,
                    digest: manifest.archive.digest,
                  },
                }
              : {}),
            complete: manifest.complete,
            payload: { files: manifest.payload.files, bytes: manifest.payload.bytes },
          },
        }
      : {}),
    ...(verification
      ? {
          verification: {
            ok: verification.ok,
            verifiedAt: verification.verifiedAt,
            decrypted: verification.decrypted,
            signature: verification.signature.valid,
            archive: verification.archive.ok,
            complete: verification.complete,
            ...(verification.files ? { checked: verification.files.checked } : {}),
            faults: verification.faults,
          },
        }
      : {}),
    ...(input.attestation ? { attestation: attestationShown(input.attestation, t) } : {}),
    handover,
    families,
    totals: {
      deliverables: rows.length,
      required: rows.filter((r) => r.required).length,
      settled: rows.filter((r) => r.ok).length,
      waived: rows.filter((r) => r.status === 'waived').length,
      missing,
      late: rows.filter((r) => r.late).length,
    },
    inventory: input.inventory ?? [],
    actions: actionsFor(plan, lang, partyName),
    glossary: Object.values(t.checklist.glossary.terms).map(({ term, definition }) => ({ term, definition })),
    signOff: roles.map((role) => ({ role, name: plan.parties[role]!.name })),
    complete,
    notes,
  };
}

function attestationShown(c: AttestationCheck, t: Words): NonNullable<Checklist['attestation']> {
  const a = c.attestation;
  return {
    file: c.file,
    valid: c.valid,
    faults: [...new Set(c.faults.map((f) => t.attestation.faults[faultKind(f)]))],
    date: a.date,
    method: a.method,
    systems: a.scope.systems,
    datasets: a.scope.datasets,
    retained: a.retained,
    manifest: { file: a.manifest.file, sha256: a.manifest.sha256 },
    signer: c.fingerprint,
  };
}

type ActionId = keyof Words['checklist']['actions']['list'];

function actionsFor(plan: ExitPlan, lang: Language, partyName: (role: string) => string): ChecklistAction[] {
  const t = words(lang);
  const ids = (c: Category) => plan.deliverables.filter((d) => d.category === c).map((d) => d.id);
  const operator: Role = plan.parties.incoming ? 'incoming' : 'client';
  const make = (id: ActionId, responsible: Role, concerns: string[] = []): ChecklistAction => ({
    id,
    text: say(lang, t.checklist.actions.list[id], { count: plan.contract.reversibility?.assistance_days }),
    responsible,
    responsibleName: partyName(responsible),
    concerns,
  });
  const actions = [
    make('rotate-secrets', operator, ids('credentials')),
    make('revoke-accounts', 'client'),
    make('revoke-remote-access', operator),
    make('move-registrar-dns', 'outgoing'),
    make('move-licence-portals', 'outgoing'),
    make('confirm-restore-test', operator, ids('backups')),
  ];
  if (ids('inventory').length) actions.push(make('sign-inventory', 'client', ids('inventory')));
  if (plan.contract.reversibility?.assistance_days) actions.push(make('plan-assistance', 'outgoing'));
  return actions;
}

/** Is this deliverable one whose content must never be shown (credentials)? */
export function isSecret(d: Pick<Deliverable, 'category'>): boolean {
  return d.category === 'credentials';
}
