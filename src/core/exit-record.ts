/**
 * The plan's exit section as the record shows it (README.md, "For regulated clients"): triggers,
 * scenarios, roles with deputies, success criteria, and the next review, judged on the record's
 * date. Pure: the rule is named in the document's language (core/i18n).
 */
import type { Words } from './i18n/index.js';
import type { ExitPlan, IsoDate, Person, Regulation, Role } from './plan.js';

export interface ExitRecord {
  regulation?: Regulation;
  /** The rule that requires the section, in the document's language (e.g. "FINMA circular 2018/3"). */
  rule?: string;
  triggers: string[];
  scenarios: Array<{ title: string; description?: string; targetDays?: number }>;
  roles: Array<{ party: Role; partyName: string; role: string; person: Person; deputy?: Person }>;
  successCriteria: string[];
  nextReview?: IsoDate;
  /** The review date is past on the record's date. */
  reviewPast: boolean;
}

export function exitRecord(
  plan: ExitPlan,
  t: Words,
  date: IsoDate,
  partyName: (role: Role) => string,
): ExitRecord | undefined {
  const e = plan.exit;
  if (!e) return undefined;
  const regulation = plan.regulation;
  return {
    ...(regulation ? { regulation, rule: t.exitPlan.rules[regulation] } : {}),
    triggers: e.triggers,
    scenarios: e.scenarios.map((s) => ({
      title: s.title,
      ...(s.description ? { description: s.description } : {}),
      ...(s.target_days !== undefined ? { targetDays: s.target_days } : {}),
    })),
    roles: e.roles.map((r) => ({
      party: r.party,
      partyName: partyName(r.party),
      role: r.role,
      person: r.person,
      ...(r.deputy ? { deputy: r.deputy } : {}),
    })),
    successCriteria: e.success_criteria,
    ...(e.next_review ? { nextReview: e.next_review } : {}),
    reviewPast: e.next_review !== undefined && e.next_review < date.slice(0, 10),
  };
}
