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
    heading: 'Handover checklist: {title}',
    kicker: 'Reversibility · handover checklist · annex to contract {reference}',
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
        sla: {
          term: 'SLA',
          definition: 'Service Level Agreement: the contractual commitment on delays and service levels.',
        },
        slo: {
          term: 'SLO',
          definition: 'Service Level Objective: a measurable target, e.g. 99.9 % availability.',
        },
        kpi: {
          term: 'KPI',
          definition: 'Key Performance Indicator: availability rate, MTTR, customer satisfaction (CSAT).',
        },
        mttr: {
          term: 'MTTR',
          definition:
            'Mean Time To Repair (or Restore): the average time to restore service after an incident.',
        },
        critical: {
          term: 'Critical',
          definition: 'Service down for all users (e.g. taken in charge within 4 h, resolved within 8 h).',
        },
        major: { term: 'Major', definition: 'Several users affected.' },
        minor: { term: 'Minor', definition: 'One user affected, or one bug with a workaround.' },
        improvement: { term: 'Improvement', definition: 'A request that is not urgent.' },
      },
    },
    signoff: {
      heading: 'Sign-off',
      intro:
        'By signing, each party confirms the status of the deliverables above on the date written beside its signature.',
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
    footerEnd:
      '. Credentials are listed by name and file name only. Digests shown are the first 16 hex digits; the full digests are in the signed manifest.',
  },
  compensation: {
    heading: 'Compensation summary: {title}',
    kicker: 'Reversibility · compensation summary · contract {reference}',
    subtitle: 'Reversibility · contract {reference} · plan {plan} · {date}',
    releasable: 'Final payment of {amount} can be released',
    heldBack: 'Final payment of {amount} is held back',
    facts: {
      contract: 'Contract',
      plan: 'Plan',
      date: 'Date',
      handover: 'Handover date',
      noManifest: 'no manifest: date of this summary',
      fromManifest: 'manifest',
      total: 'Total incl. VAT',
    },
    fees: {
      heading: 'Fees',
      item: 'Item',
      quantity: 'Quantity',
      unitPrice: 'Unit price',
      amount: 'Amount',
      subtotal: 'Fees subtotal',
    },
    penalties: {
      heading: 'Penalties',
      cause: 'Cause',
      rate: 'Rate',
      amount: 'Amount',
      late: { one: 'late {count} day', other: 'late {count} days' },
      missing: 'missing',
      due: 'due {date}',
      beforeCap: 'Penalties before the cap',
      cap: 'Cap: {percent} of the fees, {amount}.',
      capApplies: 'The cap applies',
      capReduced: ': penalties are reduced to {amount}.',
      capNotReached: 'The cap does not apply.',
      none: 'No penalty: every required deliverable was handed over or waived, on time.',
      missingLabel: 'Missing: {title} ({id})',
      notIntactLabel: 'Not intact: {title} ({id})',
      lateLabel: {
        one: 'Late by {count} day: {title} ({id})',
        other: 'Late by {count} days: {title} ({id})',
      },
    },
    total: {
      heading: 'Total',
      amount: 'Amount',
      fees: 'Fees',
      penalties: 'Penalties',
      capped: ' (capped)',
      subtotal: 'Subtotal excl. VAT',
      vat: 'VAT {percent}',
      rounding: 'Rounding to {step}',
      total: 'Total incl. VAT',
    },
    finalPayment: {
      heading: 'Final payment',
      heldBack: 'Amount held back until the handover is confirmed',
      basisTotal: ' (the plan names no final payment: the total above)',
      due: ', due {date}',
      releasable: 'Releasable',
      releasableWhy: 'a verification found the handover complete and intact.',
      notReleasable: 'Not releasable yet.',
      holds: 'What holds it back:',
    },
    holds: {
      noVerification:
        'no verification was given: run `exitkit verify MANIFEST --json > verification.json` and pass --verification',
      badSignature: "the manifest's signature does not hold",
      badArchive: 'the archive does not match the manifest',
      because: ' ({why})',
      incomplete: 'the handover is incomplete: {ids} neither delivered intact nor waived',
      incompleteNoIds: 'the verification found the handover incomplete',
      altered: 'files altered, missing or unexpected in the archive: {paths}',
      notOk: 'the verification failed',
      faults: ': {faults}',
    },
    rules: {
      heading: 'Rules applied',
      exact:
        'Amounts are exact decimals (never binary floating point); each fee line is its amount or quantity × unit price, to the cent, half up.',
      missing: 'A required deliverable neither delivered intact nor waived costs {rate}.',
      lateFromManifest:
        "A deliverable handed over after its due date costs {rate} per day late, counted from the manifest's creation date ({date}, UTC); a missing deliverable is charged as missing, not also as late.",
      lateToDate:
        'A deliverable handed over after its due date costs {rate} per day late, counted to {date}, the date of this summary, as no manifest was given; a missing deliverable is charged as missing, not also as late.',
      capped:
        "Penalties are capped at {percent} of the fees' subtotal ({cap}) and reduce the fees; the subtotal is never below zero.",
      uncapped: 'Penalties reduce the fees (no cap is set); the subtotal is never below zero.',
      vat: 'VAT is {percent} of the subtotal, to the cent, half up.',
      rounding: 'The total is rounded half up to {step}.',
      release:
        'The final payment is released only when a verification (`exitkit verify`) found the handover complete and intact.',
    },
    approval: { heading: 'Approval' },
    footer: 'Generated by {generator} on {date} from plan {plan}',
    footerEnd: '. Amounts in {currency}, computed in exact decimals.',
  },
} as const;
