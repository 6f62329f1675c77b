import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import type { Document } from 'yaml';
import { LineCounter, isScalar, parseDocument, visit, type Node } from 'yaml';
import { ExitkitError, ProblemsError, type Location, type Problem } from '../core/errors.js';
import { checkPlanMeaning, toProblems, type PlanIssue } from '../core/plan-checks.js';
import type { Deliverable, ExitPlan, FeeLine, Party } from '../core/plan.js';
import { readKeyFile } from './pgp.js';

export const SCHEMA_PATH = fileURLToPath(new URL('../../plans/exit-plan.schema.json', import.meta.url));

/** A plan larger than this is not a plan (it is read whole: it is a small YAML file). */
const MAX_PLAN_BYTES = 4 * 1024 * 1024;

export interface LoadedPlan {
  plan: ExitPlan;
  /** Absolute path of the plan file, and its folder (sources are relative to it). */
  file: string;
  dir: string;
  /** The bytes as read, and their SHA-256 (hex): the manifest binds them. */
  text: string;
  sha256: string;
  /** The parsed document, kept for write-back with comments and positions. */
  doc: Document;
  lineCounter: LineCounter;
  /** Warnings found on the way (errors make loadPlan throw). */
  warnings: Problem[];
  locate(p: Array<string | number>): Location;
}

let validateSchema: ReturnType<Ajv['compile']> | undefined;
async function schemaValidator() {
  if (!validateSchema) {
    const schema = JSON.parse(await readFile(SCHEMA_PATH, 'utf8')) as object;
    validateSchema = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return validateSchema;
}

/**
 * Reads, parses and checks a plan. Every problem (not just the first) is collected with its
 * file:line:column; any error throws a ProblemsError (exit 2).
 */
export async function loadPlan(file: string, opts: { checkKeys?: boolean } = {}): Promise<LoadedPlan> {
  const abs = path.resolve(file);
  const shown = path.relative(process.cwd(), abs) || abs;
  let info;
  try {
    info = await stat(abs);
  } catch {
    throw new ExitkitError(`cannot read the plan ${shown}: no such file`, {
      hints: ['give the path of an exit plan (YAML); `exitkit init` writes a starter plan'],
    });
  }
  if (!info.isFile())
    throw new ExitkitError(`the plan ${shown} is not a file`, { hints: ['give the path of a YAML file'] });
  if (info.size > MAX_PLAN_BYTES) {
    throw new ExitkitError(`the plan ${shown} is ${info.size} bytes: too large for an exit plan`, {
      hints: ['check that you named the plan, not an export'],
    });
  }
  const bytes = await readFile(abs);
  const at = (line?: number, column?: number): Location => ({
    file: shown,
    ...(line ? { line } : {}),
    ...(column ? { column } : {}),
  });
  if (bytes.includes(0)) {
    throw new ProblemsError(`${shown} is not a valid plan`, [
      {
        message: 'this file is binary, not YAML',
        hint: 'give the path of the exit plan (a text YAML file)',
        location: at(1, 1),
      },
    ]);
  }
  const text = bytes.toString('utf8');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });

  const posOf = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return at(line, col);
  };
  const problems: Problem[] = [];
  for (const e of doc.errors) {
    problems.push({
      message: `YAML syntax: ${e.message.split('\n')[0]}`,
      hint: 'fix the YAML at this place (indentation, quotes, a missing colon)',
      location: posOf(e.pos[0]),
    });
  }
  if (problems.length) throw new ProblemsError(`${shown} is not valid YAML`, problems);

  const locate = (p: Array<string | number>): Location => {
    // The deepest node that exists on the path: a missing key is reported at its parent.
    for (let n = p.length; n >= 0; n--) {
      const node = doc.getIn(p.slice(0, n), true) as Node | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) return posOf(node.range[0]);
    }
    return at(1, 1);
  };

  // Amounts keep their literal text: "8.10" stays "8.10", never a binary float.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && node.source !== undefined && /^\d+(\.\d+)?$/.test(node.source)) {
        (node as { literal?: string }).literal = node.source;
      }
    },
  });
  const raw: unknown = doc.toJS({ maxAliasCount: 100 });
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ProblemsError(`${shown} is not a valid plan`, [
      {
        message:
          raw == null ? 'the plan is empty' : 'the plan must be a mapping of keys (version, id, title, ...)',
        hint: 'start from `exitkit init`, which writes a commented starter plan',
        location: at(1, 1),
      },
    ]);
  }
  const validate = await schemaValidator();
  if (!validate(raw)) {
    for (const e of dedupeSchemaErrors(validate.errors ?? [])) {
      const p = e.instancePath
        .split('/')
        .slice(1)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replaceAll('~1', '/').replaceAll('~0', '~')));
      problems.push({ ...describeSchemaError(e), location: locate(p) });
    }
    throw new ProblemsError(`${shown} does not follow the plan's schema`, problems);
  }

  const plan = toPlan(raw as Record<string, unknown>, doc);
  const issues: PlanIssue[] = checkPlanMeaning(plan);
  if (opts.checkKeys !== false) issues.push(...(await checkKeyFiles(plan, path.dirname(abs))));
  const located = toProblems(issues, locate);
  const errors = located.filter((p) => p.level !== 'warning');
  const warnings = located.filter((p) => p.level === 'warning');
  if (errors.length)
    throw new ProblemsError(`${shown} has ${errors.length} problem${errors.length > 1 ? 's' : ''}`, [
      ...errors,
      ...warnings,
    ]);
  return { plan, file: abs, dir: path.dirname(abs), text, sha256, doc, lineCounter, warnings, locate };
}

