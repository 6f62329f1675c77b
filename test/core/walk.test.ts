import { describe, expect, it } from 'vitest';
import { CATALOGS, inEnglish } from '../../src/core/i18n/terminal/index.js';
import type { Deliverable } from '../../src/core/plan.js';
import {
  applyDecision,
  assessDeliverable,
  choicesFor,
  detectCredentialFormat,
  formatWalkReport,
  summarizeWalk,
  type DeliverableFacts,
  type FileFact,
} from '../../src/core/walk.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-11-23T12:00:00Z');

function deliverable(over: Partial<Deliverable> = {}): Deliverable {
  return {
    id: 'fs01-backup',
    category: 'backups',
    title: 'Full backup of FS01',
    required: true,
    owner: 'outgoing',
    sources: ['exports/fs01.vbk'],
    checks: {},
    status: 'pending',
    ...over,
  };
}

function file(over: Partial<FileFact> = {}): FileFact {
  return { rel: 'fs01.vbk', shown: 'exports/fs01.vbk', size: 2_000_000, mtimeMs: NOW - DAY, ...over };
}

const facts = (over: Partial<DeliverableFacts> = {}): DeliverableFacts => ({
  files: [file()],
  problems: [],
  ...over,
});
/** The assessment with its words in English, as `walk --json` gives them. */
const assess = (...args: Parameters<typeof assessDeliverable>) => {
  const a = assessDeliverable(...args);
  return { ...a, findings: a.findings.map(inEnglish) };
};
const errors = (a: { findings: Array<{ level: string; message: string }> }) =>
  a.findings.filter((f) => f.level === 'error').map((f) => f.message);

