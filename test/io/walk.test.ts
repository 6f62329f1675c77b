import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/io/plan/plan-file.js';
import { planWithStatuses } from '../../src/io/plan/write-back.js';
import { CTRL_C, scriptedPrompter } from '../../src/io/prompts.js';
import { CATALOGS } from '../../src/core/i18n/terminal/index.js';
import { AnswersInterrupted, applyDecisions, askDecisions, walkPlan } from '../../src/io/walk.js';
import { tempDir } from '../helpers/cli.js';

const PLAN = `# yaml-language-server: $schema=./exit-plan.schema.json
# The exit of ACME: a comment that must survive the walk.
version: 1
id: acme-exit-2026
title: "Reversibility of ACME SA's IT"
contract: {reference: INF-2021-014, end: 2026-12-31}
parties:
  client: {name: ACME SA}
  outgoing: {name: InfoGest Sàrl}
deliverables:
  # backups first
  - id: fs01-backup
    category: backups
    title: Full backup of FS01
    sources: [exports/fs01.vbk] # the weekly full
    status: pending   # set by the walk
  - id: vault
    category: credentials
    title: Password vault
    sources: [exports/passwords.csv]

  # documentation
  - id: runbooks
    category: documentation
    title: Runbooks
    sources:
      - exports/docs
  - id: cad
    category: other
    title: CAD licences
    sources: [exports/cad.lic]
compensation:
  currency: CHF
  vat_percent: 8.10
  rounding: 0.05
  fees:
    - {label: Reversibility fee, amount: 4500.00}
`;

async function scenario() {
  const dir = await tempDir();
  await mkdir(path.join(dir, 'exports/docs'), { recursive: true });
  await writeFile(path.join(dir, 'exports/fs01.vbk'), 'backup bytes\n');
  await writeFile(path.join(dir, 'exports/passwords.csv'), 'url,user,password\nhttps://fw,admin,hunter2\n');
  await writeFile(path.join(dir, 'exports/docs/runbook.md'), '# Runbook\n');
  const file = path.join(dir, 'plan.yaml');
  await writeFile(file, PLAN);
  return { dir, file };
}

describe('the interactive walk (prompt layer driven by recorded answers)', () => {
  it('asks deliverable by deliverable and writes the statuses back, keeping comments and formatting', async () => {
    const { file } = await scenario();
    const loaded = await loadPlan(file, { checkKeys: false });
    const now = Date.now();
    const walked = await walkPlan(loaded, now);
    expect(walked.map((w) => w.deliverable.id)).toEqual(['fs01-backup', 'vault', 'runbooks', 'cad']);

    const prompter = scriptedPrompter([
      'ready', // fs01-backup: files check out
      'waive', // vault: clear text, cannot be marked ready
      'Passwords handed over in person, on paper',
      'client (Mme Python)',
      'leave', // runbooks
      'leave', // cad: missing
    ]);
    const decisions = await askDecisions(walked, prompter, '2026-11-23', CATALOGS.en);
    expect(prompter.asked[1]).toContain('credentials / vault: Password vault [pending; 1 error]');
    const after = await applyDecisions(loaded, walked, decisions, now);
    expect(after.find((w) => w.deliverable.id === 'fs01-backup')?.assessment.ready).toBe(true);
    expect(after.find((w) => w.deliverable.id === 'vault')?.assessment.ready).toBe(true);

    const text = await readFile(file, 'utf8');
    const expected = PLAN.replace(
      '    status: pending   # set by the walk',
      '    status: ready   # set by the walk',
    ).replace(
      '    sources: [exports/passwords.csv]\n',
      '    sources: [exports/passwords.csv]\n    status: waived\n    waiver: {reason: "Passwords handed over in person, on paper", approved_by: client (Mme Python), date: 2026-11-23}\n',
    );
    expect(text).toBe(expected);
    // The plan is still valid, with the new statuses.
    const again = await loadPlan(file, { checkKeys: false });
    expect(again.plan.deliverables.map((d) => d.status)).toEqual(['ready', 'waived', 'pending', 'pending']);
    expect(again.plan.compensation?.vat_percent).toBe('8.10');
  });

  it('changes nothing when every answer is "leave"', async () => {
    const { file } = await scenario();
    const loaded = await loadPlan(file, { checkKeys: false });
    const walked = await walkPlan(loaded, Date.now());
    const decisions = await askDecisions(
      walked,
      scriptedPrompter(['leave', 'leave', 'leave', 'leave']),
      '2026-11-23',
      CATALOGS.en,
    );
    await applyDecisions(loaded, walked, decisions, Date.now());
    expect(await readFile(file, 'utf8')).toBe(PLAN);
  });

  it('refuses to write over a plan edited during the walk', async () => {
    const { file } = await scenario();
    const loaded = await loadPlan(file, { checkKeys: false });
    const walked = await walkPlan(loaded, Date.now());
    const decisions = await askDecisions(
      walked,
      scriptedPrompter(['ready', 'leave', 'leave', 'leave']),
      '2026-11-23',
      CATALOGS.en,
    );
    await writeFile(file, `${PLAN}# edited meanwhile\n`);
    await expect(applyDecisions(loaded, walked, decisions, Date.now())).rejects.toThrow(/changed on disk/);
    expect(await readFile(file, 'utf8')).toBe(`${PLAN}# edited meanwhile\n`);
  });
});

