import { describe, expect, it } from 'vitest';
import {
  bagInfo,
  buildManifest,
  completeness,
  handoverSelection,
  isBundled,
  manifestFinding,
  manifestText,
} from '../../src/core/build-manifest.js';
import { english } from '../../src/core/i18n/terminal/index.js';
import type { Assessment, Finding } from '../../src/core/walk.js';
import type { Deliverable, ExitPlan } from '../../src/core/plan.js';

const d = (id: string, over: Partial<Deliverable> = {}): Deliverable => ({
  id,
  category: 'backups',
  title: id,
  required: true,
  owner: 'outgoing',
  sources: [],
  checks: {},
  status: 'ready',
  ...over,
});

const plan = (deliverables: Deliverable[]): ExitPlan => ({
  version: 1,
  id: 'acme-exit-2026',
  title: 'Reversibility',
  language: 'en',
  contract: { reference: 'INF-2021-014', end: '2026-12-31' },
  parties: {
    client: { name: 'ACME SA', contact: 'it@acme.example' },
    outgoing: { name: 'InfoGest Sàrl', contact: 'ops@infogest.example' },
    incoming: { name: 'NovaIT SA' },
  },
  deliverables,
  allow_external_sources: false,
});

describe('what goes in the payload', () => {
  it('bundles ready and delivered deliverables only: pending waits for its status, waived stays out', () => {
    expect(
      ['ready', 'delivered', 'pending', 'waived'].map((s) =>
        isBundled(d('x', { status: s as Deliverable['status'] })),
      ),
    ).toEqual([true, true, false, false]);
  });
});

describe('handoverSelection: what walk refuses, bundle refuses', () => {
  const assessed = (id: string, over: Partial<Assessment> = {}): Assessment => ({
    id,
    category: 'backups',
    title: id,
    required: true,
    status: 'ready',
    ready: true,
    checksPass: true,
    files: 1,
    bytes: 10,
    findings: [],
    ...over,
  });
  const stale: Finding = {
    level: 'error',
    message: (m) => m.walk.stale('exports/fs01.vbk', '2026-11-01', 9, 7),
  };

  it('bundles a ready or delivered deliverable whose checks pass; refuses one with an error, whatever its status', () => {
    const { bundled, refused } = handoverSelection([
      assessed('ok'),
      assessed('delivered', { status: 'delivered' }),
      assessed('stale', { ready: false, checksPass: false, findings: [stale] }),
      assessed('pending', { status: 'pending', ready: false }),
      assessed('waived', { status: 'waived', ready: true }),
      assessed('optional', { required: false, ready: false, checksPass: false, findings: [stale] }),
    ]);
    expect([...bundled]).toEqual(['ok', 'delivered']);
    expect(refused.map((r) => [r.id, r.required, r.errors.map(english)])).toEqual([
      ['stale', true, ['exports/fs01.vbk is stale: last modified 2026-11-01, 9 days ago (max_age_days: 7)']],
      [
        'optional',
        false,
        ['exports/fs01.vbk is stale: last modified 2026-11-01, 9 days ago (max_age_days: 7)'],
      ],
    ]);
  });

  it('a refused required deliverable is missing from a complete plan', () => {
    const p = plan([d('ok'), d('stale')]);
    const { bundled } = handoverSelection([
      assessed('ok'),
      assessed('stale', { ready: false, checksPass: false, findings: [stale] }),
    ]);
    expect(completeness(p, bundled)).toEqual({ complete: false, missing: ['stale'] });
  });

  it('records a finding as level and English message only', () => {
    expect(
      manifestFinding({ ...stale, hint: (m) => m.walk.staleBackupHint, path: 'exports/fs01.vbk' }),
    ).toEqual({
      level: 'error',
      message: 'exports/fs01.vbk is stale: last modified 2026-11-01, 9 days ago (max_age_days: 7)',
    });
  });
});

