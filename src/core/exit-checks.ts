/**
 * The plan's `exit:` section (README.md, "For regulated clients"): under `regulation:` every part
 * must be written down, each error citing the rule that asks for it; a review date that is past
 * and a role without a deputy are warnings. Pure: "today" comes in.
 */
import type { Text } from './i18n/terminal/index.js';
import type { PlanIssue } from './plan-checks.js';
import type { ExitPlan, IsoDate, Regulation, Role } from './plan.js';

/** The parts of the section a regulation requires, in the order the plan writes them. */
const REQUIRED_PARTS = ['triggers', 'scenarios', 'roles', 'success_criteria', 'next_review'] as const;

/** The parties whose people a regulated exit must name (the incoming one may not be chosen yet). */
const PARTIES_NAMED: readonly Role[] = ['client', 'outgoing'];

type Report = (p: PlanIssue['path'], message: Text, hint?: Text) => void;

/**
 * Checks of the exit section. `today` (YYYY-MM-DD) dates the review; without it the review date
 * is not judged. `realDate` says whether a YYYY-MM-DD string names a day that exists.
 */
export function exitIssues(
  plan: ExitPlan,
  today: IsoDate | undefined,
  realDate: (v: string) => boolean,
  err: Report,
  warn: Report,
): void {
  const regulation = plan.regulation;
  const exit = plan.exit;
  const rule: Text | undefined = regulation ? (m) => m.exitPlan.rule[regulation] : undefined;
  if (regulation && !exit) {
    err(
      ['regulation'],
      (m) => m.exitPlan.sectionMissing(regulation),
      (m) => m.exitPlan.sectionMissingHint(m.exitPlan.rule[regulation]),
    );
    return;
  }
  if (!exit) return;

  const review = exit.next_review;
  if (review !== undefined && !realDate(review))
    err(
      ['exit', 'next_review'],
      (m) => m.meaning.notADate(review),
      (m) => m.meaning.notADateHint,
    );
  else if (review !== undefined && today !== undefined && review < today)
    warn(
      ['exit', 'next_review'],
      (m) => m.exitPlan.reviewPast(review, today),
      (m) => m.exitPlan.reviewPastHint(rule ? m.exitPlan.reviewRule(m.exitPlan.rule[regulation!]) : ''),
    );

  if (!regulation) return;
  requiredParts(plan, regulation, err);
  const roles = exit.roles;
  for (const party of PARTIES_NAMED) {
    if (roles.length > 0 && !roles.some((r) => r.party === party))
      err(
        ['exit', 'roles'],
        (m) => m.exitPlan.partyUnnamed(party, regulation),
        (m) => m.exitPlan.partyUnnamedHint(party, m.exitPlan.rule[regulation]),
      );
  }
  roles.forEach((r, i) => {
    if (!r.deputy)
      warn(
        ['exit', 'roles', i],
        (m) => m.exitPlan.noDeputy(r.person.name, r.role),
        (m) => m.exitPlan.noDeputyHint(m.exitPlan.rule[regulation]),
      );
  });
}

/** Each required part that is missing or empty: an error at the section (or at the part when empty). */
function requiredParts(plan: ExitPlan, regulation: Regulation, err: Report): void {
  const exit = plan.exit!;
  for (const part of REQUIRED_PARTS) {
    const value = exit[part];
    const empty = value === undefined || (Array.isArray(value) && value.length === 0);
    if (empty)
      err(
        ['exit', part],
        (m) => m.exitPlan.partMissing(part, regulation),
        (m) => m.exitPlan.partHint[part](m.exitPlan.rule[regulation]),
      );
  }
}
