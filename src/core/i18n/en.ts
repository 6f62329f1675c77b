/**
 * English: the reference catalog (its keys are every catalog's keys). `{name}` is a placeholder;
 * `{one, other}` a plural, picked on `{count}` or on the placeholder `by` names (see index.ts).
 * Templates read this as `t` (e.g. `{{t.checklist.parties.heading}}`).
 */
export const en = {
  /** Between a label and its value. */
  colon: ': ',
  /** Between two clauses ("waived: …; approved by …"). */
  semicolon: '; ',
  roles: { client: 'Client', outgoing: 'Outgoing provider', incoming: 'Incoming provider' },
  statuses: { pending: 'pending', ready: 'ready', delivered: 'delivered', waived: 'waived' },
  /** A deliverable's verification result (core/checklist.ts RowVerification). */
  checks: {
    intact: 'intact',
    altered: 'altered',
    listed: 'listed, not re-hashed',
    'not-delivered': 'not delivered',
  },
  answers: { yes: 'yes', no: 'no' },
  units: {
    sizes: { b: 'B', kb: 'KB', mb: 'MB', gb: 'GB', tb: 'TB' },
    days: { one: '{count} day', other: '{count} days' },
    files: { one: '{count} file', other: '{count} files' },
    items: { one: 'item', other: 'items' },
    perDay: '/ day',
  },
  families: {
    backups: 'Backups and data',
    credentials: 'Passwords and access',
    configurations: 'Configurations',
    documentation: 'Technical documentation',
    inventory: 'Inventory',
    other: 'Other',
  },
  sign: {
    nameAndTitle: 'Name and title',
    placeAndDate: 'Place and date',
    namePlaceDate: 'Name, place and date',
    signature: 'Signature',
    reserves: 'Reserves (write “none” if none)',
  },
  checklist: {
    heading: 'Handover record: {title}',
    kicker: 'Reversibility · handover record · annex to contract {reference}',
    subtitle: 'Reversibility · annex to contract {reference} · plan {plan} · {date}',
    complete: 'Handover complete',
    completeDetail: {
      one: '{settled} of {total} deliverable handed over or waived',
      other: '{settled} of {total} deliverables handed over or waived',
      by: 'total',
    },
    incomplete: 'Handover incomplete',
    incompleteDetail: {
      one: '{count} required deliverable missing',
      other: '{count} required deliverables missing',
    },
    lateDetail: ', {count} late',
    facts: {
      contract: 'Contract',
      contractEnd: 'Contract end',
      reversibility: 'Reversibility period',
      period: '{start} – {end}',
      assistance: 'Transition assistance',
      plan: 'Plan',
      date: 'Date',
    },
    parties: {
      heading: 'Parties',
      role: 'Role',
      name: 'Name',
      contact: 'Contact',
      fingerprint: 'Key fingerprint',
    },
    manifest: {
      heading: 'Signed manifest',
      file: 'File',
      created: 'Created',
      sha256: 'SHA-256 of the manifest',
      signer: 'Signed by (fingerprint)',
      payload: 'Payload',
      archive: 'Archive',
      encryptedTo: 'Encrypted to',
    },
    verification: {
      heading: 'Verification',
      verified: 'verified',
      failed: 'failed',
      on: 'on {date}',
      signature: 'signature',
      valid: 'valid',
      notValid: 'not valid',
      archive: 'archive',
      matches: 'matches the manifest',
      doesNotMatch: 'does not match',
      complete: 'complete against the plan',
      incomplete: 'incomplete',
      decrypted: {
        one: '{count} file decrypted and re-hashed',
        other: '{count} files decrypted and re-hashed',
      },
      notDecrypted: 'not decrypted',
    },
    deliverables: {
      heading: 'Deliverables',
      deliverable: 'Deliverable',
      owner: 'Owner',
      due: 'Due',
      status: 'Status',
      files: 'Files',
      verification: 'Verification',
      notes: 'Notes',
      optional: 'optional',
      more: 'and {count} more',
      missing: 'MISSING',
      late: { one: 'LATE {count} day', other: 'LATE {count} days' },
      waived: 'Waived: {reason}',
      approvedBy: 'approved by {name}',
      approvedOn: ' on {date}',
    },
    inventory: {
      heading: 'Inventory',
      missingColumns: 'missing columns: {columns}',
      type: 'Type',
      location: 'Location',
      count: 'Count',
      noType: 'no type column',
      noLocation: 'no location column',
    },
    actions: {
      heading: 'Open actions',
      done: 'Done',
      action: 'Action',
      responsible: 'Responsible',
      initials: 'Date and initials',
      concerns: 'Concerns: {ids}',
      list: {
        'rotate-secrets':
          'Rotate every handed-over password, API key and MFA secret (recovery codes included).',
        'revoke-accounts':
          'Revoke the outgoing provider’s accounts: administrators, service accounts, shared mailboxes.',
        'revoke-remote-access':
          'Revoke the outgoing provider’s VPN access and remove its remote-access tools (RMM agents, TeamViewer, AnyDesk…).',
        'move-registrar-dns': 'Move ownership of the domain registrar and DNS accounts to the client.',
        'move-licence-portals':
          'Move ownership of licence portals and cloud subscriptions (Microsoft 365, vendors) to the client.',
        'confirm-restore-test':
          'Confirm a restore test of the handed-over backups, with its date and result.',
        'sign-inventory': 'Check and sign the inventory of covered equipment and software (both parties).',
        'plan-assistance': {
          one: 'Schedule the {count} day of transition assistance owed by the outgoing provider.',
          other: 'Schedule the {count} days of transition assistance owed by the outgoing provider.',
        },
      },
    },
    glossary: {
      heading: 'Glossary',
      terms: {
        fingerprint: {
          term: 'Fingerprint',
          definition:
            'The 40 hexadecimal digits that identify an OpenPGP key. Compare a party’s fingerprint with that party by another channel (telephone, in person) before relying on its signature.',
        },
        digest: {
          term: 'SHA-256, SHA-512',
          definition:
            'A digest: a 64- or 128-digit number computed from a file’s exact content. Any change to the file, even one byte, gives another digest.',
        },
        manifest: {
          term: 'Manifest',
          definition:
            'The list the outgoing provider signs of everything handed over: each deliverable, each file with its size and digest, and the archive’s size and digest.',
        },
        signature: {
          term: 'Signature',
          definition:
            'An OpenPGP signature proves that the holder of a key approved these exact bytes; GnuPG or exitkit checks it against the key the plan names.',
        },
        waiver: {
          term: 'Waiver',
          definition:
            'The agreement, recorded in the plan with its reason and who approved it, that a deliverable will not be handed over.',
        },
        reserve: {
          term: 'Reserve',
          definition:
            'A shortcoming a party records in its signed receipt of the handover, with the deliverable it concerns and its due date; it stays open until that party lifts it in its next receipt.',
        },
      },
    },
    signoff: {
      heading: 'Sign-off',
      intro:
        'By signing, each party confirms the status of the deliverables and the conclusion above on the date written beside its signature.',
    },
    notes: {
      noManifest:
        'No manifest was given: files are those found on disk from the plan’s sources, not a signed record.',
      noVerification:
        'No verification was given: the archive has not been checked against this checklist (`exitkit verify`).',
      notDecrypted:
        'The verification did not decrypt the archive: files are listed in the signed manifest but were not re-hashed.',
      lateness: 'Without a manifest, lateness is counted to {date}, the date of this checklist.',
    },
    footer: 'Generated by exitkit on {date} from plan {plan}',
    footerSha: ' (SHA-256 {sha}…)',
    footerEnd: '. Credentials are listed by name and file name only.',
  },
  compensation: {
    heading: 'Reversibility statement: {title}',
    kicker: 'Reversibility · reversibility statement · contract {reference}',
    subtitle: 'Reversibility · contract {reference} · plan {plan} · {date}',
    amountDue: 'Amount due: {total}, of which held back until release: {held}.',
    releasable: 'Final payment of {amount} can be released',
    heldBack: 'Final payment of {amount} is held back',
    releasableWhy: 'every release condition holds',
    heldBackWhy: 'not every release condition holds',
    facts: {
      contract: 'Contract',
      plan: 'Plan',
      date: 'Date',
      handover: 'Handover date',
      noManifest: 'no manifest: date of this statement',
      fromManifest: 'manifest',
      total: 'Amount due',
      held: 'of which held back until release',
    },
    fees: {
      heading: 'Price of the reversibility services',
      item: 'Item',
      quantity: 'Quantity',
      unitPrice: 'Unit price',
      amount: 'Amount',
      subtotal: 'Price excl. VAT',
    },
    penalties: {
      heading: 'Penalties',
      named: ' (“{name}”)',
      indemnity:
        'Contractual penalties{named} are an indemnity, outside the scope of VAT: they are set off against the amount due after VAT.',
      serviceCredit:
        'The contract defines the penalties{named} as service credits: a price reduction, taken off the price before VAT.',
      cause: 'Cause',
      rate: 'Rate',
      amount: 'Amount',
      late: { one: 'late {count} day', other: 'late {count} days' },
      missing: 'missing',
      pastDue: {
        one: '{count} day past due on the date of this statement',
        other: '{count} days past due on the date of this statement',
      },
      due: 'due {date}',
      beforeCap: 'Penalties before the cap',
      cap: 'Cap: {percent} of the price excl. VAT, {amount}.',
      capApplies: 'The cap applies',
      capReduced: ': penalties are reduced to {amount}.',
      capNotReached: 'The cap does not apply.',
      none: 'No penalty: every deliverable the outgoing provider owes was handed over or waived, on time.',
      prefixed: '{name} — {label}',
      missingLabel: 'Missing: {title} ({id})',
      notIntactLabel: 'Not intact: {title} ({id})',
      lateLabel: {
        one: 'Late by {count} day: {title} ({id})',
        other: 'Late by {count} days: {title} ({id})',
      },
    },
    total: {
      heading: 'Amount due',
      amount: 'Amount',
      fees: 'Price excl. VAT',
      credits: 'Service credits',
      capped: ' (capped)',
      taxableBase: 'Taxable base',
      vat: 'VAT {percent}',
      withVat: 'Price incl. VAT',
      setOff: 'Penalties set off (indemnity, outside VAT)',
      setOffCapped: ', capped',
      rounding: 'Rounding to {step}',
      total: 'Amount due',
      held: 'of which held back until release (VAT included)',
      payableNow: 'of which payable now',
    },
    obligations: {
      heading: 'The other parties’ own open obligations',
      intro:
        'These deliverables are owed by another party than the outgoing provider: they hold completeness but cost the outgoing provider no penalty.',
      due: 'due {date}',
    },
    finalPayment: {
      heading: 'Final payment',
      heldBack: 'Held back until release',
      partOf: 'part of the amount due (VAT included; {how})',
      setOff: 'the penalties are set off against the amount due',
      deducted: 'the service credits are already deducted',
      basisTotal: '; the plan names no final payment: the whole amount due is held',
      planned: '; the plan names {amount}, more than the amount due',
      due: '; due {date}',
      condition: 'Release condition',
      met: 'Met',
      evidence: 'Evidence',
      releasable: 'Releasable: every condition holds.',
      notReleasable: 'Not releasable yet: every condition marked no must hold first.',
    },
    conditions: {
      labels: {
        decrypted_verification: 'a verification that decrypted and re-hashed every file',
        complete: 'the handover is complete',
        no_open_reserves: 'no open reserve',
        reversibility_ended: 'the reversibility period has ended',
        deletion_attested: 'the deletion of the data is attested',
        receipt_client: 'the client’s signed receipt',
        receipt_incoming: 'the incoming provider’s signed receipt',
      },
      owners: { client: 'client', outgoing: 'outgoing provider', incoming: 'incoming provider' },
      and: '; ',
      decrypted:
        'the verification of {date} decrypted the archive and re-hashed every file ({count}): all intact, signature and archive digest valid',
      incomingReceipt:
        '{name} signed on {date} (key {key}) a receipt of a verification that decrypted the archive and re-hashed every file',
      noVerification: 'no verification given',
      keyless:
        'the verification given did not decrypt the archive: it vouches for the signature and the archive’s digest, not for the content',
      decryptedFaults: 'the decrypting verification did not hold: {faults}',
      badSignature: 'the manifest’s signature is not valid',
      badArchive: 'the archive does not match the manifest',
      badIntegrity: 'the OpenPGP integrity check failed',
      badFiles: 'files altered, missing or unexpected: {paths}',
      partial: '{checked} of {total} files re-hashed',
      incomingKeyless: 'the receipt of {name} rests on a verification that did not decrypt',
      incomingNotOk: 'the receipt of {name} records a decrypting verification that did not hold',
      howToDecrypt:
        'give --verification (what `exitkit verify --decryption-key KEY --json` wrote) or the incoming provider’s receipt (--receipt)',
      nothingHandedOver:
        'no manifest or verification given: nothing shows what was handed over (the plan’s statuses are not evidence)',
      perVerification: 'per the verification',
      perManifest: 'per the manifest, not verified here',
      missing: 'not handed over intact nor waived ({source}): {ids}',
      verificationIncomplete: 'the verification found the handover incomplete',
      complete: 'every required deliverable was handed over intact or waived ({source})',
      noReceiptNoReserve: 'no receipt given: no reserve known',
      reservesUnknown: 'cannot tell: the receipt {files} does not hold',
      openReserves: 'open reserves: {items}',
      noReserve: 'the receipts given ({who}) record no open reserve',
      reversibilityEnded: 'the reversibility period ended on {end}',
      reversibilityRunning: 'the reversibility period ends on {end}; this statement is of {date}',
      noAttestation: 'no deletion attestation given (--attestation)',
      attestationInvalid: 'the attestation {file} does not hold: {faults}',
      attested:
        '{name} attests the deletion of the data, completed on {date} ({method}; key {key}), after this delivery',
      receiptSigned: '{name} signed a receipt on {date} (key {key}) for this manifest and archive',
      receiptNotOk: 'the receipt of {name} records a verdict that is not OK',
      receiptInvalid: 'no valid receipt of {name}: {what}',
      noReceipt: 'no receipt of {name} given (--receipt)',
    },
    rules: {
      heading: 'Rules applied',
      exact:
        'Amounts are exact decimals (never binary floating point); each fee line is its amount or quantity × unit price, to the cent, half up. The fees are the price of the reversibility services: VAT applies to them.',
      owner:
        'Only a deliverable the outgoing provider owes costs it a penalty. A missing deliverable owed by the client or the incoming provider costs no penalty: it holds completeness and is listed as that party’s own open obligation.',
      lateFromManifest:
        'A deliverable handed over after its due date costs {rate} per day, from its due date to its own delivery date (the manifest’s creation date, {date}, UTC).',
      lateFromDeliveries:
        'A deliverable handed over after its due date costs {rate} per day, from its due date to its own delivery date: the creation date (UTC) of the first delivery in which it arrived intact.',
      lateToDate:
        'A deliverable handed over after its due date costs {rate} per day, from its due date to its own delivery date ({date}, the date of this statement, as no manifest was given).',
      missing:
        'A required deliverable neither handed over intact nor waived costs {rate}, or what it would cost delivered late on the date of this statement ({date}) when that is more: never delivering never costs less than delivering late. It is not also charged as late.',
      capped: 'Penalties are capped at {percent} of the fees before VAT ({cap}).',
      uncapped: 'No cap is set on the penalties.',
      indemnity:
        'Penalties are a contractual indemnity, outside the scope of VAT (Switzerland: LTVA art. 18 para. 2 let. i; France: an indemnity is not the consideration of a service): VAT is computed on the fees alone, and the penalties are set off against the amount due after VAT, never beyond it.',
      serviceCredit:
        'The contract defines the penalties as service credits (a price reduction): they are taken off the fees before VAT, and the taxable base is never below zero.',
      vat: 'VAT is {percent} of the taxable base, to the cent, half up. The amount due is rounded half up to {step}.',
      release:
        'The final payment is part of the amount due (VAT included, {how}): the client holds it back until every release condition of the plan holds ({conditions}); the rest is payable now.',
      setOff: 'penalties already set off',
      deducted: 'service credits already deducted',
      keyless:
        'A verification that did not decrypt the archive vouches for the signature and the archive’s digest, not for the content: it never counts as a verification that decrypted and re-hashed every file.',
    },
    approval: { heading: 'Approval' },
    footer: 'Generated by {generator} on {date} from plan {plan}',
    footerEnd: '. Amounts in {currency}, computed in exact decimals.',
  },
  /** The plan's exit section, as the checklist shows it (core/exit-record.ts). */
  exitPlan: {
    heading: 'Exit plan',
    intro:
      'What the parties wrote down for this exit: what triggers it, how it runs, who runs it, when it is done.',
    introRegulated:
      'What the parties wrote down for this exit, under {rule}: what triggers it, how it runs, who runs it, when it is done.',
    rules: {
      dora: 'DORA Art. 28(8)',
      eba: 'EBA GL 2019/02 §§106-108',
      finma: 'FINMA circular 2018/3',
    },
    triggers: 'Triggers',
    scenarios: 'Scenarios',
    scenario: 'Scenario',
    description: 'How it runs',
    target: 'Target duration',
    roles: 'Roles',
    party: 'Party',
    role: 'Role',
    person: 'Holder',
    deputy: 'Deputy',
    noDeputy: 'none named',
    successCriteria: 'Success criteria',
    nextReview: 'Next review of the plan',
    reviewPast: 'past: the plan is due for review',
  },
  /** The deletion attestation, as the checklist shows it (core/attestation.ts). */
  attestation: {
    heading: 'Deletion attestation',
    intro:
      'After the data was returned, the outgoing provider attests under its signature that it deleted its copies (GDPR Art. 28(3)(g), nLPD, DORA Art. 30).',
    holds: 'Checked: signed by the outgoing provider’s key of the plan, for this plan, after this delivery.',
    fails: 'Does not hold: {faults}.',
    file: 'File',
    date: 'Deletion completed on',
    method: 'Method',
    systems: 'Systems',
    datasets: 'Data sets',
    retained: 'Retained, and legal basis',
    nothing: 'nothing',
    notNamed: 'not named',
    follows: 'Follows the manifest',
    signer: 'Signed by (fingerprint)',
    faults: {
      signature:
        'it is not signed by the outgoing provider’s key of the plan, or was changed after it was signed',
      signer: 'it names another signer than the key that signed it',
      plan: 'it is for another exit',
      delivery: 'it follows another delivery than this one',
      older: 'it is older than this delivery: it follows an earlier one',
      before: 'it is dated before the delivery it follows',
    },
  },
  /** The rehearsal report (`exitkit rehearse`, core/rehearsal.ts). */
  rehearsal: {
    title: 'Exit rehearsal: {title}',
    kicker: 'Exit plan test · rehearsal report',
    intro:
      'The exit rehearsed end to end with throwaway keys made for the run: the deliverables walked, then bundled, verified (decrypted and re-hashed) and extracted in a scratch folder removed afterwards. No real key was used and nothing was handed over.',
    passed: 'Rehearsal passed: every step succeeded',
    failed: { one: 'Rehearsal failed: {count} step failed', other: 'Rehearsal failed: {count} steps failed' },
    facts: {
      plan: 'Plan',
      planFile: 'Plan file',
      sha256: 'SHA-256 of the plan file',
      date: 'Rehearsed on',
      ranBy: 'Run by',
      payload: 'Payload rehearsed',
      full: 'Full payload',
      estimate: 'Estimated duration of the exit',
    },
    sample: {
      one: 'sample of {count} file per deliverable',
      other: 'sample of {count} files per deliverable',
    },
    whole: 'the whole payload',
    user: 'user {user} (report not signed)',
    signer: '{user}, key {fingerprint}',
    steps: {
      heading: 'Steps',
      step: 'Step',
      status: 'Result',
      time: 'Time',
      throughput: 'Throughput',
      estimate: 'Estimate',
    },
    stepNames: {
      walk: 'Walk the deliverables',
      bundle: 'Bundle: encrypt and sign',
      verify: 'Verify: decrypt and re-hash',
      extract: 'Extract',
    },
    statuses: { passed: 'passed', failed: 'failed', skipped: 'not run' },
    perSecond: '{size}/s',
    estimateNote: 'Estimate: each step’s measured throughput applied to the full payload ({size}).',
    sampleNote:
      'With a small sample, the fixed costs (keys, signatures) weigh more and the estimate runs high.',
    findings: {
      heading: 'Findings',
      none: 'No finding.',
      step: 'Step',
      deliverable: 'Deliverable',
      finding: 'Finding',
    },
    levels: { error: 'error', warning: 'warning' },
    unknown: 'unknown',
    units: { seconds: '{n} s', minutes: '{m} min {s} s', hours: '{h} h {m} min' },
    footer: 'Generated by {generator} on {date} from plan {plan}. rehearsal.json holds the same facts',
    footerSigned: ', signed in rehearsal.json.asc',
  },
  /** The record the parties sign (core/record.ts): delivered items, receipts, reserves, conclusion. */
  record: {
    delivered: 'delivered on {date}',
    deliveredIn: 'delivered on {date} (delivery {delivery})',
    footerDigests:
      ' File digests are shortened to their first 16 hex digits (the full digests are in the signed manifest).',
    footerFingerprints: ' Key fingerprints are shown in full.',
    receipts: {
      heading: 'Receipts',
      intro:
        'Each party acknowledges the delivery with a signed receipt (`exitkit acknowledge`); the latest receipt of each party counts.',
      party: 'Party',
      signed: 'Signed on',
      key: 'Key (fingerprint)',
      check: 'Check',
      holds:
        'valid: signed by this party’s key of the plan, for this manifest, with every earlier receipt of its chain',
      fails: 'not valid: {faults}',
      none: 'No receipt was given: each party writes its reserves, if any, beside its signature.',
    },
    reserves: {
      heading: 'Reserves',
      intro:
        'Recorded by the parties in their signed receipts; a reserve is lifted by the next receipt of the party that raised it.',
      id: 'No.',
      party: 'Party',
      text: 'Reserve',
      deliverable: 'Deliverable',
      due: 'Due',
      state: 'State',
      open: 'open',
      overdue: 'open, past due',
      lifted: 'lifted on {date}',
      none: 'No reserve recorded.',
    },
    conclusion: {
      heading: 'Conclusion',
      withoutReserves: 'Accepted without reserves',
      withoutReservesDetail:
        'the handover is complete and verified, and no party’s receipt records an open reserve.',
      withoutReservesNoReceipt:
        'the handover is complete and verified; no receipt was given: each party writes its reserves, if any, beside its signature.',
      withReserves: 'Accepted with reserves',
      withReservesDetail: {
        one: 'the handover is complete and verified; reserve {ids} remains open until the party that raised it lifts it.',
        other:
          'the handover is complete and verified; reserves {ids} remain open until the parties that raised them lift them.',
      },
      notYet: 'Not acceptable yet',
      notYetDetail: 'first, remedy the following:',
      why: {
        'no-manifest': 'no signed manifest was given: nothing records what was handed over',
        incomplete: {
          one: '{count} required deliverable is neither handed over nor waived',
          other: '{count} required deliverables are neither handed over nor waived',
        },
        'no-verification': 'no verification of the delivery was given (`exitkit verify`)',
        'verification-failed': 'the verification of the delivery failed',
        'receipt-invalid': 'a receipt does not hold ({files}): its party’s reserves are unknown',
      },
      open: { one: 'open reserve: {ids}', other: 'open reserves: {ids}' },
    },
  },
} as const;
