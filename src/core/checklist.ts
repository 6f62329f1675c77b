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
import { deliverableStates, handoverOf, type DeliverableState } from './deliveries.js';
import { formatDate } from './dates.js';
import { say, words, type Words } from './i18n/index.js';
import type { Manifest, ManifestVolume, Verification } from './manifest.js';
import { faultKind, type AttestationCheck, type DataSet, type Retained } from './attestation.js';
import { exitRecord, type ExitRecord } from './exit-record.js';
import type { Category, Deliverable, ExitPlan, IsoDate, Language, Role, Status } from './plan.js';
import { byCategory, ROLES } from './plan.js';
import { recordSections, type RecordSections } from './record.js';
import type { ReceiptEvidence } from './release.js';

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
  /**
   * Handed over in a verified delivery (a manifest and a verification whose signature and
   * archive hold, the deliverable in it and not found altered): the day, and the delivery's
   * number when deliveries come in waves. The record reads it as delivered, not as ready.
   */
  handedOver?: { date: IsoDate; delivery?: number };
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
  /** The plan's exit section (triggers, scenarios, roles, success criteria, next review), when written. */
  exit?: ExitRecord;
  manifest?: {
    file?: string;
    sha256?: string;
    created: string;
    signer: string;
    recipients: Array<{ fingerprint: string; name?: string; role?: Role }>;
    archive?: { file: string; size: number; digest: string } | { size: number; volumes: ManifestVolume[] };
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
  /** Each party's receipt that counts, and those that do not hold (`--receipt`). */
  receipts: RecordSections['receipts'];
  /** The reserves the receipts record, open and lifted. */
  reserves: RecordSections['reserves'];
  /** Without reserves, with reserves, or not acceptable yet (core/record.ts). */
  conclusion: RecordSections['conclusion'];
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
  /** The parties' receipts given, as checked (src/io/documents.ts readReceipts). */
  receipts?: readonly ReceiptEvidence[];
  /** Each deliverable's delivery date (its first delivery intact), when deliveries come in waves. */
  deliveredOn?: ReadonlyMap<string, IsoDate>;
  /** Each deliverable's delivery number, when deliveries come in waves. */
  deliveredIn?: ReadonlyMap<string, number>;
  /** Files found on disk per deliverable id (used when no manifest is given). */
  diskFiles?: Map<string, FoundFile[]>;
  /** Problems found resolving those sources, per deliverable id (named, never file contents). */
  diskProblems?: Map<string, string[]>;
  inventory?: InventoryCounts[];
  date: IsoDate;
  language?: Language;
  /** Longest file list shown per deliverable (default 12). */
  maxFiles?: number;
}

export function buildChecklist(input: ChecklistInput): Checklist {
  const { plan, manifest, verification } = input;
  const lang = input.language ?? plan.language;
  const t = words(lang);
  const states = deliverableStates(input);
  const partyName = (role: string) =>
    (ROLES as readonly string[]).includes(role)
      ? (plan.parties[role as Role]?.name ?? t.roles[role as Role])
      : role;

  const rows = plan.deliverables.map((d) => rowOf(d, input, states.get(d.id)!, partyName));

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

  const record = recordSections({
    receipts: input.receipts ?? [],
    plan,
    manifest: manifest !== undefined,
    ...(verification ? { verification } : {}),
    missing,
    date: input.date,
    language: lang,
    partyName,
  });
  const roles = ROLES.filter((r) => plan.parties[r] !== undefined);
  const parties = roles.map((role) => {
    const p = plan.parties[role]!;
    const fp = p.fingerprint ?? manifest?.parties[role]?.fingerprint;
    return {
      role,
      name: p.name,
      ...(p.contact ? { contact: p.contact } : {}),
      ...(fp ? { fingerprint: fp } : {}),
    };
  });
  return {
    language: lang,
    date: input.date,
    plan: { id: plan.id, title: plan.title, ...(input.planSha256 ? { sha256: input.planSha256 } : {}) },
    contract: contractShown(plan.contract),
    parties,
    ...(plan.exit ? { exit: exitRecord(plan, t, input.date, partyName) } : {}),
    ...(manifest ? { manifest: manifestShown(manifest, input) } : {}),
    ...(verification ? { verification: verificationShown(verification) } : {}),
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
    glossary: glossaryOf(t, {
      fingerprint:
        !!manifest || parties.some((p) => p.fingerprint) || record.receipts.length > 0 || !!input.attestation,
      digest: !!manifest || !!input.planSha256,
      signature: !!manifest || record.receipts.length > 0 || !!input.attestation,
      waiver: rows.some((r) => r.waiver),
    }),
    signOff: roles.map((role) => ({ role, name: plan.parties[role]!.name })),
    receipts: record.receipts,
    reserves: record.reserves,
    conclusion: record.conclusion,
    complete,
    notes,
  };
}

