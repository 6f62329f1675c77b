import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, exitkit, tempDir } from '../helpers/cli.js';
import { hasScript, onTerminal } from '../helpers/faults.js';

const KDBX = Buffer.concat([
  Buffer.from([0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5, 0, 0, 4, 0]),
  Buffer.alloc(200, 7),
]);
const SECRET = 'hunter2-do-not-print';

function planText(deliverables: string[]): string {
  return [
    '# yaml-language-server: $schema=./exit-plan.schema.json',
    '# ACME exit: this comment must survive',
    'version: 1',
    'id: acme-exit-2026',
    "title: Reversibility of ACME SA's IT",
    'contract: {reference: INF-2021-014, end: 2026-12-31}',
    'parties:',
    '  client: {name: ACME SA}',
    '  outgoing: {name: InfoGest Sàrl}',
    'deliverables:',
    ...deliverables,
    '',
  ].join('\n');
}

const READY = [
  '  - id: fs01-backup # weekly full',
  '    category: backups',
  '    title: Full backup of FS01',
  '    sources: [exports/backups/fs01-*.vbk]',
  '    checks: {max_age_days: 7, min_bytes: 1000}',
  '    status: ready',
  '  - id: vault',
  '    category: credentials',
  '    title: Password vault',
  '    sources: [exports/vault/handover.kdbx]',
  '    status: ready',
  '  - id: configs',
  '    category: configurations',
  '    title: Firewall configuration',
  '    sources: [exports/configs]',
  '    status: ready',
  '  - id: inventory',
  '    category: inventory',
  '    title: Inventory',
  '    sources: [exports/inventory.csv]',
  '    status: ready',
  '  - id: cad',
  '    category: other',
  '    title: CAD licences',
  '    status: waived',
  '    waiver: {reason: Licences end with the contract, approved_by: client}',
];

async function exports(dir: string): Promise<void> {
  const put = async (rel: string, content: string | Buffer) => {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  };
  await put('exports/backups/fs01-2026-11.vbk', Buffer.alloc(4000, 1));
  await put('exports/vault/handover.kdbx', KDBX);
  await put('exports/configs/fw01.conf', 'hostname fw01\n');
  await put(
    'exports/inventory.csv',
    '\ufefftype;nom;emplacement\r\nserveur;FS01;Fribourg\r\nposte;PC01;Bulle\r\nposte;PC02;Bulle\r\n',
  );
}

async function scenario(deliverables = READY): Promise<{ dir: string; plan: string }> {
  const dir = await tempDir();
  await exports(dir);
  const plan = path.join(dir, 'plan.yaml');
  await writeFile(plan, planText(deliverables));
  return { dir, plan };
}

