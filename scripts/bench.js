#!/usr/bin/env node
// npm run bench [-- --size 1GiB --runs 3 --sizes 100MiB,1GiB --baseline DIR --volumes 4 --jobs 1,2]
//
// Measures exitkit against what a user would otherwise type, in one process tree, alternately,
// pair by pair (so a noisy machine does not fake a win):
//   bundle: exitkit bundle  vs  sha256sum over the files in parallel with tar cf - | gpg -e --compress-algo none
//   verify: exitkit verify --decryption-key (full)  vs  gpg -d | tar x, then sha256sum -c
//   volumes: exitkit bundle --volume-size (the payload cut into --volumes volumes) and its full
//   verify, against the same pipelines (docs/FORMAT.md, "Volumes"), at each --jobs; and the
//   client's verify (no key) against reading the volumes (`cat`), both from a cold page cache when
//   the bench may drop it (root), else warm
//   start-up: `exitkit --version` and `exitkit validate`, median of 10
// and exitkit's peak memory (the child's max RSS). Writes docs/bench.json and docs/bench.md.
// --baseline DIR: a built checkout of an earlier commit (e.g. a git worktree after `npm run build`):
// its `verify` is timed on the same archives, alternately with this one's, so that what a change
// costs a legitimate archive is measured pair by pair.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'run.js');
const PROBE = path.join(ROOT, 'scripts', 'rss-probe.js');

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    sizes: { type: 'string', default: '100MiB,1GiB' },
    runs: { type: 'string', default: '3' },
    small: { type: 'string', default: '2000' },
    dir: { type: 'string', default: path.join(ROOT, 'bench-output') },
    baseline: { type: 'string' },
    volumes: { type: 'string', default: '4' },
    jobs: { type: 'string', default: '1,2' },
  },
});
const jobsList = values.jobs.split(',').map(Number);
const volumeCount = Number(values.volumes);
const sizes = (values.size ?? values.sizes).split(',').map(parseSize);
const runs = Number(values.runs);
const smallCount = Number(values.small);
const work = path.resolve(values.dir);

function parseSize(s) {
  const m = /^(\d+(?:\.\d+)?)\s*(B|KiB|MiB|GiB)?$/i.exec(s.trim());
  if (!m) throw new Error(`bad size ${s}: write e.g. 100MiB or 1GiB`);
  const unit = { b: 1, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 }[(m[2] ?? 'B').toLowerCase()];
  return Math.round(Number(m[1]) * unit);
}
const fmtBytes = (n) =>
  n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(2)} GiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Runs a shell pipeline or an exitkit command, timing it; returns seconds (and peak RSS for exitkit). */
function timed(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], ...opts });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${stderr.slice(0, 2000)}`));
      else resolve(seconds);
    });
  });
}

const BASELINE = values.baseline && path.join(path.resolve(values.baseline), 'bin', 'run.js');
// Named before the runs (a failure here would otherwise come after them): its commit when it is a
// git checkout, else its path (a built copy).
const baselineName =
  values.baseline &&
  (spawnSync('git', ['-C', values.baseline, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout?.trim() ||
    path.resolve(values.baseline));

async function exitkit(args, cwd, bin = BIN) {
  const rssFile = path.join(work, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const seconds = await timed(process.execPath, ['--import', PROBE, bin, ...args], {
    cwd,
    env: { ...process.env, EXITKIT_RSS_OUT: rssFile, EXITKIT_PASSPHRASE: undefined },
  });
  const rss = Number(readFileSync(rssFile, 'utf8'));
  return { seconds, rss };
}

async function writeRandomFile(file, size) {
  const out = createWriteStream(file);
  const chunk = 4 * 1024 * 1024;
  for (let done = 0; done < size; done += chunk) {
    const n = Math.min(chunk, size - done);
    if (!out.write(randomBytes(n))) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r, j) => out.end((e) => (e ? j(e) : r())));
}

/** A payload like a real handover: one large incompressible backup image and many small configs. */
async function makeScenario(size) {
  const dir = path.join(work, `payload-${size}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'exports', 'backups'), { recursive: true });
  mkdirSync(path.join(dir, 'exports', 'configs'), { recursive: true });
  mkdirSync(path.join(dir, 'keys'), { recursive: true });
  const smallBytes = 2048;
  const large = Math.max(size - smallCount * smallBytes, 1024 * 1024);
  await writeRandomFile(path.join(dir, 'exports', 'backups', 'fs01-full.vbk'), large);
  for (let i = 0; i < smallCount; i++) {
    const text =
      `# switch ${i}\nhostname sw-${i}\n` +
      `interface ge-0/0/${i % 48}\n description uplink ${i}\n`.repeat(40);
    writeFileSync(
      path.join(dir, 'exports', 'configs', `sw-${String(i).padStart(5, '0')}.cfg`),
      text.slice(0, smallBytes),
    );
  }
  for (const [who, email] of [
    ['client', 'it@acme.example'],
    ['outgoing', 'ops@infogest.example'],
    ['incoming', 'handover@novait.example'],
  ]) {
    sh(process.execPath, [
      BIN,
      'keys',
      'generate',
      '--name',
      who,
      '--email',
      email,
      '--out',
      path.join(dir, 'keys', who),
      '--no-passphrase',
    ]);
  }
  writeFileSync(
    path.join(dir, 'plan.yaml'),
    [
      'version: 1',
      'id: bench-exit',
      'title: Benchmark handover',
      'language: en',
      'contract: {reference: BENCH-1, end: 2026-12-31}',
      'parties:',
      '  client: {name: Client, contact: it@acme.example, key: keys/client.pub.asc}',
      '  outgoing: {name: Outgoing, contact: ops@infogest.example, key: keys/outgoing.pub.asc}',
      '  incoming: {name: Incoming, contact: handover@novait.example, key: keys/incoming.pub.asc}',
      'deliverables:',
      '  - {id: fs01-backup, category: backups, title: FS01 backup, sources: [exports/backups], status: ready}',
      '  - {id: switch-configs, category: configurations, title: Switch configurations, sources: [exports/configs], status: ready}',
      '',
    ].join('\n'),
  );
  // The pipeline's side: a GnuPG home holding the same recipients' keys.
  const gnupg = path.join(dir, 'gnupg');
  mkdirSync(gnupg, { mode: 0o700 });
  for (const who of ['client', 'incoming']) {
    sh('gpg', ['--homedir', gnupg, '--batch', '--import', path.join(dir, 'keys', `${who}.pub.asc`)]);
  }
  sh('gpg', ['--homedir', gnupg, '--batch', '--import', path.join(dir, 'keys', 'incoming.sec.asc')]);
  const payloadBytes = large + smallCount * smallBytes;
  return { dir, gnupg, payloadBytes };
}

