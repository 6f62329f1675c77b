/**
 * Hand-made bundles for the receiving side's tests: a small BagIt bag written as a raw tar
 * (every header byte under the test's control, so that hostile entries can be built: `..`,
 * absolute paths, links, devices, duplicates, PAX renames, impossible sizes), encrypted to a test
 * key with src/io/openpgp/, and a manifest signed by a test key, exactly as `exitkit bundle` lays
 * them out (docs/FORMAT.md, "The archive").
 *
 *   const k = await testKeys(dir);
 *   const b = await makeBundle({ dir, keys: k, mutate: (items) => [...items, file('acme/../evil', 'x')] });
 *   await exitkit(['verify', b.manifest, '--signer', k.outgoing.pub, '--decryption-key', k.incoming.sec]);
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { BAGIT_TXT, bagInfoTxt, manifestLine } from '../../src/core/bag.js';
import type { Manifest, ManifestDeliverable, ManifestFile } from '../../src/core/manifest.js';
import * as openpgp from 'openpgp';
import { generateKeyPair, readKeyFile, readPrivateKeyFile } from '../../src/io/openpgp/keys.js';
import { loadOpenpgp } from '../../src/io/openpgp/library.js';
import { signDetached } from '../../src/io/openpgp/signatures.js';

// ---------------------------------------------------------------------------------------------
// A raw tar writer (POSIX ustar, with PAX records when asked)

export interface TarItem {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'character-device' | 'block-device' | 'fifo';
  data?: Buffer;
  linkname?: string;
  /** The size written in the header, when it must lie about the data that follows. */
  declaredSize?: number;
  /** PAX extended-header records for this entry (e.g. {path: 'acme/other'}). */
  pax?: Record<string, string>;
  /** A PAX global header written before this entry. */
  paxGlobal?: Record<string, string>;
}

const TYPEFLAG: Record<NonNullable<TarItem['type']>, string> = {
  file: '0',
  link: '1',
  symlink: '2',
  'character-device': '3',
  'block-device': '4',
  directory: '5',
  fifo: '6',
};

export const file = (name: string, data: string | Buffer, extra: Partial<TarItem> = {}): TarItem => ({
  name,
  type: 'file',
  data: Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'),
  ...extra,
});

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, typeflag: string, size: number, linkname = ''): Buffer {
  const b = Buffer.alloc(512);
  b.write(name, 0, 100, 'utf8');
  b.write(octal(typeflag === '5' ? 0o755 : 0o644, 8), 100, 'ascii');
  b.write(octal(0, 8), 108, 'ascii');
  b.write(octal(0, 8), 116, 'ascii');
  if (size <= 0o77777777777) b.write(octal(size, 12), 124, 'ascii');
  else {
    // GNU base-256 for sizes beyond 8 GiB: first byte 0x80, big-endian number.
    b[124] = 0x80;
    let v = BigInt(size);
    for (let i = 135; i > 124; i--) {
      b[i] = Number(v & 0xffn);
      v >>= 8n;
    }
  }
  b.write(octal(1_767_225_600, 12), 136, 'ascii');
  b.write('        ', 148, 'ascii');
  b.write(typeflag, 156, 'ascii');
  b.write(linkname, 157, 100, 'utf8');
  b.write('ustar\0', 257, 'ascii');
  b.write('00', 263, 'ascii');
  b.write('root', 265, 'ascii');
  b.write('root', 297, 'ascii');
  let sum = 0;
  for (const byte of b) sum += byte;
  b.write(octal(sum, 7) + ' ', 148, 'ascii');
  return b;
}

function pad(data: Buffer): Buffer[] {
  const rest = data.length % 512;
  return rest ? [data, Buffer.alloc(512 - rest)] : [data];
}

function paxRecords(records: Record<string, string>): Buffer {
  let out = '';
  for (const [k, v] of Object.entries(records)) {
    const body = ` ${k}=${v}\n`;
    let len = Buffer.byteLength(body) + 1;
    while (String(len).length + Buffer.byteLength(body) !== len)
      len = String(len).length + Buffer.byteLength(body);
    out += `${len}${body}`;
  }
  return Buffer.from(out, 'utf8');
}

