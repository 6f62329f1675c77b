import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../src/core/i18n/terminal/index.js';
import type { Manifest, ManifestDeliverable } from '../../src/core/manifest.js';
import type { Deliverable, ExitPlan } from '../../src/core/plan.js';
import { planDifference, planDifferenceFault, planDiffers } from '../../src/core/plan-diff.js';

const inPlan = (id: string, over: Partial<Deliverable> = {}): Deliverable => ({
  id,
  category: 'backups',
  title: id.toUpperCase(),
  required: true,
  owner: 'outgoing',
  sources: [],
  checks: {},
  status: 'ready',
  ...over,
});

const inManifest = (id: string, over: Partial<ManifestDeliverable> = {}): ManifestDeliverable => ({
  id,
  category: 'backups',
  title: id.toUpperCase(),
  required: true,
  status: 'ready',
  delivered: true,
  files: [],
  bytes: 0,
  ...over,
});

const plan = (deliverables: Deliverable[]) => ({ deliverables }) as unknown as ExitPlan;
const manifest = (deliverables: ManifestDeliverable[]) => ({ deliverables }) as unknown as Manifest;

describe("the client's plan against the manifest's", () => {
  it('names the deliverables added, removed, and changed in title, family, required flag or due date', () => {
    const d = planDifference(
      plan([
        inPlan('a'),
        inPlan('b', { title: 'Other' }),
        inPlan('c', { category: 'credentials', required: false }),
        inPlan('d', { due: '2026-12-15' }),
        inPlan('new'),
      ]),
      manifest([inManifest('a'), inManifest('b'), inManifest('c'), inManifest('d'), inManifest('gone')]),
    );
    expect(d).toEqual({
      added: ['new'],
      removed: ['gone'],
      changed: [
        { id: 'b', fields: ['title'] },
        { id: 'c', fields: ['category', 'required'] },
        { id: 'd', fields: ['due'] },
      ],
    });
    expect(planDiffers(d)).toBe(true);
    expect(planDifferenceFault('client.yaml', d, CATALOGS.en)).toBe(
      'plan: client.yaml differs from the plan the manifest was made from: in your plan only: new; in the manifest only: gone; b changed (title); c changed (family, required); d changed (due date)',
    );
    expect(planDifferenceFault('client.yaml', d, CATALOGS.fr)).toBe(
      'plan : client.yaml diffère du plan dont le manifeste est issu : seulement dans votre plan : new ; seulement dans le manifeste : gone ; b modifié (titre) ; c modifié (famille, obligatoire) ; d modifié (échéance)',
    );
  });

  it('does not compare statuses and waivers: they move with the handover', () => {
    const d = planDifference(
      plan([
        inPlan('a', { status: 'pending' }),
        inPlan('b', { status: 'waived', waiver: { reason: 'r', approved_by: 'client' } }),
      ]),
      manifest([inManifest('a'), inManifest('b')]),
    );
    expect(planDiffers(d)).toBe(false);
  });
});
