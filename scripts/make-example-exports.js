#!/usr/bin/env node
/**
 * Writes the example exports of plans/acme-exit-2026.yaml and plans/durand-exit-2026.yaml into
 * git-ignored folders (plans/<id>/exports/), so that `exitkit validate` and `exitkit walk` can be
 * tried right after install. The content is deterministic (same bytes on every run) and small (a
 * few MB); only the modification times are "now", so the backups are fresh.
 *
 *   node scripts/make-example-exports.js            # both examples
 *   node scripts/make-example-exports.js acme       # one of them
 *   node scripts/make-example-exports.js --keys     # print the commands that make the parties' keys
 *   node scripts/make-example-exports.js --root DIR # write DIR/<id>/exports instead (tests)
 *
 * Keys are never made here: `exitkit keys generate` makes them (the demo does), into the
 * git-ignored plans/<id>/keys/ folder named by the plans.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let PLANS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'plans');

/** Deterministic pseudo-random bytes: SHA-256 in counter mode over a label. */
function bytes(label, n) {
  const out = Buffer.alloc(n);
  let filled = 0;
  for (let i = 0; filled < n; i++) {
    const block = createHash('sha256').update(`${label}:${i}`).digest();
    filled += block.copy(out, filled);
  }
  return out;
}

/** A KeePass 2 database header (KDBX 4 signature and version) followed by opaque bytes. */
function kdbx(label, n) {
  const sig = Buffer.from([0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5, 0x00, 0x00, 0x04, 0x00]);
  return Buffer.concat([sig, bytes(label, n - sig.length)]);
}

/** An OpenPGP message as it starts: a new-format PKESK packet (tag 1), then opaque bytes. */
function pgp(label, n) {
  return Buffer.concat([Buffer.from([0xc1, 0x5e, 0x03]), bytes(label, n - 3)]);
}

/** An age file: its text header, then opaque bytes. */
function age(label, n) {
  const header = Buffer.from(
    `age-encryption.org/v1\n-> X25519 ${bytes(`${label}-stanza`, 32).toString('base64').replace(/=+$/, '')}\n${bytes(`${label}-body`, 32).toString('base64').replace(/=+$/, '')}\n--- ${bytes(`${label}-mac`, 32).toString('base64').replace(/=+$/, '')}\n`,
  );
  return Buffer.concat([header, bytes(label, n)]);
}

/** The shape of Bitwarden's password-protected (encrypted) JSON export. */
function bitwarden(label) {
  const b64 = (l, n) => bytes(`${label}-${l}`, n).toString('base64');
  return `${JSON.stringify(
    {
      encrypted: true,
      passwordProtected: true,
      salt: b64('salt', 16),
      kdfType: 0,
      kdfIterations: 600000,
      encKeyValidation_DO_NOT_EDIT: `2.${b64('iv1', 16)}|${b64('ct1', 48)}|${b64('mac1', 32)}`,
      data: `2.${b64('iv2', 16)}|${b64('ct2', 3000)}|${b64('mac2', 32)}`,
    },
    null,
    2,
  )}\n`;
}

/** A backup image: a recognizable header, then opaque bytes. */
function image(kind, label, n) {
  const head = Buffer.from(`${kind} backup image ${label}\n`);
  return Buffer.concat([head, bytes(label, n - head.length)]);
}

