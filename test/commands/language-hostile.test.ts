/**
 * A hostile archive's faults in the terminal's language (README.md, "Commands"): the readers'
 * own refusals (an entry that climbs out, a PAX rename or record, an OpenPGP message of another
 * shape, a manifest with a repeated key) read entirely in French in a French session and entirely
 * in English with --lang en, while --json and the exit codes stay the same.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPrivateKeyFile } from '../../src/io/openpgp/keys.js';
import { signDetached } from '../../src/io/openpgp/signatures.js';
import { exitkit, tempDir } from '../helpers/cli.js';
import { file, makeBundle, testKeys, type BundleOptions, type TestKeys } from '../helpers/hostile.js';
import { englishIn, frenchIn } from '../helpers/language.js';
import { splitMessage } from '../helpers/pgp-frames.js';

const FR = { LANG: 'fr_CH.UTF-8' };

/** The JSON without what changes from one run to the next (the time of the verdict). */
const stable = (json: string) => json.replace(/"verifiedAt": "[^"]*"/, '"verifiedAt": ""');

let dir: string;
let keys: TestKeys;

beforeAll(async () => {
  dir = await tempDir();
  keys = await testKeys(dir);
});

/** A hand-made bundle whose own words are names, not sentences (the waiver's reason). */
async function bundle(name: string, opts: Partial<BundleOptions> = {}) {
  const root = path.join(dir, name);
  const b = await makeBundle({
    out: path.join(root, 'bundle'),
    keys,
    ...opts,
    editManifest: (m) => {
      for (const d of m.deliverables) if (d.waiver) d.waiver.reason = 'CAD';
      opts.editManifest?.(m);
    },
  });
  return { root, b };
}

const check = ['--signer', '', '--decryption-key', ''];
const args = (command: 'verify' | 'extract', manifest: string, ...more: string[]) => {
  check[1] = keys.outgoing.pub;
  check[3] = keys.incoming.sec;
  return [command, manifest, ...check, ...more];
};

/**
 * Verify (French, English, --json in both) and extract (French) of one hostile bundle: the same
 * exit code everywhere, French only in French, English only with --lang en, the same JSON.
 */
async function speaks(name: string, opts: Partial<BundleOptions>, exit: 1 | 2) {
  const { root, b } = await bundle(name, opts);
  const fr = await exitkit(args('verify', b.manifest), { env: FR });
  const en = await exitkit(args('verify', b.manifest, '--lang', 'en'), { env: FR });
  const jsonFr = await exitkit(args('verify', b.manifest, '--json'), { env: FR });
  const jsonEn = await exitkit(args('verify', b.manifest, '--json'));
  for (const r of [fr, en, jsonFr, jsonEn]) expect(r.code, r.stdout + r.stderr).toBe(exit);
  expect(fr.stderr).not.toMatch(/at .*\.js:\d+/);
  expect(englishIn(fr.stdout + fr.stderr), fr.stdout + fr.stderr).toEqual([]);
  expect(frenchIn(en.stdout + en.stderr), en.stdout + en.stderr).toEqual([]);
  expect(stable(jsonFr.stdout)).toBe(stable(jsonEn.stdout));

  const dest = path.join(root, 'dest');
  await mkdir(dest);
  const extractFr = await exitkit(args('extract', b.manifest, '--to', dest), { env: FR });
  expect(extractFr.code).toBe(exit);
  expect(englishIn(extractFr.stdout + extractFr.stderr), extractFr.stdout + extractFr.stderr).toEqual([]);
  return { fr, en, json: JSON.parse(jsonEn.stdout) as { faults?: string[]; error?: { message: string } } };
}

