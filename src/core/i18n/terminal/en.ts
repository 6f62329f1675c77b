/**
 * What the terminal says in English: the reference catalog. `Messages` is its type, so the
 * French catalog (fr.ts) cannot miss a key or take other parameters. Style (README.md,
 * "Commands"): lowercase, no final period; an `error:` line, then `hint:` lines that say what to do.
 */
import { plural } from './plural.js';

const count = (n: number, one: string, other: string) => `${n} ${plural('en', n, { one, other })}`;

type Role = 'client' | 'outgoing' | 'incoming';
type Status = 'pending' | 'ready' | 'delivered' | 'waived';

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
      checklist: 'Write the handover checklist the parties sign (Markdown or printable HTML).',
      compensation:
        'Write the compensation summary (décompte de réversibilité): fees, penalties, VAT, amount due, and whether the final payment can be released.',
      extract: 'Verified extraction: the bag appears in DIR only when every check passed.',
      init: 'Write a commented starter exit plan.',
      validate: 'Check an exit plan: schema, meaning and key files.',
      verify: 'Check a handover: signature, archive, completeness, and with a key every file.',
      walk: 'Walk the deliverables of an exit plan: what is there, what is missing, what to do.',
      'keys:generate': 'Make an OpenPGP key pair for a party.',
      'keys:show': 'Show what a key is and what it can do.',
    },
    /** As package.json says it (oclif reads topics from there). */
    topic: { keys: 'Make and inspect the OpenPGP keys of the parties.' },
    /** As package.json's description says it (the first line of `exitkit --help`). */
    root: 'Makes the reversibility clause of an IT outsourcing contract executable: exit plan, encrypted BagIt handover archive, signed manifest, verification, checklist and compensation.',
    description: {
      acknowledge:
        "The client or the incoming provider signs <id>.receipt.json (and its armored detached signature .asc), which binds the manifest's SHA-256, the archive's digest, the verification verdict with its missing deliverables, the signer's role in the plan and the date. The verdict comes from --verification (what `verify --json` wrote) or, with --plan, from a verification run now (signature, archive digest, completeness). GnuPG verifies the signature; `exitkit verify --receipt` checks the whole receipt.",
      bundle: `Writes into --out DIR: <id>.tar.pgp, one OpenPGP message (binary, SEIPD v1, uncompressed, which GnuPG 2.2 decrypts) holding a tar of one BagIt bag (RFC 8493), encrypted to the client and incoming provider keys of the plan and to every --recipient; <id>.manifest.json, the exit manifest, readable without a key; and <id>.manifest.json.asc, its armored detached signature by --signing-key, which must be the outgoing provider's key of the plan.

What goes in the payload: the files of every deliverable whose status is ready or delivered, under data/<category>/<deliverable-id>/. A pending deliverable stays out even when its files are all there (the status is the outgoing provider's word that this is the version to hand over: mark it ready with \`exitkit walk\`), and a waived one stays out by agreement. While a required deliverable is neither ready, delivered nor waived, the bundle is refused (exit 1, naming it) unless --allow-incomplete, which records complete: false and the missing ids in the manifest.

Each source file is read once, hashed (SHA-512 by default, --algorithm sha256) as it streams into the archive; a file that changes or vanishes meanwhile, a symbolic link or a special file is an error naming it. Everything is written beside the final paths and renamed at the end: after an error, Ctrl-C or SIGTERM nothing is left in DIR. A ready or delivered deliverable whose sources name no file is an error too: the plan and the disk disagree. Exits 0 when a complete bundle was written, 1 when the plan is incomplete (refused, or written anyway with --allow-incomplete), 2 when it could not be made.`,
      checklist:
        "One section a family, one row a deliverable: owner, due date, status, files (count and size; digests with --manifest), the verification result with --verification, waivers, late and missing flags; the inventory summarised from its CSV; the open actions every handover needs (rotate handed-over secrets, revoke the outgoing provider's access, move registrar, DNS and licence portals, confirm the restore test) with who does them; a glossary; sign-off blocks for the client, the outgoing and the incoming provider. Credentials are listed by name and file name only. Without --manifest, files are those found from the plan's sources. Exits 0 when the handover is complete per the inputs (every required deliverable handed over, intact when verified, or waived; and with --verification, a verification that holds), 1 when it is not, 2 when it could not write the checklist.",
      compensation:
        "The fees are the price of the reversibility services (fixed amounts, or quantity × unit price): VAT applies to them, to the cent half up. Penalties name their cause (which deliverable, missing or how many days late) and the cap; only deliverables the outgoing provider owes cost it penalties, and a missing one never costs less than it would delivered late on the statement's date. By default (penalties.treatment: indemnity) penalties are outside the scope of VAT and set off against the amount due after VAT; with service_credit they lower the taxable base before VAT. The amount due is rounded half up to the plan's step (CHF: 0.05). The final payment is the part of it held back: releasable only when every condition of the plan's final_payment.release_when holds (default: a verification that decrypted and re-hashed every file, a complete handover, no open reserve), each listed met or not with its evidence from --verification, --receipt and --attestation. A verification without a key never counts as a decrypting one; the incoming provider's signed receipt of one does. Lateness is counted per deliverable to its delivery date (the manifest's creation date); without a manifest, to --date (default today). Amounts are exact decimals, written as strings in --json (\"21924.50\"). Exits 0 when the final payment is releasable, 1 when it is not, 2 for bad input.",
      extract:
        "Decrypts and reads the archive once, checking everything `verify --decryption-key` checks, while it writes into a private temporary folder beside DIR. Only when every check passed (signature by the pinned signer, archive digest, OpenPGP integrity, every file, the bag's own manifests, completeness) is the bag moved into DIR/<id>. On any fault, or on Ctrl-C, nothing is left in DIR. Entries with absolute paths, '..', links or devices are refused. Exits 0 when extracted, 1 when a fault was found, 2 when it could not check.",
      init: "Writes DIR/exit-plan.yaml: the four families of deliverables (backups and data, passwords and access, configurations, documentation and inventory) and the usual extras (restore-test record, MFA recovery codes, registrar and DNS, licences and third-party contracts, records of processing), each with a one-line comment, the contract, the parties and the compensation to fill in. It names the plan's JSON Schema so that editors complete and check it, and it passes `exitkit validate` as written. An existing plan is never overwritten without --force (exit 2).",
      validate:
        'Checks the plan against its JSON Schema, then its meaning: unique ids, real dates in order, waivers with a reason and an approver, key files that parse as OpenPGP keys, sources inside the plan folder. Every problem is listed with file:line:column. Exits 0 when valid, 2 otherwise.',
      verify:
        "Checks the manifest's signature against the pinned signer (--signer, or the outgoing key of --plan; a manifest cannot pin its own signer), the archive's size and SHA-256, and completeness against the plan. With --decryption-key it also decrypts the archive as a stream and re-hashes every file against the signed manifest and the bag's own manifests; missing, extra, altered, truncated and unsafe entries are each named. Nothing decrypted is kept. Exits 0 when everything holds, 1 when a fault is found, 2 when it could not check.",
      walk: `Goes family by family (backups, credentials, configurations, documentation, inventory, other), resolves each deliverable's sources and runs its checks: present, non-empty, min_bytes, max_age_days (a backup older than that is stale), inventory CSV columns (with counts by type), credential exports in an encrypted format (KeePass KDBX, encrypted Bitwarden export, OpenPGP, age) or else flagged as clear text by name, never shown. Symlinks and special files are errors naming the path.

On a terminal it then asks, deliverable by deliverable, whether to mark it ready, waive it (with a reason and who approved it) or leave it, and writes the statuses back into the plan, keeping its comments, order and formatting. Nothing is written without an answer. --no-input (or --json, or no terminal) only reports.

Exits 0 when every required deliverable is ready or waived, 1 otherwise, 2 when the plan cannot be read.`,
      'keys:generate': `Writes PREFIX.pub.asc (the public key, to hand to the other parties and to name in the plan) and PREFIX.sec.asc (the private key, to keep). The key is a v4 OpenPGP key that GnuPG 2.2 imports as it is: Ed25519 for signing with a Curve25519 encryption subkey by default, or RSA 4096 with --type rsa4096. It advertises no AEAD feature, so messages encrypted to it are SEIPD v1, which GnuPG 2.2 decrypts.

The private key is protected by a passphrase read from --passphrase-file, else EXITKIT_PASSPHRASE, else asked twice on the terminal (hidden); --no-passphrase makes an unprotected key. Existing files are never overwritten without --force.`,
      'keys:show':
        'Reads an armored OpenPGP key file (public or private, as exitkit keys generate or gpg --export --armor writes it) and shows its fingerprint, user ids, algorithms, creation and expiry dates, and whether it can sign and encrypt now. A private key is not unlocked: no passphrase is asked. Exits 0 when the key was read, 2 when the file is not a key.',
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
      },
      acknowledge: {
        verification:
          'the verification to acknowledge: the JSON that `exitkit verify --json` wrote for this manifest',
        plan: "the exit plan: gives the signer's role, and runs a verification when --verification is not given",
        out: 'folder for the receipt (default: beside the manifest)',
        force: 'replace an existing receipt',
      },
      bundle: {
        out: 'folder to write the three files into',
        signingKey: "the outgoing provider's armored private key, which signs the manifest",
        allowIncomplete:
          'bundle even while a required deliverable is not ready (the manifest says complete: false)',
        algorithm: 'digest of the BagIt manifests and the exit manifest',
        force: 'replace a bundle of the same plan id already in DIR',
      },
      compensation: {
        receipt:
          "a signed receipt (<id>.receipt.json, from `exitkit acknowledge`), checked against the plan's client and incoming keys and the --manifest; repeatable, one a party",
        attestation:
          'the deletion attestation (<id>.deletion.json) for the deletion_attested condition (this version does not check one: it stays unmet)',
      },
      extract: { to: 'the folder that receives the bag, as DIR/<id>' },
      init: {
        lang: 'language of the comments, titles and rendered documents (and of these messages)',
        id: 'plan id (default: from the folder name)',
        force: 'replace an existing exit-plan.yaml',
      },
      verify: {
        plan: "the exit plan: pins the outgoing provider's key as the signer, and completeness is checked against it",
        signer: "the outgoing provider's public key (armored): the only key whose signature is accepted",
        archive: 'the encrypted archive (default: the file the manifest names, beside it)',
        receipt:
          'a receipt (<id>.receipt.json) to check too: signed by the client or incoming key of --plan, for this manifest',
      },
      walk: { noInput: 'never ask: report only (for scripts and CI)' },
      keys: {
        name: "the party's name, as in the plan",
        email: "the party's contact address",
        out: 'path prefix: writes PREFIX.pub.asc and PREFIX.sec.asc',
        type: 'key algorithm',
        noPassphrase: 'leave the private key unprotected (for tests and throwaway keys)',
        force: 'overwrite existing key files',
      },
    },
    /** oclif's section headings, as oclif 4 writes them. */
    /** The examples' descriptions, by command (the commands themselves are not words). */
    examples: {
      acknowledge: {
        fromVerification: 'The client keeps the verdict of verify, then signs a receipt for it',
        withPlan: 'The incoming provider verifies and signs in one step, the receipt written into receipts/',
      },
      bundle: {
        signed: "Build the handover into handover/, signed with the outgoing provider's key",
        recipient: 'The same, with the passphrase in a file and an auditor as one more recipient',
        incomplete: 'Build it even though a required deliverable is not ready, and print the result as JSON',
      },
      checklist: {
        markdown: "The checklist as Markdown on stdout, in the plan's language",
        verified: 'With the manifest and the verification, as printable HTML',
        english: 'In English, as Markdown, into a file',
        template: 'With your own layout',
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
    noFile: (id: string, status: string, sources: string[]) =>
      `${id} is ${status} but its sources name no file${sources.length ? ` (${sources.join(', ')})` : ''}`,
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
      files: number;
      bytes: string;
      archive: string;
      size: string;
      missing?: string[] | undefined;
      recipients: string[];
      signer: string;
      seconds: number;
    }) =>
      `${b.id}: ${count(b.files, 'file', 'files')}, ${b.bytes} in ${b.archive} (${b.size}), ` +
      `${b.missing ? `INCOMPLETE (missing: ${b.missing.join(', ')})` : 'complete'}; ` +
      `encrypted to ${b.recipients.join(', ')}; signed by ${b.signer}; ${b.seconds.toFixed(1)} s`,
  },
  progress: {
    line: (done: string, total: string, pct: number, rate: string, left?: string) =>
      `bundling ${done} of ${total} (${pct} %), ${rate}/s${left === undefined ? '' : `, ${left} left`}`,
  },
  /** The faults of a verification: `--json` keeps them in English. */
  verdict: {
    badSignature: (reason?: string) => `signature: ${reason ?? 'the manifest signature is not valid'}`,
    archiveSize: (size: number, signed: number) => `its size is ${size} bytes; the manifest signed ${signed}`,
    archiveDigest: (digest: string, signed: string) =>
      `its sha256 is ${digest}; the manifest signed ${signed}`,
    archive: (file: string, fault: string) => `archive ${file}: ${fault}`,
    cannotDecrypt: (file: string, why: string) => `archive ${file}: cannot be decrypted: ${why}`,
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
  /** The report of verify and extract. */
  report: {
    manifest: (file: string, id: string, created: string) => `manifest ${file} (${id}, created ${created})`,
    signatureValid: (fingerprint?: string) =>
      `signature: valid, by the pinned signer ${fingerprint ?? ''}`.trimEnd(),
    signatureNotValid: 'signature: NOT VALID',
    archiveOk: (file: string, size: number, digest: string) =>
      `archive: ${file}, ${size} bytes, sha256 ${digest} as signed`,
    archiveNotOk: (file: string) => `archive: ${file} does NOT match the manifest`,
    files: (n: number, integrity: boolean) =>
      `files: ${n} re-hashed after decryption; OpenPGP integrity check ${integrity ? 'passed' : 'FAILED'}`,
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
    /** `problem` is the manifest's shape problem (English: it names JSON fields). */
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
  acknowledge: {
    receipt: (file: string) => `receipt: ${file}`,
    signature: (file: string) => `signature: ${file}`,
    signedBy: (fingerprint: string, who: string | undefined, ok: boolean, missing: string[]) =>
      `signed by ${fingerprint}${who ? ` (${who})` : ''}, acknowledging the verdict ${ok ? 'OK' : 'NOT OK'}${missing.length ? `, missing: ${missing.join(', ')}` : ''}`,
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
  validate: {
    valid: (file: string, id: string, n: number, warnings: number) =>
      `${file}: valid plan "${id}", ${count(n, 'deliverable', 'deliverables')}${warnings ? `, ${count(warnings, 'warning', 'warnings')}` : ''}`,
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
