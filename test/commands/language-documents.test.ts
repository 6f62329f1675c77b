import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InternalError, systemErrorText } from '../../src/core/errors.js';
import { CATALOGS, english, say } from '../../src/core/i18n/terminal/index.js';
import type { SourceChange } from '../../src/core/i18n/terminal/en.js';
import { sourceError, type PayloadEntry } from '../../src/io/archive/payload.js';
import { exitkit, tempDir, type CliResult } from '../helpers/cli.js';
import { examplePlan, writeDocumentInputs } from '../helpers/documents.js';
import { englishIn, frenchIn } from '../helpers/language.js';
import { makeScenario, type Scenario } from '../helpers/scenario.js';

const FR = { LANG: 'fr_CH.UTF-8' };
const SLOW = 240_000;
/** Under --json a document is rendered only with --out (stdout is the JSON). */
const OUT = ['--out', 'document.md'];

/**
 * One command three ways under a French locale: as is (French), with --lang en (English), and
 * with --json, which must be the English --json byte for byte.
 */
async function threeWays(args: string[], cwd: string): Promise<{ fr: CliResult; en: CliResult }> {
  const [fr, en, jsonFr, jsonEn] = await Promise.all([
    exitkit(args, { cwd, env: FR }),
    exitkit([...args, '--lang', 'en'], { cwd, env: FR }),
    exitkit([...args, '--json'], { cwd, env: FR }),
    exitkit([...args, '--json'], { cwd, env: { LANG: 'en_GB.UTF-8' } }),
  ]);
  expect(fr.code).toBe(en.code);
  expect(jsonFr.code).toBe(en.code);
  expect(jsonFr.stdout).toBe(jsonEn.stdout);
  expect(jsonFr.stderr).toBe('');
  expect(englishIn(fr.stdout + fr.stderr), fr.stderr).toEqual([]);
  expect(frenchIn(en.stdout + en.stderr), en.stderr).toEqual([]);
  return { fr, en };
}

/** The error of a --json run, as scripts read it. */
async function jsonError(args: string[], cwd: string) {
  const r = await exitkit([...args, '--json'], { cwd, env: FR });
  return (JSON.parse(r.stdout) as { error: { code: string; message: string; hints: string[] } }).error;
}

