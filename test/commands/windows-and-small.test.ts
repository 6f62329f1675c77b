/**
 * Issue 13, points 8 and 9, through the built CLI as a user meets them: walk names the files
 * Windows cannot hold; a colon in a plain YAML value gets a hint to quote it; a client's own plan
 * that differs from the manifest's is told plainly (exit 1); bundle and verify count files the
 * same way; verify and extract show their progress on a terminal only.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { exitkit, tempDir } from '../helpers/cli.js';
import { hasScript, onTerminal } from '../helpers/faults.js';
import { makeScenario, type Scenario } from '../helpers/scenario.js';

/** The configurations deliverable of the scenario, as `walk --json` gives it. */
function configsOf(stdout: string) {
  const out = JSON.parse(stdout) as {
    deliverables: Array<{ id: string; ready: boolean; findings: Array<{ level: string; message: string }> }>;
  };
  return out.deliverables.find((d) => d.id === 'network-configs')!;
}

describe('walk: file names Windows cannot hold', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await makeScenario({
      dir: await tempDir(),
      extraExports: {
        'exports/configs/CON.txt': 'hostname con\n',
        'exports/configs/a:b': 'hostname ab\n',
      },
    });
  });

  it('warns about CON.txt and a:b, naming each; the deliverable stays ready (exit 0)', async () => {
    const r = await exitkit(['walk', s.plan, '--no-input']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'warning: exports/configs/CON.txt: Windows cannot hold this name: "CON.txt" is the Windows device name CON',
    );
    expect(r.stdout).toContain(
      'warning: exports/configs/a:b: Windows cannot hold this name: "a:b" holds :, a character Windows refuses in file names',
    );
    expect(r.stdout).toContain('`exitkit extract` there refuses it by name');

    const fr = await exitkit(['walk', s.plan, '--no-input', '--lang', 'fr']);
    expect(fr.stdout).toContain('exports/configs/CON.txt : Windows ne peut pas enregistrer ce nom');

    const json = await exitkit(['walk', s.plan, '--no-input', '--json']);
    const configs = configsOf(json.stdout);
    expect(configs.ready).toBe(true);
    expect(configs.findings.filter((f) => f.level === 'warning').map((f) => f.message)).toEqual([
      expect.stringContaining('exports/configs/CON.txt: Windows cannot hold this name'),
      expect.stringContaining('exports/configs/a:b: Windows cannot hold this name'),
    ]);
  });

  it('names that differ only by case are an error: verify would refuse the bag on every platform', async () => {
    const t = await makeScenario({
      dir: await tempDir(),
      extraExports: { 'exports/configs/FW01.cfg': 'hostname FW01\n' },
    });
    const r = await exitkit(['walk', t.plan, '--no-input', '--json']);
    expect(r.code).toBe(1);
    const configs = configsOf(r.stdout);
    expect(configs.ready).toBe(false);
    expect(configs.findings).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(
          /exports\/configs\/(fw01|FW01)\.cfg and exports\/configs\/(FW01|fw01)\.cfg differ only by case/,
        ),
      }),
    );
  });
});

describe('a colon in a plain YAML value', () => {
  it('gets a hint to quote the value, with the quoted line to write, in English and French', async () => {
    const dir = await tempDir();
    const plan = path.join(dir, 'plan.yaml');
    await writeFile(plan, 'version: 1\nid: acme-exit-2026\ntitle: Backups: daily\n');
    const r = await exitkit(['validate', plan]);
    expect(r.code).toBe(2);
    // The plan as the terminal shows it: relative to the working folder when that is shorter.
    expect(r.stderr).toMatch(/plan\.yaml:3:8: YAML syntax/);
    expect(r.stderr).toContain('hint: a value that holds ": " must be quoted: write title: "Backups: daily"');
    const fr = await exitkit(['validate', plan, '--lang', 'fr']);
    expect(fr.stderr).toContain('doit être entre guillemets : écrivez title: "Backups: daily"');

    // In a list item too, with a comment after the value.
    await writeFile(
      plan,
      'version: 1\nid: acme-exit-2026\ndeliverables:\n  - id: a\n    title: Backups: daily # weekly\n',
    );
    const item = await exitkit(['validate', plan]);
    expect(item.stderr).toContain('write title: "Backups: daily"');
  });
});

