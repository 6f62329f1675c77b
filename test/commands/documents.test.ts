/**
 * checklist and compensation end to end through the built CLI: plans with complete, incomplete,
 * late and waived deliverables, hand-built manifest and verification files, both languages and
 * both formats; and one real bundle + verify round trip feeding both documents.
 */
import { readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitkit, tempDir } from '../helpers/cli.js';
import { DOCUMENT_SECRET, examplePlan, writeDocumentInputs as setup } from '../helpers/documents.js';
import { makeScenario } from '../helpers/scenario.js';

const SECRET = DOCUMENT_SECRET;

describe('exitkit compensation', () => {
  it('releases the final payment (exit 0) for a complete, verified, on-time handover; amounts are strings', async () => {
    const s = await setup(examplePlan(), { manifestCreated: '2026-12-09T16:00:00Z' });
    const r = await exitkit([
      'compensation',
      s.plan,
      '--manifest',
      s.manifest,
      '--verification',
      s.verification,
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown> & {
      finalPayment: { amount: unknown; releasable: unknown };
    };
    expect(j).toMatchObject({
      currency: 'CHF',
      fees: [
        { label: 'Reversibility fee', amount: '4500.00' },
        { label: 'Transition assistance', amount: '12000.00' },
      ],
      penalties: [],
      subtotal: '16500.00',
      vat: '1336.50',
      total: '17836.50',
      finalPayment: { amount: '15000.00', releasable: true },
    });
  });

  it('holds the payment (exit 1) and names each penalty: late days from the manifest date, missing, waived spared', async () => {
    const s = await setup(examplePlan(), { manifestCreated: '2026-12-13T10:00:00Z', missing: ['runbooks'] });
    const r = await exitkit([
      'compensation',
      s.plan,
      '--manifest',
      s.manifest,
      '--verification',
      s.verification,
      '--json',
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as {
      penalties: Array<{ label: string; amount: string }>;
      subtotal: string;
      vat: string;
      total: string;
      finalPayment: { releasable: boolean; holds: Array<{ code: string; message: string }> };
    };
    expect(j.penalties).toEqual([
      expect.objectContaining({
        label: 'Late by 3 days: Full backup of the file server FS01 (fs01-backup)',
        amount: '150.00',
      }),
      expect.objectContaining({
        label: expect.stringContaining('Late by 3 days') as string,
        amount: '150.00',
      }),
      expect.objectContaining({ label: 'Missing: Runbooks (runbooks)', amount: '500.00' }),
    ]);
    expect(JSON.stringify(j.penalties)).not.toContain('cad-licences');
    expect([j.subtotal, j.vat, j.total]).toEqual(['15700.00', '1271.70', '16971.70']);
    expect(j.finalPayment.releasable).toBe(false);
    expect(j.finalPayment.holds[0]!.message).toContain('runbooks');
  });

  it('without a manifest counts lateness to --date and says so, in French Markdown with Swiss amounts', async () => {
    const s = await setup(examplePlan());
    const r = await exitkit(['compensation', s.plan, '--date', '2026-12-12']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('# Décompte de réversibilité'); // DOMAIN.md's word: not an « indemnité »
    expect(r.stdout).toContain('CHF\u00a016\u202f500.00'); // the fees, as Swiss readers write them
    expect(r.stdout).toMatch(/Retard de 2 jours/);
    expect(r.stdout).toContain('jusqu’au 12 décembre 2026, date de ce décompte, faute de manifeste');
    expect(r.stdout).toContain('TVA 8,1\u00a0%');
    expect(r.stdout).toContain('**Pas encore libérable.**');
    expect(r.stdout).toContain('## Règles appliquées');
  });

  it('writes EUR as French readers do, and the cap when it bites, in HTML to --out', async () => {
    const base = examplePlan();
    const plan = {
      ...base,
      compensation: {
        ...base.compensation!,
        currency: 'EUR',
        vat_percent: '20',
        rounding: '0.01',
        penalties: { missing_required: '5000', late_per_day: '50', cap_percent: '10' },
      },
    };
    const s = await setup(plan, { manifestCreated: '2026-12-01T00:00:00Z', missing: ['runbooks'] });
    const out = path.join(s.dir, 'compensation.html');
    const r = await exitkit(['compensation', s.plan, '--manifest', s.manifest, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const html = await readFile(out, 'utf8');
    expect(html).toContain('16\u202f500,00\u00a0€');
    expect(html).toContain('Le plafond s’applique');
    expect(html).toContain('1\u202f650,00\u00a0€');
    expect((await readdir(s.dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses (exit 2) a verification of another manifest, or a file that is not a verification', async () => {
    const s = await setup(examplePlan(), { manifestCreated: '2026-12-09T16:00:00Z' });
    const other = await setup(examplePlan({ id: 'other-exit' }), { manifestCreated: '2026-12-09T16:00:00Z' });
    let r = await exitkit(['compensation', s.plan, '--verification', other.verification]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: the verification is for the plan "other-exit", not "acme-exit-2026"');
    r = await exitkit(['compensation', s.plan, '--verification', s.plan]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a verification: it is not JSON/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('exitkit checklist', () => {
  it('exits 0 for a complete verified handover, with the manifest digest, signer and recipients', async () => {
    const s = await setup(examplePlan(), { manifestCreated: '2026-12-09T16:00:00Z' });
    const r = await exitkit([
      'checklist',
      s.plan,
      '--manifest',
      s.manifest,
      '--verification',
      s.verification,
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('**Handover complete**');
    expect(r.stdout).toContain('SHA-256 of the manifest:');
    expect(r.stdout).toContain('Signed by (fingerprint): 2222 2222');
    expect(r.stdout).toContain('NovaIT SA (Incoming provider): 3333 3333');
    expect(r.stdout).toMatch(
      /\| \*\*Full backup of the file server FS01\*\* \(fs01-backup\)<br>fs01-backup-export\.bin · 1\u00a0KB · a{16} \|/,
    );
  });

  it('flags late, missing and altered rows, shows the waiver, in both languages and both formats (exit 1)', async () => {
    const s = await setup(examplePlan(), {
      manifestCreated: '2026-12-13T10:00:00Z',
      missing: ['runbooks'],
      altered: ['m365-admin'],
    });
    const args = ['checklist', s.plan, '--manifest', s.manifest, '--verification', s.verification];
    const en = await exitkit([...args, '--lang', 'en', '--format', 'md']);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('**LATE 3 DAYS**');
    expect(en.stdout).toMatch(/Runbooks\*\* \(runbooks\) .*\| not delivered \| \*\*MISSING\*\*/);
    expect(en.stdout).toMatch(/m365-admin.*\| altered<br>altered: data\/credentials/);
    expect(en.stdout).toContain(
      'Waived: Licences end with the contract; approved by ACME SA on 2 November 2026',
    );

    const fr = await exitkit([...args, '--lang', 'fr', '--format', 'md']);
    expect(fr.code).toBe(1);
    expect(fr.stdout).toContain('**RETARD 3 JOURS**');
    expect(fr.stdout).toContain('**MANQUANT**');
    expect(fr.stdout).toContain(
      'Dispensé\u00a0: Licences end with the contract\u202f; approuvé par ACME SA le 2 novembre 2026',
    );
    expect(fr.stdout).toContain('## Signatures');

    for (const lang of ['en', 'fr']) {
      const out = path.join(s.dir, `checklist.${lang}.html`);
      const h = await exitkit([...args, '--lang', lang, '--out', out]);
      expect(h.code).toBe(1);
      const html = await readFile(out, 'utf8');
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain('name="viewport"');
      expect(html).toContain('@page { size: A4');
      // Self-contained: no external asset of any kind.
      expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:|\/\/)/i);
      expect(html).not.toMatch(/@import|url\(/);
      expect(html).toContain(lang === 'en' ? 'LATE 3 days' : 'RETARD 3 JOURS');
      expect(html).toContain(lang === 'en' ? 'Incoming provider' : 'Prestataire entrant');
    }
  });

  it('from the plan alone: files found on disk, credentials by file name only, the open actions, glossary and sign-off', async () => {
    const s = await setup(examplePlan());
    await symlink('/etc/hostname', path.join(s.dir, 'exports/backups/fs01-link.vbk'));
    const r = await exitkit(['checklist', s.plan, '--date', '2026-12-20', '--lang', 'en']);
    expect(r.stdout).toContain('<br>exports/backups/fs01-link.vbk is a symbolic link');
    // Per the plan's statuses every required deliverable is ready or waived: complete (late is not missing).
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('**LATE 10 DAYS**');
    expect(r.stdout).toContain('fs01-2026-12-01.vbk · 1.5\u00a0KB');
    expect(r.stdout).toMatch(/\(m365-admin\)<br>handover\.kdbx \|/); // name only: no size, no digest
    expect(r.stdout).not.toContain(SECRET);
    for (const words of [
      'Rotate every handed-over password',
      'Revoke the outgoing provider’s accounts',
      'VPN access',
      'domain registrar and DNS',
      'licence portals',
      'restore test',
    ])
      expect(r.stdout).toContain(words);
    expect(r.stdout).toMatch(/Rotate every handed-over password.*\| NovaIT SA \(Incoming provider\) \|/);
    for (const term of ['SLA', 'SLO', 'KPI', 'MTTR', 'Critical', 'Major', 'Minor', 'Improvement'])
      expect(r.stdout).toContain(`**${term}**`);
    for (const role of ['Client', 'Outgoing provider', 'Incoming provider'])
      expect(r.stdout).toContain(`**${role}**:`);
    expect(r.stdout).toContain('No manifest was given');
  });

  it('summarises the inventory CSV by type and by location', async () => {
    const plan = examplePlan({
      deliverables: [
        {
          id: 'inventory',
          category: 'inventory',
          title: 'Inventory',
          required: true,
          owner: 'outgoing',
          sources: ['inventory.csv'],
          checks: {},
          status: 'ready',
        },
      ],
    });
    const s = await setup(plan);
    await writeFile(
      path.join(s.dir, 'inventory.csv'),
      'name,type,location\nPC1,workstation,Fribourg\nPC2,workstation,Bulle\nFS01,server,Fribourg\n',
    );
    const r = await exitkit(['checklist', s.plan, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('inventory.csv: **3** items');
    expect(r.stdout).toContain('| workstation | 2 |');
    expect(r.stdout).toContain('| Fribourg | 2 |');
  });

  it('escapes what the plan says: a pipe cannot break a Markdown table, a tag cannot reach the HTML', async () => {
    const plan = examplePlan();
    plan.deliverables[2]!.title = 'Runbooks | <script>alert(1)</script> *now*';
    const s = await setup(plan);
    const md = await exitkit(['checklist', s.plan, '--lang', 'en']);
    expect(md.stdout).toContain('Runbooks \\| \\<script\\>alert(1)\\</script\\> \\*now\\*');
    const out = path.join(s.dir, 'c.html');
    await exitkit(['checklist', s.plan, '--out', out]);
    const html = await readFile(out, 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('renders a provider template (--template) with the same data', async () => {
    const s = await setup(examplePlan());
    const tpl = path.join(s.dir, 'ours.md.hbs');
    await writeFile(
      tpl,
      '{{plan.id}} for {{#each parties}}{{name}};{{/each}} {{totals.deliverables}} items, due {{when contract.end}}\n',
    );
    const r = await exitkit(['checklist', s.plan, '--template', tpl, '--lang', 'en']);
    expect(r.stdout).toBe(
      'acme-exit-2026 for ACME SA;InfoGest Sàrl;NovaIT SA; 4 items, due 31 December 2026\n',
    );
    const bad = path.join(s.dir, 'bad.hbs');
    await writeFile(bad, '{{#each parties}}never closed');
    const b = await exitkit(['checklist', s.plan, '--template', bad]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/error: the template .*bad\.hbs does not compile/);
  });
});

describe('documents from a real bundle and verify', () => {
  let s: Awaited<ReturnType<typeof makeScenario>>;
  let manifest: string;
  const verification = () => path.join(s.dir, 'verification.json');
  beforeAll(async () => {
    s = await makeScenario({ dir: await tempDir() });
    const b = await exitkit(['bundle', s.plan, '--out', s.out, '--signing-key', s.keys.outgoing.sec]);
    expect(b.code).toBe(0);
    manifest = path.join(s.out, `${s.id}.manifest.json`);
    const v = await exitkit([
      'verify',
      manifest,
      '--plan',
      s.plan,
      '--decryption-key',
      s.keys.incoming.sec,
      '--json',
    ]);
    expect(v.code).toBe(0);
    await writeFile(verification(), v.stdout);
  });

  it('releases the final payment and calls the checklist complete, never showing a credential', async () => {
    const c = await exitkit([
      'compensation',
      s.plan,
      '--manifest',
      manifest,
      '--verification',
      verification(),
      '--json',
    ]);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout)).toMatchObject({ total: '17836.50', finalPayment: { releasable: true } });
    const k = await exitkit(['checklist', s.plan, '--manifest', manifest, '--verification', verification()]);
    expect(k.code).toBe(0);
    expect(k.stdout).toContain(s.keys.outgoing.fingerprint.replace(/(.{4})(?!$)/g, '$1 '));
    expect(k.stdout).toContain('handover.kdbx');
    expect(k.stdout).not.toContain('encrypted vault bytes');
  });
});
