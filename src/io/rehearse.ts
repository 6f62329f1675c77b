/**
 * `exitkit rehearse`: the exit, rehearsed without touching a real key. The plan's deliverables are
 * walked as `exitkit walk` walks them; then a copy of the plan (its parties' keys replaced by
 * throwaway ones made for the run, its sources pointing at the same files, a sample of them with
 * `--sample N`) goes through the real flows: bundle (src/io/bundle.ts), a verification that
 * decrypts and re-hashes every file, and extract (src/io/verify.ts). Everything the run writes
 * (the throwaway keys, the copy of the plan, the encrypted archive, the extracted files) stays in a
 * private scratch folder inside DIR (mode 0700, beside the report, never in the system's
 * temporary folder: it holds plaintext, as extract's own folder does), removed whatever happens:
 * at the end, on an error, on Ctrl-C or SIGTERM (src/io/staged.ts). What remains is the report.
 */
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { ExitkitError } from '../core/errors.js';
import { CATALOGS, type Messages, type Text } from '../core/i18n/terminal/index.js';
import type { Lang } from '../core/i18n/index.js';
import {
  findingsIn,
  rehearsalReport,
  skippedAfter,
  type PayloadSize,
  type RehearsalFinding,
  type RehearsalReport,
  type RehearsalStep,
  type StepRun,
} from '../core/rehearsal.js';
import type { Role } from '../core/plan.js';
import type { Verification } from '../core/manifest.js';
import { writeFilesAtomically } from './atomic.js';
import { makeBundle } from './bundle.js';
import {
  assertCanSign,
  describeKey,
  fingerprintOf,
  generateKeyPair,
  readPrivateKeyFile,
  type PassphraseSource,
  type PrivateKey,
} from './openpgp/keys.js';
import { signedJson } from './openpgp/signatures.js';
import { loadPlan, type LoadedPlan } from './plan/plan-file.js';
import { renderDocument } from './render.js';
import { shown } from './shown.js';
import { privateTemp, removeStaleTemps, staged } from './staged.js';
import { runVerification } from './verify.js';
import { walkPlan, type WalkedDeliverable } from './walk.js';

/** The scratch folder's name in DIR: `.rehearsal.exitkit-<pid>-<random>`. */
const SCRATCH_PREFIX = '.rehearsal.exitkit-';

export interface RehearseRequest {
  plan: string;
  out: string;
  /** Files per deliverable; null for the whole payload. */
  sample: number | null;
  signingKey?: string | undefined;
  passphrase: PassphraseSource;
  /** The documents' language (default: the plan's). */
  language?: Lang | undefined;
  version: string;
}

export interface RehearseOutcome {
  report: RehearsalReport;
  findings: RehearsalFinding[];
  files: { md: string; html: string; json: string; signature?: string };
  /** Scratch folders of killed rehearsals found in DIR, now removed. */
  removedStale: string[];
}

export async function rehearse(o: RehearseRequest): Promise<RehearseOutcome> {
  // A plan that does not validate is not rehearsed (exit 2), and a signing key is checked
  // (passphrase included) before any work.
  const loaded = await loadPlan(o.plan);
  const signer = o.signingKey ? await signingKey(o.signingKey, o.passphrase) : undefined;
  const dir = await outputFolder(o.out);
  const removedStale = await removeStaleTemps(dir, SCRATCH_PREFIX);
  const scratch = await privateTemp(dir, SCRATCH_PREFIX);
  const date = new Date();
  const run = await staged({ temps: [scratch], removeOnExit: true }, () =>
    runSteps(loaded, scratch, o.sample, o.version),
  );
  const language = o.language ?? loaded.plan.language;
  const report = rehearsalReport({
    plan: {
      id: loaded.plan.id,
      title: loaded.plan.title,
      file: path.basename(loaded.file),
      sha256: loaded.sha256,
    },
    date,
    language,
    sample: o.sample,
    ranBy: { user: osUser(), signer: signer ? signer.who : null },
    payload: run.payload,
    steps: run.steps,
    findings: run.findings,
    version: o.version,
  });
  const files = await writeReport(dir, report, run.findings, signer?.key);
  return { report, findings: run.findings, files, removedStale };
}

/** The key that signs rehearsal.json: any key able to sign (the report says whose it is). */
async function signingKey(
  file: string,
  passphrase: PassphraseSource,
): Promise<{ key: PrivateKey; who: { fingerprint: string; userId: string | null } }> {
  const key = await readPrivateKeyFile(file, passphrase);
  await assertCanSign(key, file);
  const info = await describeKey(key);
  return { key, who: { fingerprint: fingerprintOf(key), userId: info.userIds[0] ?? null } };
}

async function outputFolder(out: string): Promise<string> {
  const dir = path.resolve(out);
  const info = await stat(dir).catch(() => null);
  if (info && !info.isDirectory())
    throw new ExitkitError((m) => m.rehearse.notAFolder(shown(dir)), {
      code: 'file_access',
      hints: [(m) => m.rehearse.notAFolderHint],
    });
  if (!info) await mkdir(dir, { recursive: true });
  return dir;
}

