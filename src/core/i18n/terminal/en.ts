/**
 * What the terminal says in English: the reference catalog. `Messages` is its type, so the
 * French catalog (fr.ts) cannot miss a key or take other parameters. Style (README.md,
 * "Commands"): lowercase, no final period; an `error:` line, then `hint:` lines that say what to do.
 */
import { plural } from './plural.js';

const count = (n: number, one: string, other: string) => `${n} ${plural('en', n, { one, other })}`;

type Role = 'client' | 'outgoing' | 'incoming';
type Status = 'pending' | 'ready' | 'delivered' | 'waived';
/** How a source changed under the bundle (`sealing.changed`). */
export type SourceChange = 'vanished' | 'listed' | 'grew' | 'changed' | 'replaced' | 'shrank';

export const en = {
  /**
   * `--help`: every word of it. The command classes take their summary, description and the
   * descriptions of their arguments and flags from here, in English (so are oclif's manifest and
   * docs/commands.md); src/lib/help.ts shows the same words in the terminal's language.
   */
  help: {
    summary: {
      acknowledge: 'Sign a receipt for a handover: the manifest, the archive, the verdict and the date.',
      bundle: 'Build the encrypted handover archive, its manifest and signature.',
      checklist: 'Write the handover record the parties sign (Markdown or printable HTML).',
      compensation:
        'Write the compensation summary (décompte de réversibilité): fees, penalties, VAT, amount due, and whether the final payment can be released.',
      extract: 'Verified extraction: the bag appears in DIR only when every check passed.',
      init: 'Write a commented starter exit plan.',
      validate: 'Check an exit plan: schema, meaning and key files.',
      verify: 'Check a handover: signature, archive, completeness, and with a key every file.',
      walk: 'Walk the deliverables of an exit plan: what is there, what is missing, what to do.',
      'keys:generate': 'Make an OpenPGP key pair for a party.',
      'keys:show': 'Show what a key is and what it can do.',
      'attest:deletion':
        "Sign the outgoing provider's attestation that the client's data was returned, then deleted.",
      rehearse:
        'Rehearse the exit with throwaway keys: walk, bundle, verify and extract, timed, and a report for the supervisor.',
    },
    /** As package.json says it (oclif reads topics from there). */
    topic: {
      keys: 'Make and inspect the OpenPGP keys of the parties.',
      attest: "The outgoing provider's signed attestations.",
    },
    /** As package.json's description says it (the first line of `exitkit --help`). */
    root: 'Makes the reversibility clause of an IT outsourcing contract executable: exit plan, encrypted BagIt handover archive, signed manifest, verification, checklist and compensation.',
    description: {
      acknowledge: `The client or the incoming provider signs its own receipt, <id>.receipt.client.json or <id>.receipt.incoming.json (the role found from the plan's keys; one party's receipt never touches the other's), with its armored detached signature .asc. It binds the manifest's SHA-256, the archive's digest, the verification verdict with its missing deliverables, the date and the party's reserves (--reserve, with --due and --deliverable; --lift ID lifts one). The verdict comes from --verification (what \`verify --json\` wrote) or from a verification run now against --plan. Acknowledging again makes the party's next receipt: the previous one is kept as <id>.receipt.<role>.<n>.json and the new one names it by its SHA-256; the latest counts. GnuPG verifies the signature; \`exitkit verify --receipt\` checks the receipt and its chain.`,
      bundle: `Writes into --out DIR: <id>.tar.pgp, one OpenPGP message (binary, SEIPD v1, uncompressed, which GnuPG 2.2 decrypts) holding a tar of one BagIt bag (RFC 8493), encrypted to the client and incoming provider keys of the plan and to every --recipient; <id>.manifest.json, the exit manifest, readable without a key; and <id>.manifest.json.asc, its armored detached signature by --signing-key, which must be the outgoing provider's key of the plan.

What goes in the payload: the files of every deliverable whose status is ready or delivered, under data/<category>/<deliverable-id>/. A pending deliverable stays out even when its files are all there (the status is the outgoing provider's word that this is the version to hand over: mark it ready with \`exitkit walk\`), and a waived one stays out by agreement. What walk refuses, bundle refuses: a deliverable whose \`exitkit walk\` findings include an error (a stale backup, a clear-text credential export, a missing or empty sole file) is not ready whatever its status says; bundle names it and exits 1, or with --allow-incomplete leaves it out and lists it as missing. The manifest records every deliverable's findings and each file's modification time. While a required deliverable is neither ready, delivered nor waived, the bundle is refused (exit 1, naming it) unless --allow-incomplete, which records complete: false and the missing ids in the manifest.

Deliveries in waves: bundling again into a DIR that holds a signed delivery of the plan makes the next delivery, <id>.delivery-2.manifest.json (then -3, …) with its archive <id>.delivery-2.tar.pgp and signature, whose manifest names its number and the previous delivery's manifest by file name and SHA-256. It carries only what is new or changed since the earlier deliveries (a file whose bag path, size and digest were already delivered is not packed again; a deliverable with nothing new stays out); with nothing new at all it writes nothing and exits 1. A delivery is never replaced, --force or not.

Each source file is read once, hashed (SHA-512 by default, --algorithm sha256) as it streams into the archive; a file that changes or vanishes meanwhile, a symbolic link or a special file is an error naming it. Everything is written beside the final paths and renamed at the end: after an error, Ctrl-C or SIGTERM nothing is left in DIR. Exits 0 when a complete bundle was written, 1 when the plan is incomplete (refused, or written anyway with --allow-incomplete), 2 when it could not be made.`,
      checklist: `The handover record (procès-verbal de réversibilité) the parties sign. One section a family, one row a deliverable: owner, due date, status (after a verified delivery, --manifest and --verification, a deliverable reads as delivered, with its delivery date), files (count and size; digests with --manifest), the verification result with --verification, waivers, the parties' receipts with --receipt (repeatable, one a party; the latest of each party's chain counts, checked against the plan's key of its role and the --manifest) and the reserves they record, open or lifted, with their due dates; a conclusion: accepted without reserves, with reserves (the open ones listed), or not acceptable yet (and why); the outgoing provider's deletion attestation with --attestation (scope, method, date, what is retained and why, signer; checked against the plan's outgoing key and the --manifest), late and missing flags; the inventory summarised from its CSV; the open actions every handover needs (rotate handed-over secrets, revoke the outgoing provider's access, move registrar, DNS and licence portals, confirm the restore test) with who does them; a glossary of the terms the record uses; sign-off blocks for the client, the outgoing and the incoming provider. Credentials are listed by name and file name only. Without --manifest, files are those found from the plan's sources. Exits 0 when the handover is complete per the inputs (every required deliverable handed over, intact when verified, or waived; and with --verification, a verification that holds; and every --receipt valid), 1 when it is not (a receipt that does not hold is named), 2 when it could not write the record or read a file given.`,
      compensation:
        "The fees are the price of the reversibility services (fixed amounts, or quantity × unit price): VAT applies to them, to the cent half up. Penalties name their cause (which deliverable, missing or how many days late) and the cap; only deliverables the outgoing provider owes cost it penalties, and a missing one never costs less than it would delivered late on the statement's date. By default (penalties.treatment: indemnity) penalties are outside the scope of VAT and set off against the amount due after VAT; with service_credit they lower the taxable base before VAT. The amount due is rounded half up to the plan's step (CHF: 0.05). The final payment is the part of it held back: releasable only when every condition of the plan's final_payment.release_when holds (default: a verification that decrypted and re-hashed every file, a complete handover, no open reserve), each listed met or not with its evidence from --verification, --receipt and --attestation. A verification without a key never counts as a decrypting one; the incoming provider's signed receipt of one does. Lateness is counted per deliverable to its delivery date (the creation date of the first delivery that carried it intact); without a manifest, to --date (default today). Amounts are exact decimals, written as strings in --json (\"21924.50\"). Exits 0 when the final payment is releasable, 1 when it is not, 2 for bad input.",
      extract: `Decrypts and reads the archive once, checking everything \`verify --decryption-key\` checks, while it writes into a private temporary folder beside DIR. Only when every check passed (signature by the pinned signer, archive digest, OpenPGP integrity, every file, the bag's own manifests, completeness) is the bag moved into DIR/<id>, each payload file with the modification time the signed manifest records (a backup's age stays visible). On any fault, or on Ctrl-C, nothing is left in DIR. Given the latest manifest of a chain of deliveries, it checks every delivery and writes one bag a delivery: DIR/<id> for the first, DIR/<id>.delivery-N for each later one. Not a merged tree: each bag stays exactly the bag that was signed and validates with any BagIt tool, and it shows what came in which delivery (a file changed later is in the later bag). Nothing is written unless every delivery passed. Entries with absolute paths, '..', links or devices are refused. Exits 0 when extracted, 1 when a fault was found, 2 when it could not check.`,
      init: `Writes DIR/exit-plan.yaml: the four families of deliverables (backups and data, passwords and access, configurations, documentation and inventory) and the usual extras (restore-test record, MFA recovery codes, registrar and DNS, licences and third-party contracts, records of processing), each with a one-line comment, the contract, the parties and the compensation to fill in. It writes the plan's JSON Schema beside it (exit-plan.schema.json, named relatively, so that editors complete and check the plan wherever it travels) and a .gitignore that keeps private keys (*.sec.asc) out of git (an existing .gitignore gains that line if it lacks it), and it passes \`exitkit validate\` as written. An existing plan is never overwritten without --force (exit 2).`,
      validate:
        'Checks the plan against its JSON Schema, then its meaning: unique ids, real dates in order, waivers with a reason and an approver, key files that parse as OpenPGP keys, sources inside the plan folder. Every problem is listed with file:line:column. Exits 0 when valid, 2 otherwise.',
      verify:
        "Checks the manifest's signature against the pinned signer (--signer, or the outgoing key of --plan; a manifest cannot pin its own signer), the archive's size and SHA-256, and completeness against the plan. With --decryption-key it also decrypts the archive as a stream and re-hashes every file against the signed manifest and the bag's own manifests; missing, extra, altered, truncated and unsafe entries are each named. Nothing decrypted is kept. Given the latest manifest of a chain of deliveries (<id>.delivery-N.manifest.json), it follows the chain back: every delivery's manifest signed by the pinned signer and matched by the SHA-256 the next one recorded, every delivery's archive checked (and decrypted with --decryption-key); completeness is judged over all deliveries. A missing, altered or re-signed delivery is a fault, named. Exits 0 when everything holds, 1 when a fault is found, 2 when it could not check.",
      walk: `Goes family by family (backups, credentials, configurations, documentation, inventory, other), resolves each deliverable's sources and runs its checks: present, non-empty, min_bytes, max_age_days (a backup older than that is stale), inventory CSV columns (with counts by type), credential exports in an encrypted format (KeePass KDBX, encrypted Bitwarden export, OpenPGP, age) or else flagged as clear text by name, never shown. Symlinks and special files are errors naming the path. An empty file is an error when it is the deliverable's only file, a warning among files that are not empty.

Freshness (max_age_days) is judged by each file's modification time, as the file system gives it: copy exports with their times kept (cp -p, rsync -t), and a file dated in the future is flagged. bundle refuses what walk refuses: a deliverable with an error is not ready, whatever its status says.

Files under the folders the sources point into that no deliverable claims are listed with their size: add them to a deliverable's sources, or list them under ignore: in the plan (globs relative to the plan).

On a terminal it then asks, deliverable by deliverable, whether to mark it ready, waive it (with a reason and who approved it) or leave it, and writes the statuses back into the plan, keeping its comments, order and formatting. One answer marks every deliverable whose files check out ready at once; the questions go on for the others. Nothing is written without an answer; interrupted (Ctrl-C), it writes the answers already given (exit 2). --no-input (or --json, or no terminal) only reports.

Exits 0 when every required deliverable is ready or waived, 1 otherwise, 2 when the plan cannot be read.`,
      'keys:generate': `Writes PREFIX.pub.asc (the public key, to hand to the other parties and to name in the plan) and PREFIX.sec.asc (the private key, to keep). The key is a v4 OpenPGP key that GnuPG 2.2 imports as it is: Ed25519 for signing with a Curve25519 encryption subkey by default, or RSA 4096 with --type rsa4096. It advertises no AEAD feature, so messages encrypted to it are SEIPD v1, which GnuPG 2.2 decrypts.

The private key is protected by a passphrase read from --passphrase-file, else EXITKIT_PASSPHRASE, else asked twice on the terminal (hidden); --no-passphrase makes an unprotected key. Existing files are never overwritten without --force.`,
      'keys:show':
        'Reads an armored OpenPGP key file (public or private, as exitkit keys generate or gpg --export --armor writes it) and shows its fingerprint, user ids, algorithms, creation and expiry dates, and whether it can sign and encrypt now. A private key is not unlocked: no passphrase is asked. Exits 0 when the key was read, 2 when the file is not a key.',
      'attest:deletion': `After the data was returned, the outgoing provider signs <id>.deletion.json and its armored detached signature .asc (GnuPG verifies it): the attestation that it destroyed its copies of the client's data (GDPR Art. 28(3)(g), nLPD, DORA Art. 30). It states the scope (--system and --dataset; the data sets default to every deliverable of the plan, and a deliverable id names that deliverable), the method (--method), the day the deletion was completed (--date, default today; never before the delivery, never in the future), what is kept and on which legal basis (--retained with its --basis, in pairs), and the delivery it follows: the file name and SHA-256 of the latest manifest (--manifest, else the latest <id>.manifest.json in --out, else beside the plan), which must be signed by the plan's outgoing key. --signing-key must be the outgoing provider's key of the plan. \`exitkit verify --attestation\`, \`checklist --attestation\` and \`compensation --attestation\` check it (the deletion_attested release condition). Exits 0 when the attestation was written; 1 when there is no delivery yet (nothing was returned, so the answer to "can the deletion be attested?" is no, as bundle answers for a plan that is not ready) or the manifest is not signed by the outgoing key; 2 when it could not attest: a file given that cannot be read, the wrong key or passphrase, a date or a pair of flags that do not hold.`,
      rehearse: `The exit, tested before it happens (DORA and FINMA ask that exit plans be tested), without a real key: the deliverables are walked as \`exitkit walk\` walks them; then a copy of the plan, its parties' keys replaced by throwaway Curve25519 keys made for the run and every deliverable whose files check out marked ready, goes through bundle, a verification that decrypts and re-hashes every file, and extract, in a private scratch folder inside DIR that is removed whatever happens (at the end, on an error, on Ctrl-C or SIGTERM). --sample N takes only the first N files of each deliverable, for a fast dry run. Each step is timed, and its duration extrapolated to the full payload from its measured throughput.

Writes into DIR rehearsal.md, rehearsal.html (printable) and rehearsal.json, in the plan's language (or --lang): the date, the plan's id and the SHA-256 of its file, who ran it, each step with its result and time, the payload rehearsed and the full one, the estimated duration of the exit, and every finding; with --signing-key (any key able to sign: the report names it), rehearsal.json.asc, its armored detached signature, which GnuPG verifies. Exits 0 when every step passed, 1 when one failed (a required deliverable missing, a fault found), 2 when the plan does not validate or the rehearsal could not be run.`,
    },
    /** The arguments, by name. */
    args: {
      plan: 'the exit plan (YAML)',
      manifest: 'the exit manifest (<id>.manifest.json)',
      dir: 'folder of the plan (created if needed)',
      key: 'armored OpenPGP key file',
    },
    /** The flags: those several commands share (src/lib), then each command's own. */
    flags: {
      common: {
        lang: 'language of the messages: fr or en (default: the locale, LC_ALL, LC_MESSAGES or LANG)',
        signingKey: 'armored private key that signs (a file written by `gpg --export-secret-keys --armor`)',
        passphraseFile:
          'file whose first line is the passphrase of the private key (else EXITKIT_PASSPHRASE, else a hidden prompt on a terminal)',
        decryptionKey: "armored private key of a recipient (the client's or the incoming provider's)",
        recipient: 'armored public key of one more recipient (repeat the flag for several)',
        jobs: 'volumes encrypted, hashed or decrypted side by side (default: the number of cores)',
      },
      document: {
        manifest:
          'the exit manifest `exitkit bundle` wrote (<id>.manifest.json): files, digests, signer, date',
        verification: 'what `exitkit verify --json` wrote: the verdict per deliverable',
        lang: "the document's language (default: the plan's): French, English, German or Italian; fr and en also set the language of the messages",
        format: 'Markdown or self-contained printable HTML (default: from --out or --template, else md)',
        template: 'your own Handlebars template, given the same data (.html.hbs for HTML, else Markdown)',
        out: 'write the document to this file (atomically) instead of stdout',
        date: 'the date of the document, and the day lateness is counted to without a manifest (default: today)',
        attestation: `the outgoing provider's deletion attestation (<id>.deletion.json, from \`exitkit attest deletion\`), checked against the plan's outgoing key and the --manifest it follows; the deletion_attested condition`,
      },
      acknowledge: {
        verification:
          'the verification to acknowledge: the JSON that `exitkit verify --json` wrote for this manifest',
        plan: `the exit plan: gives your role (client or incoming provider) from its keys, which names the receipt, and runs a verification when --verification is not given`,
        out: 'folder for the receipt (default: beside the manifest)',
        reserve: `a reserve: what is wrong or missing, in words (repeatable); the final payment waits until it is lifted`,
        due: `when the reserve must be lifted (YYYY-MM-DD); once for every --reserve, or once after each`,
        deliverable: `the deliverable a reserve concerns; once for every --reserve, or once after each`,
        lift: `lift one of your open reserves by its id (C1, I2...), e.g. once the missing file came (repeatable)`,
        forceDeprecated: `receipts are never replaced: each acknowledgement is chained to the previous one`,
      },
      bundle: {
        out: 'folder to write the three files into',
        signingKey: "the outgoing provider's armored private key, which signs the manifest",
        allowIncomplete:
          'bundle even while a required deliverable is not ready (the manifest says complete: false)',
        algorithm: 'digest of the BagIt manifests and the exit manifest',
        force:
          'replace files of the same plan id in DIR that are not a signed delivery of it (a signed delivery is never replaced: bundling again makes the next delivery)',
        volumeSize:
          'cut the archive into volumes <id>.vol-001.tar.pgp, …, each file under SIZE: bytes, or 512M, 4G (FAT32 media), at least 1M',
      },
      compensation: {
        receipt: `a signed receipt (<id>.receipt.client.json or .incoming.json, from \`exitkit acknowledge\`), checked against the plan's client and incoming keys and the --manifest; repeatable, one a party`,
      },
      extract: {
        to: 'the folder that receives the bag, as DIR/<id> (a later delivery as DIR/<id>.delivery-N)',
      },
      init: {
        lang: 'language of the comments, titles and rendered documents (and of these messages)',
        id: 'plan id (default: from the folder name)',
        force: 'replace an existing exit-plan.yaml',
      },
      verify: {
        plan: `the exit plan: pins the outgoing provider's key as the signer, completeness is checked against it, and its deliverables against the manifest's (a difference is a fault)`,
        signer: "the outgoing provider's public key (armored): the only key whose signature is accepted",
        archive:
          'the encrypted archive (default: the file the manifest names, beside it); with volumes, the folder that holds them',
        receipt: `a receipt (<id>.receipt.client.json or .incoming.json) to check too: signed by the plan's key for its role, for this manifest, with every earlier receipt of its chain`,
        attestation: `a deletion attestation (<id>.deletion.json) to check too: signed by the outgoing key of --plan, for this plan, following this delivery (its manifest's SHA-256), not dated before it`,
      },
      walk: { noInput: 'never ask: report only (for scripts and CI)' },
      keys: {
        name: "the party's name, as in the plan",
        email: "the party's contact address",
        out: `path prefix: writes PREFIX.pub.asc and PREFIX.sec.asc (its folder is made if missing)`,
        type: 'key algorithm',
        noPassphrase: 'leave the private key unprotected (for tests and throwaway keys)',
        force: 'overwrite existing key files',
      },
      attest: {
        signingKey: `the outgoing provider's armored private key, the one the plan names under parties.outgoing`,
        method: `how the data was destroyed, e.g. "NIST SP 800-88 purge", "crypto-erase", "physical destruction"`,
        date: `the day the deletion was completed (default: today, UTC)`,
        system: `a system the data was deleted from (repeatable), e.g. "FS01 backup repository"`,
        dataset: `a data set deleted (repeatable): a deliverable id of the plan, or words (default: every deliverable)`,
        retained: `data kept despite the deletion (repeatable, each with its --basis), e.g. "invoices"`,
        basis: `the legal basis for the --retained at the same place, e.g. "kept ten years, CO art. 958f"`,
        manifest: `the manifest of the delivery it follows (default: the latest <id>.manifest.json in --out, else beside the plan)`,
        out: `folder for <id>.deletion.json, where the delivery is looked for too (default: the manifest's folder)`,
        force: `replace an existing attestation`,
      },
      rehearse: {
        out: 'folder for the report (created if needed); the scratch folder lives there while the rehearsal runs',
        sample:
          'rehearse with only the first N files of each deliverable (a fast dry run); the duration is extrapolated to the full payload',
        signingKey:
          'armored private key that signs rehearsal.json (rehearsal.json.asc); the report names its holder',
        lang: "the report's language (default: the plan's): French, English, German or Italian; fr and en also set the language of the messages",
      },
    },
    /** oclif's section headings, as oclif 4 writes them. */
    /** The examples' descriptions, by command (the commands themselves are not words). */
    examples: {
      acknowledge: {
        fromVerification: 'The client keeps the verdict of verify, then signs a receipt for it',
        withPlan: 'The incoming provider verifies and signs in one step, the receipt written into receipts/',
        reserve: `The incoming provider acknowledges with a reserve on a deliverable, due on a date`,
        lift: `The same party lifts its reserve: its next receipt, chained to the first`,
      },
      bundle: {
        signed: "Build the handover into handover/, signed with the outgoing provider's key",
        recipient: 'The same, with the passphrase in a file and an auditor as one more recipient',
        incomplete: 'Build it even though a required deliverable is not ready, and print the result as JSON',
        volumes: 'Cut the archive into volumes under 4 GiB each, for a FAT32 disk',
      },
      checklist: {
        markdown: "The checklist as Markdown on stdout, in the plan's language",
        verified: 'With the manifest and the verification, as printable HTML',
        english: 'In English, as Markdown, into a file',
        template: 'With your own layout',
        receipts: "The record to sign, with both parties' receipts and their reserves, as printable HTML",
      },
      compensation: {
        verified: 'The statement from the manifest and the verification, as Markdown on stdout',
        receipt: "With the incoming provider's signed receipt, as printable HTML",
        beforeHandover: 'Before the handover: the penalties as of 20 December 2026, as JSON',
      },
      extract: {
        plan: 'The incoming provider extracts into handover/, the signer pinned by the plan',
        signer: "Without the plan: the signer's public key given, the passphrase in a file",
      },
      init: {
        here: 'A French plan in the current folder',
        folder: 'A French plan in exits/acme, created if needed',
        english: 'An English plan with its own id',
      },
      validate: { plan: 'Check a plan', json: 'The problems as JSON' },
      verify: {
        plan: 'Check the signature, the archive and completeness against the plan',
        decrypt: 'Without the plan, with a key: decrypt and re-hash every file',
        json: 'Keep the verdict as JSON (for acknowledge, checklist and compensation)',
        receipt: 'Check a receipt too',
        attestation: `Check the outgoing provider's deletion attestation too`,
      },
      walk: {
        ask: 'Walk a plan, then answer for each deliverable',
        report: 'Only report (for scripts and CI)',
        json: 'The report as JSON',
      },
      keysGenerate: {
        outgoing: "The outgoing provider's key, its passphrase asked on the terminal",
        rsa: 'An RSA 4096 key, the passphrase read from a file',
        throwaway: 'A throwaway key without a passphrase (for tests)',
      },
      keysShow: { public: 'A public key', private: 'A private key, as JSON' },
      attestDeletion: {
        outDir: `Attest into the handover folder, naming the systems and what is kept, and why`,
        manifest: `Attest after a given delivery, for two data sets, with the day the deletion was completed`,
      },
      rehearse: {
        sample: 'A fast dry run on two files of each deliverable, the report in handover-test/',
        signed: 'The whole payload, the report signed for the supervisor',
      },
    },
    /** What a flag's value or an argument stands for (an argument's by its name). */
    placeholders: {
      file: 'FILE',
      key: 'KEY',
      dir: 'DIR',
      plan: 'PLAN',
      prefix: 'PREFIX',
      date: 'YYYY-MM-DD',
      manifest: 'MANIFEST',
      text: `TEXT`,
      id: `ID`,
      n: 'N',
      size: 'SIZE',
    },
    headings: {
      usage: 'USAGE',
      arguments: 'ARGUMENTS',
      flags: 'FLAGS',
      globalFlags: 'GLOBAL FLAGS',
      description: 'DESCRIPTION',
      examples: 'EXAMPLES',
      commands: 'COMMANDS',
      topics: 'TOPICS',
      version: 'VERSION',
    },
    /** oclif's other words, as oclif 4 and its help and autocomplete plugins write them. */
    oclif: {
      json: 'Format output as json.',
      required: '(required)',
      default: '[default: ',
      options: '<options: ',
      option: '<option>',
      value: '<value>',
      helpCommand: 'Display help for <%= config.bin %>.',
      autocompleteCommand: 'Display autocomplete installation instructions.',
      autocompleteShell: 'Shell type',
      autocompleteRefresh: 'Refresh cache (ignores displaying instructions)',
      command: 'COMMAND',
    },
  },
  label: {
    error: 'error: ',
    hint: 'hint: ',
    warning: 'warning: ',
    info: 'info: ',
  },
  /** The plan's families and statuses, as the terminal names them (the plan's own words in English). */
  category: {
    backups: 'backups',
    credentials: 'credentials',
    configurations: 'configurations',
    documentation: 'documentation',
    inventory: 'inventory',
    other: 'other',
  },
  status: {
    pending: 'pending',
    ready: 'ready',
    delivered: 'delivered',
    waived: 'waived',
  } as Record<Status, string>,
  /** Clauses of one fault or line, one after another ("its size …; its sha256 …"). */
  clauses: (parts: readonly string[]) => parts.join('; '),
  /** What a text is about (a file, a deliverable), then the text. */
  about: (subject: string, text: string) => `${subject}: ${text}`,
  units: {
    bytes: (n: number) => count(n, 'byte', 'bytes'),
    /** `power` 0 is KiB, 1 MiB, 2 GiB, 3 TiB. */
    size: (v: number, power: number) => `${v.toFixed(1)} ${['KiB', 'MiB', 'GiB', 'TiB'][power]}`,
  },
  cli: {
    interrupted: (signal: string) => `interrupted by ${signal}: nothing was written`,
    /** oclif's own usage errors (already on one line, lowercase) are English. */
    usage: (message: string) => message,
    seeHelp: (command: string) => `\`${command}\` shows the usage and examples`,
    passphraseFlag:
      'a passphrase is never given as a flag value (it would stay in the shell history and the process list): use --passphrase-file FILE, the EXITKIT_PASSPHRASE environment variable, or the hidden prompt on a terminal',
    unexpected: 'run again with DEBUG=exitkit* for details, or report it',
  },
  system: {
    noSuchFile: (path?: string) => `no such file or folder${path ? ` (${path})` : ''}`,
    permissionDenied: (path?: string) => `permission denied${path ? ` (${path})` : ''}`,
    diskFull: (path?: string) => `the disk is full${path ? ` (${path})` : ''}`,
    folderForFile: (path?: string) =>
      `a folder was found where a file was expected${path ? ` (${path})` : ''}`,
    fileForFolder: (path?: string) =>
      `a file was found where a folder was expected${path ? ` (${path})` : ''}`,
  },
  files: {
    wrote: (file: string) => `wrote ${file}`,
    exists: (file: string) => `${file} already exists: it was not overwritten`,
    existsHint: 'remove it, or give --force to replace it',
    cannotWrite: (file: string, reason: string) => `cannot write ${file}: ${reason}`,
    cannotWriteHint: 'check that its folder exists and can be written',
  },
  plan: {
    problems: (file: string, n: number) => `${file} has ${count(n, 'problem', 'problems')}`,
    cannotRead: (file: string, why: string) => `cannot read the plan ${file}: ${why}`,
    denied: 'permission denied',
    noSuchFile: 'no such file',
    givePlan: 'give the path of an exit plan (YAML); `exitkit init` writes a starter plan',
    checkReadable: 'check that the file is readable',
    notAFile: (file: string) => `the plan ${file} is not a file`,
    notAFileHint: 'give the path of a YAML file',
    tooLarge: (mib: number, bytes: number) =>
      `the plan goes on past ${mib} MiB (${bytes} bytes): too large for an exit plan`,
    tooLargeHint: 'check that you named the plan, not an export or an archive',
    exportKey: (key: string) =>
      `export it with \`gpg --export --armor FINGERPRINT > ${key}\`, or make one with \`exitkit keys generate\``,
    keyMissing: (role: Role, key: string) => `the ${role} key file ${key} does not exist`,
    keyMissingHint: (abs: string, exportHint: string) =>
      `the path is relative to the plan's folder (${abs}); ${exportHint}`,
    keyNotAFile: (role: Role, key: string) => `the ${role} key ${key} is not a file`,
    keyNotPinned: (key: string, fingerprint: string) =>
      `the key file ${key} has fingerprint ${fingerprint}, not the pinned one`,
    keyNotPinnedHint: 'check which key file the plan names, or correct the pinned fingerprint',
    keyPrivate: (role: Role, key: string) => `the ${role} key file ${key} holds a private key`,
    keyPrivateHint:
      'a plan needs only the public key (`gpg --export --armor`); keep private keys out of the plan folder',
    keyUnreadable: (role: Role, key: string, tooLarge: boolean) =>
      `the ${role} key file ${key} is ${tooLarge ? 'too large to be a key' : 'not an armored OpenPGP public key'}`,
  },
  parse: {
    notAPlan: (file: string) => `${file} is not a valid plan`,
    notYaml: (file: string) => `${file} is not valid YAML`,
    notSchema: (file: string) => `${file} does not follow the plan's schema`,
    tooDeep: (max: number) => `the plan nests more than ${max} levels deep`,
    tooDeepHint:
      'an exit plan nests a few levels (deliverables, their checks); check for runaway brackets or dashes',
    notAMapping: (shape: 'empty' | 'list' | 'value') =>
      shape === 'empty'
        ? 'the plan is empty'
        : `the plan must be a mapping of keys (version, id, title, ...), not ${shape === 'list' ? 'a list' : 'a single value'}`,
    startFromInit: 'start from `exitkit init`, which writes a commented starter plan',
    utf16: 'this file is UTF-16 or UTF-32 text; a plan is UTF-8',
    utf16Hint: 'save it again as UTF-8 (most editors: "Save with encoding")',
    binary: 'this file is binary, not YAML (it holds a NUL byte)',
    binaryHint: 'give the path of the exit plan (a text YAML file), not an export or an archive',
    notUtf8: (byte: string, offset: number) =>
      `this file is not valid UTF-8 (byte ${byte} at offset ${offset})`,
    notUtf8Hint: 'save the plan as UTF-8 (it was probably saved as Latin-1 or Windows-1252)',
  },
  yaml: {
    /** `code` is the YAML parser's error code, `message` its own (English) words. */
    syntax: (_code: string, message: string) => `YAML syntax: ${message}`,
    quoteNotClosed: 'YAML syntax: this quote is never closed',
    duplicateKey: (key?: string) =>
      key ? `the key ${key} appears twice in this mapping` : 'a key appears twice in this mapping',
    multipleDocs: 'the file holds more than one YAML document',
    tooDeep: 'the plan nests too deeply to read',
    unknownTag: (tag: string) => `unknown YAML tag ${tag}`,
    unknownTagHint: 'remove the tag; an exit plan uses plain values',
    aliasWithoutAnchor: (alias: string) => `YAML alias without an anchor before it (${alias})`,
    aliasWithoutAnchorHint: 'define the anchor (&name) before the alias (*name), or write the value out',
    aliasBomb: (max: number) => `the plan's YAML aliases expand beyond ${max} copies (an expansion bomb)`,
    unreadable: (message: string) => `the plan cannot be read: ${message}`,
    aliasBombHint: 'write the values out instead of repeating anchors (&name) and aliases (*name)',
    closeQuote: 'close the quote opened here, at the end of its value',
    listItem: "this line is indented like a list item: start it with '- ', or align it with the keys above",
    closeBracket: 'close the bracket opened before this place, or indent it more',
    fixHere: 'fix the YAML at this place (indentation, quotes, a missing colon)',
    hints: {
      DUPLICATE_KEY: 'a key may appear once in a mapping: remove or rename one of the two',
      MULTIPLE_DOCS: "a plan is one YAML document: remove the '---' line and what follows, or split the file",
      TAB_AS_INDENT: 'indent with spaces, not tabs',
      BAD_INDENT: 'align this line with the other keys of the same level',
      BLOCK_AS_IMPLICIT_KEY: 'a key needs a colon and a space after it ("key: value")',
      MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; quote a value that holds a colon',
      UNEXPECTED_TOKEN: 'remove or quote the character at this place',
      BAD_SCALAR_START: 'quote this value: it starts with a character YAML reserves (@, `, %)',
      BAD_DQ_ESCAPE:
        'in double quotes a backslash starts an escape: write \\\\ for one backslash, or use single quotes',
    },
  },
  schema: {
    thePlan: 'the plan',
    value: { list: 'a list', empty: 'empty', mapping: 'a mapping' },
    type: {
      string: 'text',
      boolean: 'true or false',
      array: "a list (lines starting with '- ', or [a, b])",
      object: 'a mapping of keys (key: value)',
      integer: 'a whole number',
      number: 'a number',
    },
    lacks: (field: string, key: string) => `${field} lacks "${key}"`,
    lacksHint: (key: string, field?: string) =>
      `add ${key}: under ${field ?? 'the top level'} (plans/exit-plan.schema.json lists every key)`,
    unknownKey: (key: string, field: string) => `unknown key "${key}" in ${field}`,
    didYouMeanQuoted: (word: string) => `did you mean "${word}"?`,
    didYouMean: (word: string) => `did you mean ${word}?`,
    checkSpelling: (known: string) => `check its spelling; the known keys here are ${known}`,
    oneOf: (field: string, value: string, allowed: string[]) =>
      `${field} is ${value}: it must be one of ${allowed.join(', ')}`,
    useListed: 'use one of the listed values',
    version: (value: string) => `version ${value} is not a plan version this exitkit reads`,
    versionHint:
      'this exitkit reads plans of version 1: write version: 1, or use the exitkit that wrote this plan',
    mustBe: (field: string, value: string) => `${field} must be ${value}`,
    write: (value: string) => `write ${value}`,
    notBoolean: (field: string, value: string) => `${field} is ${value}: it must be true or false`,
    booleanHint: (key: string) =>
      `write ${key}: true or ${key}: false (yes, no, on and off are text in YAML 1.2)`,
    notText: (field: string, kind: 'number' | 'boolean', value: string) =>
      `${field} is the ${kind} ${value}: it must be text`,
    quoteIt: (key: string, value: string) => `quote it: ${key}: "${value}"`,
    wrongType: (field: string, value: string, want: string) => `${field} is ${value}: it must be ${want}`,
    wrongTypeHint: (field: string, want: string) => `write ${field} as ${want}`,
    badId: (field: string, value: string) =>
      `${field} is ${value}: it must use lowercase letters, digits and '-'`,
    badIdHint: 'it is used in file names, e.g. acme-exit-2026 or fs01-backup',
    badCurrency: (field: string, value: string) => `${field} is ${value}: it must be an ISO 4217 code`,
    badCurrencyHint: 'e.g. CHF or EUR, in capitals',
    badFingerprint: (field: string, value: string) =>
      `${field} is ${value}: it must be a key fingerprint (40 or 64 hex digits)`,
    badFingerprintHint: '`exitkit keys show KEY` or `gpg --fingerprint` prints it',
    badDate: (field: string, value: string) => `${field} is ${value}: it must be a date written YYYY-MM-DD`,
    badDateHint: 'e.g. 2026-12-31',
    badForm: (field: string, value: string) => `${field} is ${value}: it is not in the expected form`,
    badFormHint: (pattern: string) => `it must match ${pattern}`,
    negativeAmount: (field: string, value: string) => `${field} is ${value}: an amount cannot be negative`,
    negativeAmountHint: 'write the amount without a minus sign',
    thousands: (field: string, value: string) => `${field} is ${value}: an amount has no thousands separator`,
    decimalComma: (field: string, value: string) => `${field} is ${value}: an amount uses a decimal point`,
    notAmount: (field: string, value: string) => `${field} is ${value}: it must be a decimal amount`,
    notAmountHint: 'write it like 4500 or 1200.50, without a currency sign or separators',
    negative: (field: string, value: string) => `${field} is ${value}: it cannot be negative`,
    negativeHint: 'write 0 or more',
    empty: (field: string) => `${field} is empty`,
    emptyHint: (key: string) => `write a value for ${key}, or remove the key`,
    twice: (field: string) => `${field} names the same value twice`,
    twiceHint: 'keep each value once',
    badLabel: (field: string, value: string) =>
      `${field} is ${value}: it must be a text, or one text per language (fr, en, de, it)`,
    badLabelHint: 'e.g. {fr: Forfait de réversibilité, en: Reversibility fee}',
    tooLong: (field: string) => `${field} is too long`,
    tooLongHint: 'shorten it',
    /** `said` is the schema validator's own (English) words. */
    invalid: (field: string, said?: string) => `${field} ${said ?? 'is not valid'}`,
    seeSchema: 'see plans/exit-plan.schema.json',
  },
  meaning: {
    notADate: (value: string) => `${value} is not a date that exists`,
    notADateHint: 'write a real calendar date as YYYY-MM-DD',
    contractEndsBeforeStart: (end: string, start: string) =>
      `the contract ends (${end}) before it starts (${start})`,
    contractEndsBeforeStartHint: 'check contract.start and contract.end',
    reversibilityEndsBeforeStart: (end: string, start: string) =>
      `the reversibility phase ends (${end}) before it starts (${start})`,
    reversibilityEndsBeforeStartHint: 'swap or correct the two dates',
    reversibilityAfterContract: (start: string, end: string) =>
      `the reversibility phase starts (${start}) after the contract ends (${end})`,
    reversibilityAfterContractHint: 'the exit is usually prepared before the end date',
    duplicateId: (id: string, first: number) =>
      `deliverable id "${id}" is used twice (first at deliverables[${first}])`,
    duplicateIdHint: 'give every deliverable its own id',
    waivedWithoutWaiver: (id: string) => `"${id}" is waived without a waiver`,
    waivedWithoutWaiverHint: 'add waiver: {reason: ..., approved_by: client} (a waiver is not a silent gap)',
    waiverNoReason: (id: string) => `the waiver of "${id}" has no reason`,
    waiverNoReasonHint: 'say why in waiver.reason',
    waiverNoApprover: (id: string) => `the waiver of "${id}" does not say who approved it`,
    waiverNoApproverHint: 'set waiver.approved_by (usually client)',
    waiverButStatus: (id: string, status: string) => `"${id}" has a waiver but its status is ${status}`,
    waiverButStatusHint: 'set status: waived, or remove the waiver',
    noSources: (id: string) => `"${id}" has no sources: nothing can be checked or bundled for it`,
    listSources: 'list its files, folders or globs under sources',
    outsideDotDotHint:
      "write it without '..' segments, relative to the plan's folder; or move the files under it, or set allow_external_sources: true at the top of the plan",
    dueAfterContract: (id: string, due: string, end: string) =>
      `"${id}" is due (${due}) after the contract ends (${end})`,
    notPlainDecimal: (value: string) => `${value} is not a plain decimal amount`,
    notPlainDecimalHint: 'write digits with an optional decimal point, e.g. 4500 or 8.1',
    vatOver100: (value: string) => `VAT of ${value} % is more than 100 %`,
    vatOver100Hint: 'write the rate in percent, e.g. 8.1',
    roundingZero: 'the rounding step is 0',
    roundingZeroHint: 'write the smallest step of the total, e.g. 0.05 for CHF or 0.01',
    capOver100: (value: string) => `the penalty cap of ${value} % is more than the fees`,
    capOver100Hint: 'the cap is a percent of the fees, usually 5 to 20',
    feeShape: (label: string) => `fee "${label}" needs either amount, or quantity and unit_price`,
    feeShapeHint: 'write {label, amount} or {label, quantity, unit, unit_price}',
  },
  /** The plan's exit section, and the rules that require it (core/exit-checks.ts). */
  exitPlan: {
    rule: {
      dora: 'DORA Art. 28(8)',
      eba: 'EBA GL 2019/02 §§106-108',
      finma: 'FINMA circular 2018/3',
    },
    sectionMissing: (regulation: string) =>
      `regulation: ${regulation} requires an exit: section, and the plan has none`,
    sectionMissingHint: (rule: string) =>
      `${rule} asks for a documented exit plan: add exit: {triggers, scenarios, roles, success_criteria, next_review} (exitkit init writes one, commented)`,
    partMissing: (part: string, regulation: string) =>
      `exit.${part} is missing or empty, and regulation: ${regulation} requires it`,
    partHint: {
      triggers: (rule: string) =>
        `list what starts the exit: the contract's end or termination, the provider's insolvency or breach, a supervisor's order (${rule})`,
      scenarios: (rule: string) =>
        `describe the planned exit and the unplanned ones (provider insolvency, stressed exit), each as {title, description, target_days} (${rule})`,
      roles: (rule: string) =>
        `name who runs the exit for each party, with a deputy: {party, role, person: {name, contact}, deputy: {name, contact}} (${rule})`,
      success_criteria: (rule: string) =>
        `say what must hold for the exit to count as done, e.g. the restore test passed, the deletion attested (${rule})`,
      next_review: (rule: string) =>
        `write when the parties review this plan next, as YYYY-MM-DD (${rule}: the exit plan is reviewed periodically)`,
    },
    partyUnnamed: (party: Role, regulation: string) =>
      `exit.roles names no one for ${{ client: 'the client', outgoing: 'the outgoing provider', incoming: 'the incoming provider' }[party]}, and regulation: ${regulation} requires it`,
    partyUnnamedHint: (party: Role, rule: string) =>
      `add {party: ${party}, role, person: {name, contact}, deputy: {name, contact}} (${rule})`,
    noDeputy: (name: string, role: string) => `${name} (${role}) has no deputy`,
    noDeputyHint: (rule: string) =>
      `add deputy: {name, contact}, so that the exit never waits on one person (${rule})`,
    reviewPast: (review: string, today: string) =>
      `the exit plan was due for review on ${review} (today is ${today})`,
    reviewPastHint: (rule: string) =>
      `review the plan with the parties, then set exit.next_review to the next review date${rule}`,
    reviewRule: (rule: string) => ` (${rule}: the exit plan is reviewed periodically)`,
  },
  sources: {
    outside: (source: string) => `source "${source}" points outside the plan's folder`,
    noMatch: (source: string) => `no file matches "${source}"`,
    cannotRead: (path: string) => `cannot read ${path}`,
    cannotList: (path: string) => `cannot list the folder ${path}`,
    doesNotExist: (path: string) => `${path} does not exist`,
    fileNotFolder: (path: string, source: string) =>
      `${path} is a file, but the plan names the folder "${source}"`,
    emptyFolder: (path: string) => `the folder ${path} holds no files`,
    outsideThroughLink: (path: string) =>
      `${path} leads outside the plan's folder (through a symlinked folder)`,
    throughLinkedFolder: (path: string) =>
      `${path} is reached through a symbolically linked folder; links are not followed`,
    duplicate: (path: string, twin: string, rel: string) =>
      `${path} and ${twin} would both be stored as "${rel}" in this deliverable`,
    symlink: (path: string) => `${path} is a symbolic link; links are not followed`,
    special: (path: string, kind: string) => `${path} is ${kind}, not a regular file`,
    kind: {
      fifo: 'a named pipe (fifo)',
      socket: 'a socket',
      device: 'a device',
      special: 'a special file',
    },
    /** What to do for each kind of source problem. */
    hint: {
      missing: 'export it to that path, or correct the sources of this deliverable',
      empty: 'put the exported files in it, or correct the sources of this deliverable',
      symlink: 'links are never followed: copy the file itself in its place (cp -L), or list the real path',
      special: 'only regular files can be handed over: remove it or export its content to a file',
      outside:
        'move the files under the plan folder, or set allow_external_sources: true at the top of the plan',
      unreadable: 'give the user running exitkit read access to it (chmod/chown)',
      duplicate: 'two files would share one name in the archive: rename one, or split the sources',
    },
  },
  /** What walk refuses, bundle refuses; empty files among others; files no deliverable claims. */
  walkRefuses: {
    noFile: (sources: string[]) => `its sources name no file (${sources.join(', ')})`,
    emptyAmongOthers: (path: string) => `${path} is empty (0 bytes), among files that are not`,
    emptyAmongOthersHint: 'export it again if it should hold something; the other files are handed over',
    refused: (lines: string[]) =>
      `not ready, whatever the plan's status says: the walk finds errors in ${plural('en', lines.length, { one: 'this deliverable', other: 'these deliverables' })}\n  ${lines.join('\n  ')}`,
    refusedHint: 'fix what `exitkit walk` lists for it, or set it back to `status: pending`',
    /** A refused deliverable in one line: its id and the walk's errors. */
    line: (id: string, errors: readonly string[]) => `${id}: ${errors.join('; ')}`,
    leftOut: (line: string) => `note: left out of the payload, its checks fail: ${line}`,
    unclaimed: (n: number, bytes: string) =>
      `${count(n, 'file', 'files')} (${bytes}) under the sources' folders that no deliverable claims`,
    unclaimedFile: (path: string, size: string) => `${path} (${size})`,
    unclaimedMore: (n: number) => `and ${n} more`,
    unclaimedHint:
      "add them to a deliverable's sources, or list them under ignore: in the plan (globs relative to the plan)",
  },
  inventory: {
    lineTooLong: (file: string, max: number) =>
      `${file} has a line longer than ${max} characters: it is not a CSV inventory`,
    lineTooLongHint: 'export the inventory as CSV (one item a line) from the spreadsheet',
  },
  walk: {
    header: (file: string, title: string, id: string, n: number) =>
      `${file}: ${title} (${id}), ${count(n, 'deliverable', 'deliverables')}`,
    entry: (id: string, title: string, state: string) => `${id}: ${title} [${state}]`,
    optional: 'optional',
    files: (n: number) => count(n, 'file', 'files'),
    waived: (reason: string, by: string, date?: string) =>
      `waived: ${reason} (approved by ${by}${date ? `, ${date}` : ''})`,
    waivedWithoutWaiver: 'waived without a waiver',
    waivedWithoutWaiverHint: 'add waiver: {reason: ..., approved_by: client}',
    noSources: 'no sources: nothing to check or hand over',
    emptyFile: (path: string) => `${path} is empty (0 bytes)`,
    emptyFileHint: 'export it again: an empty file hands nothing over',
    tooSmall: (path: string, size: string, min: string) =>
      `${path} is ${size}, less than the ${min} expected (min_bytes)`,
    tooSmallHint: 'check that the export finished; a truncated export is not a handover',
    stale: (path: string, day: string, age: number, max: number) =>
      `${path} is stale: last modified ${day}, ${count(age, 'day', 'days')} ago (max_age_days: ${max})`,
    staleBackupHint: 'run a fresh backup and export it again',
    staleHint: 'export a fresh copy',
    future: (path: string, day: string) => `${path} is dated in the future (${day})`,
    futureHint: 'check the clock of the machine that exported it',
    noFreshness: 'no freshness check',
    noFreshnessHint: 'set checks.max_age_days: a backup from last year is not a handover',
    clearText: (path: string) => `${path} is not in an encrypted format: treated as passwords in clear text`,
    clearTextAllowedHint:
      'allowed by checks.allow_cleartext; it is still encrypted in the bundle, but prefer a KeePass (KDBX) export',
    clearTextHint:
      'export the vault as KeePass (KDBX) or an encrypted Bitwarden export, or encrypt the file with gpg or age',
    encrypted: (path: string, format: string) => `${path} is ${format}`,
    /** The encrypted formats a credential export may take. */
    format: {
      kdbx: 'a KeePass database (KDBX)',
      kdb: 'a KeePass 1 database (KDB)',
      openpgp: 'an OpenPGP-encrypted file',
      age: 'an age-encrypted file',
      bitwarden: 'an encrypted Bitwarden export',
    },
    noCsv: 'no CSV file among the sources',
    noCsvHint: 'export the inventory as CSV (type, name, location columns)',
    cannotBeRead: 'cannot be read',
    csvAgainHint: 'export the inventory again as CSV (UTF-8)',
    lacksColumns: (path: string, missing: string[], has: string[]) =>
      `${path} lacks the ${plural('en', missing.length, { one: 'column', other: 'columns' })} ${missing.join(', ')} (it has ${has.join(', ') || 'no header'})`,
    lacksColumnsHint: (missing: string[]) => `add ${missing.join(', ')} to its header row`,
    noItems: (path: string) => `${path} lists no items`,
    noItemsHint: 'export the inventory with its rows',
    items: (path: string, rows: number, types: Array<[string, number]>) =>
      `${path}: ${count(rows, 'item', 'items')}${types.length ? ` (${types.map(([t, n]) => `${n} ${t}`).join(', ')})` : ''}`,
    unspecifiedType: '(unspecified)',
    markedButFailing: (status: Status) => `marked ${status}, but its checks fail`,
    markedButFailingHint: 'fix what is listed below, or set its status back to pending',
    notMarked: 'its files check out, but it is not marked ready',
    notMarkedHint: 'mark it ready (`exitkit walk` on a terminal), or set status: ready in the plan',
    late: (due: string, days: number) => `due ${due}: ${count(days, 'day', 'days')} late`,
    lateHint: 'hand it over, or agree a waiver with the client',
    summary: (s: {
      ready: number;
      waived: number;
      notReady: number;
      deliverables: number;
      errors: number;
      warnings: number;
    }) =>
      `summary: ${s.ready} ready, ${s.waived} waived, ${s.notReady} not ready, of ${s.deliverables}; ${count(s.errors, 'error', 'errors')}, ${count(s.warnings, 'warning', 'warnings')}`,
    allReady: (next: string) => `every required deliverable is ready or waived: next, \`${next}\``,
    blocking: (ids: string) => `not ready (required): ${ids}`,
    blockingNext:
      'next: fix the errors above, then mark each deliverable ready (`exitkit walk` on a terminal) or waive it',
    wrote: (file: string, ids: string) => `${file}: wrote the status of ${ids}`,
    nowReady: 'every required deliverable is now ready or waived',
    stillBlocking: (ids: string) => `still not ready (required): ${ids}`,
    unchanged: 'nothing changed in the plan',
    changedOnDisk: (file: string) => `${file} changed on disk during the walk: the statuses were not written`,
    changedOnDiskHint: 'run `exitkit walk` again to review it with the latest edits',
    planWritableHint: 'check that the plan and its folder are writable',
  },
  bundle: {
    /** The signed manifest would be larger than verify reads (`limit` bytes). */
    manifestTooLarge: (files: number, size: number, limit: number) =>
      `${count(files, 'file', 'files')}: the signed manifest would be about ${Math.ceil(size / 2 ** 20)} MiB, and verify reads at most ${limit / 2 ** 20} MiB: nothing was written`,
    manifestTooLargeHint:
      'pack small files into a few archives (a zip or a tar of the share) before bundling, or hand the deliverables over in several deliveries (bundle again into the same --out DIR)',
    sameName: (one: string, other: string, bagPath: string) =>
      `${one} and ${other} would both be ${bagPath} in the bag (names equal once in NFC)`,
    sourceProblems: (plan: string, problems: string[]) =>
      `cannot bundle ${plan}: ${count(problems.length, 'problem', 'problems')} with the sources\n  ${problems.join('\n  ')}`,
    sourceProblemsHint:
      'fix them, or set the deliverable back to pending; `exitkit walk` shows each deliverable',
    incomplete: (missing: string[]) =>
      `the plan is incomplete: required ${plural('en', missing.length, { one: 'deliverable', other: 'deliverables' })} not ready: ${missing.join(', ')}`,
    incompleteHint: 'finish them and mark them ready with `exitkit walk`, or waive them with a reason',
    allowIncompleteHint:
      'or add --allow-incomplete to hand over what there is (the manifest then says complete: false)',
    pendingLeftOut: (ids: string) => `note: pending deliverables left out of the payload: ${ids}`,
    exists: (file: string) => `${file} exists already`,
    existsHint: 'choose another --out DIR, or add --force to replace the previous bundle',
    notAFolder: (dir: string) => `${dir} is not a folder`,
    notAFolderHint: 'give --out a folder',
    cannotReadSource: (source: string, reason: string) =>
      `cannot read the source ${source}: ${reason}: nothing was written`,
    cannotReadSourceHint: 'check that the user running exitkit can read it (ls -l), then bundle again',
    cannotWrite: (dir: string, reason: string) =>
      `cannot write the bundle into ${dir}: ${reason}: nothing was left there`,
    diskFullHint:
      'free some space on that disk (the archive is about as large as the payload), or choose another --out DIR',
    cannotWriteHint: 'check that the folder exists and can be written, or choose another --out DIR',
    done: (b: {
      id: string;
      /** Counted as fileCount.payloadAndTags says. */
      files: string;
      bytes: string;
      archive: string;
      size: string;
      missing?: string[] | undefined;
      recipients: string[];
      signer: string;
      seconds: number;
    }) =>
      `${b.id}: ${b.files}, ${b.bytes} in ${b.archive} (${b.size}), ` +
      `${b.missing ? `INCOMPLETE (missing: ${b.missing.join(', ')})` : 'complete'}; ` +
      `encrypted to ${b.recipients.join(', ')}; signed by ${b.signer}; ${b.seconds.toFixed(1)} s`,
  },
  /** The archive cut into volumes (bundle --volume-size), and how verify and extract judge them. */
  volumes: {
    badSize: (given: string) => `--volume-size ${given} is not a size of at least 1 MiB`,
    badSizeHint:
      'give it in bytes or with a unit: 512M, 4G (each volume file stays under that size: 4G fits a FAT32 disk)',
    badJobs: (given: string) => `--jobs ${given} is not a whole number of at least 1`,
    badJobsHint:
      'give how many volumes to work on side by side, e.g. --jobs 4 (default: the number of cores)',
    /** A volume that came out too large (a bug). */
    overSize: (limit: number) => `a volume came out at ${limit} bytes or more`,
    several: (n: number, first: string, last: string) =>
      n === 1 ? `1 volume, ${first}` : `${n} volumes, ${first} … ${last}`,
    listedTwice: (file: string) => `archive.volumes lists ${file} twice`,
    missing: 'it is missing: send it again',
    extra: 'it lies beside the volumes but the signed manifest does not list it',
    faulty: (n: number) => `${count(n, 'volume', 'volumes')} NOT as signed`,
    inVolume: (file: string, why: string) => `in ${file}: ${why}`,
    /** A line of the report a volume: its file, then as signed, or why not. */
    line: (file: string, size: number | null, reason?: string) =>
      reason === undefined ? `${file}: ${size} bytes as signed` : `${file}: ${reason}`,
    /** The report's archive line: the volumes' folder and pattern, how many, how many not as signed. */
    archive: (file: string, n: number, faulty: number) =>
      faulty === 0
        ? `archive: ${file}, ${count(n, 'volume', 'volumes')}, each exactly as signed`
        : `archive: ${file}: ${faulty} of ${count(n, 'volume', 'volumes')} ${faulty > 1 ? 'do' : 'does'} NOT match the manifest`,
  },
  /** Volumes measured side by side (verify, extract: --jobs). */
  volumeChecks: {
    hasherStopped: 'a volume-hashing worker stopped',
  },
  /** A source that changed or was swapped while the bundle read it, and the recipients' keys. */
  sealing: {
    changed: (file: string, how: SourceChange) =>
      `the source file ${file} ${
        {
          vanished: 'vanished before it was read',
          listed: 'changed since the sources were listed',
          grew: 'grew while it was read',
          changed: 'changed while it was read',
          replaced: 'vanished or was replaced while it was read',
          shrank: 'shrank while it was read',
        }[how]
      }: nothing was written`,
    changedHint: 'wait until whatever writes to it has finished, then run the bundle again',
    becameLink: (file: string) => `the source ${file} became a symbolic link: refused`,
    becameLinkHint: 'bundle the file it points to instead, by naming it in the plan',
    notRegular: (file: string) => `the source ${file} is not a regular file: refused`,
    notRegularHint: 'a bundle holds regular files only; export the data to a file',
    seipdV2:
      "the recipients' keys ask for an AEAD-encrypted message (SEIPD v2), which exitkit does not write: GnuPG 2.2 cannot read it",
    seipdV2Hint:
      'give at least one recipient key that accepts SEIPD v1 with AES: a key made by GnuPG or by `exitkit keys generate`',
    /** A worker thread that died (a bug, or the system killed it). */
    writerStopped: 'the archive writer stopped',
    digesterStopped: 'the digest worker stopped',
  },
  /** The inputs of the documents (checklist, compensation) and their templates. */
  documents: {
    badDate: (value: string) => `--date ${value} is not a date`,
    badDateHint: 'write it YYYY-MM-DD, e.g. 2026-12-20',
    receiptWithoutManifest: 'a receipt is checked against the manifest it acknowledges: none was given',
    receiptWithoutManifestHint: 'give --manifest <id>.manifest.json with --receipt',
    noTemplate: (file: string) => `cannot read the template ${file}`,
    noTemplateHint: 'give the path of a Handlebars template (.md.hbs or .html.hbs)',
    reinstallHint: 'reinstall exitkit: its templates folder is incomplete',
    /** `detail` is Handlebars' own (English) words. */
    templateSyntax: (file: string, detail: string) => `the template ${file} does not compile: ${detail}`,
    templateSyntaxHint: 'check its {{...}} blocks: every {{#each}} and {{#if}} needs its closing tag',
    templateFailed: (file: string, detail: string) => `the template ${file} failed: ${detail}`,
    templateFailedHint: 'check the helpers and fields it uses (docs/TEMPLATES.md lists the data it receives)',
  },
  /** The money of the plan, as `compensation` reads it. */
  money: {
    notAmount: (what: string | undefined, text: string) =>
      `${what ?? 'amount'} "${text}" is not a decimal amount`,
    notAmountHint: 'write it like 4500 or 1200.50, without a currency sign or thousands separator',
    noCompensation: (id: string) => `the plan "${id}" has no compensation section`,
    noCompensationHint:
      'add compensation: {currency, vat_percent, rounding, fees, penalties} (see plans/exit-plan.schema.json)',
    feeShape: (what: string, label: string) =>
      `${what} ("${label}") has neither an amount nor quantity and unit_price`,
    feeShapeHint: 'write amount: 4500, or quantity: 10 with unit_price: 1200',
  },
  /** A manifest and a verification given to a document: they must concern its plan and each other. */
  evidence: {
    manifestOtherPlan: (other: string | undefined, id: string) =>
      `the manifest is for the plan "${other}", not "${id}"`,
    manifestOtherPlanHint: 'give the manifest that `exitkit bundle` wrote for this plan',
    verificationOtherPlan: (other: string | undefined, id: string) =>
      `the verification is for the plan "${other}", not "${id}"`,
    verificationOtherPlanHint: 'give what `exitkit verify --json` wrote for the manifest of this plan',
    otherBundle: 'the verification and the manifest do not concern the same bundle',
    otherBundleCreated: (manifest: string, verified: string) =>
      `the manifest was created ${manifest}, the verified one ${verified}`,
    verifyAgainHint: 'run `exitkit verify` again on this manifest',
  },
  /** `validate`'s warnings about the plan's release conditions (compensation.final_payment.release_when). */
  release: {
    keyNeverHolds: (condition: string, role: 'client' | 'incoming' | 'outgoing') =>
      `${condition} can never hold: the plan gives no key file for the ${{ client: 'client', incoming: 'incoming provider', outgoing: 'outgoing provider' }[role]}`,
    keyNeverHoldsHint: (role: 'client' | 'incoming' | 'outgoing', condition: string) =>
      `add parties.${role}.key: ${condition === 'deletion_attested' ? 'the deletion attestation' : 'a receipt'} is checked against it`,
    notDecrypted:
      'without decrypted_verification, a verification that never decrypted the archive can release the final payment',
    notDecryptedHint: 'add decrypted_verification unless the contract says otherwise',
  },
  progress: {
    /** `what` is one of the `work` section's words. */
    line: (what: string, done: string, total: string, pct: number, rate: string, left?: string) =>
      `${what} ${done} of ${total} (${pct} %), ${rate}/s${left === undefined ? '' : `, ${left} left`}`,
  },
  /** The faults of a verification: `--json` keeps them in English. */
  verdict: {
    badSignature: (reason?: string) => `signature: ${reason ?? 'the manifest signature is not valid'}`,
    archiveSize: (size: number, signed: number) => `its size is ${size} bytes; the manifest signed ${signed}`,
    archiveDigest: (digest: string, signed: string) =>
      `its sha256 is ${digest}; the manifest signed ${signed}`,
    archive: (file: string, fault: string) => `archive ${file}: ${fault}`,
    archiveAbsent:
      'it has not arrived: the signature and completeness were checked, the archive and its files were not',
    /** An archive left undecrypted: why (not vouched for by the signed manifest, or refused at its start). */
    undecrypted: (file: string, why: string) => `archive ${file}: not decrypted: ${why}`,
    integrity: (detail?: string) =>
      `integrity: the OpenPGP integrity check failed${detail ? ` (${detail})` : ''}: the archive was altered or cut`,
    incomplete: (id: string) =>
      `incomplete: the required deliverable ${id} is neither delivered intact nor waived`,
    unsafe: (name: string, why: string) => `unsafe entry ${name}: ${why}`,
    tar: (error: string) => `tar: the archive's tar stream could not be read to its end: ${error}`,
    missingFile: 'missing',
    notReached: (path: string) =>
      `missing: ${path} was not reached (the tar could not be read past an earlier entry)`,
    missing: (path: string) => `missing: ${path} is in the signed manifest but not in the archive`,
    truncatedFile: (read: number, size: number) => `truncated (${read} of ${size} bytes)`,
    truncated: (path: string, read: number, size: number) =>
      `truncated: ${path} has ${read} of the ${size} bytes the manifest signed`,
    otherSize: (declared: number, size: number) => `${declared} bytes, the manifest signed ${size}`,
    otherDigest: (algorithm: string) => `its ${algorithm} differs from the signed manifest`,
    alteredFile: (why: string) => `altered (${why})`,
    altered: (path: string, why: string) => `altered: ${path}: ${why}`,
    extra: (path: string) => `extra: ${path} is in the archive but not in the signed manifest`,
    bag: (fault: string) => `bag: ${fault}`,
    bagMissing: (file: string) => `${file} is missing`,
    noPayloadManifest: 'no payload manifest (manifest-<algorithm>.txt)',
    malformed: (file: string, why: string) => `${file} is malformed: ${why}`,
    listsAbsent: (file: string, path: string) => `${file} lists ${path}, which is not in the archive`,
    listsOtherSide: (file: string, path: string, payloadSide: boolean) =>
      `${file} lists ${path}, which belongs to the ${payloadSide ? 'tag' : 'payload'} files`,
    notComputed: (file: string, algorithm: string, path: string) =>
      `${file}: its algorithm ${algorithm} was not computed, ${path} cannot be checked`,
    digestMismatch: (path: string, file: string) => `${path} does not match its digest in ${file}`,
    notListed: (path: string, file: string) => `${path} is not listed in ${file}`,
    noOxum: 'bag-info.txt has no Payload-Oxum',
    oxum: (said: string, actual: string) =>
      `Payload-Oxum in bag-info.txt says ${said}; the payload is ${actual}`,
    externalId: (said: string, id: string) => `External-Identifier in bag-info.txt says ${said}, not ${id}`,
  },
  /**
   * Why an archive is not read further: the OpenPGP message or the tar is not the shape bundle
   * writes, or an entry cannot be read (inside the verdict's faults).
   */
  archive: {
    notOurs: (why: string) => `not an archive exitkit signs: ${why}`,
    cutInParts: (literal: boolean, length: number, min: number) =>
      `the ${literal ? 'literal data' : 'encrypted'} packet is cut in parts of ${length} bytes (at least ${min} expected)`,
    noPacket: 'no OpenPGP packet where one is expected',
    tooManyKeyPackets: (max: number) =>
      `more key packets than the ${max} recipients the signed manifest lists`,
    notKeyPacketsThenOne: 'not key packets then one integrity-protected packet',
    notSeipdV1: 'not SEIPD version 1',
    notAes: 'not encrypted with AES to one session key',
    notOneLiteral: 'the encrypted packet does not hold one literal data packet',
    oddLiteralHeader: 'a literal data packet with an odd header',
    notARecipient: (fingerprint: string) =>
      `the key ${fingerprint} cannot decrypt this archive: it was not encrypted to it`,
    notARecipientHint:
      'use the private key of a recipient (the client or the incoming provider); the manifest lists the recipients',
    afterPacket: 'unexpected data after the encrypted packet',
    packetNotV1: 'the encrypted packet is not version 1',
    packetCut: 'the encrypted packet is cut short',
    mdcMismatch: 'the modification detection code does not match',
    literalCut: 'the literal data packet is cut short or followed by other data',
    refused: (why: string) => `refused: ${why}`,
    afterEnd: 'data after the end-of-archive marker (GNU tar stops there and would not see it)',
    unreadableSize: 'a tar header with an unreadable size',
    paxTooLong: (size: number, max: number) =>
      `a PAX header of ${size} bytes, longer than any name the signed manifest lists allows (${max})`,
    paxGlobal: 'a PAX global header (it changes every entry after it)',
    gnuLongName: 'a GNU long-name record (bundle writes long names as PAX path records)',
    gnuSparse: 'a GNU sparse file',
    tooManyEntries: (max: number) =>
      `more than the ${max} entries the files and folders of the signed manifest make`,
    malformedPax: 'a malformed PAX record',
    paxKey: (key: string) =>
      `a PAX record ${key} (it can rename, link or make an entry sparse for other tar readers; bundle writes only "path")`,
    /** The tar parser's own words (kept as they are in English, `--json` included). */
    badTarHeader: (said: string) => said,
    tarCut: (said: string) => said,
    impossibleSize: (size: number, archive: number) =>
      `its header declares ${size} bytes, more than the whole archive (${archive} bytes)`,
    stoppedAt: (name: string) => `stopped at ${name}, whose header declares an impossible size`,
    textTooLarge: (size: number) => `a bag text file of ${size} bytes, too large to be checked`,
    collides: 'it collides with an earlier entry on this file system',
    resolvesOutside: 'a path that resolves outside the destination folder',
    notSignedSize: 'its size is not the signed size',
    /** Volumes: one is missing or of another size than signed (each is named above). */
    volumesNotSigned: 'a volume is missing or not of its signed size',
    notSignedByPinned: 'the manifest is not signed by the pinned signer',
    cannotExtract: (where: string, what: string) => `cannot extract into ${where}: ${what}`,
    pathTooLong: 'a path is too long for this file system',
    shorterPathHint: 'choose a --to folder with a shorter path; nothing was left behind',
    freeSpaceHint: 'free some space or choose another --to folder; nothing was left behind',
  },
  /** Why a tar entry is unsafe (core/bag-names.ts): the same rules for verify and extract. */
  entry: {
    nul: 'its name holds a NUL byte',
    backslash: 'a backslash in its name (a separator on Windows)',
    pathTooLong: (max: number) => `a path over ${max} bytes`,
    absolute: 'an absolute path',
    climbs: 'a path that climbs out with ".."',
    emptySegment: 'a path with an empty or "." segment',
    outside: (id: string) => `outside the bag folder ${id}/`,
    segmentTooLong: (max: number) => `a path segment over ${max} bytes`,
    paxGlobal: 'a PAX global header changes every entry after it',
    types: {
      symlink: 'a symbolic link',
      link: 'a hard link',
      'character-device': 'a character device',
      'block-device': 'a block device',
      fifo: 'a FIFO (named pipe)',
      'contiguous-file': 'a contiguous file (an unusual type a bag never holds)',
    } as Record<string, string>,
    unknownType: (type: string | null) => `an entry of unknown type (${type ?? 'unknown'})`,
    linkTo: (what: string, target: string) => `${what} to ${target}`,
    paxRename: (headerName: string) => `a PAX header renames it (its tar header says ${headerName})`,
    caseOnly: (before: string) => `its name differs only by case from ${before}`,
    duplicate: 'a duplicate of an earlier entry with the same name',
    fileOverFolder: 'a file where an earlier entry has a folder of that name',
    belowFile: (file: string) => `below ${file}, which is a file`,
    folderCaseOnly: (folder: string, before: string) =>
      `its folder ${folder} differs only by case from ${before}`,
  },
  /** What makes a manifest or a verification unreadable (strict JSON, then its shape). */
  shape: {
    malformedString: (at: number) => `a malformed string at character ${at}`,
    repeatedKey: (key: string) => `the key ${key} is repeated in one object`,
    tooDeep: (max: number) => `it nests more than ${max} levels`,
    notManifest: (file: string, problem: string) => `${file} is not an exit manifest: ${problem}`,
    manifestLine: (line: number) => `line ${line} is not "<digest> <path>"`,
    notObject: 'it is not a JSON object',
    format: (format: string) => `its format is not "${format}"`,
    planId: 'plan.id is missing or not an exit id',
    algorithm: 'algorithm must be sha256 or sha512',
    notList: (field: string) => `${field} is not a list`,
    deliverable: 'a deliverable lacks id or files',
    deliverableFile: (id: string) =>
      `a file of deliverable ${id} lacks path, size or digest, or has an mtime that is no ISO 8601 time`,
    tagFile: 'a tag file lacks path, size or digest',
    completeOrMissing: 'complete or missing is absent',
    archive: 'archive {file, size, algorithm: sha256, digest} is missing',
    recordsError: 'it records an error: verify could not check the handover',
    missing: (field: string) => `${field} is missing`,
    deliverablesList: 'deliverables is not a list of {id, ...}',
  },
  /** The verification file that acknowledge and the documents read back. */
  verification: {
    noFile: (file: string) => `cannot read the verification ${file}: no such file`,
    writeItHint: 'write it with `exitkit verify MANIFEST --plan PLAN --json > verification.json`',
    tooLarge: (file: string, size: number) => `${file} is ${size} bytes: too large for a verification`,
    notJson: (file: string) => `${file} is not a verification: it is not JSON`,
    giveItHint: 'give what `exitkit verify --json` wrote',
    notVerification: (file: string, problem: string) => `${file} is not a verification: ${problem}`,
    giveItFailedHint: 'give what `exitkit verify --json` wrote (a failed verify still writes one)',
    otherManifest: (file: string, manifest: string) =>
      `the verification ${file} is not of the manifest ${manifest}`,
    otherManifestHint: (was: string, is: string) =>
      `it verified a manifest with SHA-256 ${was}…, this one is ${is}…`,
    verifyAgainHint: 'run `exitkit verify` again on this manifest with --json',
  },
  /** The report of verify and extract. */
  report: {
    manifest: (file: string, id: string, created: string) => `manifest ${file} (${id}, created ${created})`,
    signatureValid: (fingerprint?: string) =>
      `signature: valid, by the pinned signer ${fingerprint ?? ''}`.trimEnd(),
    signatureNotValid: 'signature: NOT VALID',
    archiveOk: (file: string, size: number, digest: string) =>
      `archive: ${file}, ${size} bytes, sha256 ${digest} as signed`,
    archiveNotOk: (file: string) => `archive: ${file} does NOT match the manifest`,
    archiveAbsent: (file: string) =>
      `archive: ${file} has NOT arrived (the manifest came first): verify again once it is there`,
    /** `files` is counted as fileCount.payloadAndTags says. */
    files: (files: string, integrity: boolean) =>
      `files: ${files} re-hashed after decryption; OpenPGP integrity check ${integrity ? 'passed' : 'FAILED'}`,
    deliverables: 'deliverables:',
    deliverable: (id: string, category: string, state: string) => `${id} (${category}): ${state}`,
    waived: (reason?: string, by?: string) =>
      `waived: ${reason ?? 'no reason given'}${by ? ` (approved by ${by})` : ''}`,
    notDelivered: (required: boolean): string =>
      required ? 'NOT DELIVERED (required)' : 'not delivered (optional)',
    listed: (n: number) => `${count(n, 'file', 'files')} listed (not decrypted)`,
    intact: (n: number) => `${count(n, 'file', 'files')} intact`,
    faulty: (k: number, n: number) => `${k} of ${count(n, 'file', 'files')} faulty`,
    completenessAsDeclared:
      'completeness: as the manifest itself declares it (give --plan PLAN to check it against the plan)',
    faults: (n: number) => `faults (${n}):`,
    ok: (decrypted: boolean, complete: boolean) =>
      `verdict: OK: ${decrypted ? 'every file is' : 'the archive is'} exactly what the pinned signer signed${complete ? ', and the handover is complete' : ''}`,
    notOk: (n: number) => `verdict: NOT OK: ${count(n, 'fault', 'faults')}`,
  },
  verify: {
    noSigner: 'no signer to check the manifest against: a manifest cannot pin its own signer',
    noSignerHint:
      "give --plan PLAN (the outgoing provider's key in the plan is the signer) or --signer KEY (the outgoing provider's public key)",
    noManifest: (file: string) => `cannot read the manifest ${file}: no such file`,
    noManifestHint: 'give the <id>.manifest.json that `exitkit bundle` wrote beside the archive',
    manifestTooLarge: (file: string, size: number) =>
      `${file} is ${size} bytes: too large for an exit manifest`,
    notJson: (file: string) => `${file} is not an exit manifest: it is not JSON`,
    /** `problem` is the manifest's shape problem (it names JSON fields). */
    unreadableManifest: (file: string, problem: string) =>
      `${file} is not a readable exit manifest: ${problem}`,
    giveManifestHint: 'give the <id>.manifest.json that `exitkit bundle` wrote',
    noSignature: (what: string, file: string) =>
      `cannot read the signature of the ${what}: ${file} does not exist`,
    noSignatureHint: (what: string) =>
      `the armored signature is expected beside the ${what}, with .asc added to its name`,
    signatureTooLarge: (file: string) => `${file} is too large to be a signature`,
    otherPlan: (file: string, planId: string, manifestId: string) =>
      `the plan ${file} is for the exit "${planId}", the manifest for "${manifestId}"`,
    otherPlanHint: 'give the plan this bundle was made from',
    badArchiveName: (name: string) => `the manifest names the archive "${name}", which is not a file name`,
    giveArchiveHint: 'give the archive with --archive FILE',
    noArchive: (file: string) => `cannot read the archive ${file}: no such file`,
    noArchiveHint: 'put the .tar.pgp beside the manifest, or give it with --archive FILE',
    notEncryptedTo: (fingerprint: string) => `it was not encrypted to ${fingerprint}`,
    cannotDecrypt: (file: string, why: string) => `this key cannot decrypt the archive ${file}: ${why}`,
    decryptFailedAtStart: 'decryption failed at its start: the archive is not the one that was signed',
    noParent: (dest: string, parent: string) =>
      `cannot extract into ${dest}: its parent folder ${parent} does not exist`,
    noParentHint: 'create the parent folder first, or choose another --to',
    destIsFile: (dest: string) => `cannot extract into ${dest}: it is a file`,
    destIsFileHint: 'choose a folder for --to',
    destExists: (path: string) => `${path} already exists: extract never overwrites`,
    destExistsHint: 'move it away, or choose another --to',
    decrypting: 'decrypting and re-hashing every file (nothing is kept)...',
    removedStale: (folder: string) =>
      `removed ${folder}: a temporary folder left by an extract that was killed`,
    checkingBeforeRelease: 'decrypting and checking every file before anything is released...',
    extracted: (path: string) => `extracted: ${path}`,
    notExtracted: (dest: string) => `nothing was extracted: ${dest} is left as it was`,
  },
  signature: {
    notASignature: 'the signature file is not an OpenPGP signature',
    empty: 'the signature file holds no signature',
    notPinned: (keyId: string) => `signed by key ${keyId}, which is not the pinned signer`,
    mismatch: (detail: string) => `the signature does not match the file (${detail})`,
  },
  /** `acknowledge --reserve/--due/--deliverable/--lift`. */
  reserve: {
    noSuchReserve: (id: string) => `there is no open reserve ${id} to lift`,
    openOnes: (ids: string) => `your open reserves are ${ids}`,
    noneOpen: 'your latest receipt has no open reserve',
    withoutReserve: (flag: string) => `${flag} describes a reserve, and no --reserve was given`,
    withoutReserveHint: (flag: string) => `give --reserve TEXT with ${flag}`,
    countMismatch: (flag: string, n: number, reserves: number) =>
      `${flag} is given ${n} times for ${reserves} reserves`,
    countMismatchHint: (flag: string) =>
      `give ${flag} once (it applies to every reserve), or once after each --reserve`,
    emptyText: 'a reserve needs a text: what is wrong or missing',
    badDue: (value: string) => `the due date ${value} is not a date`,
    badDueHint: 'write it as YYYY-MM-DD, e.g. 2027-01-15',
    noSuchDeliverable: (id: string) => `the plan has no deliverable ${id}`,
    didYouMean: (id: string) => `did you mean ${id}?`,
    deliverablesAre: (ids: string) => `the plan's deliverables are ${ids}`,
  },
  /** The handover record (`checklist --receipt`; src/core/record.ts). */
  record: {
    receiptNotValid: (file: string, why: string) => `the receipt ${file} does not hold: ${why}`,
  },
  keys: {
    notAnEmail: (email: string) => `"${email}" is not an e-mail address`,
    notAnEmailHint: 'give the contact address of the party, e.g. ops@infogest.example',
    badName: 'the name must not contain < or >',
    badNameHint: 'give the party name only',
    wrote: (pub: string, sec: string) => `wrote ${pub} (public) and ${sec} (private, keep it)`,
    fingerprint: (fingerprint: string, userId: string) => `fingerprint ${fingerprint}  ${userId}`,
    unprotected: 'the private key has no passphrase',
    notAFile: (file: string) => `${file} is not a file`,
    notAFileHint: 'give an armored OpenPGP key file',
    noSuchFile: (file: string) => `cannot read the key file ${file}: no such file`,
    noSuchFileHint:
      'check the path; `exitkit keys generate` makes a key pair, `gpg --export --armor` exports one',
    tooLarge: (file: string, size: number) => `${file} is too large to be a key file (${size} bytes)`,
    notAKey: (file: string) => `${file} is not an armored OpenPGP key`,
    exportPublicHint: 'export it with `gpg --export --armor FINGERPRINT > FILE`',
    publicNotPrivate: (file: string) => `${file} is a public key; this needs the private key`,
    notAPrivateKey: (file: string) => `${file} is not an armored OpenPGP private key`,
    exportPrivateHint: 'export it with `gpg --export-secret-keys --armor FINGERPRINT > FILE`',
    wrongPassphrase: (file: string, fingerprint: string) =>
      `wrong passphrase for the key ${file} (${fingerprint})`,
    /** Where the wrong passphrase came from. */
    wrongPassphraseHint: (origin: 'file' | 'environment' | 'prompt', file: string) =>
      `check ${{ file: `the passphrase file ${file} (its first line is the passphrase)`, environment: 'EXITKIT_PASSPHRASE', prompt: 'the passphrase you typed' }[origin]}, and that this is the right key`,
    cannotReadPassphraseFile: (file: string) => `cannot read the passphrase file ${file}`,
    cannotReadPassphraseFileHint: 'check the path given to --passphrase-file',
    askPassphrase: (file: string, fingerprint: string) => `Passphrase for ${file} (${fingerprint}): `,
    noPassphrase: (file: string) => `the key ${file} is protected by a passphrase, and none was given`,
    noPassphraseHint:
      'give it with --passphrase-file FILE or the EXITKIT_PASSPHRASE environment variable, or run on a terminal to be asked',
    askNewPassphrase: 'Passphrase for the new private key:',
    askAgain: 'The same passphrase again:',
    differ: 'the two passphrases differ',
    runAgain: 'run the command again',
    noNewPassphrase: 'no passphrase for the new private key, and no terminal to ask for one',
    noNewPassphraseHint:
      'give one with --passphrase-file FILE or the EXITKIT_PASSPHRASE environment variable',
    noPassphraseFlagHint: 'or add --no-passphrase to make an unprotected key',
    emptyPassphrase: 'the passphrase is empty',
    emptyPassphraseHint: 'give a non-empty passphrase, or add --no-passphrase to make an unprotected key',
    promptCancelled: 'no passphrase: the prompt was cancelled',
  },
  /** `keys generate`'s files (src/io/key-pair.ts). */
  keyPair: {
    exists: (file: string) => `${file} exists already`,
    existsHint: 'choose another --out PREFIX, or add --force to overwrite it',
    rsaSlow: 'making an RSA 4096 key: this can take a few seconds',
  },
  /** What a key can do now (src/io/openpgp/keys.ts). */
  keyUse: {
    cannotEncrypt: (name: string, fingerprint: string, why: string) =>
      `the recipient key ${name} (${fingerprint}) cannot encrypt: ${why}`,
    cannotEncryptHint:
      'use a valid key with an encryption subkey; `exitkit keys show KEY` tells what it can do',
    cannotSign: (name: string, fingerprint: string, why: string) =>
      `the key ${name} (${fingerprint}) cannot sign: ${why}`,
    cannotSignHint: 'use a valid key with signing capability; `exitkit keys show KEY` tells what it can do',
    expired: 'it has expired',
    revoked: 'it is revoked',
    unusable: 'it has no usable key for that',
  },
  /** The `keys show` table: a label a line, padded to the longest. */
  keyShow: {
    fingerprint: 'fingerprint',
    userId: 'user id',
    key: 'key',
    subkey: 'subkey',
    canSign: 'can sign',
    canEncrypt: 'can encrypt',
    private: 'private',
    yes: 'yes',
    no: 'no',
    /** What a key or subkey may do, as its self-signature says. */
    usage: { certify: 'certify', sign: 'sign', encrypt: 'encrypt', authenticate: 'authenticate' } as Record<
      string,
      string
    >,
    /** `created` and `expires` are dates (YYYY-MM-DD); `expires` null: it never expires. */
    part: (algorithm: string, usage: string[], created: string, expires: string | null) =>
      `${algorithm} [${usage.join(', ')}], created ${created}, expires ${expires ?? 'never'}`,
    revoked: ', REVOKED',
    expired: ', EXPIRED',
    secret: (protectedByPassphrase: boolean) =>
      `yes, ${protectedByPassphrase ? 'protected by a passphrase' : 'NOT protected by a passphrase'}`,
    publicOnly: 'no (public key)',
  },
  /** Which key the plan pins for which party (src/io/trust.ts). */
  trust: {
    outgoingNotPinned: 'the plan pins no key for the outgoing provider, so the signer cannot be checked',
    outgoingNotPinnedHint:
      'add parties.outgoing.key: keys/<outgoing>.pub.asc (or its fingerprint) to the plan',
    notOutgoingKey: (file: string, fingerprint: string, pin: string) =>
      `the signing key ${file} (${fingerprint}) is not the outgoing provider's key of the plan (${pin})`,
    notOutgoingKeyHint:
      "sign with the outgoing provider's private key, the one whose public key the plan names under parties.outgoing",
    signerNotOutgoing: (file: string, fingerprint: string, pin: string) =>
      `the --signer key ${file} (${fingerprint}) is not the outgoing provider's key in the plan (${pin})`,
    signerNotOutgoingHint: 'give one pin: the plan, or --signer with the key the outgoing provider published',
    noOutgoingKey: (plan: string) => `the plan ${plan} names no key file for the outgoing provider`,
    noOutgoingKeyHint:
      "give --signer KEY with the outgoing provider's public key, or add parties.outgoing.key to the plan",
    /** `party` is the role as the terminal names it, `role` the plan's key (client, incoming). */
    noRecipientKey: (party: string, name: string) =>
      `the plan names no key file for the ${party} (${name}): nothing to encrypt to`,
    noRecipientKeyHint: (role: string) =>
      `add parties.${role}.key: keys/<${role}>.pub.asc, the armored public key it gave you`,
    outgoingAcknowledges: 'the outgoing provider cannot acknowledge its own handover',
    outgoingAcknowledgesHint: "sign with the client's or the incoming provider's key",
    notAcknowledgingParty: (fingerprint: string, plan: string) =>
      `the key ${fingerprint} is neither the client's nor the incoming provider's key in the plan ${plan}`,
    notAcknowledgingPartyHint: 'sign with the key the plan names for the client or the incoming provider',
    /** verify: a manifest whose signature is not valid, too large to be read to report what it claims. */
    unsignedNotRead: (file: string, why: string, size: number) =>
      `the manifest ${file} is not signed by the pinned signer (${why}), and at ${size} bytes it is not read further`,
    /** acknowledge: a manifest whose signature is not valid is never read. */
    unsignedNotAcknowledged: (file: string, why: string) =>
      `the manifest ${file} is not signed by the pinned signer (${why}): no receipt is signed for it, and it is not read further`,
    signatureNotValid: 'the signature is not valid',
    askSignedManifestHint: 'ask the outgoing provider for the manifest and signature it made',
  },
  /** Receipts: `acknowledge` writes them, `verify --receipt` checks them (src/io/receipts.ts). */
  receipt: {
    needsPlanToAcknowledge:
      'acknowledge needs the plan: it finds your role (client or incoming provider) from its keys, and the receipt is named after it',
    needsPlanToAcknowledgeHint:
      'give --plan PLAN (with --verification FILE, what `exitkit verify --json` wrote, or alone to verify now)',
    previousInvalid: (file: string, why: string) =>
      `your previous receipt ${file} does not hold (${why}): the new one cannot be chained to it`,
    previousInvalidHint:
      'restore the receipt and its .asc as you signed them, or move them away to start a new chain',
    otherParty: (role: string) => `it is the ${role}'s receipt`,
    noOutFolder: (folder: string) => `cannot write the receipt into ${folder}: no such folder`,
    noOutFolderHint: 'create the folder, or give another --out',
    outWritableHint: 'check that the --out folder can be written',
    needsPlan: "cannot check the receipt without the plan: it pins the client's and incoming keys",
    needsPlanHint: 'give --plan PLAN with --receipt',
    noSuchFile: (file: string) => `cannot read the receipt ${file}: no such file`,
    noSuchFileHint:
      'give the <id>.receipt.client.json or <id>.receipt.incoming.json that `exitkit acknowledge` wrote',
    tooLarge: (file: string) => `${file} is too large to be a receipt`,
    notJson: (file: string) => `${file} is not a receipt: it is not JSON`,
    unreadable: (file: string, problem: string) => `${file} is not a readable receipt: ${problem}`,
    /** What is wrong with a receipt's shape; field names are the receipt's own. */
    shape: {
      notObject: 'it is not a JSON object',
      format: (format: string) => `its format is not "${format}"`,
      missing: (field: string) => `${field} is missing`,
    },
    noSigners: (plan: string) => `the plan ${plan} names no key file for the client or the incoming provider`,
    noSignersHint: 'add parties.client.key or parties.incoming.key to the plan',
    /** The faults of a receipt that does not hold. */
    notByParty: (why: string) =>
      `its signature is not by the client's or the incoming provider's key in the plan (${why})`,
    unknownKey: 'unknown key',
    notValid: (why: string) => `its signature is not valid: ${why}`,
    doesNotMatch: 'it does not match',
    otherSigner: (claimed: string, actual: string) =>
      `it claims the signer ${claimed}, but ${actual} signed it`,
    otherManifest: (sha256: string, expected: string) =>
      `it acknowledges another manifest (sha256 ${sha256}, not ${expected})`,
    otherArchive: (digest: string) => `it acknowledges another archive (sha256 ${digest})`,
    otherExit: (id: string, expected: string) => `it is for the exit "${id}", not "${expected}"`,
    /** verify --receipt's line; `role` as the terminal names it, or `?`. */
    valid: (file: string, date: string, role: string, fingerprint: string, ok: boolean, missing: string[]) =>
      `receipt: ${file}: signed on ${date} by the ${role} (${fingerprint}), for this manifest and archive; it records the verdict ${ok ? 'OK' : 'NOT OK'}${missing.length ? `, missing: ${missing.join(', ')}` : ''}`,
    notValidLine: (file: string) => `receipt: ${file}: NOT VALID`,
    otherRoleClaim: (claimed: string, actual: string) =>
      `it claims to be the ${claimed}'s receipt, but the ${actual}'s key signed it`,
    chained: (n: number) =>
      `it supersedes ${count(n, 'earlier receipt', 'earlier receipts')} of that party, each present, unaltered and signed by it`,
    reserveOpen: (id: string, text: string, deliverable?: string, due?: string) =>
      `reserve ${id} (open${deliverable ? `, ${deliverable}` : ''}${due ? `, due ${due}` : ''}): ${text}`,
    reserveLifted: (id: string, text: string, on: string) =>
      `reserve ${id} (lifted ${on.slice(0, 10)}): ${text}`,
    /** The faults of a chain of receipts: `file` is an earlier link's name. */
    chainUnreadable: (file: string, why: string) => `the earlier receipt ${file} cannot be checked: ${why}`,
    chainAltered: (file: string) =>
      `the earlier receipt ${file} is not the one this receipt superseded (its SHA-256 differs)`,
    chainLink: (file: string, fault: string) => `the earlier receipt ${file}: ${fault}`,
    chainOrder: (file: string, sequence: number, expected: number) =>
      `the earlier receipt ${file} is number ${sequence} of its chain, not ${expected}`,
    chainStart: (file: string, sequence: number) =>
      `${file} is number ${sequence} of its chain, yet names no earlier receipt`,
    chainBadLink: (file: string) =>
      `the earlier receipt it names, ${JSON.stringify(file)}, is not a file beside it`,
    /** A receipt's fault among the verdict's. */
    fault: (fault: string) => `receipt: ${fault}`,
  },
  deliveries: {
    /** A manifest whose `delivery` field is malformed. */
    shape: 'its delivery is not {number (2 or more), previous: {file, sha256}}',
    /** A fault of one delivery of a chain: `n` its number, `file` its manifest. */
    linkFault: (n: number, file: string, why: string) => `delivery ${n} (${file}): ${why}`,
    badName: (later: number, named: string, expected: string) =>
      `delivery ${later} names ${JSON.stringify(named)} as the previous delivery, not ${expected}`,
    missing: 'its manifest is not beside the later delivery: the chain is broken',
    otherDigest: (later: number) =>
      `its SHA-256 is not the one delivery ${later} recorded: the manifest was changed or replaced`,
    noSignature: (file: string) => `its signature ${file} is missing`,
    notSigned: (reason: string) =>
      `it is not signed by the pinned outgoing key${reason ? ` (${reason})` : ''}: re-signed or forged`,
    tooLong: (max: number) => `the chain is longer than ${max} deliveries: it is not followed further`,
    misnumbered: (n: number, id: string) => `it says it is delivery ${n} of ${id}: the chain is misnumbered`,
    /** bundle: the folder holds a later delivery this key did not sign. */
    notOurs: (file: string) =>
      `${file} is not a delivery signed by this signing key: no next delivery is made after it`,
    notOursHint:
      'bundle into the folder that holds your own deliveries, or into a new folder for another handover',
    chainBroken: (dir: string, faults: string[]) =>
      `the deliveries already in ${dir} do not form a sound chain:\n  ${faults.join('\n  ')}`,
    chainBrokenHint: 'restore the deliveries exactly as they were signed; a delivery is never replaced',
    nothingNew: (id: string, last: number) =>
      `nothing new to deliver: every file of the ready deliverables of ${id} is already in its ${last === 1 ? 'delivery' : `deliveries 1 to ${last}`}; nothing was written`,
    nothingNewHint:
      'mark another deliverable ready (exitkit walk), or change its files; for a new handover, give another --out DIR',
    next: (n: number, last: number) =>
      `note: this is delivery ${n}: it carries what is new or changed since ${last === 1 ? 'delivery 1' : `deliveries 1 to ${last}`}`,
    unchanged: (ids: string) => `note: already delivered, unchanged, not packed again: ${ids}`,
    /** verify: one line a delivery of a chain. */
    report: (n: number, file: string, day: string, ok: boolean, ids: string) =>
      `  delivery ${n}: ${file} (${day}) ${ok ? 'OK' : 'NOT OK'}${ids ? `: ${ids}` : ''}`,
    reportTitle: (count: number) =>
      `Deliveries: ${count}, each signed by the pinned key and chained to the previous one`,
    /** checklist, compensation: a chain whose links do not hold. */
    documentsChain: (file: string, faults: string[]) =>
      `the deliveries that ${file} follows do not hold:\n  ${faults.join('\n  ')}`,
    documentsChainHint: 'run exitkit verify on the latest manifest to see every delivery checked',
  },
  acknowledge: {
    receipt: (file: string) => `receipt: ${file}`,
    signature: (file: string) => `signature: ${file}`,
    signedBy: (fingerprint: string, who: string | undefined, ok: boolean, missing: string[]) =>
      `signed by ${fingerprint}${who ? ` (${who})` : ''}, acknowledging the verdict ${ok ? 'OK' : 'NOT OK'}${missing.length ? `, missing: ${missing.join(', ')}` : ''}`,
    /** The signer as the plan names it: its role, then its name. */
    party: (role: string, name: string) => `${role}: ${name}`,
    supersedes: (file: string) =>
      `supersedes your previous receipt, kept as ${file} (chained by its SHA-256)`,
    noReserve: 'no open reserve',
  },
  /** `attest deletion`: the outgoing provider's signed attestation of return and destruction. */
  attest: {
    badDate: (date: string) => `--date ${date} is not a date`,
    badDateHint: 'write it YYYY-MM-DD, e.g. 2027-01-15',
    futureDate: (date: string) =>
      `--date ${date} is in the future: an attestation states a deletion that was done`,
    futureDateHint: 'attest once the deletion is complete, with the day it was completed',
    beforeDelivery: (date: string, created: string) =>
      `--date ${date} is before the delivery it follows (its manifest was made ${created}): the data was deleted after it was returned`,
    beforeDeliveryHint: 'give the day the deletion was completed, after the handover',
    noMethod: 'the deletion method is empty',
    noMethodHint: 'name it with --method, e.g. "NIST SP 800-88 purge" or "crypto-erase"',
    unpaired: (retained: number, basis: number) =>
      `each retained data needs its legal basis: ${retained} --retained, ${basis} --basis, each non-empty`,
    unpairedHint: 'give them in pairs, e.g. --retained "invoices" --basis "kept ten years, CO art. 958f"',
    noDelivery: (dir: string, id: string) =>
      `no delivery of ${id} in ${dir}: nothing was returned yet whose deletion could be attested`,
    noDeliveryHint:
      'attest after `exitkit bundle` wrote <id>.manifest.json: give its folder with --out DIR, or the manifest with --manifest FILE',
    manifestNotSigned: (file: string, why: string) =>
      `the manifest ${file} is not signed by the outgoing provider's key of the plan (${why}): it is not a delivery to attest`,
    manifestNotSignedHint: 'give the manifest of the delivery you signed with --manifest FILE',
    noFolder: (dir: string) => `cannot write the attestation into ${dir}: no such folder`,
    noFolderHint: 'create the folder, or give another --out',
    attestation: (file: string) => `attestation: ${file}`,
    signature: (file: string) => `signature: ${file}`,
    deleted: (date: string, method: string, datasets: number, systems: number) =>
      `deleted on ${date} (${method}): ${count(datasets, 'data set', 'data sets')}${systems ? `, on ${count(systems, 'system', 'systems')}` : ''}`,
    retained: (items: string[]) => (items.length ? `retained: ${items.join('; ')}` : 'nothing retained'),
    follows: (file: string, sha256: string) => `following the delivery ${file} (sha256 ${sha256})`,
    signedBy: (name: string, fingerprint: string) => `signed by ${name} (${fingerprint})`,
  },
  /** Checking a deletion attestation (verify, checklist, compensation --attestation). */
  attestation: {
    needsPlan: "cannot check the attestation without the plan: it pins the outgoing provider's key",
    needsPlanHint: 'give --plan PLAN with --attestation',
    needsManifest: 'an attestation is checked against the delivery it follows: no manifest was given',
    needsManifestHint: 'give --manifest <id>.manifest.json with --attestation',
    noOutgoingKey: (plan: string) =>
      `the plan ${plan} names no key file for the outgoing provider: the attestation cannot be checked`,
    noOutgoingKeyHint: 'add parties.outgoing.key: keys/<outgoing>.pub.asc to the plan',
    noFile: (file: string) => `cannot read the attestation ${file}: no such file`,
    noFileHint: 'give the <id>.deletion.json that `exitkit attest deletion` wrote',
    tooLarge: (file: string) => `${file} is too large to be a deletion attestation`,
    /** `problem` names JSON fields (English). */
    unreadable: (file: string, problem: string) =>
      `${file} is not a readable deletion attestation: ${problem}`,
    tampered:
      "its signature by the outgoing provider's key does not match its content: it was changed after it was signed",
    otherKey: (keyId: string | null, outgoing: string) =>
      keyId
        ? `it is signed by the key ${keyId}, not by the outgoing provider's key of the plan (${outgoing})`
        : `it holds no valid signature by the outgoing provider's key of the plan (${outgoing})`,
    otherSigner: (claimed: string, actual: string) =>
      `it claims the signer ${claimed}, but ${actual} signed it`,
    otherPlan: (found: string, expected: string) => `it is for the exit "${found}", not "${expected}"`,
    otherDelivery: (file: string, sha256: string) =>
      `it follows another delivery (${file}, sha256 ${sha256}), not this one`,
    olderDelivery: (file: string, created: string) =>
      `it is older than this delivery: it follows ${file}, made ${created}, before this one`,
    datedBefore: (date: string, created: string) =>
      `it is dated ${date}, before the delivery it follows was made (${created})`,
    valid: (file: string, date: string, method: string, fingerprint: string) =>
      `attestation: ${file}: deletion on ${date} (${method}), signed by the outgoing provider (${fingerprint}), following this delivery`,
    notValid: (file: string) => `attestation: ${file}: NOT VALID`,
    fault: (text: string) => `attestation: ${text}`,
  },
  /** `rehearse`: the exit rehearsed with throwaway keys (core/rehearsal.ts). */
  rehearse: {
    notAFolder: (dir: string) => `${dir} is a file, not a folder: the rehearsal report goes into a folder`,
    notAFolderHint: 'give --out a folder (it is created if needed)',
    removedStale: (folder: string) =>
      `removed ${folder}: a scratch folder left by a rehearsal that was killed`,
    notExtracted: 'the bag was not extracted: the verification found faults',
    heading: (id: string, sample: number | null) =>
      `rehearsal of ${id}${sample === null ? ' (whole payload)' : ` (sample of ${count(sample, 'file', 'files')} per deliverable)`}`,
    stepName: { walk: 'walk', bundle: 'bundle', verify: 'verify', extract: 'extract' },
    status: { passed: 'passed', failed: 'FAILED', skipped: 'not run' },
    step: (name: string, status: string, time: string) =>
      `  ${name.padEnd(9)} ${status.padEnd(8)} ${time}`.trimEnd(),
    seconds: (s: number) =>
      s < 10
        ? `${s.toFixed(2)} s`
        : s < 60
          ? `${Math.round(s)} s`
          : s < 3600
            ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`
            : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`,
    unknown: 'unknown',
    estimate: (time: string, full: string, rehearsed: string | null) =>
      `estimated duration of the exit on the full payload (${full}): ${time}${rehearsed === null ? '' : `, from a rehearsal on ${rehearsed}`}`,
    finding: (step: string, deliverable: string | undefined, text: string, error: boolean) =>
      `${error ? 'error' : 'warning'}: ${step}: ${deliverable ? `${deliverable}: ` : ''}${text}`,
    passed: 'every step passed',
    failed: (n: number) => `${count(n, 'step', 'steps')} failed`,
  },
  role: { client: 'client', outgoing: 'outgoing', incoming: 'incoming' },
  prompt: {
    /** The key tips under a choice (the prompt library's own words). */
    keys: { navigate: 'navigate', select: 'select' },
    choice: {
      ready: { name: 'mark it ready', description: 'its files check out: status: ready' },
      pending: { name: 'set it back to pending', description: 'its checks fail: status: pending' },
      waive: { name: 'waive it', description: 'agreed not to hand it over: a reason and who approved it' },
      leave: { name: 'leave it as it is', description: 'decide later' },
    },
    state: (status: string, found: string) => `${status}; ${found}`,
    errors: (n: number) => count(n, 'error', 'errors'),
    why: (id: string) => `why is ${id} waived?`,
    needsReason: 'a waiver needs a reason',
    approvedBy: 'approved by (client, or a person at the client)?',
    needsApprover: 'a waiver needs who approved it',
    interrupted: 'interrupted: nothing was written',
    interruptedHint: 'run the command again to answer the questions, or use --no-input for a report only',
  },
  walkAnswers: {
    allReady: (n: number) => `mark it ready, and every other one whose files check out (${n})`,
    allReadyDescription: 'status: ready for each of them; the questions go on for the others',
    saved: (file: string, ids: string) =>
      `interrupted: the answers given were saved (${file}: wrote the status of ${ids})`,
    savedHint: 'run `exitkit walk` again to answer the other questions',
    next: 'next: answer the questions below: mark each deliverable ready, waive it, or leave it for later',
  },
  notFound: {
    noCommand: (id: string) => `no command ${id}`,
  },
  initBeside: {
    schema: (file: string) =>
      `${file}: the plan's JSON Schema, which its $schema line names (keep it beside the plan, commit it with it)`,
    gitignore: (file: string, outcome: 'created' | 'appended' | 'kept') =>
      outcome === 'kept'
        ? `${file} already keeps private keys (*.sec.asc) out of git`
        : `${file}: ${outcome === 'created' ? 'wrote' : 'added a line to'} it, so that private keys (*.sec.asc) stay out of git`,
  },
  keysOut: {
    notAFolder: (dir: string) => `${dir} is not a folder`,
    notAFolderHint: 'give another --out PREFIX, in a folder',
  },
  validate: {
    valid: (file: string, id: string, n: number, warnings: number) =>
      `${file}: valid plan "${id}", ${count(n, 'deliverable', 'deliverables')}${warnings ? `, ${count(warnings, 'warning', 'warnings')}` : ''}`,
  },
  /** Names a file system cannot hold: walk warns of them; verify and extract on Windows refuse them. */
  names: {
    character: (name: string, character: string) =>
      `${name} holds ${character}, a character Windows refuses in file names`,
    control: (name: string, code: string) =>
      `${name} holds a control character (${code}), which Windows refuses in file names`,
    trailingDot: (name: string) => `${name} ends with a dot, which Windows drops from file names`,
    trailingSpace: (name: string) => `${name} ends with a space, which Windows drops from file names`,
    reserved: (name: string, device: string) =>
      `${name} is the Windows device name ${device} (reserved in every folder, with any extension)`,
    windowsCannotHold: (where: string, why: string) => `${where}: Windows cannot hold this name: ${why}`,
    windowsCannotHoldHint:
      'rename it: a receiver on Windows cannot extract it (`exitkit extract` there refuses it by name)',
    differOnlyByCase: (one: string, other: string) =>
      `${one} and ${other} differ only by case: Windows and macOS hold them as one`,
    differOnlyByCaseHint:
      'rename one of them: verify and extract refuse names that differ only by case, on every platform',
  },
  /** What the progress line says is being done. */
  work: {
    bundle: 'bundling',
    verify: 'decrypting and checking',
    extract: 'decrypting and extracting',
  },
  /** Files counted the same way by bundle and verify: payload files, tag files apart. */
  fileCount: {
    payloadAndTags: (payload: number, tags: number) =>
      `${count(payload, 'file', 'files')} (+ ${count(tags, 'tag file', 'tag files')})`,
  },
  /** A YAML value that holds ": " without quotes. */
  yamlColon: {
    quoteValue: (key: string, value: string) =>
      `a value that holds ": " must be quoted: write ${key}: "${value}"`,
  },
  /** The client's own plan (verify --plan) against the plan the manifest was made from. */
  planDiff: {
    fault: (file: string, parts: string[]) =>
      `plan: ${file} differs from the plan the manifest was made from: ${parts.join('; ')}`,
    added: (ids: string[]) => `in your plan only: ${ids.join(', ')}`,
    removed: (ids: string[]) => `in the manifest only: ${ids.join(', ')}`,
    changed: (id: string, fields: string[]) => `${id} changed (${fields.join(', ')})`,
    field: { title: 'title', category: 'family', required: 'required', due: 'due date' },
    hint: 'agree with the outgoing provider on one plan: the one the manifest was made from is in the bag (exit-plan.yaml)',
  },
  init: {
    badId: (id: string) => `"${id}" is not a plan id`,
    badIdHint: "use lowercase letters, digits and '-', e.g. acme-exit-2026",
    cannotCreate: (dir: string, why: string) => `cannot create the folder ${dir}: ${why}`,
    cannotCreateHint: 'give a folder you can write to',
    isAFolder: (path: string) => `${path} is a folder`,
    isAFolderHint: 'give the folder in which to write exit-plan.yaml',
    existsHint: 'edit it, or run again with --force to replace it with a new starter plan',
    folderWritableHint: 'check that the folder is writable',
    wrote: (file: string, replaced: boolean, id: string, lang: string) =>
      `${file}: ${replaced ? 'replaced with' : 'wrote'} a starter plan "${id}" (${lang})`,
    next: (command: string) => `next: fill in the contract and the parties, then \`${command}\``,
  },
};

export type Messages = typeof en;