describe('verify and extract name a hostile archive in the terminal language', () => {
  it('an entry that climbs out with ..', async () => {
    const r = await speaks('climbs', { mutate: (items, id) => [...items, file(`${id}/../evil`, 'x')] }, 1);
    expect(r.fr.stdout).toMatch(/entrée dangereuse ".*\/\.\.\/evil" : un chemin qui sort du sac par "\.\."/);
    expect(r.en.stdout).toMatch(/unsafe entry ".*\/\.\.\/evil": a path that climbs out with "\.\."/);
    expect(r.json.faults).toContainEqual(expect.stringMatching(/a path that climbs out with "\.\."$/));
  });

  it('an entry a PAX record renames', async () => {
    const r = await speaks(
      'pax-rename',
      {
        mutate: (items, id) =>
          items.map((it) =>
            it.name.endsWith('handover.kdbx') ? { ...it, name: `${id}/data/x`, pax: { path: it.name } } : it,
          ),
      },
      1,
    );
    expect(r.fr.stdout).toMatch(/un en-tête PAX la renomme \(son en-tête tar indique .*\/data\/x\)/);
    expect(r.en.stdout).toMatch(/a PAX header renames it \(its tar header says .*\/data\/x\)/);
    expect(r.json.faults).toContainEqual(expect.stringMatching(/a PAX header renames it/));
  });

  it('a PAX record bundle never writes: the tar is refused', async () => {
    const r = await speaks(
      'pax-linkpath',
      {
        mutate: (items) =>
          items.map((it) => (it.name.endsWith('runbook.md') ? { ...it, pax: { linkpath: '/etc' } } : it)),
      },
      1,
    );
    expect(r.fr.stdout).toMatch(/tar : .* : refusé : un enregistrement PAX "linkpath"/);
    expect(r.en.stdout).toMatch(/tar: .*: refused: a PAX record "linkpath"/);
    expect(r.json.faults).toContainEqual(expect.stringMatching(/refused: a PAX record "linkpath"/));
  });

  it('an OpenPGP message of another shape than bundle writes', async () => {
    const r = await speaks(
      'shape',
      {
        // The literal packet's tag flipped through CFB (after the 18-byte random prefix).
        editArchive: (c) => {
          const out = Buffer.from(c);
          out[splitMessage(c).bodyAt + 1 + 18]! ^= 0xcb ^ 0xc8;
          return out;
        },
      },
      1,
    );
    expect(r.fr.stdout).toContain(
      'ce n’est pas une archive qu’exitkit signe : le paquet chiffré ne contient pas un seul paquet de données littérales',
    );
    expect(r.json.faults).toContainEqual(
      expect.stringContaining(
        'not an archive exitkit signs: the encrypted packet does not hold one literal data packet',
      ),
    );
  });

  it('a signed manifest with a repeated key: could not check (2), said in French', async () => {
    const { b } = await bundle('dup-src');
    const text = (await readFile(b.manifest, 'utf8')).replace(
      '"complete": true',
      '"complete": false,\n  "complete": true',
    );
    const signer = await readPrivateKeyFile(keys.outgoing.sec);
    await writeFile(b.manifest, text);
    await writeFile(b.signature, await signDetached(Buffer.from(text), signer));
    const fr = await exitkit(args('verify', b.manifest), { env: FR });
    const en = await exitkit(args('verify', b.manifest, '--lang', 'en'), { env: FR });
    const jsonFr = await exitkit(args('verify', b.manifest, '--json'), { env: FR });
    const jsonEn = await exitkit(args('verify', b.manifest, '--json'));
    for (const x of [fr, en, jsonFr, jsonEn]) expect(x.code).toBe(2);
    expect(fr.stderr).toMatch(
      /^erreur : .* n’est pas un manifeste de sortie : la clé "complete" est répétée/m,
    );
    expect(englishIn(fr.stderr), fr.stderr).toEqual([]);
    expect(en.stderr).toMatch(
      /^error: .* is not an exit manifest: the key "complete" is repeated in one object/m,
    );
    expect(frenchIn(en.stderr)).toEqual([]);
    expect(jsonFr.stdout).toBe(jsonEn.stdout);
    expect(jsonEn.stdout).toContain('the key \\"complete\\" is repeated in one object');
  });
});