function pipelineBundle(s, out) {
  // What a user would otherwise type: digests and the encrypted tar, side by side.
  const script = `set -euo pipefail
cd "${s.dir}"
(find exports -type f -print0 | xargs -0 -P 2 -n 500 sha256sum > "${out}/SHA256SUMS") &
tar cf - exports | gpg --homedir "${s.gnupg}" --batch --trust-model always --compress-algo none -e -r it@acme.example -r handover@novait.example -o "${out}/pipeline.tar.gpg"
wait`;
  return timed('bash', ['-c', script]);
}

function pipelineVerify(s, out) {
  const script = `set -euo pipefail
rm -rf "${out}/x" && mkdir -p "${out}/x"
gpg --homedir "${s.gnupg}" --batch -d "${out}/pipeline.tar.gpg" 2>/dev/null | tar xf - -C "${out}/x"
cd "${out}/x" && sha256sum --quiet -c "${out}/SHA256SUMS"`;
  return timed('bash', ['-c', script]);
}

/** Empties the page cache (root only): true when it did, so the next read comes from the disk. */
function dropCaches() {
  const r = spawnSync('bash', ['-c', 'sync && echo 3 > /proc/sys/vm/drop_caches'], { stdio: 'ignore' });
  return r.status === 0;
}

/** The CLI's start-up: `--version` and `validate` of a small plan, 10 runs each, medians. */
async function benchStartup() {
  const s = await makeScenario(1024 * 1024);
  const out = {};
  for (const [name, args] of [
    ['--version', ['--version']],
    ['validate', ['validate', 'plan.yaml']],
  ]) {
    const times = [];
    for (let i = 0; i < 10; i++) times.push((await exitkit(args, s.dir)).seconds);
    out[name] = median(times);
  }
  rmSync(s.dir, { recursive: true, force: true });
  return out;
}

