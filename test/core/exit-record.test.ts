import { describe, expect, it } from 'vitest';
import { buildChecklist } from '../../src/core/checklist.js';
import type { ExitPlan } from '../../src/core/plan.js';
import { examplePlan } from '../helpers/documents.js';

const EXIT: NonNullable<ExitPlan['exit']> = {
  triggers: ['Contract end'],
  scenarios: [{ title: 'Planned end', target_days: 90 }, { title: 'Provider insolvency' }],
  roles: [
    { party: 'client', role: 'Exit lead', person: { name: 'Claire' }, deputy: { name: 'Marc' } },
    { party: 'outgoing', role: 'Handover lead', person: { name: 'Luc', contact: 'luc@x.example' } },
  ],
  success_criteria: ['Restore passed'],
  next_review: '2026-12-15',
};

describe('the checklist’s exit section', () => {
  it('carries the plan’s section, the parties by name and the rule in the document’s language', () => {
    const c = buildChecklist({ plan: examplePlan({ regulation: 'finma', exit: EXIT }), date: '2026-12-01' });
    expect(c.exit).toEqual({
      regulation: 'finma',
      rule: 'la circulaire FINMA 2018/3',
      triggers: ['Contract end'],
      scenarios: [{ title: 'Planned end', targetDays: 90 }, { title: 'Provider insolvency' }],
      roles: [
        {
          party: 'client',
          partyName: 'ACME SA',
          role: 'Exit lead',
          person: { name: 'Claire' },
          deputy: { name: 'Marc' },
        },
        {
          party: 'outgoing',
          partyName: 'InfoGest Sàrl',
          role: 'Handover lead',
          person: { name: 'Luc', contact: 'luc@x.example' },
        },
      ],
      successCriteria: ['Restore passed'],
      nextReview: '2026-12-15',
      reviewPast: false,
    });
  });

  it('judges the review on the document’s date, and is absent when the plan has no section', () => {
    const plan = examplePlan({ exit: EXIT });
    expect(buildChecklist({ plan, date: '2026-12-15', language: 'en' }).exit).toMatchObject({
      reviewPast: false,
    });
    const later = buildChecklist({ plan, date: '2026-12-16', language: 'en' }).exit;
    expect(later).toMatchObject({ reviewPast: true });
    expect(later?.rule).toBeUndefined();
    expect(buildChecklist({ plan: examplePlan(), date: '2026-12-16' }).exit).toBeUndefined();
  });
});
