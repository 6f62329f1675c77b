/**
 * Keys, trust, signatures and receipts speak the terminal's language (README.md, "Commands"):
 * `keys show`, `keys generate`, `acknowledge` and `verify --receipt` in French under a French
 * locale and in English with `--lang en`, with the same `--json` and exit codes.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPrivateKeyFile } from '../../src/io/openpgp/keys.js';
import { signDetached } from '../../src/io/openpgp/signatures.js';
import { exitkit, tempDir, type CliResult } from '../helpers/cli.js';
import { makeBundle, testKeys, writePlan, type Bundle, type TestKeys } from '../helpers/hostile.js';
import { englishIn, frenchIn } from '../helpers/language.js';

const FR = { LANG: 'fr_CH.UTF-8' };
/** What exitkit said, without the plan's own words (the waiver reason of test/helpers/hostile.ts). */
const said = (r: CliResult) => (r.stdout + r.stderr).replaceAll('Licences end with the contract', '');
/** The JSON without what changes from one run to the next (dates, the receipt's time). */
const stable = (json: string) => json.replace(/"(verifiedAt|date)": "[^"]*"/g, '"$1": ""');

let dir: string;
let keys: TestKeys;
let b: Bundle;
let plan: string;

beforeAll(async () => {
  dir = await tempDir();
  keys = await testKeys(dir);
  b = await makeBundle({ out: path.join(dir, 'bundle'), keys });
  plan = await writePlan(dir, b.id, keys);
});

/** The same command in French (locale) and in English (--lang en over the French locale). */
async function both(args: string[]): Promise<{ fr: CliResult; en: CliResult }> {
  const [fr, en] = await Promise.all([
    exitkit(args, { env: FR }),
    exitkit([...args, '--lang', 'en'], { env: FR }),
  ]);
  return { fr, en };
}

/**
 * Both runs ended with `exit`, the French one saying `french`, and each speaks its own language
 * only (the check can fail: see test/commands/language.test.ts).
 */
function eachInItsLanguage(r: { fr: CliResult; en: CliResult }, exit: number, french: RegExp | string): void {
  expect(r.fr.code, said(r.fr)).toBe(exit);
  expect(r.en.code, said(r.en)).toBe(exit);
  if (typeof french === 'string') expect(said(r.fr)).toContain(french);
  else expect(said(r.fr)).toMatch(french);
  expect(englishIn(said(r.fr)), said(r.fr)).toEqual([]);
  expect(frenchIn(said(r.en)), said(r.en)).toEqual([]);
}