describe('assessDeliverable', () => {
  it('is ready when marked ready and every check passes', () => {
    const a = assess(
      deliverable({ status: 'ready', checks: { max_age_days: 7, min_bytes: 1024 } }),
      facts(),
      NOW,
    );
    expect(a.ready).toBe(true);
    expect(errors(a)).toEqual([]);
    expect(a.files).toBe(1);
    expect(a.bytes).toBe(2_000_000);
  });

  it('is not ready while pending, even when its files check out, and says how to mark it', () => {
    const a = assess(deliverable(), facts(), NOW);
    expect(a.ready).toBe(false);
    expect(a.checksPass).toBe(true);
    expect(a.findings.some((f) => f.level === 'info' && /not marked ready/.test(f.message))).toBe(true);
  });

  it('turns each source problem into an error with what to do', () => {
    const a = assess(
      deliverable({ status: 'ready' }),
      facts({
        files: [],
        problems: [
          {
            source: 'exports/fs01.vbk',
            kind: 'missing',
            path: 'exports/fs01.vbk',
            message: 'exports/fs01.vbk does not exist',
          },
          {
            source: 'exports',
            kind: 'symlink',
            path: 'exports/link',
            message: 'exports/link is a symbolic link; links are not followed',
          },
        ],
      }),
      NOW,
    );
    expect(a.ready).toBe(false);
    expect(errors(a)).toEqual([
      'marked ready, but its checks fail',
      'exports/fs01.vbk does not exist',
      'exports/link is a symbolic link; links are not followed',
    ]);
    expect(a.findings.find((f) => f.path === 'exports/link')?.hint).toMatch(/cp -L/);
  });

  it('flags a file under min_bytes (an empty one too) and a stale backup', () => {
    const a = assess(
      deliverable({ checks: { max_age_days: 7, min_bytes: 1_048_576 } }),
      facts({
        files: [
          file({ rel: 'empty.vbk', shown: 'exports/empty.vbk', size: 0 }),
          file({ rel: 'small.vbk', shown: 'exports/small.vbk', size: 1000 }),
          file({ rel: 'old.vbk', shown: 'exports/old.vbk', mtimeMs: NOW - 30 * DAY }),
        ],
      }),
      NOW,
    );
    const e = errors(a);
    expect(e.some((m) => m.startsWith('exports/empty.vbk is 0 bytes, less than the 1.0 MiB expected'))).toBe(
      true,
    );
    expect(
      e.some((m) => m.startsWith('exports/small.vbk is 1000 bytes, less than the 1.0 MiB expected')),
    ).toBe(true);
    expect(e).toContain('exports/old.vbk is stale: last modified 2026-10-24, 30 days ago (max_age_days: 7)');
    expect(a.checksPass).toBe(false);
  });

  it('an empty file among others is a warning naming it; an empty sole file stays an error', () => {
    const among = assess(
      deliverable({ status: 'ready', category: 'configurations', sources: ['exports/configs'] }),
      facts({
        files: [
          file({ rel: 'fw01.cfg', shown: 'exports/configs/fw01.cfg', size: 120 }),
          file({ rel: 'sw02.cfg', shown: 'exports/configs/sw02.cfg', size: 0 }),
        ],
      }),
      NOW,
    );
    expect(errors(among)).toEqual([]);
    expect(among.ready).toBe(true);
    expect(among.findings).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        path: 'exports/configs/sw02.cfg',
        message: 'exports/configs/sw02.cfg is empty (0 bytes), among files that are not',
      }),
    );

    const sole = assess(deliverable({ status: 'ready' }), facts({ files: [file({ size: 0 })] }), NOW);
    expect(sole.ready).toBe(false);
    expect(errors(sole)).toContain('exports/fs01.vbk is empty (0 bytes)');

    // Every file empty: nothing is handed over, each is an error.
    const allEmpty = assess(
      deliverable({ status: 'ready' }),
      facts({ files: [file({ size: 0 }), file({ rel: 'b.vbk', shown: 'exports/b.vbk', size: 0 })] }),
      NOW,
    );
    expect(errors(allEmpty)).toContain('exports/b.vbk is empty (0 bytes)');
    expect(allEmpty.ready).toBe(false);
  });

  it('flags a file dated in the future, and says freshness is judged by the modification time', () => {
    const a = assess(
      deliverable({ status: 'ready', checks: { max_age_days: 7 } }),
      facts({ files: [file({ mtimeMs: NOW + 30 * DAY })] }),
      NOW,
    );
    expect(a.findings).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: 'exports/fs01.vbk is dated in the future (2026-12-23)',
      }),
    );
  });

  it('sources that resolve to no file and no problem: an error, not a silent ready', () => {
    const a = assess(deliverable({ status: 'ready', sources: ['exports/*'] }), facts({ files: [] }), NOW);
    expect(a.ready).toBe(false);
    expect(errors(a)).toContain('its sources name no file (exports/*)');
  });

  it('does not call a backup stale on its last allowed day', () => {
    const a = assess(
      deliverable({ checks: { max_age_days: 7 } }),
      facts({ files: [file({ mtimeMs: NOW - 7 * DAY })] }),
      NOW,
    );
    expect(errors(a)).toEqual([]);
  });

  it('names a clear-text credential file without showing it, and accepts encrypted ones', () => {
    const d = deliverable({ id: 'vault', category: 'credentials', sources: ['vault'] });
    const a = assess(
      d,
      facts({
        files: [
          file({ rel: 'passwords.csv', shown: 'vault/passwords.csv' }),
          file({ rel: 'v.kdbx', shown: 'vault/v.kdbx' }),
        ],
        credentialFormats: { 'vault/passwords.csv': null, 'vault/v.kdbx': 'kdbx' },
      }),
      NOW,
    );
    expect(errors(a)).toEqual([
      'vault/passwords.csv is not in an encrypted format: treated as passwords in clear text',
    ]);
    expect(a.findings.some((f) => f.message === 'vault/v.kdbx is a KeePass database (KDBX)')).toBe(true);
    const allowed = assess(
      { ...d, checks: { allow_cleartext: true } },
      facts({ files: [file({ shown: 'vault/p.csv' })], credentialFormats: { 'vault/p.csv': null } }),
      NOW,
    );
    expect(errors(allowed)).toEqual([]);
    expect(allowed.findings.some((f) => f.level === 'warning' && /clear text/.test(f.message))).toBe(true);
  });

  it('reports the inventory columns that are missing and the counts by type', () => {
    const d = deliverable({ id: 'inventory', category: 'inventory', sources: ['inv.csv'] });
    const bad = assess(
      d,
      facts({
        inventories: [
          {
            path: 'inv.csv',
            columns: ['asset', 'type'],
            rows: 2,
            byType: { server: 2 },
            missingColumns: ['name', 'location'],
          },
        ],
      }),
      NOW,
    );
    expect(errors(bad)).toEqual(['inv.csv lacks the columns name, location (it has asset, type)']);
    const good = assess(
      d,
      facts({
        inventories: [
          {
            path: 'inv.csv',
            columns: ['type', 'name', 'location'],
            rows: 3,
            byType: { laptop: 2, server: 1 },
            missingColumns: [],
          },
        ],
      }),
      NOW,
    );
    expect(good.findings.map((f) => f.message)).toContain('inv.csv: 3 items (2 laptop, 1 server)');
    const empty = assess(
      d,
      facts({
        inventories: [
          { path: 'inv.csv', columns: ['type', 'name', 'location'], rows: 0, byType: {}, missingColumns: [] },
        ],
      }),
      NOW,
    );
    expect(errors(empty)).toEqual(['inv.csv lists no items']);
    expect(errors(assess(d, facts({ inventories: [] }), NOW))).toEqual(['no CSV file among the sources']);
  });

  it('settles a waived deliverable without looking at files, and says why it was waived', () => {
    const a = assess(
      deliverable({
        status: 'waived',
        sources: [],
        waiver: { reason: 'Licences end', approved_by: 'client', date: '2026-11-02' },
      }),
      { files: [], problems: [] },
      NOW,
    );
    expect(a.ready).toBe(true);
    expect(a.findings).toEqual([
      { level: 'info', message: 'waived: Licences end (approved by client, 2026-11-02)' },
    ]);
  });

  it('warns when a deliverable that is not ready is past its due date', () => {
    const a = assess(deliverable({ due: '2026-11-20' }), facts(), NOW);
    expect(a.findings.some((f) => f.level === 'warning' && f.message === 'due 2026-11-20: 3 days late')).toBe(
      true,
    );
  });
});

