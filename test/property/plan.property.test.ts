/**
 * Issue 7, "Bad input": whatever bytes a plan file holds, reading and checking it either succeeds
 * or throws the project's own typed error, every problem of which has a place (line >= 1).
 */
import { english } from '../../src/core/i18n/terminal/index.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitkitError, ProblemsError } from '../../src/core/errors.js';
import { checkPlanMeaning } from '../../src/core/plan-checks.js';
import { CATEGORIES, ROLES, STATUSES, type ExitPlan } from '../../src/core/plan.js';
import { loadPlan } from '../../src/io/plan/plan-file.js';

const RUNS = { numRuns: Number(process.env.EXITKIT_PROPERTY_RUNS ?? 250) };
let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'exitkit-property-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Writes the content to a fresh plan file and asserts what loadPlan may do with it. */
async function loadsOrRefusesWithPlaces(content: string | Uint8Array): Promise<void> {
  const file = path.join(dir, `plan-${n++}.yaml`);
  await writeFile(file, content);
  try {
    const loaded = await loadPlan(file);
    for (const w of loaded.warnings) expect(w.location.line).toBeGreaterThanOrEqual(1);
  } catch (e) {
    // An existing regular file is always refused with located problems, never a bare error.
    if (!(e instanceof ProblemsError)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
    for (const p of e.problems) {
      expect(p.location.line, english(p.message)).toBeGreaterThanOrEqual(1);
      expect(p.location.column, english(p.message)).toBeGreaterThanOrEqual(1);
      expect(english(p.message).length).toBeGreaterThan(0);
      if (p.level !== 'warning') expect(english(p.hint ?? ''), english(p.message)).toBeTruthy();
    }
  } finally {
    await rm(file, { force: true });
  }
}

const VALID = {
  version: 1,
  id: 'acme-exit-2026',
  title: "Reversibility of ACME SA's IT services",
  language: 'fr',
  contract: {
    reference: 'INF-2021-014',
    end: '2026-12-31',
    notice_days: 90,
    reversibility: { start: '2026-10-01', end: '2026-12-31', assistance_days: 10 },
  },
  parties: {
    client: { name: 'ACME SA', contact: 'it@acme.example' },
    outgoing: { name: 'InfoGest Sàrl', contact: 'ops@infogest.example' },
    incoming: { name: 'NovaIT SA', contact: 'handover@novait.example' },
  },
  deliverables: [
    {
      id: 'fs01-backup',
      category: 'backups',
      title: 'Full backup of the file server FS01',
      required: true,
      owner: 'outgoing',
      due: '2026-12-10',
      sources: ['exports/backups/fs01-*.vbk'],
      checks: { max_age_days: 7, min_bytes: 1048576 },
      status: 'pending',
    },
    {
      id: 'm365-admin',
      category: 'credentials',
      title: 'Microsoft 365 admin',
      sources: ['exports/vault/handover.kdbx'],
    },
    {
      id: 'cad-licences',
      category: 'other',
      title: 'CAD licence server',
      status: 'waived',
      waiver: { reason: 'Licences end with the contract', approved_by: 'client', date: '2026-11-02' },
    },
  ],
  compensation: {
    currency: 'CHF',
    vat_percent: 8.1,
    rounding: 0.05,
    fees: [
      { label: 'Reversibility fee', amount: 4500 },
      { label: 'Transition assistance', quantity: 10, unit: 'day', unit_price: 1200 },
    ],
    penalties: { missing_required: 500, late_per_day: 50, cap_percent: 10 },
    final_payment: { amount: 15000 },
  },
};

type Json = unknown;
type PathSeg = string | number;

function pathsOf(value: Json, prefix: PathSeg[] = []): PathSeg[][] {
  const out: PathSeg[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function getAt(root: Json, p: PathSeg[]): Json {
  return p.reduce<Json>((v, s) => (v as Record<PathSeg, Json>)[s], root);
}

type Mutation =
  | { op: 'drop' | 'retype' | 'duplicate'; at: number }
  | { op: 'junk'; at: number; junk: Json }
  | { op: 'text'; at: number; text: string };

const unicodeText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '../x',
    '/etc/passwd',
    '~/x',
    '{a,../b}',
    'C:\\x',
    'a/../../b',
    '',
    ' ',
    'é\u0301',
    '\u202e',
    '\0',
  ),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('drop' as const, 'retype' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('junk' as const), at: fc.nat(), junk: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ op: fc.constant('text' as const), at: fc.nat(), text: unicodeText }),
);