describe('keys in the terminal language', () => {
  it('keys show: the table in French, in English with --lang en; the JSON is the same', async () => {
    const [pub, sec, jsonFr, jsonEn] = await Promise.all([
      both(['keys', 'show', keys.client.pub]),
      both(['keys', 'show', keys.client.sec]),
      exitkit(['keys', 'show', keys.client.pub, '--json'], { env: FR }),
      exitkit(['keys', 'show', keys.client.pub, '--json']),
    ]);
    for (const { fr, en } of [pub, sec]) {
      expect(fr.code).toBe(0);
      expect(en.code).toBe(0);
      expect(fr.stdout).toMatch(/^empreinte +[0-9A-F]{4} /m);
      expect(fr.stdout).toMatch(
        /^clé +ed25519 \[certifier, signer\], créée le \d{4}-\d\d-\d\d, n’expire jamais$/m,
      );
      expect(fr.stdout).toMatch(/^peut chiffrer +oui$/m);
      expect(englishIn(said(fr)), said(fr)).toEqual([]);
      expect(en.stdout).toMatch(/^key +ed25519 \[certify, sign\], created \d{4}-\d\d-\d\d, expires never$/m);
      expect(frenchIn(said(en)), said(en)).toEqual([]);
      expect(englishIn(en.stdout)).toContain('key'); // the check sees English where it is
      expect(fr.stdout.split('\n').length).toBe(en.stdout.split('\n').length);
    }
    expect(pub.fr.stdout).toMatch(/^privée +non \(clé publique\)$/m);
    expect(sec.fr.stdout).toMatch(/^privée +oui, NON protégée par une phrase de passe$/m);
    expect(jsonFr.stdout).toBe(jsonEn.stdout);
    expect(JSON.parse(jsonFr.stdout).usage).toEqual(['certify', 'sign']);
  });

  it('keys generate: an existing output and a missing passphrase are said in French; the JSON error stays English', async () => {
    const here = path.join(dir, 'generate');
    await mkdir(here);
    const prefix = path.join(here, 'k');
    const args = ['keys', 'generate', '--name', 'N', '--email', 'n@example.org', '--out', prefix];
    expect((await exitkit([...args, '--no-passphrase'])).code).toBe(0);

    // No passphrase source and no terminal (CI): refused before a key is made.
    const fresh = [...args.slice(0, -1), path.join(here, 'other')];
    const [exists, none, jsonFr, jsonEn] = await Promise.all([
      both([...args, '--no-passphrase']),
      both(fresh),
      exitkit([...args, '--no-passphrase', '--json'], { env: FR }),
      exitkit([...args, '--no-passphrase', '--json']),
    ]);
    eachInItsLanguage(exists, 2, /^erreur : .*k\.pub\.asc existe déjà$/m);
    expect(exists.en.stderr).toMatch(/^error: .*k\.pub\.asc exists already$/m);
    eachInItsLanguage(
      none,
      2,
      'erreur : aucune phrase de passe pour la nouvelle clé privée, et pas de terminal pour la demander',
    );
    expect(jsonFr.code).toBe(2);
    expect(jsonFr.stdout).toBe(jsonEn.stdout);
    expect(JSON.parse(jsonFr.stdout).error).toMatchObject({ code: 'output_exists' });
    expect(JSON.parse(jsonFr.stdout).error.message).toMatch(/exists already$/);
  });

  it('a key that cannot be used where it is given: the pinning errors in French', async () => {
    // The outgoing provider's key where the client's or the incoming provider's is needed.
    const [outgoing, signer] = await Promise.all([
      both(['acknowledge', b.manifest, '--signing-key', keys.outgoing.sec, '--plan', plan, '--out', dir]),
      // A --signer that is not the plan's outgoing key.
      both(['verify', b.manifest, '--plan', plan, '--signer', keys.stranger.pub]),
    ]);
    eachInItsLanguage(
      outgoing,
      2,
      'erreur : le prestataire sortant ne peut pas accuser réception de sa propre remise',
    );
    expect(outgoing.en.stderr).toContain('error: the outgoing provider cannot acknowledge its own handover');

    eachInItsLanguage(signer, 2, /^erreur : la clé --signer .* n’est pas celle que le plan donne/m);
  });
});