describe('detectCredentialFormat', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);
  const text = (s: string) => new TextEncoder().encode(s);

  it('recognizes KeePass, OpenPGP, age and encrypted Bitwarden exports by their first bytes', () => {
    expect(detectCredentialFormat(bytes(0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5, 0, 0, 4, 0))).toBe(
      'kdbx',
    );
    expect(detectCredentialFormat(bytes(0x03, 0xd9, 0xa2, 0x9a, 0x65, 0xfb, 0x4b, 0xb5))).toBe('kdb');
    expect(detectCredentialFormat(bytes(0xc1, 0x5e, 0x03))).toBe('openpgp'); // new-format PKESK
    expect(detectCredentialFormat(bytes(0x85, 0x01, 0x0c))).toBe('openpgp'); // old-format PKESK
    expect(detectCredentialFormat(bytes(0x8c, 0x0d))).toBe('openpgp'); // old-format SKESK (gpg -c)
    expect(detectCredentialFormat(text('age-encryption.org/v1\n-> X25519 abc\n'))).toBe('age');
    expect(detectCredentialFormat(text('-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n'))).toBe('age');
    expect(
      detectCredentialFormat(
        text('{\n  "encrypted": true,\n  "passwordProtected": true,\n  "data": "2.x"\n}'),
      ),
    ).toBe('bitwarden');
  });

  it('reads the first packet of an armored OpenPGP message: encrypted yes, only signed no', () => {
    // base64 of 0xc1 0x5e 0x03 (PKESK) is "wV4D"; of 0x90 0x0d (old-format one-pass signature) "kA0".
    expect(
      detectCredentialFormat(
        text('-----BEGIN PGP MESSAGE-----\n\nwV4DAAAA\n=abcd\n-----END PGP MESSAGE-----\n'),
      ),
    ).toBe('openpgp');
    expect(
      detectCredentialFormat(
        text('-----BEGIN PGP MESSAGE-----\nVersion: GnuPG\n\nhF4DAAAA\n-----END PGP MESSAGE-----\n'),
      ),
    ).toBe('openpgp');
    expect(
      detectCredentialFormat(text('-----BEGIN PGP MESSAGE-----\n\nkA0DAAAA\n-----END PGP MESSAGE-----\n')),
    ).toBe(null);
  });

  it('calls anything else clear text: CSV, a clear Bitwarden export, a file named .kdbx that is not one', () => {
    expect(detectCredentialFormat(text('url,username,password\nhttps://x,admin,hunter2\n'))).toBe(null);
    expect(detectCredentialFormat(text('{"encrypted": false, "items": []}'))).toBe(null);
    expect(detectCredentialFormat(text('KDBX\u0003 not really'))).toBe(null);
    expect(detectCredentialFormat(bytes())).toBe(null);
  });
});