async function benchSize(size) {
  console.error(
    `\n== payload ${fmtBytes(size)}: generating (one large random file, ${smallCount} small files)`,
  );
  const s = await makeScenario(size);
  const out = path.join(s.dir, 'out');
  const rows = { bundle: [], verify: [] };
  // Volumes of a quarter of the payload (with --volumes 4), at least 1 MiB.
  const volumeSize = Math.max(Math.ceil(s.payloadBytes / volumeCount / 2 ** 20), 1);
  const baseline = [];
  for (let run = 1; run <= runs; run++) {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    // Alternate which side goes first, so neither always gets the warmer cache.
    const ours = async () =>
      exitkit(['bundle', 'plan.yaml', '--out', out, '--signing-key', 'keys/outgoing.sec.asc'], s.dir);
    let eb, pb;
    if (run % 2) {
      eb = await ours();
      pb = await pipelineBundle(s, out);
    } else {
      pb = await pipelineBundle(s, out);
      eb = await ours();
    }
    const manifest = path.join(out, 'bench-exit.manifest.json');
    const oursVerify = async (bin = BIN) =>
      exitkit(
        ['verify', manifest, '--plan', 'plan.yaml', '--decryption-key', 'keys/incoming.sec.asc'],
        s.dir,
        bin,
      );
    let ev, pv;
    if (run % 2) {
      ev = await oursVerify();
      pv = await pipelineVerify(s, out);
    } else {
      pv = await pipelineVerify(s, out);
      ev = await oursVerify();
    }
    if (BASELINE) {
      const [first, second] = run % 2 ? [BIN, BASELINE] : [BASELINE, BIN];
      const a = await oursVerify(first);
      const b = await oursVerify(second);
      const [now, then] = first === BIN ? [a, b] : [b, a];
      baseline.push({ exitkit: now.seconds, baseline: then.seconds, rss: now.rss, baselineRss: then.rss });
      console.error(
        `run ${run}: verify ${now.seconds.toFixed(2)} s vs baseline ${then.seconds.toFixed(2)} s`,
      );
    }
    rows.bundle.push({ exitkit: eb.seconds, pipeline: pb, rss: eb.rss });
    rows.verify.push({ exitkit: ev.seconds, pipeline: pv, rss: ev.rss });
    if (volumeCount > 1) {
      // The same payload into volumes, at each --jobs, against this run's pipelines.
      const vout = path.join(s.dir, 'out-volumes');
      for (const jobs of jobsList) {
        rmSync(vout, { recursive: true, force: true });
        mkdirSync(vout, { recursive: true });
        const vb = await exitkit(
          [
            ...['bundle', 'plan.yaml', '--out', vout, '--signing-key', 'keys/outgoing.sec.asc'],
            ...['--volume-size', `${volumeSize}M`, '--jobs', String(jobs)],
          ],
          s.dir,
        );
        const vm = path.join(vout, 'bench-exit.manifest.json');
        const verifyArgs = ['verify', vm, '--plan', 'plan.yaml', '--jobs', String(jobs)];
        const vv = await exitkit([...verifyArgs, '--decryption-key', 'keys/incoming.sec.asc'], s.dir);
        // The client's verify (no key) against reading the same volumes, each from a cold cache.
        const cold = dropCaches();
        const cv = await exitkit(verifyArgs, s.dir);
        dropCaches();
        const cat = await timed('bash', ['-c', `cat "${vout}"/bench-exit.vol-*.tar.pgp > /dev/null`]);
        const step = (name) => (rows[`${name}, volumes, --jobs ${jobs}`] ??= []);
        step('bundle').push({ exitkit: vb.seconds, pipeline: pb, rss: vb.rss });
        step('verify').push({ exitkit: vv.seconds, pipeline: pv, rss: vv.rss });
        step('client verify').push({ exitkit: cv.seconds, pipeline: cat, rss: cv.rss, cold });
        console.error(
          `run ${run}: --jobs ${jobs}, volumes of ${volumeSize} MiB: bundle ${vb.seconds.toFixed(2)} s, verify ${vv.seconds.toFixed(2)} s, client verify ${cv.seconds.toFixed(2)} s vs cat ${cat.toFixed(2)} s${cold ? ' (cold)' : ''}`,
        );
      }
    }
    console.error(
      `run ${run}: bundle ${eb.seconds.toFixed(2)} s vs ${pb.toFixed(2)} s, verify ${ev.seconds.toFixed(2)} s vs ${pv.toFixed(2)} s, rss ${fmtBytes(eb.rss)} / ${fmtBytes(ev.rss)}`,
    );
  }
  rmSync(s.dir, { recursive: true, force: true });
  const summary = {};
  for (const [name, list] of Object.entries(rows)) {
    if (list.length === 0) continue;
    const e = median(list.map((r) => r.exitkit));
    const p = median(list.map((r) => r.pipeline));
    summary[name] = {
      runs: list,
      exitkitMedianSeconds: e,
      pipelineMedianSeconds: p,
      exitkitMBps: s.payloadBytes / 1e6 / e,
      pipelineMBps: s.payloadBytes / 1e6 / p,
      // Pair by pair: the median of each run's own ratio.
      ratio: median(list.map((r) => r.pipeline / r.exitkit)),
      peakRssBytes: Math.max(...list.map((r) => r.rss)),
    };
  }
  if (baseline.length)
    summary.baseline = {
      runs: baseline,
      exitkitMedianSeconds: median(baseline.map((r) => r.exitkit)),
      baselineMedianSeconds: median(baseline.map((r) => r.baseline)),
      // Pair by pair: above 1 the change made verify slower.
      ratio: median(baseline.map((r) => r.exitkit / r.baseline)),
    };
  return { payloadBytes: s.payloadBytes, files: smallCount + 1, volumeMiB: volumeSize, ...summary };
}