/** One deliverable's row: its files (from the manifest, else from disk), verification, waiver and lateness. */
function rowOf(
  d: Deliverable,
  input: ChecklistInput,
  s: DeliverableState,
  partyName: (role: string) => string,
): ChecklistRow {
  const { manifest, verification } = input;
  const maxFiles = input.maxFiles ?? 12;
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
  const verifiedDelivery =
    manifest !== undefined && verification?.signature.valid === true && verification.archive.ok;
  const delivery = input.deliveredIn?.get(d.id);
  const handedOver =
    verifiedDelivery && s.deliveredOn !== null
      ? { date: s.deliveredOn, ...(delivery !== undefined ? { delivery } : {}) }
      : undefined;
  return {
    id: d.id,
    title: d.title,
    category: d.category,
    required: d.required,
    owner: d.owner,
    ownerName: partyName(d.owner),
    ...(d.due ? { due: d.due } : {}),
    status: d.status,
    ...(handedOver ? { handedOver } : {}),
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
}

function contractShown(c: ExitPlan['contract']): Checklist['contract'] {
  return {
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
  };
}

function manifestShown(manifest: Manifest, input: ChecklistInput): NonNullable<Checklist['manifest']> {
  return {
    ...(input.manifestFile ? { file: input.manifestFile } : {}),
    ...(input.manifestSha256 ? { sha256: input.manifestSha256 } : {}),
    created: manifest.created,
    signer: manifest.signer.fingerprint,
    recipients: manifest.recipients,
    ...(manifest.archive
      ? {
          archive:
            'volumes' in manifest.archive
              ? { size: manifest.archive.size, volumes: manifest.archive.volumes }
              : {
                  file: manifest.archive.file,
                  size: manifest.archive.size,
                  digest: manifest.archive.digest,
                },
        }
      : {}),
    complete: manifest.complete,
    payload: { files: manifest.payload.files, bytes: manifest.payload.bytes },
  };
}

function verificationShown(verification: Verification): NonNullable<Checklist['verification']> {
  return {
    ok: verification.ok,
    verifiedAt: verification.verifiedAt,
    decrypted: verification.decrypted,
    signature: verification.signature.valid,
    archive: verification.archive.ok,
    complete: verification.complete,
    ...(verification.files ? { checked: verification.files.checked } : {}),
    faults: verification.faults,
  };
}

type Term = keyof Words['checklist']['glossary']['terms'];

/**
 * The glossary of the terms the document uses, and only those: the manifest (named in the notes
 * and the footer) and the reserves (the sign-off blocks have a line for them) always; the others
 * when the document shows them.
 */
function glossaryOf(
  t: Words,
  uses: Record<Exclude<Term, 'manifest' | 'reserve'>, boolean>,
): Checklist['glossary'] {
  const used: Record<Term, boolean> = { ...uses, manifest: true, reserve: true };
  return (Object.keys(t.checklist.glossary.terms) as Term[])
    .filter((k) => used[k])
    .map((k) => ({
      term: t.checklist.glossary.terms[k].term,
      definition: t.checklist.glossary.terms[k].definition,
    }));
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
