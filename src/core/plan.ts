/**
 * The exit plan (README.md, "The plan"; plans/exit-plan.schema.json): one exit, its contract, parties, deliverables and money.
 * Amounts are decimal strings exactly as written in the plan, never binary floats.
 */
import { LANGS, type Lang } from './i18n/langs.js';

/** The families of what must be handed back, fixed by the domain, in checklist order. */
export const CATEGORIES = [
  'backups',
  'credentials',
  'configurations',
  'documentation',
  'inventory',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const STATUSES = ['pending', 'ready', 'delivered', 'waived'] as const;
export type Status = (typeof STATUSES)[number];

export const ROLES = ['client', 'outgoing', 'incoming'] as const;
export type Role = (typeof ROLES)[number];

/** The languages of documents (core/i18n): French and English, and Switzerland's German and Italian. */
export const LANGUAGES = LANGS;
export type Language = Lang;

/** A decimal amount as written in the plan ("4500", "8.1", "0.05"). */
export type DecimalString = string;

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;

export interface Party {
  name: string;
  contact?: string;
  /** Armored public key file, relative to the plan file. */
  key?: string;
  /** Pinned fingerprint (hex, 40 or 64 digits), when no key file is given or to double-check it. */
  fingerprint?: string;
}

export interface Waiver {
  reason: string;
  approved_by: string;
  date?: IsoDate;
}

export interface Checks {
  /** A source older than this many days is stale (backups: "a backup from last year is not a handover"). */
  max_age_days?: number;
  /** Every source file must weigh at least this many bytes. */
  min_bytes?: number;
  /** Inventory CSV: the columns the file must have. */
  columns?: string[];
  /** Credentials: allow a clear-text export (it is still flagged in every report). */
  allow_cleartext?: boolean;
}

export interface Deliverable {
  id: string;
  category: Category;
  title: string;
  description?: string;
  required: boolean;
  owner: Role;
  due?: IsoDate;
  sources: string[];
  checks: Checks;
  status: Status;
  waiver?: Waiver;
}

/** A label as the plan writes it: one string, or one per document language ({fr: …, en: …}). */
export type Label = string | Partial<Record<Language, string>>;

export interface FeeLine {
  label: Label;
  /** A fixed amount, or quantity × unit_price. */
  amount?: DecimalString;
  quantity?: DecimalString;
  unit?: Label;
  unit_price?: DecimalString;
}

/**
 * How the contract treats a penalty (README.md, "The plan": the money): an indemnity (the default) is
 * outside the scope of VAT and is set off against the amount due after VAT; a service credit is a
 * price reduction that lowers the taxable base before VAT.
 */
export const PENALTY_TREATMENTS = ['indemnity', 'service_credit'] as const;
export type PenaltyTreatment = (typeof PENALTY_TREATMENTS)[number];

export interface Penalties {
  treatment: PenaltyTreatment;
  /** What the contract calls its penalty (e.g. "Peine conventionnelle, art. 12"): prefixes each line. */
  label?: Label;
  /** Per required deliverable neither delivered intact nor waived. */
  missing_required?: DecimalString;
  /** Per deliverable, per day past its due date. */
  late_per_day?: DecimalString;
  /** Cap, in percent of the fees' subtotal. */
  cap_percent?: DecimalString;
}

export interface Compensation {
  currency: string;
  vat_percent: DecimalString;
  rounding: DecimalString;
  fees: FeeLine[];
  penalties: Penalties;
  final_payment?: FinalPayment;
}

/** What must hold before the client pays the held-back part (README.md, "The plan": the money). */
export const RELEASE_CONDITIONS = [
  'decrypted_verification',
  'complete',
  'no_open_reserves',
  'reversibility_ended',
  'deletion_attested',
  'receipt_client',
  'receipt_incoming',
] as const;
export type ReleaseCondition = (typeof RELEASE_CONDITIONS)[number];
export const DEFAULT_RELEASE_WHEN: readonly ReleaseCondition[] = [
  'decrypted_verification',
  'complete',
  'no_open_reserves',
];

export interface FinalPayment {
  /** The part of the amount due (VAT included, penalties set off) that the client holds back. */
  amount: DecimalString;
  due?: IsoDate;
  release_when: ReleaseCondition[];
}

export interface Contract {
  reference: string;
  start?: IsoDate;
  end: IsoDate;
  notice_days?: number;
  reversibility?: { start: IsoDate; end: IsoDate; assistance_days?: number };
}

/**
 * The rules that make the plan's `exit:` section mandatory (README.md, "For regulated clients"):
 * DORA Art. 28(8), EBA GL 2019/02 §§106-108, FINMA circular 2018/3.
 */
export const REGULATIONS = ['dora', 'eba', 'finma'] as const;
export type Regulation = (typeof REGULATIONS)[number];

/** A named person of a party, for the exit. */
export interface Person {
  name: string;
  contact?: string;
}

/** Who does what in the exit, for one party, with who stands in. */
export interface ExitRole {
  party: Role;
  /** What they do in the exit (e.g. "Exit lead", "Security officer"). */
  role: string;
  person: Person;
  deputy?: Person;
}

/** A way the exit may happen (planned end, provider insolvency, stressed exit...). */
export interface ExitScenario {
  title: string;
  description?: string;
  /** How many days the exit may take in this scenario. */
  target_days?: number;
}

/** What regulated clients must write down about the exit (README.md, "For regulated clients"). */
export interface ExitSection {
  triggers: string[];
  scenarios: ExitScenario[];
  roles: ExitRole[];
  success_criteria: string[];
  next_review?: IsoDate;
}

export interface ExitPlan {
  version: 1;
  id: string;
  title: string;
  language: Language;
  contract: Contract;
  parties: { client: Party; outgoing: Party; incoming?: Party };
  deliverables: Deliverable[];
  compensation?: Compensation;
  /** The rule the client is under: it makes `exit` mandatory. */
  regulation?: Regulation;
  exit?: ExitSection;
  /** Sources may point outside the plan's folder tree (off by default). */
  allow_external_sources: boolean;
  /** Files, folders or globs (relative to the plan) that walk does not list as unclaimed. */
  ignore?: string[];
}

/** A label in `lang`: its own text, else English, else French, else the first one written. */
export function labelIn(label: Label, lang: Language): string {
  if (typeof label === 'string') return label;
  return label[lang] ?? label.en ?? label.fr ?? Object.values(label).find((v) => v !== undefined) ?? '';
}

/** Deliverables grouped by family, in the fixed family order, skipping empty families. */
export function byCategory<T extends { category: Category }>(items: readonly T[]): Array<[Category, T[]]> {
  return CATEGORIES.map((c) => [c, items.filter((d) => d.category === c)] as [Category, T[]]).filter(
    ([, list]) => list.length > 0,
  );
}

/** Whether a deliverable counts as settled for completeness: delivered/ready, or waived with a reason. */
export function isSettled(d: Deliverable): boolean {
  return (
    d.status === 'ready' || d.status === 'delivered' || (d.status === 'waived' && d.waiver !== undefined)
  );
}
