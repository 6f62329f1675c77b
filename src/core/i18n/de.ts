/**
 * Deutsch, wie es ein Zürcher oder Berner Unternehmen unterschreibt: Schweizer Rechtschreibung
 * (ss statt ß, «innert»), *Übergabeprotokoll*, *Reversibilität*, *Verzicht*, *Vorbehalte*,
 * *Konventionalstrafe* (OR 160 ff.: eine Entschädigung, keine Preisminderung), *MWST*.
 */
import type { Words } from './index.js';

export const de: Words = {
  colon: ': ',
  semicolon: '; ',
  roles: { client: 'Auftraggeber', outgoing: 'Bisheriger Dienstleister', incoming: 'Neuer Dienstleister' },
  statuses: { pending: 'in Vorbereitung', ready: 'bereit', delivered: 'übergeben', waived: 'Verzicht' },
  checks: {
    intact: 'unversehrt',
    altered: 'verändert',
    listed: 'aufgeführt, Prüfsumme nicht neu berechnet',
    'not-delivered': 'nicht übergeben',
  },
  answers: { yes: 'ja', no: 'nein' },
  units: {
    sizes: { b: 'B', kb: 'KB', mb: 'MB', gb: 'GB', tb: 'TB' },
    days: { one: '{count} Tag', other: '{count} Tage' },
    files: { one: '{count} Datei', other: '{count} Dateien' },
    items: { one: 'Eintrag', other: 'Einträge' },
    perDay: '/ Tag',
  },
  families: {
    backups: 'Datensicherungen und Daten',
    credentials: 'Passwörter und Zugänge',
    configurations: 'Konfigurationen',
    documentation: 'Technische Dokumentation',
    inventory: 'Inventar',
    other: 'Übriges',
  },
  sign: {
    nameAndTitle: 'Name und Funktion',
    placeAndDate: 'Ort und Datum',
    namePlaceDate: 'Name, Ort und Datum',
    signature: 'Unterschrift',
    reserves: 'Vorbehalte («keine», falls keine)',
  },
  checklist: {
    heading: 'Übergabeprotokoll: {title}',
    kicker: 'Reversibilität · Übergabeprotokoll · Anhang zum Vertrag {reference}',
    subtitle: 'Reversibilität · Anhang zum Vertrag {reference} · Plan {plan} · {date}',
    complete: 'Übergabe vollständig',
    completeDetail: {
      one: '{settled} von {total} Liefergegenstand übergeben oder mit Verzicht erledigt',
      other: '{settled} von {total} Liefergegenständen übergeben oder mit Verzicht erledigt',
      by: 'total',
    },
    incomplete: 'Übergabe unvollständig',
    incompleteDetail: {
      one: '{count} obligatorischer Liefergegenstand fehlt',
      other: '{count} obligatorische Liefergegenstände fehlen',
    },
    lateDetail: ', {count} verspätet',
    facts: {
      contract: 'Vertrag',
      contractEnd: 'Vertragsende',
      reversibility: 'Reversibilitätsphase',
      period: '{start} – {end}',
      assistance: 'Übergangsunterstützung',
      plan: 'Plan',
      date: 'Datum',
    },
    parties: {
      heading: 'Parteien',
      role: 'Rolle',
      name: 'Name',
      contact: 'Kontakt',
      fingerprint: 'Fingerabdruck des Schlüssels',
    },
    manifest: {
      heading: 'Signiertes Manifest',
      file: 'Datei',
      created: 'Erstellt am',
      sha256: 'SHA-256 des Manifests',
      signer: 'Signiert von (Fingerabdruck)',
      payload: 'Inhalt',
      archive: 'Archiv',
      encryptedTo: 'Verschlüsselt für',
    },
    verification: {
      heading: 'Prüfung',
      verified: 'geprüft',
      failed: 'fehlgeschlagen',
      on: 'am {date}',
      signature: 'Signatur',
      valid: 'gültig',
      notValid: 'ungültig',
      archive: 'Archiv',
      matches: 'entspricht dem Manifest',
      doesNotMatch: 'entspricht nicht dem Manifest',
      complete: 'vollständig gemäss Plan',
      incomplete: 'unvollständig',
      decrypted: {
        one: '{count} Datei entschlüsselt, Prüfsumme neu berechnet',
        other: '{count} Dateien entschlüsselt, Prüfsummen neu berechnet',
      },
      notDecrypted: 'nicht entschlüsselt',
    },
    deliverables: {
      heading: 'Liefergegenstände',
      deliverable: 'Liefergegenstand',
      owner: 'Zuständig',
      due: 'Fällig',
      status: 'Status',
      files: 'Dateien',
      verification: 'Prüfung',
      notes: 'Bemerkungen',
      optional: 'optional',
      more: 'und {count} weitere',
      missing: 'FEHLT',
      late: { one: '{count} TAG VERZUG', other: '{count} TAGE VERZUG' },
      waived: 'Verzicht: {reason}',
      approvedBy: 'genehmigt von {name}',
      approvedOn: ' am {date}',
    },
    inventory: {
      heading: 'Inventar',
      missingColumns: 'fehlende Spalten: {columns}',
      type: 'Typ',
      location: 'Standort',
      count: 'Anzahl',
      noType: 'keine Spalte für den Typ',
      noLocation: 'keine Spalte für den Standort',
    },
    actions: {
      heading: 'Offene Massnahmen',
      done: 'Erledigt',
      action: 'Massnahme',
      responsible: 'Verantwortlich',
      initials: 'Datum und Visum',
      concerns: 'Betrifft: {ids}',
      list: {
        'rotate-secrets':
          'Alle übergebenen Passwörter, API-Schlüssel und MFA-Geheimnisse ändern (inklusive Wiederherstellungscodes).',
        'revoke-accounts':
          'Die Konten des bisherigen Dienstleisters sperren: Administratoren, Dienstkonten, gemeinsame Postfächer.',
        'revoke-remote-access':
          'Die VPN-Zugänge des bisherigen Dienstleisters sperren und seine Fernwartungswerkzeuge entfernen (RMM-Agenten, TeamViewer, AnyDesk…).',
        'move-registrar-dns':
          'Die Inhaberschaft der Konten bei der Domain-Registrierungsstelle und beim DNS-Anbieter auf den Auftraggeber übertragen.',
        'move-licence-portals':
          'Die Inhaberschaft der Lizenzportale und Cloud-Abonnemente (Microsoft 365, Hersteller) auf den Auftraggeber übertragen.',
        'confirm-restore-test':
          'Einen Wiederherstellungstest der übergebenen Datensicherungen bestätigen, mit Datum und Ergebnis.',
        'sign-inventory':
          'Das Inventar der erfassten Geräte und Software prüfen und unterzeichnen (beide Parteien).',
        'plan-assistance': {
          one: 'Den {count} Tag Übergangsunterstützung planen, den der bisherige Dienstleister schuldet.',
          other: 'Die {count} Tage Übergangsunterstützung planen, die der bisherige Dienstleister schuldet.',
        },
      },
    },
    glossary: {
      heading: 'Glossar',
      terms: {
        sla: {
          term: 'SLA',
          definition:
            'Service Level Agreement (Dienstleistungsvereinbarung): die vertragliche Verpflichtung zu Fristen und Servicequalität.',
        },
        slo: {
          term: 'SLO',
          definition: 'Service Level Objective: ein messbares Ziel, z. B. 99.9 % Verfügbarkeit.',
        },
        kpi: {
          term: 'KPI',
          definition:
            'Key Performance Indicator (Leistungskennzahl): Verfügbarkeit, MTTR, Kundenzufriedenheit (CSAT).',
        },
        mttr: {
          term: 'MTTR',
          definition:
            'Mean Time To Repair: die durchschnittliche Zeit bis zur Wiederherstellung des Dienstes nach einem Vorfall.',
        },
        critical: {
          term: 'Kritisch',
          definition:
            'Dienst für alle Benutzer ausgefallen (z. B. Übernahme innert 4 h, Behebung innert 8 h).',
        },
        major: { term: 'Hoch', definition: 'Mehrere Benutzer betroffen.' },
        minor: {
          term: 'Niedrig',
          definition: 'Ein Benutzer betroffen, oder ein Fehler mit Umgehungslösung.',
        },
        improvement: { term: 'Verbesserung', definition: 'Ein Anliegen ohne Dringlichkeit.' },
      },
    },
    signoff: {
      heading: 'Unterschriften',
      intro:
        'Mit ihrer Unterschrift bestätigt jede Partei den oben aufgeführten Stand der Liefergegenstände an dem neben ihrer Unterschrift eingetragenen Datum.',
    },
    notes: {
      noManifest:
        'Kein Manifest angegeben: Die Dateien sind jene, die gemäss den Quellen des Plans auf dem Datenträger gefunden wurden, kein signiertes Verzeichnis.',
      noVerification:
        'Keine Prüfung angegeben: Das Archiv wurde für dieses Protokoll nicht geprüft (`exitkit verify`).',
      notDecrypted:
        'Die Prüfung hat das Archiv nicht entschlüsselt: Die Dateien sind im signierten Manifest aufgeführt, ihre Prüfsummen wurden aber nicht neu berechnet.',
      lateness: 'Ohne Manifest wird der Verzug bis zum {date} gezählt, dem Datum dieses Protokolls.',
    },
    footer: 'Erstellt von exitkit am {date} gemäss Plan {plan}',
    footerSha: ' (SHA-256 {sha}…)',
    footerEnd:
      '. Zugangsdaten werden nur mit Namen und Dateinamen aufgeführt. Angezeigte Prüfsummen sind die ersten 16 Hexadezimalziffern; die vollständigen Prüfsummen stehen im signierten Manifest.',
  },
  compensation: {
    heading: 'Reversibilitätsabrechnung: {title}',
    kicker: 'Reversibilität · Abrechnung · Vertrag {reference}',
    subtitle: 'Reversibilität · Vertrag {reference} · Plan {plan} · {date}',
    releasable: 'Die Schlusszahlung von {amount} kann freigegeben werden',
    heldBack: 'Die Schlusszahlung von {amount} wird zurückbehalten',
    facts: {
      contract: 'Vertrag',
      plan: 'Plan',
      date: 'Datum',
      handover: 'Übergabedatum',
      noManifest: 'ohne Manifest: Datum dieser Abrechnung',
      fromManifest: 'Manifest',
      total: 'Total inkl. MWST',
    },
    fees: {
      heading: 'Preis der Reversibilitätsleistungen',
      item: 'Position',
      quantity: 'Menge',
      unitPrice: 'Einzelpreis',
      amount: 'Betrag',
      subtotal: 'Zwischensumme der Leistungen',
    },
    penalties: {
      heading: 'Konventionalstrafen',
      cause: 'Grund',
      rate: 'Ansatz',
      amount: 'Betrag',
      late: { one: '{count} Tag Verzug', other: '{count} Tage Verzug' },
      missing: 'fehlt',
      due: 'fällig am {date}',
      beforeCap: 'Konventionalstrafen vor Höchstbetrag',
      cap: 'Höchstbetrag: {percent} der Leistungen, d. h. {amount}.',
      capApplies: 'Der Höchstbetrag greift',
      capReduced: ': Die Konventionalstrafen werden auf {amount} begrenzt.',
      capNotReached: 'Der Höchstbetrag ist nicht erreicht.',
      none: 'Keine Konventionalstrafe: Jeder obligatorische Liefergegenstand wurde fristgerecht übergeben, oder es wurde auf ihn verzichtet.',
      missingLabel: 'Fehlt: {title} ({id})',
      notIntactLabel: 'Nicht unversehrt: {title} ({id})',
      lateLabel: { one: '{count} Tag Verzug: {title} ({id})', other: '{count} Tage Verzug: {title} ({id})' },
    },
    total: {
      heading: 'Total',
      amount: 'Betrag',
      fees: 'Reversibilitätsleistungen',
      penalties: 'Konventionalstrafen',
      capped: ' (begrenzt)',
      subtotal: 'Zwischensumme exkl. MWST',
      vat: 'MWST {percent}',
      rounding: 'Rundung auf {step}',
      total: 'Total inkl. MWST',
    },
    finalPayment: {
      heading: 'Schlusszahlung',
      heldBack: 'Bis zur Bestätigung der Übergabe zurückbehaltener Betrag',
      basisTotal: ' (der Plan legt keine Schlusszahlung fest: das obige Total)',
      due: ', fällig am {date}',
      releasable: 'Freigabe möglich',
      releasableWhy: 'Eine Prüfung hat die Übergabe als vollständig und unversehrt festgestellt.',
      notReleasable: 'Noch nicht freigegeben.',
      holds: 'Was die Freigabe verhindert:',
    },
    holds: {
      noVerification:
        'keine Prüfung angegeben: `exitkit verify MANIFEST --json > verification.json` ausführen und --verification angeben',
      badSignature: 'die Signatur des Manifests ist ungültig',
      badArchive: 'das Archiv entspricht nicht dem Manifest',
      because: ' ({why})',
      incomplete:
        'die Übergabe ist unvollständig: {ids} weder unversehrt übergeben noch mit Verzicht erledigt',
      incompleteNoIds: 'die Prüfung hat die Übergabe als unvollständig festgestellt',
      altered: 'Dateien im Archiv verändert, fehlend oder unerwartet: {paths}',
      notOk: 'die Prüfung ist fehlgeschlagen',
      faults: ': {faults}',
    },
    rules: {
      heading: 'Angewandte Regeln',
      exact:
        'Beträge sind exakte Dezimalzahlen (nie binäre Gleitkommazahlen); jede Preisposition ist ihr Betrag oder Menge × Einzelpreis, kaufmännisch auf zwei Nachkommastellen gerundet.',
      missing:
        'Ein obligatorischer Liefergegenstand, der weder unversehrt übergeben wurde noch Gegenstand eines Verzichts ist, kostet {rate}.',
      lateFromManifest:
        'Ein nach seinem Fälligkeitsdatum übergebener Liefergegenstand kostet {rate} pro Verzugstag, gezählt ab dem Erstellungsdatum des Manifests ({date}, UTC); ein fehlender Liefergegenstand wird als fehlend belastet, nicht zusätzlich als verspätet.',
      lateToDate:
        'Ein nach seinem Fälligkeitsdatum übergebener Liefergegenstand kostet {rate} pro Verzugstag, gezählt bis zum {date}, dem Datum dieser Abrechnung, da kein Manifest angegeben wurde; ein fehlender Liefergegenstand wird als fehlend belastet, nicht zusätzlich als verspätet.',
      capped:
        'Die Konventionalstrafen sind auf {percent} der Zwischensumme der Leistungen ({cap}) begrenzt und werden von den Leistungen abgezogen; die Zwischensumme ist nie negativ.',
      uncapped:
        'Die Konventionalstrafen werden von den Leistungen abgezogen (kein Höchstbetrag); die Zwischensumme ist nie negativ.',
      vat: 'Die MWST beträgt {percent} der Zwischensumme, kaufmännisch auf zwei Nachkommastellen gerundet.',
      rounding: 'Das Total wird kaufmännisch auf {step} gerundet.',
      release:
        'Die Schlusszahlung wird erst freigegeben, wenn eine Prüfung (`exitkit verify`) die Übergabe als vollständig und unversehrt festgestellt hat.',
    },
    approval: { heading: 'Genehmigung' },
    footer: 'Erstellt von {generator} am {date} gemäss Plan {plan}',
    footerEnd: '. Beträge in {currency}, in exakten Dezimalzahlen berechnet.',
  },
};
