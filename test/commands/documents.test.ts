/**
 * checklist and compensation end to end through the built CLI: plans with complete, incomplete,
 * late and waived deliverables, hand-built manifest and verification files, both languages and
 * both formats; and one real bundle + verify round trip feeding both documents.
 */
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitkit, tempDir } from '../helpers/cli.js';
import {
  DOCUMENT_SECRET,
  deliverable,
  examplePlan,
  writeDocumentInputs as setup,
} from '../helpers/documents.js';
import { verifiedBundle } from '../helpers/delivery.js';
import { makeScenario } from '../helpers/scenario.js';

const SECRET = DOCUMENT_SECRET;

describe('exitkit compensation', () => {
  type Json = Record<string, unknown> & {
    penalties: Array<{ label: string; amount: string; cause: string; deliverable: string }>;
    subtotal: string;
    vat: string;
    total: string;
    obligations: Array<{ owner: string; deliverable: string }>;
    finalPayment: {
      amount: string;
      releasable: boolean;
      conditions: Array<{ id: string; met: boolean; detail: string }>;
    };
  };
  const compensation = async (
    s: { plan: string; manifest: string; verification: string },
    ...more: string[]
  ) => {
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
      ...more,
    ]);
    return { ...r, json: JSON.parse(r.stdout) as Json };
  };

  it('releases the final payment (exit 0) for a complete handover verified with a key; amounts are strings', async () => {
    const s = await setup(examplePlan(), { manifestCreated: '2026-12-09T16:00:00Z' });
    const r = await compensation(s);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({
      currency: 'CHF',
      fees: [
        { label: 'Reversibility fee', amount: '4500.00' },
        { label: 'Transition assistance', amount: '12000.00' },
      ],
      penalties: [],
      subtotal: '16500.00',
      vat: '1336.50',
      total: '17836.50',
      finalPayment: {
        amount: '15000.00',
        releasable: true,
        conditions: [
          { id: 'decrypted_verification', met: true },
          { id: 'complete', met: true },
          { id: 'no_open_reserves', met: true, detail: 'no receipt given: no reserve known' },
        ],
      },
    });
  });

  it('one missing deliverable: penalty outside VAT after it (indemnity) or before it (service credit)', async () => {
    const s = await setup(examplePlan(), { manifestCreated: '2026-12-09T16:00:00Z', missing: ['runbooks'] });
    const r = await compensation(s, '--date', '2026-12-20');
    expect(r.code).toBe(1);
    expect(r.json.penalties).toEqual([
      expect.objectContaining({ label: 'Missing: Runbooks (runbooks)', amount: '500.00', cause: 'missing' }),
    ]);
    expect([r.json.subtotal, r.json.vat, r.json.total]).toEqual(['16500.00', '1336.50', '17336.50']);
    expect(r.json.finalPayment.conditions.find((c) => c.id === 'complete')).toMatchObject({
      met: false,
      detail: expect.stringContaining('runbooks (outgoing provider)') as string,
    });

    const base = examplePlan();
    const credit = {
      ...base,
      compensation: {
        ...base.compensation!,
        penalties: { ...base.compensation!.penalties, treatment: 'service_credit' as const },
      },
    };
    const c = await setup(credit, { manifestCreated: '2026-12-09T16:00:00Z', missing: ['runbooks'] });
    const sc = await compensation(c, '--date', '2026-12-20');
    expect([sc.json.subtotal, sc.json.vat, sc.json.total]).toEqual(['16000.00', '1296.00', '17296.00']);
    const md = await exitkit([
      'compensation',
      c.plan,
      '--manifest',
      c.manifest,
      '--lang',
      'en',
      '--date',
      '2026-12-20',
    ]);
    expect(md.stdout).toContain('| Service credits | −CHF\u00a0500.00 |');
    expect(md.stdout).toContain('| **Taxable base** | **CHF\u00a016,000.00** |');
  });

  it('a missing deliverable the client owes costs no penalty and is the client’s own open obligation', async () => {
    const plan = examplePlan();
    plan.deliverables.push(
      deliverable({
        id: 'licence-list',
        category: 'inventory',
        title: 'Signed licence list',
        owner: 'client',
      }),
    );
    const s = await setup(plan, { manifestCreated: '2026-12-09T16:00:00Z', missing: ['licence-list'] });
    const r = await compensation(s);
    expect(r.code).toBe(1);
    expect(r.json.penalties).toEqual([]);
    expect(r.json.total).toBe('17836.50');
    expect(r.json.obligations).toEqual([
      expect.objectContaining({ owner: 'client', deliverable: 'licence-list' }),
    ]);
    expect(r.json.finalPayment.conditions.find((c) => c.id === 'complete')!.met).toBe(false);
    const md = await exitkit(['compensation', s.plan, '--manifest', s.manifest, '--lang', 'fr']);
    expect(md.stdout).toContain('## Obligations ouvertes des autres parties');
    expect(md.stdout).toContain('- **ACME SA** (Client)\u00a0: Signed licence list (licence-list)');
  });

  it('never releases on a verification without a key, and names the condition', async () => {
    const s = await setup(examplePlan(), { manifestCreated: '2026-12-09T16:00:00Z', decrypted: false });
    const r = await compensation(s);
    expect(r.code).toBe(1);
    expect(r.json.finalPayment.releasable).toBe(false);
    expect(r.json.finalPayment.conditions[0]).toMatchObject({
      id: 'decrypted_verification',
      met: false,
      detail: expect.stringContaining('did not decrypt the archive') as string,
    });
    const md = await exitkit([
      'compensation',
      s.plan,
      '--manifest',
      s.manifest,
      '--verification',
      s.verification,
      '--lang',
      'en',
    ]);
    expect(md.stdout).toContain('| a verification that decrypted and re-hashed every file | **no** |');
    expect(md.stdout).toContain('**Not releasable yet: every condition marked no must hold first.**');
    expect(md.stdout).not.toMatch(/can be released/);
  });

  it('without a manifest counts lateness to --date and says so, in French Markdown with Swiss amounts', async () => {
    const s = await setup(examplePlan());
    const r = await exitkit(['compensation', s.plan, '--date', '2026-12-12']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('# Décompte de réversibilité\u00a0:');
    expect(r.stdout).not.toMatch(/indemnité de réversibilité/);
    expect(r.stdout).toContain('## Prix des prestations de réversibilité');
    expect(r.stdout).toContain('CHF\u00a016\u202f500.00'); // the fees, as Swiss readers write them
    expect(r.stdout).toMatch(/En retard de 2 jours/);
    expect(r.stdout).toContain('le 12 décembre 2026, date de ce décompte, faute de manifeste');
    expect(r.stdout).toContain('TVA 8,1\u00a0%');
    expect(r.stdout).toContain(
      '| dont retenu jusqu’à la libération (TVA comprise) | CHF\u00a015\u202f000.00 |',
    );
    expect(r.stdout).toContain(
      '**Pas encore libérable\u00a0: chaque condition marquée non doit d’abord être remplie.**',
    );
    expect(r.stdout).toContain('## Règles appliquées');
  });

  it('writes EUR to the cent as French readers do, and the cap when late penalties hit it, in HTML', async () => {
    const base = examplePlan();
    const plan = {
      ...base,
      compensation: {
        ...base.compensation!,
        currency: 'EUR',
        vat_percent: '20',
        rounding: '0.01',
        fees: [{ label: { fr: 'Forfait de réversibilité', en: 'Reversibility fee' }, amount: '16500.01' }],
        penalties: { treatment: 'indemnity' as const, late_per_day: '500', cap_percent: '10' },
      },
    };
    const s = await setup(plan, { manifestCreated: '2026-12-30T00:00:00Z' });
    const out = path.join(s.dir, 'compensation.html');
    const r = await exitkit(['compensation', s.plan, '--manifest', s.manifest, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const html = await readFile(out, 'utf8');
    expect(html).toContain('Forfait de réversibilité');
    expect(html).toContain('16\u202f500,01\u00a0€');
    expect(html).toContain('Le plafond s’applique');
    // 10 % of 16 500.01 = 1650.001 -> 1 650,00; VAT 20 % = 3300.002 -> 3 300,00; due 18 150,01
    expect(html).toContain('−1\u202f650,00\u00a0€');
    expect(html).toContain('18\u202f150,01\u00a0€');
    expect((await readdir(s.dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const en = await exitkit(['compensation', s.plan, '--manifest', s.manifest, '--lang', 'en', '--json']);
    expect(JSON.parse(en.stdout)).toMatchObject({
      fees: [{ label: 'Reversibility fee' }],
      total: '18150.01',
    });
  });

  it('rounds a Swiss total to CHF 0.05', async () => {
    const base = examplePlan();
    const plan = {
      ...base,
      compensation: { ...base.compensation!, fees: [{ label: 'Fee', amount: '1234.56' }] },
    };
    const s = await setup(plan, { manifestCreated: '2026-12-09T16:00:00Z' });
    const r = await compensation(s);
    expect(r.json).toMatchObject({ vat: '100.00', totalBeforeRounding: '1334.56', total: '1334.55' });
  });

  it('refuses (exit 2) a verification of another manifest, a file that is not one, a receipt without its manifest', async () => {
    const s = await setup(examplePlan(), { manifestCreated: '2026-12-09T16:00:00Z' });
    const other = await setup(examplePlan({ id: 'other-exit' }), { manifestCreated: '2026-12-09T16:00:00Z' });
    let r = await exitkit(['compensation', s.plan, '--verification', other.verification]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: the verification is for the plan "other-exit", not "acme-exit-2026"');
    r = await exitkit(['compensation', s.plan, '--verification', s.plan]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a verification: it is not JSON/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    r = await exitkit(['compensation', s.plan, '--receipt', s.verification]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: a receipt is checked against the manifest it acknowledges');
    expect(r.stderr).toContain('hint: give --manifest');
    r = await exitkit(['compensation', s.plan, '--attestation', path.join(s.dir, 'nope.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: cannot read the attestation');
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
    // The glossary and the footer speak of what the document shows: no key, no file digest here.
    for (const term of ['SHA-256, SHA-512', 'Manifest', 'Waiver', 'Reserve'])
      expect(r.stdout).toContain(`**${term}**`);
    expect(r.stdout).not.toMatch(/\*\*(Fingerprint|Signature)\*\*/);
    expect(r.stdout).not.toMatch(/\bSLA\b|resolved within/);
    expect(r.stdout).toContain('Credentials are listed by name and file name only.\n');
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
    ({ manifest } = await verifiedBundle(s));
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

  it('holds the payment on the client’s keyless verification, releases it on the incoming provider’s signed receipt', async () => {
    const keyless = path.join(s.dir, 'verification-client.json');
    const v = await exitkit(['verify', manifest, '--plan', s.plan, '--json']);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, decrypted: false });
    await writeFile(keyless, v.stdout);
    const compensation = (...more: string[]) =>
      exitkit(['compensation', s.plan, '--manifest', manifest, '--verification', keyless, '--json', ...more]);
    type Json = {
      finalPayment: { releasable: boolean; conditions: Array<{ id: string; met: boolean; detail: string }> };
    };

    const held = await compensation();
    expect(held.code).toBe(1);
    const h = JSON.parse(held.stdout) as Json;
    expect(h.finalPayment.conditions[0]).toMatchObject({ id: 'decrypted_verification', met: false });
    expect(h.finalPayment.conditions.slice(1).every((c) => c.met)).toBe(true);

    // The incoming provider signs a receipt of its decrypting verification.
    await mkdir(path.join(s.dir, 'incoming'));
    const ack = await exitkit([
      'acknowledge',
      manifest,
      '--plan',
      s.plan,
      '--signing-key',
      s.keys.incoming.sec,
      '--verification',
      verification(),
      '--out',
      path.join(s.dir, 'incoming'),
    ]);
    expect(ack.code).toBe(0);
    const incomingReceipt = path.join(s.dir, 'incoming', `${s.id}.receipt.incoming.json`);
    const released = await compensation('--receipt', incomingReceipt);
    expect(released.code).toBe(0);
    const r = JSON.parse(released.stdout) as Json;
    expect(r.finalPayment.releasable).toBe(true);
    expect(r.finalPayment.conditions[0]!.detail).toMatch(
      /^NovaIT SA signed on .* a receipt of a verification that decrypted/,
    );

    // The client's receipt of its keyless verification is a receipt, not a decrypting verification.
    await mkdir(path.join(s.dir, 'client'));
    expect(
      (
        await exitkit([
          'acknowledge',
          manifest,
          '--plan',
          s.plan,
          '--signing-key',
          s.keys.client.sec,
          '--verification',
          keyless,
          '--out',
          path.join(s.dir, 'client'),
        ])
      ).code,
    ).toBe(0);
    const clientReceipt = path.join(s.dir, 'client', `${s.id}.receipt.client.json`);
    const client = JSON.parse((await compensation('--receipt', clientReceipt)).stdout) as Json;
    expect(client.finalPayment.conditions[0]!.met).toBe(false);
    expect(client.finalPayment.releasable).toBe(false);

    // A receipt whose signature does not hold counts for nothing, and says why.
    const forged = path.join(s.dir, 'forged.receipt.json');
    await writeFile(forged, (await readFile(incomingReceipt, 'utf8')).replace('"ok": true', '"ok": false'));
    await writeFile(`${forged}.asc`, await readFile(`${incomingReceipt}.asc`));
    const f = await compensation('--receipt', forged);
    expect(f.code).toBe(1);
    const fj = JSON.parse(f.stdout) as Json;
    expect(fj.finalPayment.conditions.find((c) => c.id === 'no_open_reserves')).toMatchObject({ met: false });

    // The HTML a client's finance team reads: the condition met, with its evidence.
    const out = path.join(s.dir, 'compensation.html');
    const html = await exitkit([
      'compensation',
      s.plan,
      '--manifest',
      manifest,
      '--verification',
      keyless,
      '--receipt',
      incomingReceipt,
      '--out',
      out,
    ]);
    expect(html.code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text).toContain('Final payment of CHF');
    expect(text).toContain('can be released');
    expect(text).toContain('NovaIT SA signed on');
  });
});
