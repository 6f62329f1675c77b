/**
 * The chain of deliveries as plain data (src/core/chain.ts): file names, what is new, the link
 * check, each deliverable's first delivery, the chain as one manifest and as one verdict.
 */
import { describe, expect, it } from 'vitest';
import {
  chainVerdict,
  deliveredBefore,
  deliveredFiles,
  deliveryFiles,
  deliveryOfName,
  firstDeliveries,
  firstDeliveriesOfManifests,
  isNewFile,
  linkProblem,
  mergedManifest,
  type LinkVerdict,
} from '../../src/core/chain.js';
import type { Manifest, Verification } from '../../src/core/manifest.js';

const ID = 'acme-exit-2026';
const file = (path: string, digest: string, size = 10) => ({ path, size, digest });

/** A manifest reduced to what the chain reads. */
function manifest(
  n: number,
  created: string,
  carried: Record<string, Array<ReturnType<typeof file>>>,
  algorithm: Manifest['algorithm'] = 'sha512',
): Manifest {
  const ids = ['docs', 'backup', 'vault'];
  return {
    plan: { id: ID },
    created,
    algorithm,
    ...(n > 1
      ? {
          delivery: {
            number: n,
            previous: { file: deliveryFiles(ID, n - 1).manifest, sha256: 'a'.repeat(64) },
          },
        }
      : {}),
    deliverables: ids.map((id) => ({ id, delivered: id in carried, files: carried[id] ?? [], bytes: 0 })),
    complete: false,
    missing: [],
  } as unknown as Manifest;
}

const d1 = manifest(1, '2026-11-20T09:00:00.000Z', {
  docs: [file('data/documentation/docs/a.md', 'aa'), file('data/documentation/docs/b.md', 'bb')],
});
const d2 = manifest(2, '2026-11-25T09:00:00.000Z', {
  backup: [file('data/backups/backup/fs01.vbk', 'cc', 500)],
});
const d3 = manifest(3, '2026-11-28T09:00:00.000Z', {
  docs: [file('data/documentation/docs/a.md', 'dd', 12)],
  vault: [file('data/credentials/vault/v.kdbx', 'ee')],
});

describe('delivery names', () => {
  it('keeps a single bundle’s names for the first delivery, numbers the later ones', () => {
    expect(deliveryFiles(ID, 1)).toEqual({
      stem: ID,
      manifest: `${ID}.manifest.json`,
      signature: `${ID}.manifest.json.asc`,
      archive: `${ID}.tar.pgp`,
    });
    expect(deliveryFiles(ID, 12).archive).toBe(`${ID}.delivery-12.tar.pgp`);
    // Its volumes are named from the stem: <id>.delivery-12.vol-001.tar.pgp.
    expect(deliveryFiles(ID, 12).stem).toBe(`${ID}.delivery-12`);
    expect(deliveryOfName(`${ID}.manifest.json`, ID)).toBe(1);
    expect(deliveryOfName(`${ID}.delivery-3.manifest.json`, ID)).toBe(3);
    for (const other of [
      `${ID}.delivery-1.manifest.json`,
      `${ID}.delivery-03.manifest.json`,
      `other.delivery-2.manifest.json`,
      `${ID}.receipt.client.json`,
    ])
      expect(deliveryOfName(other, ID), other).toBe(0);
  });
});

describe('what a next delivery carries', () => {
  const known = deliveredFiles([d1, d2, d3]);
  it('knows the latest version of each path', () => {
    expect(known.get('data/documentation/docs/a.md')).toEqual({
      size: 12,
      digest: 'dd',
      algorithm: 'sha512',
      delivery: 3,
    });
    expect(known.get('data/documentation/docs/b.md')?.delivery).toBe(1);
  });

  it('a new path or size is new without a digest; same size asks for the digest', () => {
    const never = () => {
      throw new Error('no digest needed');
    };
    expect(isNewFile(known, { bagPath: 'data/documentation/docs/c.md', size: 1 }, never)).toBe(true);
    expect(isNewFile(known, { bagPath: 'data/documentation/docs/b.md', size: 11 }, never)).toBe(true);
    expect(isNewFile(known, { bagPath: 'data/documentation/docs/b.md', size: 10 }, () => 'bb')).toBe(false);
    expect(isNewFile(known, { bagPath: 'data/documentation/docs/b.md', size: 10 }, () => 'b0')).toBe(true);
  });

  it('counts what earlier deliveries carried towards completeness', () => {
    expect([...deliveredBefore([d1, d2])].sort()).toEqual(['backup', 'docs']);
  });
});

describe('the link from one delivery to the previous', () => {
  it('must name delivery N-1 by its file name and be numbered N-1', () => {
    expect(linkProblem(d1, null)).toBeNull();
    expect(linkProblem(d3, d2)).toBeNull();
    expect(linkProblem(d3, d1)).toEqual({ kind: 'number', expected: 2, found: 1 });
    const elsewhere = {
      ...d3,
      delivery: { number: 3, previous: { file: '../x.manifest.json', sha256: 'a'.repeat(64) } },
    };
    expect(linkProblem(elsewhere, null)).toMatchObject({
      kind: 'previousName',
      expected: `${ID}.delivery-2.manifest.json`,
    });
  });
});