mkdirSync(work, { recursive: true });
const startup = await benchStartup();
const results = [];
for (const size of sizes) results.push(await benchSize(size));
rmSync(work, { recursive: true, force: true });

const targets = {
  bundle: 1.0,
  verify: 1.5,
  'bundle, volumes': 1.25,
  'verify, volumes': 2.5,
  // The client's verify against reading the volumes: at the disk's speed.
  'client verify, volumes': 0.9,
  peakRssBytes: 256 * 1024 ** 2,
};
const report = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory: os.totalmem(), node: process.version },
  gpg: sh('gpg', ['--version']).split('\n')[0],
  runs,
  ...(baselineName ? { baseline: baselineName } : {}),
  targets,
  startup,
  results,
};
mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
writeFileSync(path.join(ROOT, 'docs', 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);

const mark = (ok) => (ok ? 'met' : '**not met**');
const lines = [
  '# Benchmark',
  '',
  `Measured by \`npm run bench\` on ${report.date.slice(0, 10)}: ${report.machine.cpus} cores (${report.machine.cpu}), Node ${report.machine.node}, ${report.gpg}; ${runs} runs a size, medians; ratio = pipeline time / exitkit time, pair by pair (median of each run's ratio).`,
  '',
  '| payload | step | exitkit | pipeline | ratio | target | exitkit peak RSS |',
  '|---|---|---|---|---|---|---|',
];
for (const r of results) {
  for (const [step, x] of Object.entries(r)) {
    if (!x || typeof x !== 'object' || !('ratio' in x) || step === 'baseline') continue;
    const target = targets[step.replace(/, --jobs \d+$/, '')];
    const what = step.includes('volumes') ? step.replace('volumes', `volumes of ${r.volumeMiB} MiB`) : step;
    const other = step.startsWith('client verify')
      ? `cat${x.runs.every((run) => run.cold) ? ', cold cache' : ''}: `
      : '';
    lines.push(
      `| ${fmtBytes(r.payloadBytes)}, ${r.files} files | ${what} | ${x.exitkitMedianSeconds.toFixed(2)} s, ${x.exitkitMBps.toFixed(0)} MB/s | ${other}${x.pipelineMedianSeconds.toFixed(2)} s, ${x.pipelineMBps.toFixed(0)} MB/s | ${x.ratio.toFixed(2)}x | >= ${target}x: ${mark(x.ratio >= target)} | ${fmtBytes(x.peakRssBytes)}: ${mark(x.peakRssBytes <= targets.peakRssBytes)} |`,
    );
  }
}
lines.push(
  '',
  `Start-up (median of 10, this machine): \`exitkit --version\` ${startup['--version'].toFixed(2)} s, \`exitkit validate\` of a small plan ${startup.validate.toFixed(2)} s.`,
);
if (report.baseline) {
  lines.push(
    '',
    `verify against the baseline ${/^[0-9a-f]{40}$/.test(report.baseline) ? report.baseline.slice(0, 12) : report.baseline} (\`--baseline\`), on the same archives, alternately; ratio = this time / baseline time, pair by pair:`,
    '',
    '| payload | verify now | verify at baseline | ratio |',
    '|---|---|---|---|',
  );
  for (const r of results)
    lines.push(
      `| ${fmtBytes(r.payloadBytes)} | ${r.baseline.exitkitMedianSeconds.toFixed(2)} s | ${r.baseline.baselineMedianSeconds.toFixed(2)} s | ${r.baseline.ratio.toFixed(3)}x |`,
    );
}
lines.push(
  '',
  "Pipelines: bundle = `sha256sum` over the files (2 in parallel) beside `tar cf - | gpg -e -r client -r incoming --compress-algo none`; verify = `gpg -d | tar x` then `sha256sum -c`; the rows with volumes are paired with the same run's pipelines. The client verify rows (no key: each volume's size and SHA-256) compare with `cat` reading the same volumes; the ratio is `cat` time / exitkit time.",
  'exitkit bundle hashes every file with SHA-512 (the BagIt default) and signs the manifest; exitkit verify decrypts, re-hashes every file and checks the bag, writing nothing.',
  '',
);
// The analysis (where the CPU goes, what bounds each target) is kept beside the table, by hand.
const notes = path.join(ROOT, 'docs', 'bench.notes.md');
if (existsSync(notes)) lines.push(readFileSync(notes, 'utf8'));
writeFileSync(path.join(ROOT, 'docs', 'bench.md'), lines.join('\n'));
console.log(lines.join('\n'));
if (!existsSync(path.join(ROOT, 'docs', 'bench.md'))) process.exit(2);