/** A tar stream of these items, with the two zero blocks at the end. */
export function tarBuffer(items: TarItem[]): Buffer {
  const parts: Buffer[] = [];
  for (const it of items) {
    const type = it.type ?? 'file';
    const data = it.data ?? Buffer.alloc(0);
    if (it.paxGlobal) {
      const rec = paxRecords(it.paxGlobal);
      parts.push(header('pax_global_header', 'g', rec.length), ...pad(rec));
    }
    const pax = { ...(it.pax ?? {}) };
    let name = it.name;
    if (Buffer.byteLength(name) > 100 || /[^\x20-\x7e]/.test(name)) {
      pax.path ??= name;
      name = 'PaxHeader';
    }
    if (Object.keys(pax).length) {
      const rec = paxRecords(pax);
      parts.push(header('PaxHeader', 'x', rec.length), ...pad(rec));
    }
    parts.push(header(name, TYPEFLAG[type], it.declaredSize ?? data.length, it.linkname ?? ''));
    if (data.length) parts.push(...pad(data));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------
// Keys and a plan

export interface TestKey {
  pub: string;
  sec: string;
  fingerprint: string;
}
export interface TestKeys {
  outgoing: TestKey;
  incoming: TestKey;
  client: TestKey;
  /** Someone else: not a party to the exit. */
  stranger: TestKey;
}

/** Four Curve25519 key pairs, written as armored files under dir/keys. */
export async function testKeys(dir: string): Promise<TestKeys> {
  await mkdir(path.join(dir, 'keys'), { recursive: true });
  const roles = ['outgoing', 'incoming', 'client', 'stranger'] as const;
  const made = await Promise.all(
    roles.map((r) => generateKeyPair({ name: r, email: `${r}@example.test`, type: 'curve25519' })),
  );
  const out = {} as TestKeys;
  for (const [i, r] of roles.entries()) {
    const k = made[i]!;
    const pub = path.join(dir, 'keys', `${r}.pub.asc`);
    const sec = path.join(dir, 'keys', `${r}.sec.asc`);
    await writeFile(pub, k.publicKey);
    await writeFile(sec, k.privateKey);
    out[r] = { pub, sec, fingerprint: k.fingerprint };
  }
  return out;
}

export interface PayloadFile {
  deliverable: string;
  category: ManifestDeliverable['category'];
  /** Path below data/<category>/<deliverable>/ */
  name: string;
  data: string | Buffer;
}

export const DEFAULT_PAYLOAD: PayloadFile[] = [
  {
    deliverable: 'fs01-backup',
    category: 'backups',
    name: 'fs01-2026-12-01.vbk',
    data: 'VBK image\n'.repeat(300),
  },
  { deliverable: 'm365-admin', category: 'credentials', name: 'handover.kdbx', data: 'KDBX vault bytes\n' },
  { deliverable: 'runbooks', category: 'documentation', name: 'runbook.md', data: '# Runbook\n' },
  { deliverable: 'runbooks', category: 'documentation', name: 'procédures/été 100%.md', data: 'accents\n' },
];

/** A plan matching the hand-made bundle, naming the test keys. */
export async function writePlan(
  dir: string,
  id: string,
  keys: TestKeys,
  payload = DEFAULT_PAYLOAD,
): Promise<string> {
  const ids = [...new Set(payload.map((p) => p.deliverable))];
  const plan = {
    version: 1,
    id,
    title: 'Hand-made exit',
    language: 'en',
    contract: { reference: 'INF-1', end: '2026-12-31' },
    parties: {
      client: { name: 'ACME SA', key: 'keys/client.pub.asc' },
      outgoing: { name: 'InfoGest', key: 'keys/outgoing.pub.asc' },
      incoming: { name: 'NovaIT', key: 'keys/incoming.pub.asc' },
    },
    deliverables: [
      ...ids.map((d) => ({
        id: d,
        category: payload.find((p) => p.deliverable === d)!.category,
        title: d,
        sources: [`exports/${d}`],
        status: 'ready',
      })),
      {
        id: 'cad-licences',
        category: 'other',
        title: 'CAD licences',
        status: 'waived',
        waiver: { reason: 'Licences end with the contract', approved_by: 'client' },
      },
    ],
  };
  const file = path.join(dir, 'plan.yaml');
  await writeFile(file, stringify(plan));
  return file;
}

// ---------------------------------------------------------------------------------------------
// The bundle

export interface BundleOptions {
  /** Where the archive, manifest and signature go. */
  out: string;
  keys: TestKeys;
  id?: string;
  payload?: PayloadFile[];
  /** Edits the tar's items before they are written (the hostile part). */
  mutate?: (items: TarItem[], id: string) => TarItem[];
  /** Edits the manifest before it is signed. */
  editManifest?: (m: Manifest) => void;
  /** Signs with this private key file (default: the outgoing key). */
  signWith?: string;
  /** Encrypts to these public key files (default: incoming and client). */
  recipients?: string[];
  /** Edits the tar's bytes before they are encrypted (what no item can say: bytes after the end). */
  editTar?: (tar: Buffer) => Buffer;
  /** Edits the encrypted archive before the manifest signs its size and digest (a hostile signer). */
  editArchive?: (cipher: Buffer) => Buffer;
}

export interface Bundle {
  manifest: string;
  signature: string;
  archive: string;
  id: string;
  manifestObject: Manifest;
  items: TarItem[];
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** A complete, valid bundle unless mutate/editManifest make it otherwise. */
export async function makeBundle(opts: BundleOptions): Promise<Bundle> {
  const id = opts.id ?? 'acme-exit-2026';
  const payload = opts.payload ?? DEFAULT_PAYLOAD;
  await mkdir(opts.out, { recursive: true });

  const deliverables = new Map<string, ManifestDeliverable>();
  const payloadFiles: Array<[string, Buffer]> = [];
  for (const p of payload) {
    const data = Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8');
    const bagPath = `data/${p.category}/${p.deliverable}/${p.name}`;
    payloadFiles.push([bagPath, data]);
    const d = deliverables.get(p.deliverable) ?? {
      id: p.deliverable,
      title: p.deliverable,
      category: p.category,
      required: true,
      status: 'ready' as const,
      delivered: true,
      files: [],
      bytes: 0,
    };
    d.files.push({ path: bagPath, size: data.length, digest: sha256(data) });
    d.bytes += data.length;
    deliverables.set(p.deliverable, d);
  }
  const waived: ManifestDeliverable = {
    id: 'cad-licences',
    title: 'CAD licences',
    category: 'other',
    required: true,
    status: 'waived',
    waiver: { reason: 'Licences end with the contract', approved_by: 'client' },
    delivered: false,
    files: [],
    bytes: 0,
  };
  const bytes = payloadFiles.reduce((n, [, d]) => n + d.length, 0);
  const oxum = `${bytes}.${payloadFiles.length}`;
  const outgoing = await readKeyFile(opts.keys.outgoing.pub);
  const recipients = await Promise.all(
    (opts.recipients ?? [opts.keys.incoming.pub, opts.keys.client.pub]).map((f) => readKeyFile(f)),
  );
  const manifest: Manifest = {
    format: 'exitkit-manifest/1',
    plan: { id, title: 'Hand-made exit', file: 'plan.yaml', sha256: sha256('plan'), contract: 'INF-1' },
    parties: { client: { name: 'ACME SA' }, outgoing: { name: 'InfoGest' }, incoming: { name: 'NovaIT' } },
    created: '2026-12-01T10:00:00.000Z',
    generator: { name: 'exitkit', version: '0.1.0' },
    algorithm: 'sha256',
    signer: { fingerprint: outgoing.getFingerprint().toUpperCase() },
    recipients: recipients.map((k) => ({ fingerprint: k.getFingerprint().toUpperCase() })),
    deliverables: [...deliverables.values(), waived],
    tagFiles: [],
    payload: { files: payloadFiles.length, bytes, oxum },
    complete: true,
    missing: [],
  };

  const planText = 'version: 1\n';
  const tags: Array<[string, Buffer]> = [
    ['bagit.txt', Buffer.from(BAGIT_TXT)],
    [
      'bag-info.txt',
      Buffer.from(
        bagInfoTxt([
          ['Source-Organization', 'InfoGest'],
          ['Bagging-Date', '2026-12-01'],
          ['External-Identifier', id],
          ['Payload-Oxum', oxum],
        ]),
      ),
    ],
    ['manifest-sha256.txt', Buffer.from(payloadFiles.map(([p, d]) => manifestLine(sha256(d), p)).join(''))],
    ['exit-plan.yaml', Buffer.from(planText)],
    ['exit-manifest.json', Buffer.from(JSON.stringify(manifest, null, 2))],
  ];
  manifest.tagFiles = tags.map(([p, d]): ManifestFile => ({ path: p, size: d.length, digest: sha256(d) }));
  const tagmanifest = Buffer.from(tags.map(([p, d]) => manifestLine(sha256(d), p)).join(''));

  let items: TarItem[] = [
    { name: `${id}/`, type: 'directory' },
    ...tags.slice(0, 2).map(([p, d]) => file(`${id}/${p}`, d)),
    ...payloadFiles.map(([p, d]) => file(`${id}/${p}`, d)),
    ...tags.slice(2).map(([p, d]) => file(`${id}/${p}`, d)),
    file(`${id}/tagmanifest-sha256.txt`, tagmanifest),
  ];
  if (opts.mutate) items = opts.mutate(items, id);
  const tarBytes = opts.editTar ? opts.editTar(tarBuffer(items)) : tarBuffer(items);

  // OpenPGP.js's own streaming framing, independent of exitkit's writer: the reader is checked against it.
  const plaintext = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new Uint8Array(tarBytes));
      c.close();
    },
  });
  const { PGP_CONFIG } = await loadOpenpgp();
  const encrypted = (await openpgp.encrypt({
    message: await openpgp.createMessage({ binary: plaintext, format: 'binary' }),
    encryptionKeys: recipients,
    format: 'binary',
    config: PGP_CONFIG,
  })) as unknown as ReadableStream<Uint8Array>;
  const chunks: Uint8Array[] = [];
  const reader = encrypted.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  const cipher = opts.editArchive ? opts.editArchive(Buffer.concat(chunks)) : Buffer.concat(chunks);
  const archive = path.join(opts.out, `${id}.tar.pgp`);
  await writeFile(archive, cipher);
  manifest.archive = {
    file: `${id}.tar.pgp`,
    size: cipher.length,
    algorithm: 'sha256',
    digest: sha256(cipher),
  };
  opts.editManifest?.(manifest);

  const manifestFile = path.join(opts.out, `${id}.manifest.json`);
  const text = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(manifestFile, text);
  const signer = await readPrivateKeyFile(opts.signWith ?? opts.keys.outgoing.sec);
  await writeFile(`${manifestFile}.asc`, await signDetached(text, signer));
  return {
    manifest: manifestFile,
    signature: `${manifestFile}.asc`,
    archive,
    id,
    manifestObject: manifest,
    items,
  };
}
