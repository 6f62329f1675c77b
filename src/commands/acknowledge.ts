import { en } from '../core/i18n/terminal/en.js';
import { Args, Flags } from '@oclif/core';
import type { Receipt } from '../core/receipt.js';
import { BaseCommand } from '../lib/base-command.js';
import { passphraseFileFlag, passphraseSource, signingKeyFlag } from '../lib/flags.js';
import { acknowledge, type ReceiptFiles } from '../io/receipts.js';

export interface AcknowledgeResult {
  receipt: Receipt;
  files: ReceiptFiles;
}

export default class Acknowledge extends BaseCommand {
  static override summary = en.help.summary.acknowledge;
  static override description =
    "The client or the incoming provider signs its own receipt, <id>.receipt.client.json or <id>.receipt.incoming.json (the role found from the plan's keys; one party's receipt never touches the other's), with its armored detached signature .asc. It binds the manifest's SHA-256, the archive's digest, the verification verdict with its missing deliverables, the date and the party's reserves (--reserve, with --due and --deliverable; --lift ID lifts one). The verdict comes from --verification (what `verify --json` wrote) or from a verification run now against --plan. Acknowledging again makes the party's next receipt: the previous one is kept as <id>.receipt.<role>.<n>.json and the new one names it by its SHA-256; the latest counts. GnuPG verifies the signature; `exitkit verify --receipt` checks the receipt and its chain.";
  static override examples = [
    '<%= config.bin %> verify acme-exit-2026.manifest.json --plan exit-plan.yaml --json > verification.json\n<%= config.bin %> acknowledge acme-exit-2026.manifest.json --signing-key keys/acme.sec.asc --verification verification.json --plan exit-plan.yaml',
    '<%= config.bin %> acknowledge acme-exit-2026.manifest.json --signing-key keys/novait.sec.asc --plan exit-plan.yaml --reserve "restore test of fs01 failed" --deliverable fs01-backup --due 2027-01-15',
    '<%= config.bin %> acknowledge acme-exit-2026.manifest.json --signing-key keys/novait.sec.asc --plan exit-plan.yaml --lift I1',
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
    reserve: Flags.string({
      description:
        'a reserve: what is wrong or missing, in words (repeatable); the final payment waits until it is lifted',
      helpValue: 'TEXT',
      multiple: true,
    }),
    due: Flags.string({
      description:
        'when the reserve must be lifted (YYYY-MM-DD); once for every --reserve, or once after each',
      helpValue: 'DATE',
      multiple: true,
    }),
    deliverable: Flags.string({
      description: 'the deliverable a reserve concerns; once for every --reserve, or once after each',
      helpValue: 'ID',
      multiple: true,
    }),
    lift: Flags.string({
      description:
        'lift one of your open reserves by its id (C1, I2...), e.g. once the missing file came (repeatable)',
      helpValue: 'ID',
      multiple: true,
    }),
    force: Flags.boolean({
      hidden: true,
      deprecated: {
        message: 'receipts are never replaced: each acknowledgement is chained to the previous one',
      },
    }),
  };

  async run(): Promise<AcknowledgeResult> {
    const { args, flags } = await this.parse(Acknowledge);
    const { receipt, files } = await acknowledge({
      manifest: args.manifest,
      signingKey: flags['signing-key'] as string,
      passphrase: passphraseSource(flags, this.m),
      verification: flags.verification,
      plan: flags.plan,
      out: flags.out,
      reserve: {
        texts: flags.reserve ?? [],
        due: flags.due ?? [],
        deliverable: flags.deliverable ?? [],
        lift: flags.lift ?? [],
      },
      version: this.config.version,
    });
    const { signer, verification: v } = receipt;
    const { m } = this;
    this.log(m.acknowledge.receipt(files.json));
    this.log(m.acknowledge.signature(files.signature));
    this.log(
      m.acknowledge.signedBy(
        signer.fingerprint,
        signer.role ? m.acknowledge.party(m.role[signer.role], signer.name ?? '') : undefined,
        v.ok,
        v.missing,
      ),
    );
    if (files.previous) this.log(m.acknowledge.supersedes(files.previous));
    for (const r of receipt.reserves) this.log(m.receipt.reserveOpen(r.id, r.text, r.deliverable, r.due));
    if (!receipt.reserves.length) this.log(m.acknowledge.noReserve);
    this.answer(true);
    return { receipt, files };
  }
}
