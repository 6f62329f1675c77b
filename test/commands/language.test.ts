import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitkit, tempDir } from '../helpers/cli.js';
import { hasScript, onTerminal } from '../helpers/faults.js';
import { englishIn, frenchIn } from '../helpers/language.js';

const FR = { LANG: 'fr_CH.UTF-8' };
const DAY = 24 * 60 * 60 * 1000;

/**
 * A plan whose walk says a bit of everything: ready, waived, optional, late, an empty file, a
 * stale backup, a clear-text credential, an inventory without its columns, a missing source.
 * Its titles and ids are names, not sentences, so that only exitkit's own words are judged.
 */
async function walkScenario(): Promise<string> {
  const dir = await tempDir();
  const put = async (rel: string, content: string | Buffer, mtime?: number) => {
    const file = path.join(dir, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    if (mtime) await utimes(file, mtime / 1000, mtime / 1000);
  };
  await put('exports/fs01.vbk', Buffer.alloc(3000, 1), Date.now() - 30 * DAY);
  await put('exports/fs02.vbk', '');
  await put('exports/pw.csv', 'url,username,password\n');
  await put('exports/inv.csv', 'type,serial\nserver,SN1\nlaptop,SN2\n');
  await put('exports/fw01.cfg', 'hostname fw01\n');
  await writeFile(
    path.join(dir, 'plan.yaml'),
    [
      'version: 1',
      'id: acme-exit-2026',
      'title: ACME',
      'contract: {reference: INF-2021-014, end: 2026-12-31}',
      'parties:',
      '  client: {name: ACME SA}',
      '  outgoing: {name: InfoGest Sarl}',
      'deliverables:',
      '  - {id: fs01, category: backups, title: FS01, sources: [exports/fs01.vbk], checks: {max_age_days: 7, min_bytes: 5000}, status: ready}',
      '  - {id: fs02, category: backups, title: FS02, sources: [exports/fs02.vbk], due: 2026-01-10}',
      '  - {id: pw, category: credentials, title: KeePass, sources: [exports/pw.csv]}',
      '  - {id: fw01, category: configurations, title: FW01, sources: [exports/fw01.cfg], required: false}',
      '  - {id: docs, category: documentation, title: DOCS, sources: [exports/docs/]}',
      '  - {id: inv, category: inventory, title: INV, sources: [exports/inv.csv]}',
      '  - {id: cad, category: other, title: CAD, status: waived, waiver: {reason: CAD, approved_by: client}}',
      '',
    ].join('\n'),
  );
  return dir;
}

/** A plan with a problem of every layer validate reports: schema, meaning, dates. */
async function badPlan(): Promise<string> {
  const dir = await tempDir();
  await writeFile(
    path.join(dir, 'plan.yaml'),
    [
      'version: 1',
      'id: acme-exit-2026',
      'title: ACME',
      'contract: {reference: INF-2021-014, end: 2026-02-30, colour: blue}',
      'parties:',
      '  client: {name: ACME SA}',
      '  outgoing: {name: InfoGest Sarl}',
      'deliverables:',
      '  - {id: a, category: passwords, title: A, sources: [a.kdbx], required: yes}',
      '  - {id: b, category: other, title: B, status: waived}',
      '  - {id: b, category: other, title: B2, sources: [../b.txt], status: waived, waiver: {reason: X, approved_by: client}}',
      '',
    ].join('\n'),
  );
  return dir;
}

describe('the language of the terminal', () => {
  it('walks in French under a French locale, in English with --lang en, with the same JSON', async () => {
    const dir = await walkScenario();
    const fr = await exitkit(['walk', 'plan.yaml'], { cwd: dir, env: FR });
    const en = await exitkit(['walk', 'plan.yaml', '--lang', 'en'], { cwd: dir, env: FR });
    expect(fr.code).toBe(1);
    expect(en.code).toBe(1);
    const said = fr.stdout + fr.stderr;
    expect(said).toContain('erreur : ');
    expect(said).toContain('conseil : ');
    expect(said).toMatch(/bilan : .*0 prêt, 1 dispensé, 6 pas prêts, sur 7/);
    expect(said).toContain('fs02 : 0 octet'.replace('fs02 : ', '')); // French counts 0 in the singular
    expect(englishIn(said)).toEqual([]);
    expect(en.stdout + en.stderr).toContain('error: ');
    expect(en.stdout).toMatch(/summary: 0 ready, 1 waived, 6 not ready, of 7/);
    expect(frenchIn(en.stdout + en.stderr)).toEqual([]);
    // The check sees the other language when it is there (it can fail).
    expect(englishIn(en.stdout).length).toBeGreaterThan(10);
    expect(frenchIn(fr.stdout).length).toBeGreaterThan(10);
    // Same findings, in other words: as many lines.
    expect(fr.stdout.split('\n').length).toBe(en.stdout.split('\n').length);

    const jsonFr = await exitkit(['walk', 'plan.yaml', '--json'], { cwd: dir, env: FR });
    const jsonEn = await exitkit(['walk', 'plan.yaml', '--json', '--lang', 'en'], { cwd: dir });
    expect(jsonFr.code).toBe(1);
    expect(jsonFr.stdout).toBe(jsonEn.stdout);
    expect(JSON.parse(jsonFr.stdout).deliverables[1].findings[0].message).toBe(
      'exports/fs02.vbk is empty (0 bytes)',
    );
  });

  it('lists every problem of a plan in French with file:line:column, and the JSON stays English', async () => {
    const dir = await badPlan();
    const fr = await exitkit(['validate', 'plan.yaml'], { cwd: dir, env: FR });
    const en = await exitkit(['validate', 'plan.yaml'], { cwd: dir, env: { LANG: 'en_GB.UTF-8' } });
    expect(fr.code).toBe(2);
    expect(en.code).toBe(2);
    expect(fr.stderr).toMatch(/^plan\.yaml:4:\d+: /m);
    expect(fr.stderr).toContain('clé inconnue "colour" dans contract');
    expect(fr.stderr).toMatch(/^erreur : plan\.yaml ne suit pas le schéma du plan$/m);
    expect(englishIn(fr.stderr)).toEqual([]);
    expect(en.stderr).toContain('unknown key "colour" in contract');
    expect(frenchIn(en.stderr)).toEqual([]);
    expect(fr.stderr.split('\n').length).toBe(en.stderr.split('\n').length);

    // The meaning (past the schema): a date that does not exist, a waiver missing, ids twice.
    await writeFile(
      path.join(dir, 'plan.yaml'),
      (await import('node:fs/promises').then((f) => f.readFile(path.join(dir, 'plan.yaml'), 'utf8')))
        .replace(', colour: blue', '')
        .replace('passwords', 'credentials')
        .replace('required: yes', 'required: true'),
    );
    const meaning = await exitkit(['validate', 'plan.yaml'], { cwd: dir, env: FR });
    expect(meaning.code).toBe(2);
    expect(meaning.stderr).toContain('2026-02-30 n’est pas une date qui existe');
    expect(meaning.stderr).toMatch(/erreur : plan\.yaml : \d+ problèmes/);
    expect(englishIn(meaning.stderr)).toEqual([]);

    const jsonFr = await exitkit(['validate', 'plan.yaml', '--json'], { cwd: dir, env: FR });
    const jsonEn = await exitkit(['validate', 'plan.yaml', '--json'], { cwd: dir });
    expect(jsonFr.code).toBe(2);
    expect(jsonFr.stdout).toBe(jsonEn.stdout);
    expect(jsonFr.stdout).toContain('is not a date that exists');
  });

  it('says a YAML error, a usage error and a missing plan in French', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'tabs.yaml'), 'version: 1\nid: x\n\ttitle: T\n');
    const yaml = await exitkit(['validate', 'tabs.yaml'], { cwd: dir, env: FR });
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toMatch(/^tabs\.yaml:3:1: syntaxe YAML : /m);
    expect(englishIn(yaml.stderr), yaml.stderr).toEqual([]);

    // NODE_ENV=test (vitest's) makes oclif warn about its own parse; a person never sees that.
    const usage = await exitkit(['walk'], { cwd: dir, env: { ...FR, NODE_ENV: undefined } });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^erreur : 1 argument obligatoire manque : plan$/m);
    expect(englishIn(usage.stderr), usage.stderr).toEqual([]);

    const flag = await exitkit(['walk', 'plan.yaml', '--lang', 'de'], { cwd: dir, env: FR });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^erreur : --lang=de n’est pas une valeur possible \(fr, en\)$/m);

    const none = await exitkit(['walk', 'nowhere.yaml'], { cwd: dir, env: FR });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'erreur : impossible de lire le plan nowhere.yaml : fichier introuvable\nconseil : indiquez le chemin d’un plan de sortie (YAML) ; `exitkit init` écrit un plan de départ\n',
    );
  });

  it.skipIf(!hasScript)('asks its questions in French on a terminal', async () => {
    const dir = await walkScenario();
    const [ENTER, UP] = ['\r', '\u001b[A'];
    const r = await onTerminal(
      ['walk', 'plan.yaml'],
      [
        [/sauvegardes et données \/ fs01 : FS01 \[prêt ; 3 erreurs\]/, ENTER], // default: leave it
        [/sauvegardes et données \/ fs02 : FS02 \[à préparer ; 1 erreur\]/, UP + ENTER], // waive
        [/pourquoi fs02 est-il dispensé \?/, `Serveur retiré${ENTER}`],
        [/approuvé par/, ENTER],
        [/mots de passe et accès \/ pw : KeePass/, ENTER],
        [/configurations \/ fw01 : FW01 \[à préparer ; 1 fichier, 14 octets\]/, ENTER], // mark it ready
        [/documentation technique \/ docs : DOCS/, ENTER],
        [/inventaire \/ inv : INV/, ENTER],
      ],
      { cwd: dir, env: FR },
    );
    expect(r.unanswered).toBe(0);
    expect(r.code).toBe(1);
    expect(r.screen).toContain('le marquer prêt');
    expect(r.screen).toContain('le laisser tel quel');
    expect(r.screen).toContain('plan.yaml : statut écrit pour fs02, fw01');
    expect(r.screen).toContain('toujours pas prêts (obligatoires) : fs01, pw, docs, inv');
    expect(r.screen).toContain('se déplacer');
    expect(englishIn(r.screen)).toEqual([]);
  });

  it('gives the summaries of --help in French, where oclif allows it', async () => {
    const root = await exitkit(['--help'], { env: FR });
    expect(root.stdout).toMatch(/walk\s+Parcourir les livrables d’un plan de sortie/);
    expect(root.stdout).toMatch(/keys\s+Créer et examiner les clés OpenPGP/);
    const walk = await exitkit(['walk', '--help', '--lang', 'en'], { env: FR });
    expect(walk.stdout.split('\n')[0]).toBe(
      'Walk the deliverables of an exit plan: what is there, what is missing, what to do.',
    );
    const keys = await exitkit(['keys', '--help'], { env: FR });
    expect(keys.stdout).toMatch(/keys generate\s+Créer une paire de clés OpenPGP pour une partie/);
  });

  it('takes --lang over LC_ALL, LC_ALL over LC_MESSAGES, LC_MESSAGES over LANG', async () => {
    const dir = await tempDir();
    const missing = (env: Record<string, string | undefined>, ...more: string[]) =>
      exitkit(['validate', 'nowhere.yaml', ...more], { cwd: dir, env }).then((r) =>
        r.stderr.startsWith('erreur') ? 'fr' : r.stderr.startsWith('error') ? 'en' : r.stderr,
      );
    expect(await missing({})).toBe('en');
    expect(await missing({ LANG: 'fr_CH.UTF-8' })).toBe('fr');
    expect(await missing({ LANG: 'fr_CH.UTF-8', LC_MESSAGES: 'C' })).toBe('en');
    expect(await missing({ LANG: 'C', LC_MESSAGES: 'fr_FR.UTF-8' })).toBe('fr');
    expect(await missing({ LC_MESSAGES: 'fr_FR.UTF-8', LC_ALL: 'POSIX' })).toBe('en');
    expect(await missing({ LC_ALL: 'fr_CH.UTF-8', LANG: 'C' })).toBe('fr');
    expect(await missing({ LC_ALL: 'fr_CH.UTF-8' }, '--lang', 'en')).toBe('en');
    expect(await missing({ LANG: 'C' }, '--lang=fr')).toBe('fr');
  });
});