function osUser(): string | null {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? null;
  }
}

interface StepsOutcome {
  steps: StepRun[];
  findings: RehearsalFinding[];
  payload: { rehearsed: PayloadSize; full: PayloadSize };
}

/** The four steps, each timed; a step that fails stops the ones after it (skipped). */
async function runSteps(
  loaded: LoadedPlan,
  scratch: string,
  sample: number | null,
  version: string,
): Promise<StepsOutcome> {
  const steps: StepRun[] = [];
  const findings: RehearsalFinding[] = [];
  const timed = async <T>(
    step: RehearsalStep,
    work: () => Promise<{ value: T; passed: boolean; bytes: number; full?: boolean }>,
  ): Promise<T | undefined> => {
    const started = performance.now();
    try {
      const r = await work();
      const seconds = (performance.now() - started) / 1000;
      steps.push({
        step,
        status: r.passed ? 'passed' : 'failed',
        seconds,
        bytes: r.bytes,
        ...(r.full ? { full: true } : {}),
      });
      return r.value;
    } catch (e) {
      if (!(e instanceof ExitkitError)) throw e;
      steps.push({ step, status: 'failed', seconds: (performance.now() - started) / 1000, bytes: 0 });
      findings.push({ step, level: 'error', message: e.text });
      return undefined;
    }
  };

  // 1. The walk, on the real plan and every file.
  const walked = await timed('walk', async () => {
    const value = await walkPlan(loaded, Date.now());
    for (const w of value)
      for (const f of w.assessment.findings)
        if (f.level !== 'info')
          findings.push({ step: 'walk', level: f.level, deliverable: w.deliverable.id, message: f.message });
    return { value, passed: value.every(settled), bytes: sizeOf(handedOver(value)).bytes, full: true };
  });
  let rehearsed: PayloadSize = { files: 0, bytes: 0 };
  if (!walked)
    return { steps: [...steps, ...skippedAfter(steps)], findings, payload: { rehearsed, full: rehearsed } };
  const full = sizeOf(handedOver(walked));

  // 2. The bundle, with throwaway keys, of a copy of the plan.
  const keys = await throwawayKeys(path.join(scratch, 'keys'), loaded);
  const planCopy = path.join(scratch, path.basename(loaded.file));
  await writeFile(planCopy, rehearsedPlan(loaded, walked, keys, sample, scratch), { mode: 0o600 });
  const bundled = await timed('bundle', async () => {
    const b = await makeBundle({
      plan: planCopy,
      out: path.join(scratch, 'bundle'),
      signingKey: keys.outgoing!.sec,
      passphrase: {},
      recipients: [],
      allowIncomplete: true,
      algorithm: 'sha512',
      force: false,
      version,
      progress: false,
      m: CATALOGS.en,
      note: () => undefined,
    });
    rehearsed = { files: b.manifest.payload.files, bytes: b.manifest.payload.bytes };
    return { value: b, passed: true, bytes: rehearsed.bytes };
  });

  // 3. A verification that decrypts and re-hashes every file; 4. the extraction.
  const decryptionKey = (keys.incoming ?? keys.client)?.sec;
  if (bundled && decryptionKey) {
    const request = {
      manifest: bundled.files.manifest,
      plan: planCopy,
      decryptionKey,
      passphrase: {},
      m: CATALOGS.fr,
    };
    const verified = await timed('verify', async () => {
      const v = await runVerification(request);
      findings.push(...faultsOf('verify', v.verification, v.said));
      return { value: v.verification.ok, passed: v.verification.ok, bytes: rehearsed.bytes };
    });
    if (verified)
      await timed('extract', async () => {
        const x = await runVerification({ ...request, extractTo: path.join(scratch, 'extracted') });
        findings.push(...faultsOf('extract', x.verification, x.said));
        const passed = x.verification.ok && x.extracted !== undefined;
        if (!passed)
          findings.push({ step: 'extract', level: 'error', message: (m) => m.rehearse.notExtracted });
        return { value: passed, passed, bytes: rehearsed.bytes };
      });
  }
  return { steps: [...steps, ...skippedAfter(steps)], findings, payload: { rehearsed, full } };
}

/** A required deliverable stands in the way of the exit unless it is waived or its files check out. */
function settled(w: WalkedDeliverable): boolean {
  if (!w.deliverable.required) return true;
  return w.deliverable.status === 'waived' ? w.assessment.ready : w.assessment.checksPass;
}

/** The deliverables the exit would hand over: not waived, their files checking out. */
function handedOver(walked: readonly WalkedDeliverable[]): WalkedDeliverable[] {
  return walked.filter((w) => w.deliverable.status !== 'waived' && w.assessment.checksPass);
}

function sizeOf(walked: readonly WalkedDeliverable[]): PayloadSize {
  const files = walked.flatMap((w) => w.files);
  return { files: files.length, bytes: files.reduce((n, f) => n + f.size, 0) };
}

/**
 * A verification's faults as findings, in English and in French (the two catalogs the terminal
 * and the findings speak; `said` was judged in French).
 */