describe('the receiving side', () => {
  let s: Scenario;
  let manifest: string;
  let bundleOut: string;
  beforeAll(async () => {
    s = await makeScenario({ dir: await tempDir() });
    const b = await exitkit(['bundle', s.plan, '--out', s.out, '--signing-key', s.keys.outgoing.sec]);
    expect(b.code).toBe(0);
    bundleOut = b.stdout;
    manifest = path.join(s.out, `${s.id}.manifest.json`);
  });

  it('bundle and verify count files the same way: payload files, tag files apart', async () => {
    const m = JSON.parse(await readFile(manifest, 'utf8')) as {
      payload: { files: number };
      tagFiles: unknown[];
    };
    const counted = `${m.payload.files} files (+ ${m.tagFiles.length} tag files)`;
    expect(bundleOut).toContain(`${s.id}: ${counted}, `);
    const v = await exitkit(['verify', manifest, '--plan', s.plan, '--decryption-key', s.keys.incoming.sec]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain(`files: ${counted} re-hashed after decryption`);
  });

  it("a client whose own plan differs from the manifest's is told plainly, with each deliverable (exit 1)", async () => {
    const plan = parse(await readFile(s.plan, 'utf8')) as {
      deliverables: Array<{ id: string; title: string; required?: boolean; category: string }>;
    };
    const theirs = structuredClone(plan);
    theirs.deliverables = theirs.deliverables.filter((d) => d.id !== 'runbooks');
    theirs.deliverables[0]!.title = 'Another title';
    theirs.deliverables.push({ id: 'erp-export', category: 'other', title: 'ERP export', required: false });
    const clientPlan = path.join(s.dir, 'client-plan.yaml');
    await writeFile(clientPlan, stringify(theirs));
    const first = theirs.deliverables[0]!.id;

    const r = await exitkit(['verify', manifest, '--plan', clientPlan]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `plan: ${clientPlan} differs from the plan the manifest was made from: in your plan only: erp-export; in the manifest only: runbooks; ${first} changed (title)`,
    );
    expect(r.stdout).toContain('hint: agree with the outgoing provider on one plan');
    expect(r.stdout).toContain('verdict: NOT OK');

    const json = await exitkit(['verify', manifest, '--plan', clientPlan, '--json', '--lang', 'fr']);
    expect(json.code).toBe(1);
    const v = JSON.parse(json.stdout) as { ok: boolean; plan: unknown; faults: string[] };
    expect(v.ok).toBe(false);
    expect(v.plan).toEqual({
      file: clientPlan,
      matches: false,
      added: ['erp-export'],
      removed: ['runbooks'],
      changed: [{ id: first, fields: ['title'] }],
    });
    expect(v.faults[0]).toMatch(/^plan: .* differs from the plan the manifest was made from/);

    const fr = await exitkit(['verify', manifest, '--plan', clientPlan, '--lang', 'fr']);
    expect(fr.stdout).toContain(
      'diffère du plan dont le manifeste est issu : seulement dans votre plan : erp-export',
    );

    // The same plan: it matches, and nothing is said about it.
    const same = await exitkit(['verify', manifest, '--plan', s.plan, '--json']);
    expect(same.code).toBe(0);
    expect((JSON.parse(same.stdout) as { plan: unknown }).plan).toEqual({
      file: s.plan,
      matches: true,
      added: [],
      removed: [],
      changed: [],
    });
  });

  it.skipIf(!hasScript)(
    'verify and extract show progress on a terminal, not under --json nor in CI',
    async () => {
      const verify = ['verify', manifest, '--plan', s.plan, '--decryption-key', s.keys.incoming.sec];
      const v = await onTerminal(verify, []);
      expect(v.code).toBe(0);
      expect(v.screen).toMatch(
        /decrypting and checking [\d.,]+ \S+ of [\d.,]+ \S+ \(100 %\), [\d.,]+ \S+\/s/,
      );
      const fr = await onTerminal([...verify, '--lang', 'fr'], []);
      expect(fr.screen).toMatch(/déchiffrement et contrôle : [\d.,]+ \S+ sur [\d.,]+ \S+ \(100 %\)/);

      const ci = await onTerminal(verify, [], { env: { CI: 'true' } });
      expect(ci.code).toBe(0);
      expect(ci.screen).not.toContain('decrypting and checking');
      const json = await onTerminal([...verify, '--json'], []);
      expect(json.screen).not.toContain('decrypting and checking');

      const dest = await tempDir();
      const x = await onTerminal(
        ['extract', manifest, '--plan', s.plan, '--decryption-key', s.keys.incoming.sec, '--to', dest],
        [],
      );
      expect(x.code).toBe(0);
      expect(x.screen).toMatch(/decrypting and extracting [\d.,]+ \S+ of [\d.,]+ \S+ \(100 %\)/);

      // Without a terminal (the test runner's pipes): no progress at all.
      const piped = await exitkit(verify);
      expect(piped.stderr).not.toContain('decrypting and checking');
    },
  );
});
