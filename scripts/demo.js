#!/usr/bin/env node
// npm run demo [-- --out DIR]
//
// Plays the whole story of an exit on plans/acme-exit-2026.yaml, with generated example exports
// and throwaway keys for the three parties, and says what each step proved. Everything it writes
// goes into demo-output/ (git-ignored), made anew on every run.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  closeSync,
  readSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'run.js');
const { values } = parseArgs({
  options: { out: { type: 'string', default: path.join(ROOT, 'demo-output') } },
});
const OUT = path.resolve(values.out);
const ID = 'acme-exit-2026';
const started = Date.now();

const bold = (s) => (process.stdout.isTTY ? `\u001b[1m${s}\u001b[0m` : s);
const rel = (p) => path.relative(process.cwd(), p) || '.';

/** Runs exitkit in the demo folder; fails the demo unless it exits with `expect`. */
function exitkit(args, { expect = 0, env = {}, stdout } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: OUT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== expect) {
    process.stderr.write(`\n$ exitkit ${args.join(' ')}\n${r.stdout}${r.stderr}`);
    process.stderr.write(`demo failed: exitkit ${args[0]} exited ${r.status}, expected ${expect}\n`);
    process.exit(2);
  }
  if (stdout) writeFileSync(path.join(OUT, stdout), r.stdout);
  return r;
}

let n = 0;
function step(title, proved, run) {
  n += 1;
  process.stdout.write(`\n${bold(`${n}. ${title}`)}\n`);
  const detail = run();
  for (const line of [].concat(detail ?? [])) process.stdout.write(`   ${line}\n`);
  process.stdout.write(`   -> ${proved}\n`);
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
process.stdout.write(
  `exitkit demo: the end of ACME SA's outsourcing contract with InfoGest Sàrl; NovaIT SA takes over.\n`,
);
process.stdout.write(`Everything is written in ${rel(OUT)}/\n`);

step(
  'The outgoing provider prepares the exports named in the exit plan',
  'every deliverable of the plan has its files on disk',
  () => {
    copyFileSync(path.join(ROOT, 'plans', `${ID}.yaml`), path.join(OUT, `${ID}.yaml`));
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'scripts', 'make-example-exports.js'), '--root', OUT, 'acme'],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      process.exit(2);
    }
    return [`plan: ${ID}.yaml (copied from plans/), exports: ${ID}/exports/`];
  },
);

step('Each party makes its OpenPGP key pair', 'keys in the armored format GnuPG exports and imports', () => {
  const parties = [
    ['acme', 'ACME SA', 'it@acme.example'],
    ['infogest', 'InfoGest Sàrl', 'ops@infogest.example'],
    ['novait', 'NovaIT SA', 'handover@novait.example'],
  ];
  return parties.map(([file, name, email]) => {
    const r = exitkit([
      'keys',
      'generate',
      '--name',
      name,
      '--email',
      email,
      '--out',
      `${ID}/keys/${file}`,
      '--no-passphrase',
      '--json',
    ]);
    const fpr = JSON.parse(r.stdout).fingerprint ?? '';
    return `${name}: ${ID}/keys/${file}.pub.asc / .sec.asc ${fpr}`;
  });
});

step(
  'validate: the plan is well-formed and means something',
  'schema, ids, dates, waivers and key files all hold',
  () => {
    return exitkit(['validate', `${ID}.yaml`]).stdout.trim();
  },
);

step(
  'walk (no input): every deliverable checked on disk, family by family',
  'every required deliverable is present, fresh and ready (exit 0)',
  () => {
    const r = exitkit(['walk', `${ID}.yaml`, '--no-input', '--json'], { stdout: 'walk.json' });
    const result = JSON.parse(r.stdout);
    const list = Array.isArray(result) ? result : result.deliverables;
    const ready = list.filter((d) => d.ready).length;
    return `${ready} of ${list.length} deliverables ready; report in walk.json`;
  },
);