describe('bundle refusals in the terminal language', () => {
  let s: Scenario;
  beforeAll(async () => {
    // The refusals name files, never the plan's titles: the plan's own sentences are not judged.
    s = await makeScenario();
  });
  afterAll(async () => s.cleanup());

  it(
    'a delivery with nothing new, a stray archive in --out: refused in French, in English with --lang en',
    async () => {
      const args = ['bundle', 'plan.yaml', '--out', 'out', '--signing-key', s.keys.outgoing.sec];
      expect((await exitkit(args, { cwd: s.dir })).code).toBe(0);
      const again = await threeWays(args, s.dir);
      expect(again.fr.code).toBe(1);
      expect(again.fr.stderr).toMatch(/^erreur : rien de nouveau à remettre : /m);
      expect(again.en.stderr).toMatch(/^error: nothing new to deliver: /m);
      // An archive that belongs to no signed delivery is never replaced without --force.
      await mkdir(path.join(s.dir, 'out', 'stray'));
      await writeFile(path.join(s.dir, 'out', 'stray', 'acme-exit-2026.tar.pgp'), 'x');
      const stray = ['bundle', 'plan.yaml', '--out', 'out/stray', '--signing-key', s.keys.outgoing.sec];
      const { fr, en } = await threeWays(stray, s.dir);
      expect(fr.code).toBe(2);
      expect(fr.stderr).toMatch(/^erreur : out\/stray\/acme-exit-2026\.tar\.pgp existe déjà$/m);
      expect(en.stderr).toMatch(/^error: out\/stray\/acme-exit-2026\.tar\.pgp exists already$/m);
    },
    SLOW,
  );

  it(
    'recipients whose keys all ask for SEIPD v2: refused in French; the JSON keeps its English and key_invalid',
    async () => {
      const m = await makeScenario({ dir: await tempDir() });
      const v6 = await openpgp.generateKey({
        type: 'curve25519',
        format: 'armored',
        config: { v6Keys: true, aeadProtect: true },
        userIDs: [{ name: 'Modern', email: 'modern@example.org' }],
      });
      for (const role of ['client', 'incoming'] as const) await writeFile(m.keys[role].pub, v6.publicKey);
      const args = ['bundle', 'plan.yaml', '--out', 'out', '--signing-key', m.keys.outgoing.sec];
      const { fr, en } = await threeWays(args, m.dir);
      expect(fr.code).toBe(2);
      expect(fr.stderr).toContain(
        'erreur : les clés des destinataires demandent un message chiffré en AEAD (SEIPD v2), qu’exitkit n’écrit pas',
      );
      expect(fr.stderr).toMatch(/^conseil : indiquez au moins une clé de destinataire qui accepte SEIPD v1/m);
      expect(en.stderr).toContain("error: the recipients' keys ask for an AEAD-encrypted message (SEIPD v2)");
      const error = await jsonError(args, m.dir);
      expect(error.code).toBe('key_invalid');
      expect(error.message).toBe(
        "the recipients' keys ask for an AEAD-encrypted message (SEIPD v2), which exitkit does not write: GnuPG 2.2 cannot read it",
      );
      await m.cleanup();
    },
    SLOW,
  );

  it('a source that changed, became a link or is no regular file: said in French, English in Error.message', () => {
    const entry: PayloadEntry = {
      abs: '/nowhere/fs01.vbk',
      bagPath: 'data/backups/fs01/fs01.vbk',
      size: 10,
      mtimeMs: 1,
      shown: 'exports/fs01.vbk',
    };
    const listed = sourceError(entry, { file: 0, how: 'listed' });
    expect(listed.message).toBe(
      'the source file exports/fs01.vbk changed since the sources were listed: nothing was written',
    );
    expect(say(CATALOGS.fr, listed.text)).toBe(
      'le fichier source exports/fs01.vbk a changé depuis que les sources ont été listées : rien n’a été écrit',
    );
    const notFile = sourceError(entry, { file: 0, how: 'notRegular' });
    const link = sourceError(entry, { file: 0, how: 'link' });
    const gone = sourceError(entry, { file: 0, how: 'vanished' });
    expect(link.message).toBe('the source exports/fs01.vbk became a symbolic link: refused');
    expect(notFile.message).toBe('the source exports/fs01.vbk is not a regular file: refused');
    const hows: SourceChange[] = ['vanished', 'listed', 'grew', 'changed', 'replaced', 'shrank'];
    const said = (lang: 'fr' | 'en') =>
      [
        ...[listed, notFile, link, gone].flatMap((e) => [e.text, ...e.hintTexts]),
        ...hows.map((how) => (m: typeof CATALOGS.en) => m.sealing.changed(entry.shown, how)),
        (m: typeof CATALOGS.en) => m.sealing.changedHint,
      ]
        .map((t) => say(CATALOGS[lang], t))
        .join('\n');
    expect(englishIn(said('fr'))).toEqual([]);
    expect(frenchIn(said('en'))).toEqual([]);
    // The check sees the other language when it is there (it can fail).
    expect(englishIn(said('en')).length).toBeGreaterThan(5);
  });

  it("a worker that stopped is exitkit's own fault (internal), said in the terminal's language", () => {
    const stopped = new InternalError((m) => m.sealing.writerStopped);
    expect(stopped.message).toBe('the archive writer stopped');
    expect(say(CATALOGS.fr, systemErrorText(stopped))).toBe('l’écriture de l’archive s’est arrêtée');
    expect(english(systemErrorText(new InternalError((m) => m.sealing.digesterStopped)))).toBe(
      'the digest worker stopped',
    );
  });
});