/** Applies mutations to a copy of the valid plan: drop a key, change a type, junk, duplicates. */
function mutate(mutations: Mutation[]): Json {
  const root = structuredClone(VALID) as Json;
  for (const m of mutations) {
    const paths = pathsOf(root).filter((p) => p.length > 0);
    if (paths.length === 0) break;
    const p = paths[m.at % paths.length]!;
    const parent = getAt(root, p.slice(0, -1)) as Record<PathSeg, Json> | Json[];
    const key = p.at(-1)!;
    const current = (parent as Record<PathSeg, Json>)[key];
    if (m.op === 'drop') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete (parent as Record<PathSeg, Json>)[key];
    } else if (m.op === 'retype') {
      (parent as Record<PathSeg, Json>)[key] =
        typeof current === 'string'
          ? 42
          : typeof current === 'number'
            ? String(current)
            : Array.isArray(current)
              ? { first: current[0] ?? null }
              : current && typeof current === 'object'
                ? [current]
                : 'text';
    } else if (m.op === 'duplicate') {
      const list = Array.isArray(parent) ? parent : (getAt(root, ['deliverables']) as Json[] | undefined);
      if (Array.isArray(list) && list.length > 0) list.push(structuredClone(list[0]));
    } else if (m.op === 'junk') {
      (parent as Record<PathSeg, Json>)[key] = m.junk;
    } else {
      // Random unicode lands where it hurts most: ids and paths.
      const target = (m.at & 1) === 0 ? 'id' : 'sources';
      const d = (getAt(root, ['deliverables']) as Array<Record<string, Json>> | undefined)?.[0];
      if (d && typeof d === 'object' && !Array.isArray(d)) d[target] = target === 'id' ? m.text : [m.text];
      else (parent as Record<PathSeg, Json>)[key] = m.text;
    }
  }
  return root;
}

describe('loadPlan on random input', () => {
  it('random strings and bytes: loaded, or refused with located problems', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.uint8Array({ maxLength: 300 }),
        ),
        loadsOrRefusesWithPlaces,
      ),
      RUNS,
    );
  });

  it('random YAML documents and token soup: loaded, or refused with located problems', async () => {
    const token = fc.constantFrom(
      '- ',
      ': ',
      '[',
      ']',
      '{',
      '}',
      ', ',
      '&a ',
      '*a',
      '*b',
      '\n',
      '  ',
      '"',
      "'",
      '# c',
      'version',
      'id',
      'deliverables',
      '---',
      '!!str ',
      '!x ',
      '? ',
      '|',
      '>',
      '1',
      '-1',
      '2026-02-30',
      '~',
      '\t',
      '\r\n',
      '<<',
      '%YAML 1.2\n',
      '...',
      '\\',
      'é',
      '\u{1F600}',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything({ maxDepth: 4 }).map((v) => stringify(v) ?? ''),
          fc.jsonValue({ maxDepth: 4 }).map((v) => stringify({ ...VALID, extra: v })),
          fc.array(token, { maxLength: 80 }).map((t) => t.join('')),
        ),
        loadsOrRefusesWithPlaces,
      ),
      RUNS,
    );
  });

  it('mutations of a valid plan: loaded, or refused with located problems', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), async (ms, flow) => {
        const plan = mutate(ms);
        await loadsOrRefusesWithPlaces(stringify(plan, flow ? { collectionStyle: 'flow' } : {}));
      }),
      RUNS,
    );
  });

  it('the valid plan itself loads (the mutations start from a plan that passes)', async () => {
    const file = path.join(dir, 'valid.yaml');
    await writeFile(
      file,
      stringify({ ...VALID, parties: { ...VALID.parties, client: { name: 'ACME SA' } } }),
    );
    const loaded = await loadPlan(file);
    expect(loaded.plan.deliverables).toHaveLength(3);
    expect(loaded.plan.compensation?.vat_percent).toBe('8.1');
  });
});