async function checkKeyFiles(plan: ExitPlan, dir: string): Promise<PlanIssue[]> {
  const issues: PlanIssue[] = [];
  for (const role of ['client', 'outgoing', 'incoming'] as const) {
    const party = plan.parties[role];
    if (!party?.key) continue;
    try {
      const key = await readKeyFile(path.resolve(dir, party.key));
      const want = party.fingerprint?.replaceAll(' ', '').toLowerCase();
      if (want && key.getFingerprint() !== want) {
        issues.push({
          path: ['parties', role, 'fingerprint'],
          level: 'error',
          message: `the key file ${party.key} has fingerprint ${key.getFingerprint().toUpperCase()}, not the pinned one`,
          hint: 'check which key file the plan names, or correct the pinned fingerprint',
        });
      }
    } catch (e) {
      issues.push({
        path: ['parties', role, 'key'],
        level: 'error',
        message: `the ${role} key ${party.key}: ${e instanceof ExitkitError ? e.message : String(e)}`,
        hint: 'export it with `gpg --export --armor FINGERPRINT > FILE` or make one with `exitkit keys generate`',
      });
    }
  }
  return issues;
}

/** Ajv reports every branch of an anyOf; keep one readable error per place. */
function dedupeSchemaErrors(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject>();
  for (const e of errors) {
    const prev = byPath.get(e.instancePath);
    if (!prev || e.keyword === 'anyOf' || e.keyword === 'additionalProperties' || e.keyword === 'enum')
      byPath.set(
        e.instancePath + (e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : ''),
        e,
      );
  }
  return [...byPath.values()];
}

function describeSchemaError(e: ErrorObject): { message: string; hint?: string } {
  const field = e.instancePath ? e.instancePath.split('/').slice(1).join('.') : 'the plan';
  switch (e.keyword) {
    case 'required':
      return {
        message: `${field} lacks "${String(e.params.missingProperty)}"`,
        hint: `add ${String(e.params.missingProperty)}: (see plans/exit-plan.schema.json)`,
      };
    case 'additionalProperties':
      return {
        message: `unknown key "${String(e.params.additionalProperty)}" in ${field}`,
        hint: 'check its spelling; the schema lists the known keys',
      };
    case 'enum':
      return {
        message: `${field} must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`,
        hint: 'use one of the listed values',
      };
    case 'const':
      return {
        message: `${field} must be ${String(e.params.allowedValue)}`,
        hint: field === 'version' ? 'this exitkit reads plans of version 1' : undefined,
      } as { message: string; hint?: string };
    case 'type':
      return {
        message: `${field} must be ${String(e.params.type)}`,
        hint: `write ${field} as ${String(e.params.type)}`,
      };
    case 'pattern':
      if (field.endsWith('id'))
        return {
          message: `${field} must use lowercase letters, digits and '-'`,
          hint: 'it is used in file names, e.g. acme-exit-2026',
        };
      if (/(date|start|end|due)$/.test(field))
        return { message: `${field} must be a date written YYYY-MM-DD`, hint: 'e.g. 2026-12-31' };
      return {
        message: `${field} is not in the expected form`,
        hint: `it must match ${String(e.params.pattern)}`,
      };
    case 'anyOf':
      return {
        message: `${field} must be a decimal amount`,
        hint: 'write it like 4500 or 1200.50, without a currency sign',
      };
    default:
      return { message: `${field} ${e.message ?? 'is not valid'}` };
  }
}

function toPlan(raw: Record<string, unknown>, doc: Document): ExitPlan {
  const amountAt = (p: Array<string | number>): string | undefined => {
    const node = doc.getIn(p, true);
    if (isScalar(node)) {
      const literal = (node as { literal?: string }).literal;
      return literal ?? String(node.value);
    }
    return undefined;
  };
  const r = raw as unknown as ExitPlan & { deliverables: Array<Partial<Deliverable> & Deliverable> };
  const parties = r.parties as ExitPlan['parties'];
  const plan: ExitPlan = {
    version: 1,
    id: r.id,
    title: r.title,
    language: r.language ?? 'fr',
    contract: r.contract,
    parties: {
      client: parties.client as Party,
      outgoing: parties.outgoing as Party,
      ...(parties.incoming ? { incoming: parties.incoming } : {}),
    },
    deliverables: (r.deliverables ?? []).map((d) => ({
      ...d,
      required: d.required ?? true,
      owner: d.owner ?? 'outgoing',
      sources: d.sources ?? [],
      checks: d.checks ?? {},
      status: d.status ?? 'pending',
    })),
    allow_external_sources: r.allow_external_sources ?? false,
  };
  if (r.compensation) {
    const c = r.compensation;
    const base = ['compensation'];
    const pen = (k: string) => amountAt([...base, 'penalties', k]);
    plan.compensation = {
      currency: c.currency,
      vat_percent: amountAt([...base, 'vat_percent'])!,
      rounding: amountAt([...base, 'rounding']) ?? '0.01',
      fees: c.fees.map((f, i): FeeLine => {
        const line: FeeLine = { label: f.label };
        for (const k of ['amount', 'quantity', 'unit_price'] as const) {
          const v = amountAt([...base, 'fees', i, k]);
          if (v !== undefined) line[k] = v;
        }
        if (f.unit !== undefined) line.unit = f.unit;
        return line;
      }),
      penalties: Object.fromEntries(
        (['missing_required', 'late_per_day', 'cap_percent'] as const).flatMap((k) => {
          const v = pen(k);
          return v === undefined ? [] : [[k, v]];
        }),
      ),
      ...(c.final_payment
        ? {
            final_payment: {
              amount: amountAt([...base, 'final_payment', 'amount'])!,
              ...(c.final_payment.due ? { due: c.final_payment.due } : {}),
            },
          }
        : {}),
    };
  }
  return plan;
}