describe('the answers of a long walk', () => {
  async function manyReady() {
    const { dir, file } = await scenario();
    await writeFile(path.join(dir, 'exports/cad.lic'), 'licence\n');
    return { file, loaded: await loadPlan(file, { checkKeys: false }) };
  }

  it('marks every deliverable that checks out ready with one answer, and asks about the others only', async () => {
    const { loaded } = await manyReady();
    const walked = await walkPlan(loaded, Date.now());
    const prompter = scriptedPrompter(['allReady', 'leave']);
    const decisions = await askDecisions(walked, prompter, '2026-11-23', CATALOGS.en);
    // fs01-backup (asked, answered for all), vault (clear text: asked), runbooks and cad (settled).
    expect(prompter.asked).toHaveLength(2);
    expect(prompter.asked[0]).toMatch(/^1\/4 backups \/ fs01-backup: /);
    expect(prompter.asked[1]).toMatch(/^2\/4 credentials \/ vault: /);
    const ready = [...decisions].filter(([, d]) => d.action === 'ready').map(([i]) => i);
    expect(ready.map((i) => loaded.plan.deliverables[i]!.id).sort()).toEqual([
      'cad',
      'fs01-backup',
      'runbooks',
    ]);
  });

  it('offers the answer for all only while another deliverable that checks out is still to come', async () => {
    const { loaded } = await manyReady();
    const walked = await walkPlan(loaded, Date.now());
    // The last one that checks out (cad) has no one after it: "allReady" is no choice there.
    await expect(
      askDecisions(
        walked,
        scriptedPrompter(['ready', 'leave', 'ready', 'allReady']),
        '2026-11-23',
        CATALOGS.en,
      ),
    ).rejects.toThrow(/is not a choice/);
  });

  it('gives the answers taken until an interruption with it', async () => {
    const { loaded } = await manyReady();
    const walked = await walkPlan(loaded, Date.now());
    const asked = askDecisions(
      walked,
      scriptedPrompter(['ready', 'leave', CTRL_C]),
      '2026-11-23',
      CATALOGS.en,
    );
    const e = await asked.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AnswersInterrupted);
    expect([...(e as AnswersInterrupted).decisions.entries()]).toEqual([[0, { action: 'ready' }]]);
  });
});

describe('planWithStatuses', () => {
  it('replaces a waiver by a ready mark, removing the waiver lines only', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'p.yaml');
    const text = PLAN.replace(
      '    sources: [exports/cad.lic]\n',
      '    sources: [exports/cad.lic]\n    status: waived\n    waiver:\n      reason: End of contract # agreed in October\n      approved_by: client\n',
    );
    await writeFile(file, text);
    const loaded = await loadPlan(file, { checkKeys: false });
    const cad = loaded.plan.deliverables[3]!;
    const out = planWithStatuses(loaded.text, loaded.doc, [
      { index: 3, deliverable: { ...cad, status: 'ready', waiver: undefined } } as never,
    ]);
    expect(out).toBe(
      PLAN.replace('    sources: [exports/cad.lic]\n', '    sources: [exports/cad.lic]\n    status: ready\n'),
    );
  });

  it('falls back to the yaml library for a deliverable written as a flow map', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'p.yaml');
    const text = PLAN.replace(
      '  - id: cad\n    category: other\n    title: CAD licences\n    sources: [exports/cad.lic]\n',
      '  - {id: cad, category: other, title: CAD licences, sources: [exports/cad.lic]} # one line\n',
    );
    await writeFile(file, text);
    const loaded = await loadPlan(file, { checkKeys: false });
    const cad = loaded.plan.deliverables[3]!;
    const out = planWithStatuses(loaded.text, loaded.doc, [
      { index: 3, deliverable: { ...cad, status: 'ready' } },
    ]);
    expect(out).toContain(
      '{id: cad, category: other, title: CAD licences, sources: [exports/cad.lic], status: ready} # one line',
    );
    expect(out).toContain('# The exit of ACME: a comment that must survive the walk.');
  });
});