describe('decisions and summary', () => {
  it('offers "ready" only when the checks pass, and nothing for a settled deliverable', () => {
    const ok = assess(deliverable(), facts(), NOW);
    const failing = assess(deliverable(), facts({ files: [file({ size: 0 })] }), NOW);
    const done = assess(deliverable({ status: 'ready' }), facts(), NOW);
    const brokenReady = assess(deliverable({ status: 'ready' }), facts({ files: [file({ size: 0 })] }), NOW);
    expect(choicesFor(ok)).toEqual(['ready', 'waive', 'leave']);
    expect(choicesFor(failing)).toEqual(['waive', 'leave']);
    expect(choicesFor(done)).toEqual([]);
    expect(choicesFor(brokenReady)).toEqual(['pending', 'waive', 'leave']);
  });

  it('applies a waiver with its reason, approver and date, and a ready mark', () => {
    const d = deliverable();
    expect(
      applyDecision(d, { action: 'waive', reason: 'Out of scope', approvedBy: 'client', date: '2026-11-23' }),
    ).toMatchObject({
      status: 'waived',
      waiver: { reason: 'Out of scope', approved_by: 'client', date: '2026-11-23' },
    });
    expect(applyDecision(d, { action: 'ready' }).status).toBe('ready');
    expect(applyDecision(d, { action: 'leave' })).toBe(d);
  });

  it('answers yes only when every required deliverable is ready or waived', () => {
    const ready = assess(deliverable({ id: 'a', status: 'ready' }), facts(), NOW);
    const optional = assess(deliverable({ id: 'b', required: false }), facts(), NOW);
    const pending = assess(deliverable({ id: 'c' }), facts(), NOW);
    expect(summarizeWalk([ready, optional]).ok).toBe(true);
    const s = summarizeWalk([ready, optional, pending]);
    expect(s.ok).toBe(false);
    expect(s.blocking).toEqual(['c']);
    const report = formatWalkReport(
      { id: 'x', title: 'X', file: 'plan.yaml' },
      [ready, optional, pending],
      CATALOGS.en,
    );
    expect(report).toContain('backups (3)');
    expect(report).toContain('not ready (required): c');
  });

  it('lists unclaimed files with their size, at most twenty, then a hint; none, no section', () => {
    const a = assessDeliverable(deliverable({ status: 'ready' }), facts(), NOW);
    const header = { id: 'x', title: 'X', file: 'plan.yaml' };
    const files = Array.from({ length: 22 }, (_, i) => ({
      path: `exports/backups/old-${i + 10}.vbk`,
      size: 1024,
    }));
    const report = formatWalkReport(header, [a], CATALOGS.en, { unclaimed: files });
    expect(report).toContain(
      "warning: 22 files (22.0 KiB) under the sources' folders that no deliverable claims",
    );
    expect(report).toContain('    exports/backups/old-10.vbk (1.0 KiB)');
    expect(report).toContain('    exports/backups/old-29.vbk (1.0 KiB)');
    expect(report).not.toContain('    exports/backups/old-30.vbk (1.0 KiB)');
    expect(report).toContain('    and 2 more');
    expect(report.some((l) => l.includes('hint: add them to a deliverable'))).toBe(true);
    expect(formatWalkReport(header, [a], CATALOGS.en, { unclaimed: [] }).join('\n')).not.toContain(
      'no deliverable claims',
    );
    // The same lines in French.
    const fr = formatWalkReport(header, [a], CATALOGS.fr, { unclaimed: files.slice(0, 1) });
    expect(fr).toContain(
      'avertissement : 1 fichier (1,0 Kio) dans les dossiers des sources, qu’aucun livrable ne réclame',
    );
  });
});