/** CSV text with the given delimiter and line end (French Excel: ';', CRLF and a BOM). */
function csv(rows, { delimiter = ',', crlf = false, bom = false } = {}) {
  const cell = (v) => (/[",;\r\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  const text =
    rows.map((r) => r.map(cell).join(delimiter)).join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
  return bom ? `\ufeff${text}` : text;
}

function inventoryRows(header, sites, lang) {
  const kinds =
    lang === 'fr'
      ? [
          ['poste de travail', 'PC', 18],
          ['serveur', 'SRV', 4],
          ['imprimante', 'PRN', 3],
          ['switch', 'SW', 3],
          ['pare-feu', 'FW', 1],
          ['téléphone', 'TEL', 6],
          ['logiciel', 'APP', 5],
        ]
      : [
          ['workstation', 'WS', 24],
          ['server', 'SRV', 5],
          ['printer', 'PRN', 4],
          ['switch', 'SW', 4],
          ['firewall', 'FW', 2],
          ['phone', 'PH', 10],
          ['software', 'APP', 6],
        ];
  const rows = [header];
  for (const [type, prefix, count] of kinds) {
    for (let i = 1; i <= count; i++) {
      const site = sites[(i - 1) % sites.length];
      const serial = bytes(`${prefix}${i}`, 5).toString('hex').toUpperCase();
      rows.push([
        type,
        `${prefix}${String(i).padStart(2, '0')}`,
        site,
        serial,
        i % 5 === 0 ? '2027-03-31' : '',
      ]);
    }
  }
  return rows;
}

const ACME = {
  'backups/fs01-2026-11.vbk': () => image('Veeam', 'FS01', 1_600_000),
  'backups/sql01-erp.bak': () => image('SQL Server', 'SQL01-ERP', 400_000),
  'backups/test-restauration-2026-11.md': () =>
    '# Procès-verbal de test de restauration\n\nServeur : FS01, sauvegarde complète du dimanche.\nRestauration sur machine isolée : dossiers Comptabilité et RH, 2 430 fichiers, contrôle de sommes : conforme.\nTesté par : InfoGest Sàrl (M. Rey), en présence d’ACME SA (Mme Python).\n',
  'donnees/export-erp/clients.csv': () =>
    csv(
      [
        ['numero', 'raison_sociale', 'npa', 'localite'],
        ...Array.from({ length: 60 }, (_, i) => [
          1000 + i,
          `Client ${i + 1} SA`,
          1700 + (i % 30),
          i % 2 ? 'Fribourg' : 'Bulle',
        ]),
      ],
      { delimiter: ';', crlf: true, bom: true },
    ),
  'donnees/export-erp/articles.csv': () =>
    csv(
      [
        ['code', 'designation', 'prix_chf'],
        ...Array.from({ length: 40 }, (_, i) => [`A${100 + i}`, `Article ${i + 1}`, (12.5 + i).toFixed(2)]),
      ],
      {
        delimiter: ';',
        crlf: true,
        bom: true,
      },
    ),
  'coffre/passation.kdbx': () => kdbx('acme-vault', 96_000),
  'coffre/codes-recuperation-mfa.pgp': () => pgp('acme-mfa', 4_000),
  'coffre/registraire-dns.age': () => age('acme-dns', 2_000),
  'coffre/m365-admin-bitwarden.json': () => bitwarden('acme-m365'),
  'configurations/reseau/fw01.conf': () =>
    'config system global\n    set hostname "FW01"\n    set timezone "Europe/Zurich"\nend\nconfig firewall policy\n    edit 1\n        set name "LAN-vers-Internet"\n        set srcintf "lan"\n        set dstintf "wan1"\n        set action accept\n    next\nend\n',
  'configurations/reseau/sw01.cfg': () =>
    'hostname SW01\n!\nvlan 10\n name utilisateurs\nvlan 20\n name serveurs\nvlan 30\n name voip\n!\ninterface GigabitEthernet1/0/1\n switchport access vlan 10\n',
  'configurations/reseau/sw02.cfg': () =>
    'hostname SW02\n!\nvlan 10\n name utilisateurs\nvlan 30\n name voip\n',
  'configurations/reseau/rt01.cfg': () =>
    'hostname RT01\n!\ninterface Dialer0\n description fibre Swisscom\nip route 0.0.0.0 0.0.0.0 Dialer0\n',
  'configurations/reseau/vpn-site-bulle.conf': () =>
    'conn fribourg-bulle\n  left=%defaultroute\n  leftsubnet=10.10.0.0/16\n  right=bulle.acme.example\n  rightsubnet=10.20.0.0/16\n  ike=aes256-sha256-modp2048\n  # la clé pré-partagée est dans le coffre (passation.kdbx)\n',
  'configurations/serveurs/fs01-partages.json': () =>
    `${JSON.stringify(
      {
        server: 'FS01',
        shares: [
          { name: 'Comptabilite', path: 'D:\\Partages\\Compta' },
          { name: 'RH', path: 'D:\\Partages\\RH' },
        ],
      },
      null,
      2,
    )}\n`,
  'configurations/serveurs/veeam-jobs.xml': () =>
    '<?xml version="1.0" encoding="UTF-8"?>\n<Jobs>\n  <Job Name="FS01-complet" Schedule="dimanche 22:00" Retention="30" />\n  <Job Name="SQL01-ERP" Schedule="quotidien 23:00" Retention="14" />\n</Jobs>\n',
  'configurations/m365/acces-conditionnel.json': () =>
    `${JSON.stringify(
      {
        policies: [
          { displayName: 'MFA pour tous', state: 'enabled' },
          { displayName: 'Bloquer authentification héritée', state: 'enabled' },
        ],
      },
      null,
      2,
    )}\n`,
  'documentation/schema-reseau.svg': () =>
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120"><rect x="10" y="40" width="80" height="40"/><text x="15" y="65" fill="white">FW01</text><line x1="90" y1="60" x2="160" y2="60" stroke="black"/><rect x="160" y="40" width="80" height="40"/><text x="165" y="65" fill="white">SW01</text></svg>\n',
  'documentation/procedures/redemarrage-erp.md': () =>
    '# Redémarrage de l’ERP\n\n1. Prévenir les utilisateurs.\n2. Arrêter le service « ERP-App » sur SRV02.\n3. Redémarrer SQL01, puis SRV02.\n',
  'documentation/procedures/sauvegardes.md': () =>
    '# Sauvegardes\n\nVeeam sur SRV03 : FS01 complet le dimanche, SQL01 chaque nuit. Copie hors site chez Swiss Backup.\n',
  'documentation/journal-interventions.csv': () =>
    csv(
      [
        ['date', 'technicien', 'intervention'],
        ...Array.from({ length: 30 }, (_, i) => [
          `2026-${String((i % 10) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
          i % 2 ? 'M. Rey' : 'Mme Blanc',
          `Intervention n° ${i + 1}`,
        ]),
      ],
      { delimiter: ';', crlf: true, bom: true },
    ),
  'inventaire/inventaire.csv': () =>
    csv(
      inventoryRows(
        ['Type', 'Nom', 'Emplacement', 'Numéro de série', 'Fin de garantie'],
        ['Fribourg', 'Bulle'],
        'fr',
      ),
      {
        delimiter: ';',
        crlf: true,
        bom: true,
      },
    ),
  'autres/licences-contrats.csv': () =>
    csv(
      [
        ['logiciel', 'éditeur', 'licences', 'échéance'],
        ['Microsoft 365 Business Premium', 'Microsoft', '25', '2027-02-28'],
        ['Veeam Backup & Replication', 'Veeam', '10', '2027-06-30'],
        ['ERP Proconcept', 'Proconcept', '20', '2027-12-31'],
      ],
      { delimiter: ';', crlf: true, bom: true },
    ),
  'autres/registre-traitements.md': () =>
    '# Registre des activités de traitement (nLPD)\n\n| traitement | finalité | données | conservation |\n|---|---|---|---|\n| Salaires | paie du personnel | identité, AVS, salaire | 10 ans |\n| Clients | facturation | identité, adresse | 10 ans |\n',
};

const DURAND = {
  'backups/nas01-2026-11.tib': () => image('Acronis', 'NAS01', 1_200_000),
  'backups/erp-sage-2026-11.bak': () => image('SQL Server', 'SAGE', 300_000),
  'backups/restore-test-2026-11.md': () =>
    '# Restore test record\n\nNAS01 full backup restored to an isolated VM on 2026-11-18; 1,204 files compared by checksum: all identical.\n',
  'vault/handover.kdbx': () => kdbx('durand-vault', 64_000),
  'vault/mfa-recovery-codes.asc': () =>
    `-----BEGIN PGP MESSAGE-----\n\n${pgp('durand-mfa', 600).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END PGP MESSAGE-----\n`,
  'vault/registrar-ovh.age': () => age('durand-ovh', 1_500),
  'configs/network/fw-lyon.conf': () =>
    'set system host-name fw-lyon\nset security zones security-zone trust interfaces ge-0/0/1\n',
  'configs/network/sw-lyon-01.cfg': () => 'hostname sw-lyon-01\nvlan 100\n name office\n',
  'configs/network/vpn-lyon-grenoble.conf': () =>
    'conn lyon-grenoble\n  right=grenoble.durand.example\n  ike=aes256-sha256-modp2048\n',
  'configs/servers/nas01.json': () =>
    `${JSON.stringify({ server: 'NAS01', raid: 'RAID6', shares: ['Production', 'Bureau d’études'] }, null, 2)}\n`,
  'configs/servers/acronis-jobs.json': () =>
    `${JSON.stringify({ jobs: [{ name: 'NAS01-full', schedule: 'Sat 21:00', retention: 28 }] }, null, 2)}\n`,
  'docs/network-diagram.svg': () =>
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><rect x="10" y="20" width="80" height="40"/></svg>\n',
  'docs/procedures/onboarding.md': () =>
    '# New employee\n\n1. Create the account in Entra ID.\n2. Assign the licence.\n',
  'docs/intervention-log.csv': () =>
    csv([
      ['date', 'technician', 'action'],
      ...Array.from({ length: 20 }, (_, i) => [
        `2026-${String((i % 10) + 1).padStart(2, '0')}-15`,
        'J. Martin',
        `Ticket ${4000 + i}`,
      ]),
    ]),
  'inventory/inventory.csv': () =>
    csv(
      inventoryRows(
        ['type', 'name', 'location', 'serial', 'warranty_end'],
        ['Lyon', 'Grenoble', 'Saint-Étienne'],
        'en',
      ),
    ),
  'other/licences.csv': () =>
    csv([
      ['product', 'vendor', 'seats', 'renewal'],
      ['Sage 100', 'Sage', '8', '2027-01-31'],
      ['SolidWorks', 'Dassault Systèmes', '4', '2027-09-30'],
    ]),
  'other/gdpr-records.md': () =>
    '# Records of processing activities (GDPR art. 30)\n\n| processing | purpose | retention |\n|---|---|---|\n| Payroll | pay the staff | 5 years |\n',
};

const EXAMPLES = {
  acme: {
    id: 'acme-exit-2026',
    files: ACME,
    keys: [
      ['client', 'acme', 'ACME SA', 'it@acme.example'],
      ['outgoing', 'infogest', 'InfoGest Sàrl', 'ops@infogest.example'],
      ['incoming', 'novait', 'NovaIT SA', 'handover@novait.example'],
    ],
  },
  durand: {
    id: 'durand-exit-2026',
    files: DURAND,
    keys: [
      ['client', 'durand', 'Durand Industries SAS', 'dsi@durand.example'],
      ['outgoing', 'atelier-numerique', 'Atelier Numérique SARL', 'support@atelier-numerique.example'],
      ['incoming', 'nexa', 'Nexa Services SAS', 'transition@nexa.example'],
    ],
  },
};

function keyCommands(example) {
  return example.keys.map(
    ([, file, name, email]) =>
      `npx exitkit keys generate --name "${name}" --email ${email} --out ${path.relative(process.cwd(), path.join(PLANS, example.id, 'keys', file))} --no-passphrase`,
  );
}

async function make(example) {
  const root = path.join(PLANS, example.id, 'exports');
  await rm(root, { recursive: true, force: true });
  let total = 0;
  for (const [rel, content] of Object.entries(example.files)) {
    const file = path.join(root, ...rel.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    const data = content();
    total += Buffer.byteLength(data);
    await writeFile(file, data);
  }
  // The keys' folder exists so that `exitkit keys generate --out plans/<id>/keys/...` can write there.
  await mkdir(path.join(PLANS, example.id, 'keys'), { recursive: true });
  const n = Object.keys(example.files).length;
  const shown = path.relative(process.cwd(), root) || root;
  process.stdout.write(`${shown}: ${n} files, ${(total / 1024 / 1024).toFixed(1)} MiB\n`);
  const missing = example.keys.filter(
    ([, file]) => !existsSync(path.join(PLANS, example.id, 'keys', `${file}.pub.asc`)),
  );
  if (missing.length > 0) {
    process.stdout.write(`  the parties' keys are not there yet; make them with:\n`);
    for (const c of keyCommands(example)) process.stdout.write(`    ${c}\n`);
  }
}

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
if (rootAt >= 0) {
  if (!args[rootAt + 1]) {
    process.stderr.write('error: --root needs a folder\n');
    process.exit(2);
  }
  PLANS = path.resolve(args[rootAt + 1]);
  args.splice(rootAt, 2);
}
const unknown = args.filter((a) => a !== '--keys' && !(a in EXAMPLES));
if (unknown.length > 0) {
  process.stderr.write(
    `error: unknown argument ${unknown[0]}\nhint: node scripts/make-example-exports.js [acme|durand] [--keys] [--root DIR]\n`,
  );
  process.exit(2);
}
const chosen = args.filter((a) => a in EXAMPLES);
const examples = (chosen.length ? chosen : Object.keys(EXAMPLES)).map((k) => EXAMPLES[k]);
if (args.includes('--keys')) {
  // Keys are made by `exitkit keys generate`, never by this script: it only says how.
  for (const e of examples) for (const c of keyCommands(e)) process.stdout.write(`${c}\n`);
} else {
  for (const e of examples) await make(e);
}