describe('completeness', () => {
  it('lists required deliverables neither bundled nor waived, in plan order', () => {
    const p = plan([
      d('a'),
      d('b', { status: 'pending' }),
      d('c', { status: 'waived', waiver: { reason: 'ends', approved_by: 'client' } }),
      d('d', { status: 'pending', required: false }),
      d('e', { status: 'waived' }),
    ]);
    expect(completeness(p, new Set(['a']))).toEqual({ complete: false, missing: ['b', 'e'] });
    expect(
      completeness(plan([d('a'), d('c', { required: false, status: 'pending' })]), new Set(['a'])),
    ).toEqual({
      complete: true,
      missing: [],
    });
  });
});

describe('buildManifest', () => {
  const p = plan([d('a', { category: 'inventory' }), d('b', { status: 'pending' })]);
  const files = [
    { path: 'data/inventory/a/x.csv', size: 10, digest: 'aa', mtime: '2026-11-30T08:00:00.000Z' },
    { path: 'data/inventory/a/y.csv', size: 0, digest: 'bb', mtime: '2026-11-30T08:00:00.000Z' },
  ];
  const m = buildManifest({
    plan: p,
    planFile: 'plan.yaml',
    planSha256: 'ff',
    algorithm: 'sha512',
    payload: new Map([['a', files]]),
    tagFiles: [{ path: 'bagit.txt', size: 55, digest: 'cc' }],
    created: new Date('2026-12-01T10:00:00Z'),
    version: '0.1.0',
    signer: 'S',
    recipients: [{ fingerprint: 'C', role: 'client' }],
    partyFingerprints: { client: 'C', outgoing: 'S' },
    findings: new Map([
      ['b', [{ level: 'info', message: 'its files check out, but it is not marked ready' }]],
    ]),
  });

  it('fills every field, totals and completeness, and no archive field unless given', () => {
    expect(m.plan).toEqual({
      id: 'acme-exit-2026',
      title: 'Reversibility',
      file: 'plan.yaml',
      sha256: 'ff',
      contract: 'INF-2021-014',
    });
    expect(m.parties.outgoing).toEqual({
      name: 'InfoGest Sàrl',
      contact: 'ops@infogest.example',
      fingerprint: 'S',
    });
    expect(m.parties.incoming).toEqual({ name: 'NovaIT SA' });
    expect(m.payload).toEqual({ files: 2, bytes: 10, oxum: '10.2' });
    expect(m.deliverables.map((x) => [x.id, x.delivered, x.bytes, x.files.length])).toEqual([
      ['a', true, 10, 2],
      ['b', false, 0, 0],
    ]);
    expect(m).toMatchObject({
      complete: false,
      missing: ['b'],
      created: '2026-12-01T10:00:00.000Z',
      algorithm: 'sha512',
    });
    expect('archive' in m).toBe(false);
  });

  it("records each file's modification time and each deliverable's findings", () => {
    expect(m.deliverables[0]!.files.map((f) => f.mtime)).toEqual([
      '2026-11-30T08:00:00.000Z',
      '2026-11-30T08:00:00.000Z',
    ]);
    expect(m.deliverables.map((x) => x.findings)).toEqual([
      [],
      [{ level: 'info', message: 'its files check out, but it is not marked ready' }],
    ]);
  });

  it('writes bag-info.txt with the reserved labels and the payload manifest with encoded paths', () => {
    const info = bagInfo({
      plan: p,
      bytes: 10,
      files: 2,
      created: new Date('2026-12-01T23:30:00Z'),
      version: '0.1.0',
    });
    expect(info).toContain('Source-Organization: InfoGest Sàrl\n');
    expect(info).toContain('Contact-Email: ops@infogest.example\n');
    expect(info).toContain('External-Identifier: acme-exit-2026\n');
    expect(info).toContain('Bagging-Date: 2026-12-01\n');
    expect(info).toContain('Payload-Oxum: 10.2\n');
    expect(info).toContain('Contract-Reference: INF-2021-014\n');
    expect(manifestText([{ path: 'data/x/100%\nnew', size: 1, digest: 'ab' }])).toBe(
      'ab  data/x/100%25%0Anew\n',
    );
  });
});
