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
        fingerprint: {
          term: 'Fingerabdruck (Schlüssel)',
          definition:
            'Die 40 Hexadezimalziffern, die einen OpenPGP-Schlüssel bezeichnen. Vergleichen Sie den Fingerabdruck einer Partei mit ihr über einen anderen Kanal (Telefon, persönlich), bevor Sie sich auf ihre Signatur verlassen.',
        },
        digest: {
          term: 'SHA-256, SHA-512',
          definition:
            'Eine Prüfsumme: eine 64- oder 128-stellige Zahl, berechnet aus dem genauen Inhalt einer Datei. Jede Änderung der Datei, auch nur eines Bytes, ergibt eine andere Prüfsumme.',
        },
        manifest: {
          term: 'Manifest',
          definition:
            'Die vom bisherigen Dienstleister signierte Liste von allem, was übergeben wird: jede Leistung, jede Datei mit Grösse und Prüfsumme, sowie Grösse und Prüfsumme des Archivs.',
        },
        signature: {
          term: 'Signatur',
          definition:
            'Eine OpenPGP-Signatur beweist, dass der Inhaber eines Schlüssels genau diese Bytes gebilligt hat; GnuPG oder exitkit prüft sie mit dem Schlüssel, den der Plan nennt.',
        },
        waiver: {
          term: 'Verzicht',
          definition:
            'Die im Plan mit Begründung und genehmigender Person festgehaltene Vereinbarung, dass eine Leistung nicht übergeben wird.',
        },
        reserve: {
          term: 'Vorbehalt',
          definition:
            'Ein Mangel, den eine Partei in ihrer signierten Empfangsbestätigung der Übergabe festhält, mit dem betroffenen Liefergegenstand und einer Frist; er bleibt offen, bis diese Partei ihn in ihrer nächsten Empfangsbestätigung aufhebt.',
        },
      },
    },
    signoff: {
      heading: 'Unterschriften',
      intro:
        'Mit ihrer Unterschrift bestätigt jede Partei den oben aufgeführten Stand der Liefergegenstände und das Ergebnis an dem neben ihrer Unterschrift eingetragenen Datum.',
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
    footerEnd: '. Zugangsdaten werden nur mit Namen und Dateinamen aufgeführt.',
  },
  compensation: {
    heading: 'Reversibilitätsabrechnung: {title}',
    kicker: 'Reversibilität · Reversibilitätsabrechnung · Vertrag {reference}',
    subtitle: 'Reversibilität · Vertrag {reference} · Plan {plan} · {date}',
    amountDue: 'Geschuldeter Betrag: {total}, davon bis zur Freigabe zurückbehalten: {held}.',
    releasable: 'Die Schlusszahlung von {amount} kann freigegeben werden',
    heldBack: 'Die Schlusszahlung von {amount} wird zurückbehalten',
    releasableWhy: 'jede Freigabebedingung ist erfüllt',
    heldBackWhy: 'nicht jede Freigabebedingung ist erfüllt',
    facts: {
      contract: 'Vertrag',
      plan: 'Plan',
      date: 'Datum',
      handover: 'Übergabedatum',
      noManifest: 'ohne Manifest: Datum dieser Abrechnung',
      fromManifest: 'Manifest',
      total: 'Geschuldeter Betrag',
      held: 'davon bis zur Freigabe zurückbehalten',
    },
    fees: {
      heading: 'Preis der Reversibilitätsleistungen',
      item: 'Position',
      quantity: 'Menge',
      unitPrice: 'Einzelpreis',
      amount: 'Betrag',
      subtotal: 'Preis exkl. MWST',
    },
    penalties: {
      heading: 'Konventionalstrafen',
      named: ' («{name}»)',
      indemnity:
        'Konventionalstrafen{named} sind eine Entschädigung und liegen ausserhalb des Geltungsbereichs der MWST: Sie werden nach der MWST mit dem geschuldeten Betrag verrechnet.',
      serviceCredit:
        'Der Vertrag bestimmt die Konventionalstrafen{named} als Leistungsgutschriften: eine Preisminderung, die vor der MWST vom Preis abgezogen wird.',
      cause: 'Grund',
      rate: 'Ansatz',
      amount: 'Betrag',
      late: { one: '{count} Tag Verzug', other: '{count} Tage Verzug' },
      missing: 'fehlt',
      pastDue: {
        one: 'am Datum dieser Abrechnung {count} Tag über dem Fälligkeitsdatum',
        other: 'am Datum dieser Abrechnung {count} Tage über dem Fälligkeitsdatum',
      },
      due: 'fällig am {date}',
      beforeCap: 'Konventionalstrafen vor Höchstbetrag',
      cap: 'Höchstbetrag: {percent} des Preises exkl. MWST, d. h. {amount}.',
      capApplies: 'Der Höchstbetrag greift',
      capReduced: ': Die Konventionalstrafen werden auf {amount} begrenzt.',
      capNotReached: 'Der Höchstbetrag ist nicht erreicht.',
      none: 'Keine Konventionalstrafe: Jeder Liefergegenstand, den der bisherige Dienstleister schuldet, wurde fristgerecht übergeben, oder es wurde auf ihn verzichtet.',
      prefixed: '{name} — {label}',
      missingLabel: 'Fehlt: {title} ({id})',
      notIntactLabel: 'Nicht unversehrt: {title} ({id})',
      lateLabel: { one: '{count} Tag Verzug: {title} ({id})', other: '{count} Tage Verzug: {title} ({id})' },
    },
    total: {
      heading: 'Geschuldeter Betrag',
      amount: 'Betrag',
      fees: 'Preis exkl. MWST',
      credits: 'Leistungsgutschriften',
      capped: ' (begrenzt)',
      taxableBase: 'Bemessungsgrundlage',
      vat: 'MWST {percent}',
      withVat: 'Preis inkl. MWST',
      setOff: 'Verrechnete Konventionalstrafen (Entschädigung, ohne MWST)',
      setOffCapped: ', begrenzt',
      rounding: 'Rundung auf {step}',
      total: 'Geschuldeter Betrag',
      held: 'davon bis zur Freigabe zurückbehalten (inkl. MWST)',
      payableNow: 'davon jetzt zahlbar',
    },
    obligations: {
      heading: 'Offene Pflichten der anderen Parteien',
      intro:
        'Diese Liefergegenstände schuldet eine andere Partei als der bisherige Dienstleister: Sie verhindern die Vollständigkeit, kosten den bisherigen Dienstleister aber keine Konventionalstrafe.',
      due: 'fällig am {date}',
    },
    finalPayment: {
      heading: 'Schlusszahlung',
      heldBack: 'Bis zur Freigabe zurückbehalten',
      partOf: 'Teil des geschuldeten Betrags (inkl. MWST; {how})',
      setOff: 'die Konventionalstrafen sind mit dem geschuldeten Betrag verrechnet',
      deducted: 'die Leistungsgutschriften sind bereits abgezogen',
      basisTotal:
        '; der Plan legt keine Schlusszahlung fest: Der ganze geschuldete Betrag wird zurückbehalten',
      planned: '; der Plan legt {amount} fest, mehr als der geschuldete Betrag',
      due: '; fällig am {date}',
      condition: 'Freigabebedingung',
      met: 'Erfüllt',
      evidence: 'Nachweis',
      releasable: 'Freigabe möglich: Jede Bedingung ist erfüllt.',
      notReleasable:
        'Noch nicht freigegeben: Jede mit «nein» bezeichnete Bedingung muss zuerst erfüllt sein.',
    },
    conditions: {
      labels: {
        decrypted_verification: 'eine Prüfung, die jede Datei entschlüsselt und neu geprüft hat',
        complete: 'die Übergabe ist vollständig',
        no_open_reserves: 'kein offener Vorbehalt',
        reversibility_ended: 'die Reversibilitätsphase ist abgelaufen',
        deletion_attested: 'die Löschung der Daten ist bestätigt',
        receipt_client: 'die unterzeichnete Empfangsbestätigung des Auftraggebers',
        receipt_incoming: 'die unterzeichnete Empfangsbestätigung des neuen Dienstleisters',
      },
      owners: {
        client: 'Auftraggeber',
        outgoing: 'bisheriger Dienstleister',
        incoming: 'neuer Dienstleister',
      },
      and: '; ',
      decrypted:
        'die Prüfung vom {date} hat das Archiv entschlüsselt und die Prüfsumme jeder Datei neu berechnet ({count}): alle unversehrt, Signatur und Prüfsumme des Archivs gültig',
      incomingReceipt:
        '{name} hat am {date} (Schlüssel {key}) eine Empfangsbestätigung einer Prüfung unterzeichnet, die das Archiv entschlüsselt und die Prüfsumme jeder Datei neu berechnet hat',
      noVerification: 'keine Prüfung angegeben',
      keyless:
        'die angegebene Prüfung hat das Archiv nicht entschlüsselt: Sie belegt die Signatur und die Prüfsumme des Archivs, nicht seinen Inhalt',
      decryptedFaults: 'die Prüfung mit Entschlüsselung ist nicht bestanden: {faults}',
      badSignature: 'die Signatur des Manifests ist ungültig',
      badArchive: 'das Archiv entspricht nicht dem Manifest',
      badIntegrity: 'die OpenPGP-Integritätsprüfung ist fehlgeschlagen',
      badFiles: 'Dateien verändert, fehlend oder unerwartet: {paths}',
      partial: '{checked} von {total} Dateien neu geprüft',
      incomingKeyless: 'die Empfangsbestätigung von {name} beruht auf einer Prüfung ohne Entschlüsselung',
      incomingNotOk:
        'die Empfangsbestätigung von {name} hält eine nicht bestandene Prüfung mit Entschlüsselung fest',
      howToDecrypt:
        '--verification angeben (was `exitkit verify --decryption-key SCHLÜSSEL --json` geschrieben hat) oder die Empfangsbestätigung des neuen Dienstleisters (--receipt)',
      nothingHandedOver:
        'weder Manifest noch Prüfung angegeben: Nichts belegt, was übergeben wurde (die Status im Plan sind kein Nachweis)',
      perVerification: 'gemäss der Prüfung',
      perManifest: 'gemäss dem Manifest, hier nicht geprüft',
      missing: 'weder unversehrt übergeben noch mit Verzicht erledigt ({source}): {ids}',
      verificationIncomplete: 'die Prüfung hat die Übergabe als unvollständig festgestellt',
      complete:
        'jeder obligatorische Liefergegenstand wurde unversehrt übergeben oder mit Verzicht erledigt ({source})',
      noReceiptNoReserve: 'keine Empfangsbestätigung angegeben: kein Vorbehalt bekannt',
      reservesUnknown: 'nicht feststellbar: Die Empfangsbestätigung {files} ist nicht gültig',
      openReserves: 'offene Vorbehalte: {items}',
      noReserve: 'die angegebenen Empfangsbestätigungen ({who}) enthalten keinen offenen Vorbehalt',
      reversibilityEnded: 'die Reversibilitätsphase ist am {end} abgelaufen',
      reversibilityRunning: 'die Reversibilitätsphase endet am {end}; diese Abrechnung datiert vom {date}',
      noAttestation: 'keine Löschbestätigung angegeben (--attestation)',
      attestationInvalid: 'die Löschbestätigung {file} ist nicht gültig: {faults}',
      attested:
        '{name} bestätigt die Löschung der Daten, abgeschlossen am {date} ({method}; Schlüssel {key}), im Anschluss an diese Übergabe',
      receiptSigned:
        '{name} hat am {date} (Schlüssel {key}) eine Empfangsbestätigung für dieses Manifest und dieses Archiv unterzeichnet',
      receiptNotOk: 'die Empfangsbestätigung von {name} hält ein Ergebnis fest, das nicht in Ordnung ist',
      receiptInvalid: 'keine gültige Empfangsbestätigung von {name}: {what}',
      noReceipt: 'keine Empfangsbestätigung von {name} angegeben (--receipt)',
    },
    rules: {
      heading: 'Angewandte Regeln',
      exact:
        'Beträge sind exakte Dezimalzahlen (nie binäre Gleitkommazahlen); jede Preisposition ist ihr Betrag oder Menge × Einzelpreis, kaufmännisch auf zwei Nachkommastellen gerundet. Der Preis der Reversibilitätsleistungen unterliegt der MWST.',
      owner:
        'Nur ein Liefergegenstand, den der bisherige Dienstleister schuldet, kostet ihn eine Konventionalstrafe. Ein fehlender Liefergegenstand, den der Auftraggeber oder der neue Dienstleister schuldet, kostet keine Konventionalstrafe: Er verhindert die Vollständigkeit und wird als offene Pflicht dieser Partei aufgeführt.',
      lateFromManifest:
        'Ein nach seinem Fälligkeitsdatum übergebener Liefergegenstand kostet {rate} pro Tag, vom Fälligkeitsdatum bis zu seinem eigenen Übergabedatum (Erstellungsdatum des Manifests, {date}, UTC).',
      lateFromDeliveries:
        'Ein nach seinem Fälligkeitsdatum übergebener Liefergegenstand kostet {rate} pro Tag, vom Fälligkeitsdatum bis zu seinem eigenen Übergabedatum: dem Erstellungsdatum (UTC) der ersten Lieferung, in der er unversehrt ankam.',
      lateToDate:
        'Ein nach seinem Fälligkeitsdatum übergebener Liefergegenstand kostet {rate} pro Tag, vom Fälligkeitsdatum bis zu seinem eigenen Übergabedatum ({date}, Datum dieser Abrechnung, da kein Manifest angegeben wurde).',
      missing:
        'Ein obligatorischer Liefergegenstand, der weder unversehrt übergeben noch mit Verzicht erledigt wurde, kostet {rate}, oder was er bei verspäteter Übergabe am Datum dieser Abrechnung ({date}) kosten würde, wenn das mehr ist: Nie zu liefern kostet nie weniger als verspätet zu liefern. Er wird nicht zusätzlich als verspätet belastet.',
      capped: 'Die Konventionalstrafen sind auf {percent} des Preises exkl. MWST ({cap}) begrenzt.',
      uncapped: 'Für die Konventionalstrafen ist kein Höchstbetrag festgelegt.',
      indemnity:
        'Die Konventionalstrafen sind eine Entschädigung und liegen ausserhalb des Geltungsbereichs der MWST (Schweiz: MWSTG Art. 18 Abs. 2 Bst. i; Frankreich: eine Entschädigung ist kein Entgelt für eine Leistung): Die MWST wird nur auf dem Preis berechnet, und die Konventionalstrafen werden nach der MWST mit dem geschuldeten Betrag verrechnet, nie darüber hinaus.',
      serviceCredit:
        'Der Vertrag bestimmt die Konventionalstrafen als Leistungsgutschriften (eine Preisminderung): Sie werden vor der MWST vom Preis abgezogen, und die Bemessungsgrundlage ist nie negativ.',
      vat: 'Die MWST beträgt {percent} der Bemessungsgrundlage, kaufmännisch auf zwei Nachkommastellen gerundet. Der geschuldete Betrag wird kaufmännisch auf {step} gerundet.',
      release:
        'Die Schlusszahlung ist Teil des geschuldeten Betrags (inkl. MWST, {how}): Der Auftraggeber behält sie zurück, bis jede Freigabebedingung des Plans erfüllt ist ({conditions}); der Rest ist jetzt zahlbar.',
      setOff: 'Konventionalstrafen bereits verrechnet',
      deducted: 'Leistungsgutschriften bereits abgezogen',
      keyless:
        'Eine Prüfung, die das Archiv nicht entschlüsselt hat, belegt die Signatur und die Prüfsumme des Archivs, nicht seinen Inhalt: Sie gilt nie als Prüfung, die jede Datei entschlüsselt und neu geprüft hat.',
    },
    approval: { heading: 'Genehmigung' },
    footer: 'Erstellt von {generator} am {date} gemäss Plan {plan}',
    footerEnd: '. Beträge in {currency}, in exakten Dezimalzahlen berechnet.',
  },
  exitPlan: {
    heading: 'Ausstiegsplan',
    intro:
      'Was die Parteien für diesen Ausstieg festgehalten haben: was ihn auslöst, wie er abläuft, wer ihn leitet und wann er abgeschlossen ist.',
    introRegulated:
      'Was die Parteien für diesen Ausstieg festgehalten haben, gemäss {rule}: was ihn auslöst, wie er abläuft, wer ihn leitet und wann er abgeschlossen ist.',
    rules: {
      dora: 'DORA Art. 28 Abs. 8',
      eba: 'EBA-Leitlinien EBA/GL/2019/02, Ziff. 106–108',
      finma: 'FINMA-Rundschreiben 2018/3',
    },
    triggers: 'Auslöser',
    scenarios: 'Szenarien',
    scenario: 'Szenario',
    description: 'Ablauf',
    target: 'Zieldauer',
    roles: 'Rollen',
    party: 'Partei',
    role: 'Rolle',
    person: 'Inhaber/in',
    deputy: 'Stellvertretung',
    noDeputy: 'keine bestimmt',
    successCriteria: 'Erfolgskriterien',
    nextReview: 'Nächste Überprüfung des Plans',
    reviewPast: 'überschritten: der Plan ist zu überprüfen',
  },
  attestation: {
    heading: 'Löschbestätigung',
    intro:
      'Nach der Rückgabe der Daten bestätigt der bisherige Dienstleister mit seiner Signatur, seine Kopien gelöscht zu haben (DSGVO Art. 28 Abs. 3 lit. g, revDSG, DORA Art. 30).',
    holds:
      'Geprüft: signiert mit dem Schlüssel des bisherigen Dienstleisters gemäss Plan, für diesen Plan, im Anschluss an diese Übergabe.',
    fails: 'Nicht gültig: {faults}.',
    file: 'Datei',
    date: 'Löschung abgeschlossen am',
    method: 'Methode',
    systems: 'Systeme',
    datasets: 'Datenbestände',
    retained: 'Aufbewahrte Daten und Rechtsgrundlage',
    nothing: 'keine',
    notNamed: 'nicht genannt',
    follows: 'Folgt dem Manifest',
    signer: 'Signiert von (Fingerprint)',
    faults: {
      signature:
        'sie ist nicht mit dem Schlüssel des bisherigen Dienstleisters gemäss Plan signiert oder wurde nach der Signatur verändert',
      signer: 'sie nennt einen anderen Unterzeichner als den Schlüssel, der sie signiert hat',
      plan: 'sie betrifft einen anderen Ausstieg',
      delivery: 'sie folgt einer anderen Übergabe als dieser',
      older: 'sie ist älter als diese Übergabe: sie folgt einer früheren',
      before: 'sie ist vor der Übergabe datiert, der sie folgt',
    },
  },
  rehearsal: {
    title: 'Probe des Ausstiegs: {title}',
    kicker: 'Test des Exit-Plans · Probebericht',
    intro:
      'Der Ausstieg von Anfang bis Ende geprobt, mit Wegwerfschlüsseln für diesen Lauf: die Liefergegenstände durchgesehen, dann gebündelt, geprüft (entschlüsselt und neu gehasht) und in einen Arbeitsordner entpackt, der danach gelöscht wurde. Kein echter Schlüssel wurde verwendet, nichts wurde übergeben.',
    passed: 'Probe bestanden: alle Schritte erfolgreich',
    failed: {
      one: 'Probe nicht bestanden: {count} Schritt fehlgeschlagen',
      other: 'Probe nicht bestanden: {count} Schritte fehlgeschlagen',
    },
    facts: {
      plan: 'Plan',
      planFile: 'Plandatei',
      sha256: 'SHA-256 der Plandatei',
      date: 'Geprobt am',
      ranBy: 'Ausgeführt von',
      payload: 'Geprobter Inhalt',
      full: 'Gesamter Inhalt',
      estimate: 'Geschätzte Dauer des Ausstiegs',
    },
    sample: {
      one: 'Stichprobe von {count} Datei je Liefergegenstand',
      other: 'Stichprobe von {count} Dateien je Liefergegenstand',
    },
    whole: 'der gesamte Inhalt',
    user: 'Benutzer {user} (Bericht nicht signiert)',
    signer: '{user}, Schlüssel {fingerprint}',
    steps: {
      heading: 'Schritte',
      step: 'Schritt',
      status: 'Ergebnis',
      time: 'Dauer',
      throughput: 'Durchsatz',
      estimate: 'Schätzung',
    },
    stepNames: {
      walk: 'Liefergegenstände durchsehen',
      bundle: 'Bündeln: verschlüsseln und signieren',
      verify: 'Prüfen: entschlüsseln und neu hashen',
      extract: 'Entpacken',
    },
    statuses: { passed: 'bestanden', failed: 'fehlgeschlagen', skipped: 'nicht ausgeführt' },
    perSecond: '{size}/s',
    estimateNote:
      'Schätzung: der gemessene Durchsatz jedes Schritts, auf den gesamten Inhalt ({size}) angewandt.',
    sampleNote:
      'Bei einer kleinen Stichprobe fallen die festen Kosten (Schlüssel, Signaturen) stärker ins Gewicht und die Schätzung fällt hoch aus.',
    findings: {
      heading: 'Befunde',
      none: 'Kein Befund.',
      step: 'Schritt',
      deliverable: 'Liefergegenstand',
      finding: 'Befund',
    },
    levels: { error: 'Fehler', warning: 'Warnung' },
    unknown: 'unbekannt',
    units: { seconds: '{n} s', minutes: '{m} min {s} s', hours: '{h} h {m} min' },
    footer:
      'Erstellt von {generator} am {date} aus dem Plan {plan}. rehearsal.json enthält dieselben Angaben',
    footerSigned: ', signiert in rehearsal.json.asc',
  },
  record: {
    delivered: 'übergeben am {date}',
    deliveredIn: 'übergeben am {date} (Lieferung {delivery})',
    footerDigests:
      ' Die Prüfsummen der Dateien sind auf ihre ersten 16 Hexadezimalziffern gekürzt (die vollständigen stehen im signierten Manifest).',
    footerFingerprints: ' Die Fingerabdrücke der Schlüssel sind vollständig angegeben.',
    receipts: {
      heading: 'Empfangsbestätigungen',
      intro:
        'Jede Partei bestätigt den Empfang der Lieferung mit einer signierten Empfangsbestätigung (`exitkit acknowledge`); massgebend ist die letzte Empfangsbestätigung jeder Partei.',
      party: 'Partei',
      signed: 'Signiert am',
      key: 'Schlüssel (Fingerabdruck)',
      check: 'Prüfung',
      holds:
        'gültig: mit dem Schlüssel dieser Partei gemäss Plan signiert, für dieses Manifest, samt jeder früheren Empfangsbestätigung ihrer Kette',
      fails: 'ungültig: {faults}',
      none: 'Keine Empfangsbestätigung vorgelegt: Jede Partei trägt allfällige Vorbehalte neben ihrer Unterschrift ein.',
    },
    reserves: {
      heading: 'Vorbehalte',
      intro:
        'Von den Parteien in ihren signierten Empfangsbestätigungen festgehalten; ein Vorbehalt wird mit der nächsten Empfangsbestätigung der Partei aufgehoben, die ihn angebracht hat.',
      id: 'Nr.',
      party: 'Partei',
      text: 'Vorbehalt',
      deliverable: 'Liefergegenstand',
      due: 'Frist',
      state: 'Stand',
      open: 'offen',
      overdue: 'offen, Frist abgelaufen',
      lifted: 'aufgehoben am {date}',
      none: 'Kein Vorbehalt festgehalten.',
    },
    conclusion: {
      heading: 'Ergebnis',
      withoutReserves: 'Abnahme ohne Vorbehalte',
      withoutReservesDetail:
        'Die Übergabe ist vollständig und geprüft, und keine Empfangsbestätigung hält einen offenen Vorbehalt fest.',
      withoutReservesNoReceipt:
        'Die Übergabe ist vollständig und geprüft; es wurde keine Empfangsbestätigung vorgelegt: Jede Partei trägt allfällige Vorbehalte neben ihrer Unterschrift ein.',
      withReserves: 'Abnahme mit Vorbehalten',
      withReservesDetail: {
        one: 'Die Übergabe ist vollständig und geprüft; der Vorbehalt {ids} bleibt offen, bis die Partei, die ihn angebracht hat, ihn aufhebt.',
        other:
          'Die Übergabe ist vollständig und geprüft; die Vorbehalte {ids} bleiben offen, bis die Parteien, die sie angebracht haben, sie aufheben.',
      },
      notYet: 'Noch nicht abnahmefähig',
      notYetDetail: 'Zuerst ist Folgendes zu beheben:',
      why: {
        'no-manifest': 'kein signiertes Manifest vorgelegt: Nichts belegt, was übergeben wurde',
        incomplete: {
          one: '{count} obligatorischer Liefergegenstand ist weder übergeben noch mit Verzicht erledigt',
          other: '{count} obligatorische Liefergegenstände sind weder übergeben noch mit Verzicht erledigt',
        },
        'no-verification': 'keine Prüfung der Lieferung vorgelegt (`exitkit verify`)',
        'verification-failed': 'die Prüfung der Lieferung ist fehlgeschlagen',
        'receipt-invalid':
          'eine Empfangsbestätigung ist ungültig ({files}): Die Vorbehalte ihrer Partei sind unbekannt',
      },
      open: { one: 'offener Vorbehalt: {ids}', other: 'offene Vorbehalte: {ids}' },
    },
  },
};