describe('receipts in the terminal language', () => {
  let verification: string;
  let receipt: string;
  let strangers: string;

  beforeAll(async () => {
    verification = path.join(dir, 'verification.json');
    await writeFile(verification, (await exitkit(['verify', b.manifest, '--plan', plan, '--json'])).stdout);
  });

  it('acknowledge: the receipt written, in French and in English', async () => {
    const out = {
      fr: path.join(dir, 'ack-fr'),
      en: path.join(dir, 'ack-en'),
      json: path.join(dir, 'ack-json'),
    };
    await Promise.all(Object.values(out).map((d) => mkdir(d)));
    const sign = ['--signing-key', keys.client.sec, '--verification', verification, '--plan', plan];
    const [fr, en, made] = await Promise.all([
      exitkit(['acknowledge', b.manifest, ...sign, '--out', out.fr], { env: FR }),
      exitkit(['acknowledge', b.manifest, ...sign, '--out', out.en, '--lang', 'en'], { env: FR }),
      // The client's receipt, re-signed below by a stranger, for verify --receipt.
      exitkit(['acknowledge', b.manifest, ...sign, '--out', out.json, '--json']),
    ]);
    expect(fr.code).toBe(0);
    expect(en.code).toBe(0);
    expect(fr.stdout).toMatch(/^accusé de réception : .*\.receipt\.client\.json$/m);
    expect(fr.stdout).toMatch(/^signé par [0-9A-F]{40} \(client : ACME SA\), qui prend acte du verdict OK$/m);
    expect(englishIn(said(fr)), said(fr)).toEqual([]);
    expect(frenchIn(said(en)), said(en)).toEqual([]);
    receipt = path.join(out.fr, `${b.id}.receipt.client.json`);
    expect(made.code).toBe(0);
    strangers = path.join(out.json, 'stranger.receipt.json');
    const bytes = await readFile(path.join(out.json, `${b.id}.receipt.client.json`));
    await writeFile(strangers, bytes);
    await writeFile(
      `${strangers}.asc`,
      await signDetached(bytes, await readPrivateKeyFile(keys.stranger.sec, {})),
    );
  });

  it('acknowledge: a previous receipt that does not hold, no plan, a key that is no party: in French', async () => {
    const out = path.join(dir, 'ack-exists');
    await mkdir(out);
    await writeFile(path.join(out, `${b.id}.receipt.client.json`), '{}');
    const sign = ['--signing-key', keys.client.sec, '--verification', verification, '--plan', plan];
    const [again, nothing, stranger] = await Promise.all([
      both(['acknowledge', b.manifest, ...sign, '--out', out]),
      both(['acknowledge', b.manifest, '--signing-key', keys.client.sec]),
      both(['acknowledge', b.manifest, '--signing-key', keys.stranger.sec, '--plan', plan]),
    ]);
    eachInItsLanguage(
      again,
      2,
      /^erreur : votre accusé de réception précédent .*\.receipt\.client\.json n’est pas valable/m,
    );
    eachInItsLanguage(nothing, 2, 'erreur : acknowledge a besoin du plan');
    eachInItsLanguage(stranger, 2, /n’est ni celle du client ni celle du prestataire entrant/);
  });

  it('acknowledge refuses a manifest not signed by the pinned signer in French; the JSON error is the same', async () => {
    const here = path.join(dir, 'forged');
    await mkdir(here);
    const manifest = path.join(here, path.basename(b.manifest));
    await writeFile(manifest, '['.repeat(1 << 20));
    await writeFile(`${manifest}.asc`, await readFile(b.signature));
    const args = ['acknowledge', manifest, '--signing-key', keys.client.sec, '--plan', plan];
    eachInItsLanguage(
      await both(args),
      1,
      /^erreur : le manifeste .* n’est pas signé par le signataire attendu \(/m,
    );
    const [jsonFr, jsonEn] = await Promise.all([
      exitkit([...args, '--json'], { env: FR }),
      exitkit([...args, '--json']),
    ]);
    expect(jsonFr.code).toBe(1);
    expect(jsonFr.stdout).toBe(jsonEn.stdout);
    expect(JSON.parse(jsonFr.stdout).error.message).toMatch(/is not signed by the pinned signer/);
  });

  it('verify --receipt: its line and its faults in French; the JSON is the same', async () => {
    const check = (file: string) => ['verify', b.manifest, '--plan', plan, '--receipt', file];
    const [good, bad, jsonFr, jsonEn] = await Promise.all([
      both(check(receipt)),
      both(check(strangers)),
      exitkit([...check(strangers), '--json'], { env: FR }),
      exitkit([...check(strangers), '--json']),
    ]);
    eachInItsLanguage(
      good,
      0,
      /accusé de réception : .* : signé le .* par le client \([0-9A-F]{40}\), pour ce manifeste et cette archive ; il consigne le verdict OK/,
    );
    expect(good.en.stdout).toMatch(
      /receipt: .* signed on .* by the client \([0-9A-F]{40}\), for this manifest/,
    );
    eachInItsLanguage(
      bad,
      1,
      'accusé de réception : sa signature n’est pas celle de la clé du client ni de celle du prestataire entrant dans le plan',
    );
    expect(jsonFr.code).toBe(1);
    expect(stable(jsonFr.stdout)).toBe(stable(jsonEn.stdout));
    const j = JSON.parse(jsonFr.stdout) as { faults: string[]; receipt: { lines: string[] } };
    expect(j.faults.at(-1)).toMatch(
      /^receipt: its signature is not by the client's or the incoming provider's key/,
    );
    expect(j.receipt.lines).toEqual([`receipt: ${strangers}: NOT VALID`]);
  });

  it('verify --receipt: a missing receipt, and a receipt without the plan that pins its signers, in French', async () => {
    const [missing, unpinned] = await Promise.all([
      both(['verify', b.manifest, '--plan', plan, '--receipt', path.join(dir, 'none.json')]),
      both(['verify', b.manifest, '--signer', keys.outgoing.pub, '--receipt', receipt]),
    ]);
    eachInItsLanguage(
      missing,
      2,
      /^erreur : impossible de lire l’accusé de réception .* : fichier introuvable$/m,
    );
    eachInItsLanguage(unpinned, 2, 'erreur : impossible de contrôler l’accusé de réception sans le plan');
  });
});