describe('checkPlanMeaning on random, well-typed plans', () => {
  const date = fc.oneof(
    fc.constantFrom('2026-02-30', '2026-13-01', '2026-12-31', '2024-02-29', '2025-02-29', '0000-00-00'),
    fc.string({ maxLength: 12 }),
  );
  const text = fc.string({ unit: 'grapheme', maxLength: 12 });
  const amount = fc.oneof(
    fc.constantFrom('0', '4500', '0.05', '8.1', '-1', '1e21', 'Infinity', 'NaN', '4,500'),
    text,
  );
  const deliverable = fc.record(
    {
      id: fc.oneof(fc.constantFrom('a', 'a', 'b'), text),
      category: fc.constantFrom(...CATEGORIES),
      title: text,
      required: fc.boolean(),
      owner: fc.constantFrom(...ROLES),
      due: date,
      sources: fc.array(unicodeText, { maxLength: 3 }),
      checks: fc.constant({}),
      status: fc.constantFrom(...STATUSES),
      waiver: fc.record({ reason: text, approved_by: text, date }, { requiredKeys: [] }),
    },
    { requiredKeys: ['id', 'category', 'title', 'required', 'owner', 'sources', 'checks', 'status'] },
  );
  const plan = fc.record({
    version: fc.constant(1 as const),
    id: text,
    title: text,
    language: fc.constantFrom('fr' as const, 'en' as const),
    contract: fc.record(
      {
        reference: text,
        start: date,
        end: date,
        reversibility: fc.record({ start: date, end: date }),
      },
      { requiredKeys: ['reference', 'end'] },
    ),
    parties: fc.constant({ client: { name: 'C' }, outgoing: { name: 'O' } }),
    deliverables: fc.array(deliverable, { maxLength: 5 }),
    compensation: fc.option(
      fc.record({
        currency: fc.constant('CHF'),
        vat_percent: amount,
        rounding: amount,
        fees: fc.array(
          fc.record(
            { label: text, amount, quantity: amount, unit_price: amount },
            { requiredKeys: ['label'] },
          ),
          { maxLength: 3 },
        ),
        penalties: fc.record(
          { missing_required: amount, late_per_day: amount, cap_percent: amount },
          { requiredKeys: [] },
        ),
      }),
      { nil: undefined },
    ),
    allow_external_sources: fc.boolean(),
  });

  it('never throws, and every issue names a path, a level and a message', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const issues = checkPlanMeaning(p as ExitPlan);
        for (const i of issues) {
          expect(['error', 'warning']).toContain(i.level);
          expect(english(i.message).length).toBeGreaterThan(0);
          expect(i.path.every((s) => typeof s === 'string' || typeof s === 'number')).toBe(true);
          if (i.level === 'error') expect(english(i.hint ?? ''), english(i.message)).toBeTruthy();
        }
      }),
      { numRuns: 500 },
    );
  });

  it("a source with a '..' segment, even inside braces, is always refused unless allowed", () => {
    const climbing = fc
      .tuple(fc.array(fc.constantFrom('a', '*', '**', '.', '{x,y}'), { maxLength: 3 }), fc.nat({ max: 4 }))
      .map(([segs, k]) => [...segs.slice(0, k), '..', ...segs.slice(k), '..', 'secret'].join('/'));
    fc.assert(
      fc.property(climbing, fc.constantFrom('', '{ok,', './'), (source, prefix) => {
        const s = prefix === '{ok,' ? `{ok,${source}}` : prefix + source;
        const p = {
          version: 1,
          id: 'x',
          title: 'T',
          language: 'en',
          contract: { reference: 'R', end: '2026-12-31' },
          parties: { client: { name: 'C' }, outgoing: { name: 'O' } },
          deliverables: [
            {
              id: 'd',
              category: 'other',
              title: 'D',
              required: true,
              owner: 'outgoing',
              sources: [s],
              checks: {},
              status: 'pending',
            },
          ],
          allow_external_sources: false,
        } as ExitPlan;
        expect(
          checkPlanMeaning(p).some((i) => i.level === 'error' && /points outside/.test(english(i.message))),
        ).toBe(true);
      }),
      RUNS,
    );
  });
});

// The only errors that may come out of loadPlan are the project's own.
describe('loadPlan on files that cannot be read', () => {
  it('throws an ExitkitError naming the file', async () => {
    await expect(loadPlan(path.join(dir, 'nowhere.yaml'))).rejects.toBeInstanceOf(ExitkitError);
    await expect(loadPlan(dir)).rejects.toThrow(/is not a file/);
  });
});
