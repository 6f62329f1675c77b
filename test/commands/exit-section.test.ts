/**
 * The plan's exit section through the built CLI (README.md, "For regulated clients"): `validate`
 * on a regulated plan without it (exit 2, every place named, the rule cited) and on a complete
 * one whose review is past (exit 0, the warning); the checklist showing it in four languages.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExitPlan } from '../../src/core/plan.js';
import { exitkit, tempDir } from '../helpers/cli.js';
import { examplePlan, writeDocumentInputs } from '../helpers/documents.js';

const EXIT: NonNullable<ExitPlan['exit']> = {
  triggers: ['Contract end on 31 December 2026'],
  scenarios: [
    { title: 'Planned end', description: 'Waves over the reversibility phase', target_days: 90 },
    { title: 'Provider insolvency', target_days: 30 },
  ],
  roles: [
    {
      party: 'client',
      role: 'Exit lead',
      person: { name: 'Claire Rochat', contact: 'claire@acme.example' },
      deputy: { name: 'Marc Pittet', contact: 'marc@acme.example' },
    },
    { party: 'outgoing', role: 'Handover lead', person: { name: 'Luc Bersier' } },
  ],
  success_criteria: ['Restore of FS01 passed at NovaIT SA'],
  next_review: '2020-06-30',
};

describe('exitkit validate, regulation: finma', () => {
  it('without the exit section: exit 2, at regulation:, the hint citing FINMA circular 2018/3', async () => {
    const dir = await tempDir();
    const plan = path.join(dir, 'plan.yaml');
    await writeFile(
      plan,
      'version: 1\nid: x\ntitle: T\nregulation: finma\ncontract: {reference: R, end: 2026-12-31}\nparties: {client: {name: C}, outgoing: {name: O}}\ndeliverables: []\n',
    );
    const r = await exitkit(['validate', plan], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'plan.yaml:4:13: regulation: finma requires an exit: section, and the plan has none',
    );
    expect(r.stderr).toContain('hint: FINMA circular 2018/3 asks for a documented exit plan');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('complete, with a past review and a role without deputy: exit 0, both warnings, in French too', async () => {
    const { plan, dir } = await writeDocumentInputs(examplePlan({ regulation: 'finma', exit: EXIT }));
    const r = await exitkit(['validate', plan, '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { valid: boolean; warnings: Array<{ message: string }> };
    expect(out.valid).toBe(true);
    expect(out.warnings.map((w) => w.message).filter((m) => !m.includes('has no sources'))).toEqual([
      'Luc Bersier (Handover lead) has no deputy',
      expect.stringMatching(/^the exit plan was due for review on 2020-06-30 \(today is \d{4}-\d\d-\d\d\)$/),
    ]);
    const fr = await exitkit(['validate', plan, '--lang', 'fr'], { cwd: dir });
    expect(fr.code).toBe(0);
    expect(fr.stderr).toMatch(
      /plan\.yaml:\d+:\d+: avertissement : la revue du plan de sortie était prévue le 2020-06-30/,
    );
    expect(fr.stderr).toContain('(circulaire FINMA 2018/3 : le plan de sortie est revu périodiquement)');
  });
});

describe('the checklist shows the exit section', () => {
  let s: Awaited<ReturnType<typeof writeDocumentInputs>>;
  beforeAll(async () => {
    s = await writeDocumentInputs(examplePlan({ regulation: 'dora', exit: EXIT }));
  });

  it.each([
    [
      'en',
      '## Exit plan',
      'under DORA Art. 28(8)',
      '### Triggers',
      '| **Handover lead** | InfoGest Sàrl (Outgoing provider) | Luc Bersier | **none named** |',
      'Next review of the plan: 30 June 2020 (**past: the plan is due for review**)',
      '90 days',
    ],
    [
      'fr',
      '## Plan de sortie',
      'selon l’art. 28, par. 8, de DORA',
      '### Événements déclencheurs',
      '| **Exit lead** | ACME SA (Client) | Claire Rochat, claire@acme.example | Marc Pittet, marc@acme.example |',
      'Prochaine revue du plan\u00a0: 30 juin 2020 (**date dépassée\u00a0: le plan doit être revu**)',
      '90 jours',
    ],
    [
      'de',
      '## Ausstiegsplan',
      'gemäss DORA Art. 28 Abs. 8',
      '### Erfolgskriterien',
      '| Rolle | Partei | Inhaber/in | Stellvertretung |',
      'Nächste Überprüfung des Plans: 30. Juni 2020',
      '90 Tage',
    ],
    [
      'it',
      '## Piano di uscita',
      'secondo l’art. 28 par. 8 del DORA',
      '### Scenari',
      '| **Provider insolvency** |  | 30 giorni |',
      'Prossima revisione del piano: 30 giugno 2020',
      'Criteri di successo',
    ],
  ])('in %s (Markdown)', async (lang, ...expected) => {
    const r = await exitkit(['checklist', s.plan, '--lang', lang, '--date', '2026-12-20'], { cwd: s.dir });
    expect(r.code, r.stderr).toBe(0);
    for (const text of expected) expect(r.stdout).toContain(text);
    expect(r.stdout).toContain('Restore of FS01 passed at NovaIT SA');
  });

  it('in French HTML, as cards that keep their labels on a phone', async () => {
    const out = path.join(s.dir, 'liste.html');
    const r = await exitkit(['checklist', s.plan, '--out', out, '--date', '2026-12-20'], { cwd: s.dir });
    expect(r.code, r.stderr).toBe(0);
    const page = await readFile(out, 'utf8');
    expect(page).toContain('<h2>Plan de sortie</h2>');
    expect(page).toContain('<td data-label="Suppléant"><span class="badge warn">aucun désigné</span></td>');
    expect(page).toContain('<span class="badge warn">date dépassée\u00a0: le plan doit être revu</span>');
  });
});
