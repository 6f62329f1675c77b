import { en } from '../core/i18n/terminal/en.js';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { ExitkitError } from '../core/errors.js';
import type { Verification } from '../core/manifest.js';
import type { Role } from '../core/plan.js';
import { makeReceipt, verificationProblem, type Receipt } from '../core/receipt.js';
import { BaseCommand } from '../lib/base-command.js';
import { passphraseFileFlag, passphraseSource, signingKeyFlag } from '../lib/flags.js';
import { assertCanSign, fingerprintOf, readPrivateKeyFile } from '../io/openpgp/keys.js';
import { loadPlan, type LoadedPlan } from '../io/plan/plan-file.js';
import { writeReceipt } from '../io/receipts.js';
import { partyKey, readManifestFile, runVerification } from '../io/verify.js';

export interface AcknowledgeResult {
  receipt: Receipt;
  files: { json: string; signature: string };
}

export default class Acknowledge extends BaseCommand {
  static override summary = en.help.summary.acknowledge;
  static override description =
    "The client or the incoming provider signs <id>.receipt.json (and its armored detached signature .asc), which binds the manifest's SHA-256, the archive's digest, the verification verdict with its missing deliverables, the signer's role in the plan and the date. The verdict comes from --verification (what `verify --json` wrote) or, with --plan, from a verification run now (signature, archive digest, completeness). GnuPG verifies the signature; `exitkit verify --receipt` checks the whole receipt.";
  static override examples = [
    '<%= config.bin %> verify acme-exit-2026.manifest.json --plan exit-plan.yaml --json > verification.json\n<%= config.bin %> acknowledge acme-exit-2026.manifest.json --signing-key keys/acme.sec.asc --verification verification.json --plan exit-plan.yaml',
    '<%= config.bin %> acknowledge acme-exit-2026.manifest.json --signing-key keys/novait.sec.asc --plan exit-plan.yaml --out receipts',
  ];
  static override args = {
    manifest: Args.string({ description: 'the exit manifest (<id>.manifest.json)', required: true }),
  };
  static override flags = {
    'signing-key': { ...signingKeyFlag, required: true },
    'passphrase-file': passphraseFileFlag,
    verification: Flags.string({
      description:
        'the verification to acknowledge: the JSON that `exitkit verify --json` wrote for this manifest',
      helpValue: 'FILE',
    }),
    plan: Flags.string({
      description:
        "the exit plan: gives the signer's role, and runs a verification when --verification is not given",
      helpValue: 'PLAN',
    }),
    out: Flags.string({
      description: 'folder for the receipt (default: beside the manifest)',
      helpValue: 'DIR',
    }),
    force: Flags.boolean({ description: 'replace an existing receipt' }),
  };

  async run(): Promise<AcknowledgeResult> {
    const { args, flags } = await this.parse(Acknowledge);
    const signingKey = flags['signing-key'] as string;
    const read = await readManifestFile(args.manifest);
    const plan = flags.plan ? await loadPlan(flags.plan) : undefined;
    if (plan && plan.plan.id !== read.manifest.plan.id)
      throw new ExitkitError(
        `the plan ${flags.plan} is for the exit "${plan.plan.id}", the manifest for "${read.manifest.plan.id}"`,
        { hints: ['give the plan this bundle was made from'] },
      );

    let verification: Verification;
    if (flags.verification) {
      verification = await readVerification(flags.verification, read.sha256);
    } else if (flags.plan) {
      verification = (await runVerification({ manifest: args.manifest, plan: flags.plan })).verification;
    } else {
      throw new ExitkitError('nothing to acknowledge: a receipt records a verification verdict', {
        hints: [
          'give --verification FILE (what `exitkit verify --json` wrote), or --plan PLAN to verify now',
        ],
      });
    }

    const key = await readPrivateKeyFile(signingKey, passphraseSource(flags));
    await assertCanSign(key, signingKey);
    const fingerprint = fingerprintOf(key);
    const { role, name } = plan ? await roleOf(plan, fingerprint) : { role: null, name: null };

    const receipt = makeReceipt({
      manifestFile: path.basename(args.manifest),
      manifestSha256: read.sha256,
      manifest: read.manifest,
      verification,
      signer: { fingerprint, role, name },
      now: new Date(),
      version: this.config.version,
    });
    const files = await writeReceipt(receipt, key, flags.out ?? path.dirname(args.manifest), {
      force: flags.force,
    });
    this.log(`receipt: ${files.json}`);
    this.log(`signature: ${files.signature}`);
    this.log(
      `signed by ${fingerprint}${role ? ` (${role}: ${name ?? ''})` : ''}, acknowledging the verdict ${verification.ok ? 'OK' : 'NOT OK'}${verification.missing.length ? `, missing: ${verification.missing.join(', ')}` : ''}`,
    );
    this.answer(true);
    return { receipt, files };
  }
}

async function readVerification(file: string, manifestSha256: string): Promise<Verification> {
  const info = await stat(file).catch(() => null);
  if (!info || !info.isFile())
    throw new ExitkitError(`cannot read the verification ${file}: no such file`, {
      hints: ['write it with `exitkit verify MANIFEST --plan PLAN --json > FILE`'],
    });
  if (info.size > 64 * 1024 * 1024) throw new ExitkitError(`${file} is too large to be a verification`);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new ExitkitError(`${file} is not a verification: it is not JSON`, {
      hints: ['write it with `exitkit verify MANIFEST --plan PLAN --json > FILE`'],
    });
  }
  const problem = verificationProblem(raw, manifestSha256);
  if (problem)
    throw new ExitkitError(`${file}: ${problem}`, {
      hints: ['verify this manifest again with `exitkit verify MANIFEST --plan PLAN --json > FILE`'],
    });
  return raw as Verification;
}

/** The signer must be the client or the incoming provider of the plan. */
async function roleOf(plan: LoadedPlan, fingerprint: string): Promise<{ role: Role; name: string }> {
  for (const role of ['client', 'incoming', 'outgoing'] as const) {
    const party = plan.plan.parties[role];
    if (!party) continue;
    const key = await partyKey(plan, role);
    const pinned = key ? fingerprintOf(key) : party.fingerprint?.replaceAll(' ', '').toUpperCase();
    if (pinned !== fingerprint) continue;
    if (role === 'outgoing')
      throw new ExitkitError('the outgoing provider cannot acknowledge its own handover', {
        hints: ["sign with the client's or the incoming provider's key"],
      });
    return { role, name: party.name };
  }
  throw new ExitkitError(
    `the key ${fingerprint} is neither the client's nor the incoming provider's key in the plan ${plan.file}`,
    { hints: ['sign with the key the plan names for the client or the incoming provider'] },
  );
}