describe('exitkit walk', () => {
  it('exits 0 and reports family by family when every required deliverable is ready or waived', async () => {
    const { dir } = await scenario();
    const r = await exitkit(['walk', 'plan.yaml'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const order = ['backups (1)', 'credentials (1)', 'configurations (1)', 'inventory (1)', 'other (1)'].map(
      (h) => r.stdout.indexOf(`\n${h}\n`),
    );
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(r.stdout).toContain('exports/vault/handover.kdbx is a KeePass database (KDBX)');
    expect(r.stdout).toContain('exports/inventory.csv: 3 items (2 poste, 1 serveur)');
    expect(r.stdout).toContain('waived: Licences end with the contract (approved by client)');
    expect(r.stdout).toContain('summary: 4 ready, 1 waived, 0 not ready, of 5; 0 errors');
  });

  it('exits 1 and says what is missing, stale, empty, linked or in clear text, and what to do', async () => {
    const { dir } = await scenario([
      ...READY.slice(0, 6),
      '  - id: erp-export',
      '    category: backups',
      '    title: ERP export',
      '    sources: [exports/erp/erp.sql]',
      '  - id: old-backup',
      '    category: backups',
      '    title: SQL backup',
      '    sources: [exports/backups/sql01.bak]',
      '    checks: {max_age_days: 7}',
      '    status: ready',
      '  - id: log',
      '    category: documentation',
      '    title: Intervention log',
      '    sources: [exports/docs]',
      '  - id: passwords',
      '    category: credentials',
      '    title: Passwords',
      '    sources: [exports/vault/passwords.csv]',
      '  - id: inventory',
      '    category: inventory',
      '    title: Inventory',
      '    sources: [exports/bad-inventory.csv]',
    ]);
    await writeFile(path.join(dir, 'exports/backups/sql01.bak'), 'old backup bytes\n');
    const old = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    await utimes(path.join(dir, 'exports/backups/sql01.bak'), old, old);
    await mkdir(path.join(dir, 'exports/docs'));
    await writeFile(path.join(dir, 'exports/docs/interventions.log'), '');
    await symlink('/etc/hostname', path.join(dir, 'exports/docs/hosts-link'));
    execFileSync('mkfifo', [path.join(dir, 'exports/docs/pipe')]);
    await writeFile(
      path.join(dir, 'exports/vault/passwords.csv'),
      `url,user,password\nhttps://fw01,admin,${SECRET}\n`,
    );
    await writeFile(path.join(dir, 'exports/bad-inventory.csv'), 'asset,type,serial\nFS01,server,SN1\n');

    const r = await exitkit(['walk', 'plan.yaml', '--no-input'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).toContain('error: exports/erp/erp.sql does not exist');
    expect(out).toContain('hint: export it to that path, or correct the sources of this deliverable');
    expect(out).toMatch(
      /error: exports\/backups\/sql01\.bak is stale: last modified \d{4}-\d\d-\d\d, 40 days ago \(max_age_days: 7\)/,
    );
    expect(out).toContain('hint: run a fresh backup and export it again');
    expect(out).toContain('error: marked ready, but its checks fail');
    expect(out).toContain('error: exports/docs/interventions.log is empty (0 bytes)');
    expect(out).toContain('error: exports/docs/hosts-link is a symbolic link; links are not followed');
    expect(out).toContain('error: exports/docs/pipe is a named pipe (fifo), not a regular file');
    expect(out).toContain(
      'error: exports/vault/passwords.csv is not in an encrypted format: treated as passwords in clear text',
    );
    expect(out).toContain(
      'error: exports/bad-inventory.csv lacks the columns name, location (it has asset, type, serial)',
    );
    expect(out).toContain('not ready (required): erp-export, old-backup, passwords, log, inventory');
    // Credential files are named, never shown.
    expect(out + r.stderr).not.toContain(SECRET);
  });

  it('--json gives one entry a deliverable with id, status, ready and findings', async () => {
    const { dir } = await scenario([
      ...READY,
      '  - id: passwords',
      '    category: credentials',
      '    title: Passwords',
      '    sources: [exports/vault/passwords.csv]',
    ]);
    await writeFile(path.join(dir, 'exports/vault/passwords.csv'), `user,password\nadmin,${SECRET}\n`);
    const r = await exitkit(['walk', 'plan.yaml', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain(SECRET);
    const result = JSON.parse(r.stdout) as {
      ok: boolean;
      deliverables: Array<{
        id: string;
        status: string;
        ready: boolean;
        findings: Array<{ level: string; message: string }>;
      }>;
    };
    expect(result.ok).toBe(false);
    expect(result.deliverables.map((d) => [d.id, d.status, d.ready])).toEqual([
      ['fs01-backup', 'ready', true],
      ['vault', 'ready', true],
      ['passwords', 'pending', false],
      ['configs', 'ready', true],
      ['inventory', 'ready', true],
      ['cad', 'waived', true],
    ]);
    const pw = result.deliverables.find((d) => d.id === 'passwords')!;
    expect(pw.findings).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message:
          'exports/vault/passwords.csv is not in an encrypted format: treated as passwords in clear text',
      }),
    );
    for (const d of result.deliverables)
      for (const f of d.findings) expect(['error', 'warning', 'info']).toContain(f.level);
  });

  it('never changes the plan without a terminal or with --no-input', async () => {
    const deliverables = READY.map((l) => l.replace('status: ready', 'status: pending'));
    const { dir, plan } = await scenario(deliverables);
    const before = await readFile(plan, 'utf8');
    const r = await exitkit(['walk', 'plan.yaml'], { cwd: dir, env: { CI: 'true' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('its files check out, but it is not marked ready');
    expect(await readFile(plan, 'utf8')).toBe(before);
  });

  it('exits 2 with file:line:column for a bad plan', async () => {
    const { dir } = await scenario([
      ...READY,
      '  - id: fs01-backup',
      '    category: backups',
      '    title: Twice',
    ]);
    const r = await exitkit(['walk', 'plan.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plan\.yaml:\d+:\d+: deliverable id "fs01-backup" is used twice/);
  });

  it('walks the example plans right after their exports and keys are made', async () => {
    const dir = await tempDir();
    await copyFile(path.join(ROOT, 'plans/exit-plan.schema.json'), path.join(dir, 'exit-plan.schema.json'));
    for (const [name, parties] of [
      [
        'acme',
        [
          ['acme', 'ACME SA', 'it@acme.example'],
          ['infogest', 'InfoGest Sàrl', 'ops@infogest.example'],
          ['novait', 'NovaIT SA', 'handover@novait.example'],
        ],
      ],
      [
        'durand',
        [
          ['durand', 'Durand Industries SAS', 'dsi@durand.example'],
          ['atelier-numerique', 'Atelier Numérique SARL', 'support@atelier-numerique.example'],
          ['nexa', 'Nexa Services SAS', 'transition@nexa.example'],
        ],
      ],
    ] as const) {
      const id = `${name}-exit-2026`;
      await copyFile(path.join(ROOT, 'plans', `${id}.yaml`), path.join(dir, `${id}.yaml`));
      execFileSync(process.execPath, [
        path.join(ROOT, 'scripts/make-example-exports.js'),
        name,
        '--root',
        dir,
      ]);
      for (const [file, who, email] of parties) {
        const k = await exitkit([
          'keys',
          'generate',
          '--name',
          who,
          '--email',
          email,
          '--out',
          path.join(dir, id, 'keys', file),
          '--no-passphrase',
        ]);
        expect(k.code).toBe(0);
      }
      const v = await exitkit(['validate', `${id}.yaml`], { cwd: dir });
      expect(v.stdout).toContain('valid plan');
      expect(v.code).toBe(0);
      const w = await exitkit(['walk', `${id}.yaml`, '--json'], { cwd: dir });
      expect(w.code).toBe(0);
      const result = JSON.parse(w.stdout) as { deliverables: Array<{ findings: Array<{ level: string }> }> };
      expect(result.deliverables.flatMap((d) => d.findings).filter((f) => f.level !== 'info')).toEqual([]);
    }
  });
});

// Each answer waits for its question (`category / id: title [status; ...]`), never for the report's
// lines that come before the questions.
describe('exitkit walk on a terminal', () => {
  it.skipIf(!hasScript)(
    'asks deliverable by deliverable and writes the answers into the plan, keeping its comments',
    async () => {
      const deliverables = [
        ...READY.map((l) => l.replace('status: ready', 'status: pending # to review')),
        '  - id: erp-export',
        '    category: backups',
        '    title: ERP export',
        '    sources: [exports/erp/erp.sql]',
      ];
      const { dir, plan } = await scenario(deliverables);
      const ENTER = '\r';
      const UP = '\u001b[A';
      const r = await onTerminal(
        ['walk', 'plan.yaml'],
        [
          [/backups \/ fs01-backup: Full backup of FS01 \[pending;/, ENTER], // default: mark it ready
          [/backups \/ erp-export: ERP export \[pending; 1 error\]/, UP + ENTER], // leave -> waive
          [/why is erp-export waived\?/, `The ERP is replaced, data exported by the vendor${ENTER}`],
          [/approved by/, ENTER], // default: client
          [/credentials \/ vault: Password vault \[pending;/, ENTER],
          [/configurations \/ configs: Firewall configuration \[pending;/, '\u001b[B\u001b[B' + ENTER], // down twice: leave
          [/inventory \/ inventory: Inventory \[pending;/, ENTER],
        ],
        { cwd: dir },
      );
      expect(r.unanswered).toBe(0);
      // configs was left pending: the walk answers no.
      expect(r.code).toBe(1);
      expect(r.screen).toContain('wrote the status of fs01-backup, erp-export, vault, inventory');
      const text = await readFile(plan, 'utf8');
      expect(text).toContain('# ACME exit: this comment must survive');
      expect(text).toContain('  - id: fs01-backup # weekly full');
      expect(text).toContain('    status: ready # to review');
      expect(text).toContain('    status: pending # to review');
      expect(text).toContain(
        '    sources: [exports/erp/erp.sql]\n    status: waived\n    waiver: {reason: "The ERP is replaced, data exported by the vendor", approved_by: client, date: ',
      );
      const again = await exitkit(['walk', 'plan.yaml', '--json'], { cwd: dir });
      const result = JSON.parse(again.stdout) as { deliverables: Array<{ id: string; status: string }> };
      expect(Object.fromEntries(result.deliverables.map((d) => [d.id, d.status]))).toEqual({
        'fs01-backup': 'ready',
        'erp-export': 'waived',
        vault: 'ready',
        configs: 'pending',
        inventory: 'ready',
        cad: 'waived',
      });
    },
  );

  it.skipIf(!hasScript)('keeps the answer given before Ctrl-C, and says so (exit 2)', async () => {
    const { dir, plan } = await scenario(READY.map((l) => l.replace('status: ready', 'status: pending')));
    const before = await readFile(plan, 'utf8');
    const r = await onTerminal(
      ['walk', 'plan.yaml'],
      [
        [/backups \/ fs01-backup: Full backup of FS01 \[pending;/, '\r'],
        [/credentials \/ vault: Password vault \[pending;/, '\u0003'],
      ],
      { cwd: dir },
    );
    expect(r.unanswered).toBe(0);
    expect(r.code).toBe(2);
    expect(r.screen).toContain(
      'error: interrupted: the answers given were saved (plan.yaml: wrote the status of fs01-backup)',
    );
    // Only fs01-backup's status line changed (the first "status: pending" is fs01-backup's).
    expect(await readFile(plan, 'utf8')).toBe(before.replace('status: pending', 'status: ready'));
  });
});