function faultsOf(step: RehearsalStep, v: Verification, said: Verification): RehearsalFinding[] {
  return v.faults.map((fault, i) => {
    const fr = said.faults[i] ?? fault;
    const message: Text = (m: Messages) => (m === CATALOGS.fr ? fr : fault);
    return { step, level: 'error' as const, message };
  });
}

type ThrowawayKeys = Partial<Record<Role, { pub: string; sec: string }>>;

/** A key pair for every party of the plan (Curve25519: made in milliseconds), unprotected, in `dir`. */
async function throwawayKeys(dir: string, loaded: LoadedPlan): Promise<ThrowawayKeys> {
  await mkdir(dir, { mode: 0o700 });
  const roles = (['client', 'outgoing', 'incoming'] as const).filter((r) => loaded.plan.parties[r]);
  const made = await Promise.all(
    roles.map((role) =>
      generateKeyPair({
        name: `${loaded.plan.parties[role]!.name} (rehearsal)`,
        email: `${role}@rehearsal.invalid`,
        type: 'curve25519',
      }),
    ),
  );
  const keys: ThrowawayKeys = {};
  for (const [i, role] of roles.entries()) {
    const k = made[i]!;
    const pub = path.join(dir, `${role}.pub.asc`);
    const sec = path.join(dir, `${role}.sec.asc`);
    await writeFile(pub, k.publicKey, { mode: 0o600 });
    await writeFile(sec, k.privateKey, { mode: 0o600 });
    keys[role] = { pub, sec };
  }
  return keys;
}

/**
 * The copy of the plan the rehearsal bundles (in `planDir`): the throwaway keys instead of the
 * parties' keys, the sources pointing at the same files from there (every file, or the first
 * `sample` of each deliverable), and every deliverable whose files check out marked ready, as the outgoing
 * provider would before the real bundle.
 */
function rehearsedPlan(
  loaded: LoadedPlan,
  walked: readonly WalkedDeliverable[],
  keys: ThrowawayKeys,
  sample: number | null,
  planDir: string,
): string {
  // Relative to the copy's folder, POSIX-style: the folders both paths share (the plan's own,
  // which may be named "Exit (2026)") are not written, so they cannot read as a glob.
  const from = (abs: string) => path.relative(planDir, abs).split(path.sep).join('/');
  const doc = parseDocument(loaded.text);
  doc.set('allow_external_sources', true);
  for (const [role, k] of Object.entries(keys)) {
    doc.setIn(['parties', role, 'key'], k.pub);
    doc.deleteIn(['parties', role, 'fingerprint']);
  }
  for (const w of walked) {
    const d = w.deliverable;
    if (d.status === 'waived') continue;
    const sources =
      sample === null || w.files.length === 0
        ? d.sources.map((s) => `${from(path.resolve(loaded.dir, s))}${/[\\/]$/.test(s) ? '/' : ''}`)
        : sampled(w, sample).map(from);
    doc.setIn(['deliverables', w.index, 'sources'], sources);
    if (w.assessment.checksPass && d.status === 'pending')
      doc.setIn(['deliverables', w.index, 'status'], 'ready');
  }
  return doc.toString({ lineWidth: 0 });
}

/** The first `n` files of a deliverable, each named once in the bag (distinct file names). */
function sampled(w: WalkedDeliverable, n: number): string[] {
  const names = new Set<string>();
  const out: string[] = [];
  for (const f of w.files) {
    if (out.length >= n) break;
    const name = path.basename(f.abs);
    if (names.has(name)) continue;
    names.add(name);
    out.push(f.abs);
  }
  return out;
}

/** rehearsal.md, rehearsal.html, rehearsal.json (and its signature), written together. */
async function writeReport(
  dir: string,
  report: RehearsalReport,
  findings: readonly RehearsalFinding[],
  key: PrivateKey | undefined,
): Promise<RehearseOutcome['files']> {
  const lang = report.language;
  // The findings in the document's language where the terminal's catalogs have it, else English.
  const words = CATALOGS[lang === 'fr' ? 'fr' : 'en'];
  const data = {
    ...report,
    findings: findingsIn(findings, (t) => (typeof t === 'string' ? t : t(words))),
    failed: report.steps.filter((s) => s.status === 'failed').length,
    signed: key !== undefined,
  };
  const render = (format: 'md' | 'html') =>
    renderDocument(data, { kind: 'rehearsal', language: lang, format });
  const files = {
    md: path.join(dir, 'rehearsal.md'),
    html: path.join(dir, 'rehearsal.html'),
    json: path.join(dir, 'rehearsal.json'),
  };
  const signature = key ? `${files.json}.asc` : undefined;
  await writeFilesAtomically([
    { path: files.md, data: await render('md') },
    { path: files.html, data: await render('html') },
    ...(await signedJson(files.json, report, key)),
  ]);
  // An unsigned report leaves no signature of an earlier one beside it.
  if (!signature) await rm(`${files.json}.asc`, { force: true });
  return { ...files, ...(signature ? { signature } : {}) };
}