/** A link's own verdict: sound, each carried deliverable intact unless named. */
function verdict(
  m: Manifest,
  opts: { archiveOk?: boolean; altered?: string[]; decrypted?: boolean } = {},
): LinkVerdict {
  const decrypted = opts.decrypted ?? true;
  const faults = [
    ...(opts.archiveOk === false ? ['archive altered'] : []),
    ...(opts.altered ?? []).map((id) => `${id} altered`),
  ];
  const v = {
    ok: faults.length === 0,
    manifest: {
      file: `out/${deliveryFiles(ID, m.delivery?.number ?? 1).manifest}`,
      sha256: 'b'.repeat(64),
      planId: ID,
      created: m.created,
    },
    signature: { valid: true, fingerprint: 'F'.repeat(40) },
    archive: { ok: opts.archiveOk ?? true, file: 'x', present: true, size: 1, digest: 'c' },
    complete: true,
    missing: [],
    decrypted,
    ...(decrypted
      ? {
          files: { checked: 1, altered: [], missing: [], extra: [], unsafe: [], truncated: [] },
          integrity: true,
        }
      : {}),
    deliverables: m.deliverables.map((d) => ({
      id: d.id,
      status: 'ready',
      required: true,
      delivered: d.delivered,
      intact: decrypted && d.delivered ? !(opts.altered ?? []).includes(d.id) : null,
      faults: (opts.altered ?? []).includes(d.id) ? [`${d.id} altered`] : [],
    })),
    faults,
    verifiedAt: '2026-12-01T00:00:00.000Z',
  } as Verification;
  return { number: m.delivery?.number ?? 1, manifest: m, verification: v };
}

describe('each deliverable’s delivery', () => {
  it('is the first delivery in which it arrived intact', () => {
    const first = firstDeliveries([verdict(d1), verdict(d2), verdict(d3)]);
    expect(Object.fromEntries(first)).toEqual({
      docs: { number: 1, on: '2026-11-20' },
      backup: { number: 2, on: '2026-11-25' },
      vault: { number: 3, on: '2026-11-28' },
    });
    // Altered in delivery 1, delivered again in 3: delivered on the 28th.
    expect(
      firstDeliveries([verdict(d1, { altered: ['docs'] }), verdict(d2), verdict(d3)]).get('docs'),
    ).toEqual({ number: 3, on: '2026-11-28' });
    // An archive that is not the one signed delivers nothing.
    expect(firstDeliveries([verdict(d1), verdict(d2, { archiveOk: false }), verdict(d3)]).has('backup')).toBe(
      false,
    );
    expect(Object.fromEntries(firstDeliveriesOfManifests([d1, d2, d3]))).toEqual({
      docs: { number: 1, on: '2026-11-20' },
      backup: { number: 2, on: '2026-11-25' },
      vault: { number: 3, on: '2026-11-28' },
    });
  });
});

describe('the chain as one', () => {
  it('merges the files of every delivery, a later version replacing an earlier', () => {
    const m = mergedManifest([d1, d2, d3]);
    expect(m.created).toBe(d3.created);
    const docs = m.deliverables.find((d) => d.id === 'docs')!;
    expect(docs.delivered).toBe(true);
    expect(docs.files.map((f) => [f.path, f.digest])).toEqual([
      ['data/documentation/docs/a.md', 'dd'],
      ['data/documentation/docs/b.md', 'bb'],
    ]);
    expect(m.deliverables.every((d) => d.delivered)).toBe(true);
  });

  it('one verdict: every link’s faults named by its delivery, each deliverable merged', () => {
    const links = [verdict(d1), verdict(d2, { altered: ['backup'] }), verdict(d3)];
    const whole = verdict(d3).verification;
    const v = chainVerdict(links, whole, ['delivery 0: broken'], (l, f) => `delivery ${l.number}: ${f}`);
    expect(v.ok).toBe(false);
    expect(v.faults).toEqual(['delivery 0: broken', 'delivery 2: backup altered']);
    expect(v.deliveries.map((d) => [d.number, d.ok, d.deliverables])).toEqual([
      [1, true, ['docs']],
      [2, false, ['backup']],
      [3, true, ['docs', 'vault']],
    ]);
    const backup = v.deliverables.find((d) => d.id === 'backup')!;
    expect([backup.delivered, backup.intact, backup.delivery]).toEqual([true, false, undefined]);
    expect(v.deliverables.find((d) => d.id === 'docs')).toMatchObject({
      intact: true,
      delivery: 1,
      deliveredOn: '2026-11-20',
    });
    expect(v.files?.checked).toBe(3);
    const sound = chainVerdict([verdict(d1), verdict(d2), verdict(d3)], whole, [], (_l, f) => f);
    expect([sound.ok, sound.faults]).toEqual([true, []]);
  });
});