step(
  'walk again, in French: LANG=fr_CH.UTF-8 exitkit walk',
  'the terminal speaks the locale (--lang en or fr overrides it); walk --json is the same in both',
  () => {
    const fr = { LANG: 'fr_CH.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    const r = exitkit(['walk', `${ID}.yaml`, '--no-input'], { env: fr });
    const json = exitkit(['walk', `${ID}.yaml`, '--no-input', '--json'], { env: fr }).stdout;
    const english = exitkit(['walk', `${ID}.yaml`, '--no-input', '--json', '--lang', 'en']).stdout;
    if (json !== english) {
      process.stderr.write('demo failed: walk --json differs between French and English\n');
      process.exit(2);
    }
    const lines = r.stdout.trim().split('\n');
    return [lines[0], ...lines.slice(-2)];
  },
);

/** The latest delivery's manifest: what every party checks, signs and pays against. */
const LATEST = `handover/${ID}.delivery-2.manifest.json`;
const SECOND_WAVE = ['backups', 'credentials'];
/** The day before today (UTC): the due date the ERP backup misses in the demo. */
const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** Sets, in the demo's copy of the plan, a field of every deliverable of these categories (or ids). */
function setInPlan(which, field, value) {
  const file = path.join(OUT, `${ID}.yaml`);
  const blocks = readFileSync(file, 'utf8').split(/(?=\n {2}- id: )/);
  const edited = blocks.map((b) => {
    const id = /^\n {2}- id: (\S+)/.exec(b)?.[1];
    const category = /\n {4}category: (\S+)/.exec(b)?.[1];
    if (!id || !(which.includes(id) || which.includes(category))) return b;
    return b.replace(new RegExp(`\\n {4}${field}: [^\\n]*`), `\n    ${field}: ${value}`);
  });
  writeFileSync(file, edited.join(''));
}

step(
  'rehearse: the client tests the exit before it happens, with throwaway keys (DORA, FINMA)',
  'walk, bundle, verify and extract ran end to end, timed, and left nothing but the signed report',
  () => {
    const r = exitkit([
      'rehearse',
      `${ID}.yaml`,
      '--out',
      'rehearsal',
      '--signing-key',
      `${ID}/keys/acme.sec.asc`,
      '--json',
    ]);
    const report = JSON.parse(r.stdout);
    const scratch = readdirSync(path.join(OUT, 'rehearsal')).filter((f) => f.startsWith('.'));
    if (scratch.length > 0) {
      process.stderr.write(`demo failed: the rehearsal left ${scratch.join(', ')}\n`);
      process.exit(2);
    }
    return [
      report.steps.map((s) => `${s.step} ${s.status} ${s.seconds} s`).join(', '),
      `estimated duration of the exit: ${report.estimatedSeconds} s for ${report.payload.full.files} files, ${report.payload.full.bytes} bytes`,
      'rehearsal/rehearsal.md, rehearsal.html, rehearsal.json and rehearsal.json.asc (signed by ACME SA)',
    ];
  },
);

step(
  'bundle, first delivery: documentation, configurations and inventory',
  'encrypted to ACME and NovaIT only; manifest signed by InfoGest; backups and credentials still to come (complete: false, exit 1)',
  () => {
    // The backups and credentials come at cut-over: not ready yet. The ERP backup was due yesterday.
    setInPlan(SECOND_WAVE, 'status', 'pending');
    setInPlan(['sql01-erp-backup'], 'due', YESTERDAY);
    exitkit(
      [
        'bundle',
        `${ID}.yaml`,
        '--out',
        'handover',
        '--signing-key',
        `${ID}/keys/infogest.sec.asc`,
        '--allow-incomplete',
      ],
      { expect: 1 },
    );
    const m = JSON.parse(readFileSync(path.join(OUT, 'handover', `${ID}.manifest.json`), 'utf8'));
    return [
      `handover/${ID}.tar.pgp (${m.archive.size} bytes), ${ID}.manifest.json, ${ID}.manifest.json.asc`,
      `${m.payload.files} files, ${m.payload.bytes} bytes, complete: ${m.complete} (missing: ${m.missing.length})`,
    ];
  },
);

step(
  'bundle again, second delivery: the backups and credentials, at cut-over',
  'only what is new, chained to the first manifest by its SHA-256 and signed; the handover is complete over both deliveries',
  () => {
    setInPlan(SECOND_WAVE, 'status', 'ready');
    exitkit(['bundle', `${ID}.yaml`, '--out', 'handover', '--signing-key', `${ID}/keys/infogest.sec.asc`]);
    const m = JSON.parse(readFileSync(path.join(OUT, LATEST), 'utf8'));
    const carried = m.deliverables.filter((d) => d.delivered).map((d) => d.id);
    return [
      `${LATEST} (+ .asc, ${ID}.delivery-2.tar.pgp, ${m.archive.size} bytes): delivery ${m.delivery.number}, previous ${m.delivery.previous.file} sha256 ${m.delivery.previous.sha256.slice(0, 16)}…`,
      `${carried.length} deliverables, ${m.payload.files} files, complete: ${m.complete}; sql01-erp-backup was due ${YESTERDAY}: late`,
    ];
  },
);

step(
  'verify as the client (no key): signature, archive digest, completeness',
  'the client checked the signature, the archive digest and completeness itself',
  () => {
    const r = exitkit(['verify', LATEST, '--plan', `${ID}.yaml`, '--json'], {
      stdout: 'verification-client.json',
    });
    const v = JSON.parse(r.stdout);
    return `verdict: ok over ${v.deliveries.length} deliveries, each signed and chained (verification-client.json); not decrypted: the content is not checked`;
  },
);

step(
  'verify as the incoming provider: decrypts and re-hashes every file',
  'every file is exactly what InfoGest signed; nothing written to disk',
  () => {
    const r = exitkit(
      ['verify', LATEST, '--plan', `${ID}.yaml`, '--decryption-key', `${ID}/keys/novait.sec.asc`, '--json'],
      { stdout: 'verification.json' },
    );
    const v = JSON.parse(r.stdout);
    return `${v.files.checked} files of ${v.deliveries.length} deliveries checked, altered ${v.files.altered.length}, missing ${v.files.missing.length}, extra ${v.files.extra.length}, unsafe ${v.files.unsafe.length}`;
  },
);

step('A tampered copy is caught', 'one flipped byte in the archive fails the verification (exit 1)', () => {
  mkdirSync(path.join(OUT, 'tampered'), { recursive: true });
  for (const f of [`${ID}.tar.pgp`, `${ID}.manifest.json`, `${ID}.manifest.json.asc`]) {
    copyFileSync(path.join(OUT, 'handover', f), path.join(OUT, 'tampered', f));
  }
  const archive = path.join(OUT, 'tampered', `${ID}.tar.pgp`);
  const fd = openSync(archive, 'r+');
  const b = Buffer.alloc(1);
  const at = 4096;
  readSync(fd, b, 0, 1, at);
  b[0] ^= 0x01;
  writeSync(fd, b, 0, 1, at);
  closeSync(fd);
  const r = exitkit(['verify', `tampered/${ID}.manifest.json`, '--plan', `${ID}.yaml`], { expect: 1 });
  const line = `${r.stdout}${r.stderr}`.split('\n').find((l) => /digest|archive/i.test(l)) ?? '';
  rmSync(path.join(OUT, 'tampered'), { recursive: true, force: true });
  return line.trim();
});

step(
  'extract: verified extraction for the incoming provider',
  'one bag a delivery appears in received/, only after every check of every delivery passed',
  () => {
    exitkit([
      'extract',
      LATEST,
      '--plan',
      `${ID}.yaml`,
      '--decryption-key',
      `${ID}/keys/novait.sec.asc`,
      '--to',
      'received',
    ]);
    return `received/${ID}/ and received/${ID}.delivery-2/ (BagIt bags: bagit.txt, manifest-sha512.txt, data/...)`;
  },
);

step(
  'checklist: the handover checklist to sign, in French and English',
  'per family and deliverable: status, files, digests, verification, open actions, sign-off',
  () => {
    mkdirSync(path.join(OUT, 'documents'), { recursive: true });
    const common = ['--manifest', LATEST, '--verification', 'verification.json'];
    exitkit([
      'checklist',
      `${ID}.yaml`,
      ...common,
      '--lang',
      'fr',
      '--format',
      'md',
      '--out',
      'documents/checklist.fr.md',
    ]);
    exitkit([
      'checklist',
      `${ID}.yaml`,
      ...common,
      '--lang',
      'fr',
      '--format',
      'html',
      '--out',
      'documents/checklist.fr.html',
    ]);
    exitkit([
      'checklist',
      `${ID}.yaml`,
      ...common,
      '--lang',
      'en',
      '--format',
      'html',
      '--out',
      'documents/checklist.en.html',
    ]);
    return 'documents/checklist.fr.md, checklist.fr.html, checklist.en.html';
  },
);

/** What the client has at hand: the signed manifest and its own verification, made without a key. */
const clientEvidence = ['--manifest', LATEST, '--verification', 'verification-client.json'];

step(
  "compensation on the client's own verification (no key): the final payment is held",
  'a verification that did not decrypt vouches for the signature and digest, not the content',
  () => {
    const r = exitkit(['compensation', `${ID}.yaml`, ...clientEvidence, '--json'], { expect: 1 });
    const c = JSON.parse(r.stdout);
    const held = c.finalPayment.conditions.filter((k) => !k.met).map((k) => k.id);
    return [
      `price ${c.currency} ${c.subtotal} + VAT ${c.vat}, amount due ${c.total}, of which held back ${c.finalPayment.amount}`,
      `releasable: ${c.finalPayment.releasable} (not met: ${held.join(', ')})`,
    ];
  },
);

step(
  'acknowledge with a reserve: the incoming provider signs its receipt, reserving the network diagram',
  "NovaIT's receipt binds the manifest, the archive and a verdict on every file; its reserve holds the final payment back",
  () => {
    exitkit([
      'acknowledge',
      LATEST,
      '--plan',
      `${ID}.yaml`,
      '--signing-key',
      `${ID}/keys/novait.sec.asc`,
      '--verification',
      'verification.json',
      '--reserve',
      'le schéma du réseau est antérieur au changement de pare-feu de 2026',
      '--deliverable',
      'network-diagram',
      '--due',
      '2026-12-20',
    ]);
    const r = exitkit(
      [
        'compensation',
        `${ID}.yaml`,
        ...clientEvidence,
        '--receipt',
        `handover/${ID}.receipt.incoming.json`,
        '--json',
      ],
      { expect: 1 },
    );
    const held = JSON.parse(r.stdout)
      .finalPayment.conditions.filter((k) => !k.met)
      .map((k) => k.id);
    return `handover/${ID}.receipt.incoming.json: reserve I1 open; final payment held (not met: ${held.join(', ')})`;
  },
);

step(
  'the reserve lifted: the incoming provider signs its next receipt, chained to the first',
  'one party, one chain: the first receipt is kept, the new one names it by its SHA-256; verify --receipt follows the chain',
  () => {
    exitkit([
      'acknowledge',
      LATEST,
      '--plan',
      `${ID}.yaml`,
      '--signing-key',
      `${ID}/keys/novait.sec.asc`,
      '--verification',
      'verification.json',
      '--lift',
      'I1',
    ]);
    exitkit(['verify', LATEST, '--plan', `${ID}.yaml`, '--receipt', `handover/${ID}.receipt.incoming.json`]);
    return `handover/${ID}.receipt.incoming.json (reserve I1 lifted) supersedes ${ID}.receipt.incoming.1.json`;
  },
);

step(
  'attest deletion: the outgoing provider attests that it deleted its copies of the returned data',
  "InfoGest's signed attestation follows this delivery; verify --attestation checks it against the plan's outgoing key",
  () => {
    exitkit([
      'attest',
      'deletion',
      `${ID}.yaml`,
      '--out',
      'handover',
      '--signing-key',
      `${ID}/keys/infogest.sec.asc`,
      '--method',
      'NIST SP 800-88 purge',
      '--system',
      'FS01 backup repository',
      '--retained',
      'factures',
      '--basis',
      'conservées dix ans, CO art. 958f',
    ]);
    exitkit(['verify', LATEST, '--plan', `${ID}.yaml`, '--attestation', `handover/${ID}.deletion.json`]);
    const a = JSON.parse(readFileSync(path.join(OUT, 'handover', `${ID}.deletion.json`), 'utf8'));
    return `handover/${ID}.deletion.json (.asc): deleted on ${a.date} (${a.method}), ${a.scope.datasets.length} data sets; retained: ${a.retained.map((x) => `${x.data} (${x.basis})`).join('; ')}`;
  },
);

step(
  'the record to sign: the procès-verbal de réversibilité with the receipts, the lifted reserve and the deletion attestation',
  'each deliverable delivered with its delivery and date; reserve I1 lifted; conclusion: sans réserves',
  () => {
    const record = (lang, format) =>
      exitkit([
        'checklist',
        `${ID}.yaml`,
        '--manifest',
        LATEST,
        '--verification',
        'verification.json',
        '--receipt',
        `handover/${ID}.receipt.incoming.json`,
        '--attestation',
        `handover/${ID}.deletion.json`,
        '--lang',
        lang,
        '--format',
        format,
        '--out',
        `documents/record.${lang}.${format}`,
      ]);
    record('fr', 'html');
    record('fr', 'md');
    record('en', 'html');
    const md = readFileSync(path.join(OUT, 'documents', 'record.fr.md'), 'utf8');
    if (!/sans réserves/i.test(md)) {
      process.stderr.write('demo failed: the record does not conclude sans réserves\n');
      process.exit(2);
    }
    return 'documents/record.fr.html, record.fr.md, record.en.html';
  },
);

step(
  "compensation (décompte de réversibilité): the final payment released on the incoming provider's receipt",
  'every release condition holds: a verification that decrypted and re-hashed every file, a complete handover, no open reserve',
  () => {
    const common = [...clientEvidence, '--receipt', `handover/${ID}.receipt.incoming.json`];
    for (const [lang, format] of [
      ['fr', 'html'],
      ['en', 'html'],
      ['en', 'md'],
    ]) {
      exitkit([
        'compensation',
        `${ID}.yaml`,
        ...common,
        '--lang',
        lang,
        '--format',
        format,
        '--out',
        `documents/compensation.${lang}.${format}`,
      ]);
    }
    const c = JSON.parse(exitkit(['compensation', `${ID}.yaml`, ...common, '--json']).stdout);
    if (!c.finalPayment.releasable) {
      process.stderr.write('demo failed: the final payment is not releasable\n');
      process.exit(2);
    }
    return [
      `amount due ${c.currency} ${c.total}, of which held back until release ${c.finalPayment.amount}: releasable`,
      ...c.finalPayment.conditions.map((k) => `${k.id}: ${k.detail}`),
      'documents/compensation.fr.html, compensation.en.html, compensation.en.md',
    ];
  },
);

if (!existsSync(path.join(OUT, 'received', ID, 'bagit.txt'))) {
  process.stderr.write('demo failed: the extracted bag is not there\n');
  process.exit(2);
}
process.stdout.write(
  `\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. Open ${rel(path.join(OUT, 'documents', 'record.fr.html'))} (the record to sign) and compensation.fr.html in a browser.\n`,
);