describe('the documents and their inputs in the terminal language', () => {
  /** A plan whose titles are names, not sentences: only exitkit's own words are judged. */
  const named = () => {
    const plan = examplePlan({ title: 'ACME' });
    return {
      ...plan,
      deliverables: plan.deliverables.map((d) => ({
        ...d,
        title: d.id.toUpperCase(),
        ...(d.waiver ? { waiver: { ...d.waiver, reason: 'CAD' } } : {}),
      })),
    };
  };

  it(
    'a template that cannot be read, does not compile or fails: French, English with --lang en',
    async () => {
      const inputs = await writeDocumentInputs(named());
      const cwd = inputs.dir;
      await writeFile(path.join(cwd, 'open.md.hbs'), '{{#each deliverables}}\n{{id}}\n');
      await writeFile(path.join(cwd, 'crossed.md.hbs'), '{{#if complete}}x{{/each}}\n');
      await writeFile(path.join(cwd, 'helper.md.hbs'), '{{nohelper id}}\n');

      const none = await threeWays(['checklist', 'plan.yaml', '--template', 'nowhere.md.hbs', ...OUT], cwd);
      expect(none.fr.code).toBe(2);
      expect(none.fr.stderr).toBe(
        'erreur : impossible de lire le modèle nowhere.md.hbs\nconseil : indiquez le chemin d’un modèle Handlebars (.md.hbs ou .html.hbs)\n',
      );
      expect(
        (await jsonError(['checklist', 'plan.yaml', '--template', 'nowhere.md.hbs', ...OUT], cwd)).code,
      ).toBe('file_access');

      const open = await threeWays(['checklist', 'plan.yaml', '--template', 'open.md.hbs', ...OUT], cwd);
      expect(open.fr.code).toBe(2);
      expect(open.fr.stderr).toMatch(
        /^erreur : le modèle open\.md\.hbs ne se compile pas : erreur de syntaxe à la ligne \d+$/m,
      );
      expect(open.en.stderr).toMatch(
        /^error: the template open\.md\.hbs does not compile: Parse error on line/m,
      );

      const crossed = await threeWays(
        ['compensation', 'plan.yaml', '--template', 'crossed.md.hbs', ...OUT],
        cwd,
      );
      expect(crossed.fr.stderr).toContain('le bloc {{#if}} est fermé par {{/each}} (ligne 1, colonne');

      const helper = await threeWays(
        ['compensation', 'plan.yaml', '--template', 'helper.md.hbs', ...OUT],
        cwd,
      );
      expect(helper.fr.code).toBe(2);
      expect(helper.fr.stderr).toContain(
        `erreur : le modèle helper.md.hbs a échoué : la fonction d’aide (helper) "nohelper" n’existe pas`,
      );
      expect(helper.en.stderr).toContain(
        'error: the template helper.md.hbs failed: Missing helper: "nohelper"',
      );
    },
    SLOW,
  );

  it(
    'bad money in the plan, no compensation section, a bad --date: French',
    async () => {
      const comma = await writeDocumentInputs(named());
      const text = (await import('node:fs/promises')).readFile(comma.plan, 'utf8');
      await writeFile(comma.plan, (await text).replace(/vat_percent: "?8\.1"?/, 'vat_percent: "8,1"'));
      const money = await threeWays(['compensation', 'plan.yaml'], comma.dir);
      expect(money.fr.code).toBe(2);
      expect(money.fr.stderr).toMatch(/^plan\.yaml:\d+:\d+: /m);

      const { compensation: _, ...withoutMoney } = named();
      const bare = await writeDocumentInputs(withoutMoney);
      const noMoney = await threeWays(['compensation', 'plan.yaml'], bare.dir);
      expect(noMoney.fr.code).toBe(2);
      expect(noMoney.fr.stderr).toContain(
        `erreur : le plan "acme-exit-2026" n’a pas de section compensation`,
      );
      expect(noMoney.en.stderr).toContain('error: the plan "acme-exit-2026" has no compensation section');

      const date = await threeWays(['checklist', 'plan.yaml', '--date', '2026-02-30'], bare.dir);
      expect(date.fr.code).toBe(2);
      expect(date.fr.stderr).toBe(
        'erreur : --date 2026-02-30 n’est pas une date\nconseil : écrivez-la AAAA-MM-JJ, p. ex. 2026-12-20\n',
      );
    },
    SLOW,
  );

  it(
    'a receipt without its manifest, a missing attestation, a verification of another manifest: French',
    async () => {
      const inputs = await writeDocumentInputs(named(), { manifestCreated: '2026-12-12T10:00:00Z' });
      const cwd = inputs.dir;
      const receipt = await threeWays(['compensation', 'plan.yaml', '--receipt', 'r.json'], cwd);
      expect(receipt.fr.code).toBe(2);
      expect(receipt.fr.stderr).toMatch(/^erreur : un accusé de réception se contrôle/m);
      expect((await jsonError(['compensation', 'plan.yaml', '--receipt', 'r.json'], cwd)).code).toBe('usage');

      const attestation = await threeWays(['compensation', 'plan.yaml', '--attestation', 'd.json'], cwd);
      expect(attestation.fr.stderr).toMatch(/^erreur : impossible de lire l[’']attestation d\.json/m);

      await writeFile(path.join(cwd, 'other.manifest.json'), '{}');
      const manifest = path.basename(inputs.manifest);
      const other = await threeWays(
        ['checklist', 'plan.yaml', '--manifest', manifest, '--verification', 'other.manifest.json'],
        cwd,
      );
      expect(other.fr.code).toBe(2);
      expect(other.fr.stderr).toContain('n’est pas une vérification : "ok" manque');
      expect(other.en.stderr).toContain('is not a verification: ok is missing');

      const elsewhere = await writeDocumentInputs(named(), { manifestCreated: '2026-12-13T10:00:00Z' });
      const mixed = await threeWays(
        ['compensation', 'plan.yaml', '--manifest', manifest, '--verification', elsewhere.verification],
        cwd,
      );
      expect(mixed.fr.code).toBe(2);
      expect(mixed.fr.stderr).toMatch(/^erreur : la vérification .* ne porte pas sur le manifeste /m);

      const planB = await writeDocumentInputs({ ...named(), id: 'other-exit-2026' });
      const wrongPlan = await threeWays(['compensation', planB.plan, '--manifest', manifest], cwd);
      expect(wrongPlan.fr.stderr).toContain(
        'erreur : le manifeste concerne le plan "acme-exit-2026", pas "other-exit-2026"',
      );
    },
    SLOW,
  );

  it(
    "validate warns about the release conditions in French; the JSON's warnings stay English",
    async () => {
      const plan = named();
      const inputs = await writeDocumentInputs({
        ...plan,
        compensation: {
          ...plan.compensation!,
          final_payment: { amount: '15000', release_when: ['receipt_client', 'deletion_attested'] },
        },
      });
      const { fr, en } = await threeWays(['validate', 'plan.yaml'], inputs.dir);
      expect(fr.code).toBe(0);
      expect(fr.stderr).toContain(
        'avertissement : receipt_client ne pourra jamais être remplie : le plan ne donne aucun fichier de clé du client',
      );
      expect(fr.stderr).toContain(
        'deletion_attested ne pourra jamais être remplie : le plan ne donne aucun fichier de clé du prestataire sortant',
      );
      expect(fr.stderr).toContain('sans decrypted_verification, une vérification qui n’a jamais déchiffré');
      expect(fr.stderr.split('\n').length).toBe(en.stderr.split('\n').length);
      const json = await exitkit(['validate', 'plan.yaml', '--json'], { cwd: inputs.dir, env: FR });
      const warnings = (JSON.parse(json.stdout) as { warnings: Array<{ message: string }> }).warnings;
      expect(warnings.map((w) => w.message).filter((w) => /release|hold/.test(w))).toEqual([
        'receipt_client can never hold: the plan gives no key file for the client',
        'deletion_attested can never hold: the plan gives no key file for the outgoing provider',
        'without decrypted_verification, a verification that never decrypted the archive can release the final payment',
      ]);
    },
    SLOW,
  );
});
