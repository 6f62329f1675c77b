import { describe, expect, it } from 'vitest';
import { buildChecklist } from '../../src/core/checklist.js';
import { examplePlan, manifestFor, verificationFor } from '../helpers/documents.js';

describe('buildChecklist', () => {
  it('lists credentials by file name only: no size, no digest', () => {
    const plan = examplePlan();
    const c = buildChecklist({
      plan,
      manifest: manifestFor(plan, '2026-12-01T00:00:00Z'),
      date: '2026-12-20',
    });
    const creds = c.families.find((f) => f.category === 'credentials')!.rows[0]!;
    expect(creds.credential).toBe(true);
    expect(creds.files).toEqual([{ name: 'm365-admin-export.bin' }]);
    expect(creds.bytes).toBeUndefined();
    const backup = c.families.find((f) => f.category === 'backups')!.rows[0]!;
    expect(backup.files[0]).toMatchObject({ name: 'fs01-backup-export.bin', size: 1024 });
    expect(backup.files[0]!.digest).toHaveLength(128);
  });

  it('is complete only when every required deliverable is handed over intact or waived and the verification holds', () => {
    const plan = examplePlan();
    const m = manifestFor(plan, '2026-12-01T00:00:00Z');
    expect(
      buildChecklist({ plan, manifest: m, verification: verificationFor(m), date: '2026-12-20' }).complete,
    ).toBe(true);
    const bad = buildChecklist({
      plan,
      manifest: m,
      verification: verificationFor(m, { altered: ['fs01-backup'] }),
      date: '2026-12-20',
    });
    expect(bad.complete).toBe(false);
    const row = bad.families[0]!.rows[0]!;
    expect([row.verification, row.missing, row.ok]).toEqual(['altered', true, false]);
    const m2 = manifestFor(plan, '2026-12-13T00:00:00Z', ['runbooks']);
    const late = buildChecklist({ plan, manifest: m2, date: '2026-12-20' });
    expect(late.totals).toMatchObject({ missing: 1, late: 2, waived: 1, deliverables: 4 });
    expect(late.complete).toBe(false);
  });

  it('names who does each open action, and the waiver approver by name', () => {
    const c = buildChecklist({ plan: examplePlan(), date: '2026-12-20', language: 'en' });
    const by = Object.fromEntries(c.actions.map((a) => [a.id, a.responsibleName]));
    expect(by).toMatchObject({
      'rotate-secrets': 'NovaIT SA',
      'revoke-accounts': 'ACME SA',
      'revoke-remote-access': 'NovaIT SA',
      'move-registrar-dns': 'InfoGest Sàrl',
      'move-licence-portals': 'InfoGest Sàrl',
      'confirm-restore-test': 'NovaIT SA',
    });
    expect(c.actions.find((a) => a.id === 'rotate-secrets')!.concerns).toEqual(['m365-admin']);
    const waived = c.families.find((f) => f.category === 'other')!.rows[0]!;
    expect(waived.waiver).toMatchObject({
      reason: 'Licences end with the contract',
      approverName: 'ACME SA',
    });
    // The terms the record uses, never invented service levels (no SLA, no "resolved within 8 h").
    // Before any delivery: no fingerprint, digest or OpenPGP signature in the document.
    expect(c.glossary.map((g) => g.term)).toEqual(['Manifest', 'Waiver', 'Reserve']);
    const delivered = buildChecklist({
      plan: examplePlan(),
      manifest: manifestFor(examplePlan(), '2026-12-13T00:00:00Z'),
      date: '2026-12-20',
      language: 'en',
    });
    expect(delivered.glossary.map((g) => g.term)).toEqual([
      'Fingerprint',
      'SHA-256, SHA-512',
      'Manifest',
      'Signature',
      'Waiver',
      'Reserve',
    ]);
    expect(c.glossary.map((g) => g.definition).join(' ')).not.toMatch(/\b(SLA|MTTR|within \d+ h)\b/);
    expect(c.signOff.map((s) => s.role)).toEqual(['client', 'outgoing', 'incoming']);
  });
});
