/**
 * Italiano, come lo firma un'azienda ticinese: *verbale di consegna*, *reversibilità*, *rinuncia*,
 * *riserve*, *penale* (una pena convenzionale, CO art. 160 segg.: un'indennità, non una riduzione
 * del prezzo), *IVA*, il *committente* e i suoi fornitori.
 */
import type { Words } from './index.js';

export const it: Words = {
  colon: ': ',
  semicolon: '; ',
  roles: { client: 'Committente', outgoing: 'Fornitore uscente', incoming: 'Fornitore subentrante' },
  statuses: { pending: 'da preparare', ready: 'pronto', delivered: 'consegnato', waived: 'rinuncia' },
  checks: {
    intact: 'integro',
    altered: 'alterato',
    listed: 'elencato, impronta non ricalcolata',
    'not-delivered': 'non consegnato',
  },
  answers: { yes: 'sì', no: 'no' },
  units: {
    sizes: { b: 'B', kb: 'KB', mb: 'MB', gb: 'GB', tb: 'TB' },
    days: { one: '{count} giorno', other: '{count} giorni' },
    files: { one: '{count} file', other: '{count} file' },
    items: { one: 'voce', other: 'voci' },
    perDay: '/ giorno',
  },
  families: {
    backups: 'Backup e dati',
    credentials: 'Password e accessi',
    configurations: 'Configurazioni',
    documentation: 'Documentazione tecnica',
    inventory: 'Inventario',
    other: 'Altro',
  },
  sign: {
    nameAndTitle: 'Nome e funzione',
    placeAndDate: 'Luogo e data',
    namePlaceDate: 'Nome, luogo e data',
    signature: 'Firma',
    reserves: 'Riserve («nessuna» se non ve ne sono)',
  },
  checklist: {
    heading: 'Verbale di riconsegna: {title}',
    kicker: 'Reversibilità · verbale di riconsegna · allegato al contratto {reference}',
    subtitle: 'Reversibilità · allegato al contratto {reference} · piano {plan} · {date}',
    complete: 'Consegna completa',
    completeDetail: {
      one: '{settled} elemento su {total} consegnato o oggetto di rinuncia',
      other: '{settled} elementi su {total} consegnati o oggetto di rinuncia',
      by: 'settled',
    },
    incomplete: 'Consegna incompleta',
    incompleteDetail: {
      one: '{count} elemento obbligatorio mancante',
      other: '{count} elementi obbligatori mancanti',
    },
    lateDetail: ', {count} in ritardo',
    facts: {
      contract: 'Contratto',
      contractEnd: 'Fine del contratto',
      reversibility: 'Periodo di reversibilità',
      period: 'dal {start} al {end}',
      assistance: 'Assistenza alla transizione',
      plan: 'Piano',
      date: 'Data',
    },
    parties: {
      heading: 'Parti',
      role: 'Ruolo',
      name: 'Nome',
      contact: 'Contatto',
      fingerprint: 'Impronta della chiave',
    },
    manifest: {
      heading: 'Manifesto firmato',
      file: 'File',
      created: 'Creato il',
      sha256: 'SHA-256 del manifesto',
      signer: 'Firmato da (impronta)',
      payload: 'Contenuto',
      archive: 'Archivio',
      encryptedTo: 'Cifrato per',
    },
    verification: {
      heading: 'Verifica',
      verified: 'verificata',
      failed: 'non superata',
      on: 'il {date}',
      signature: 'firma',
      valid: 'valida',
      notValid: 'non valida',
      archive: 'archivio',
      matches: 'conforme al manifesto',
      doesNotMatch: 'non conforme',
      complete: 'completa rispetto al piano',
      incomplete: 'incompleta',
      decrypted: {
        one: '{count} file decifrato e impronta ricalcolata',
        other: '{count} file decifrati e impronte ricalcolate',
      },
      notDecrypted: 'non decifrata',
    },
    deliverables: {
      heading: 'Elementi da consegnare',
      deliverable: 'Elemento',
      owner: 'Responsabile',
      due: 'Scadenza',
      status: 'Stato',
      files: 'File',
      verification: 'Verifica',
      notes: 'Osservazioni',
      optional: 'facoltativo',
      more: 'e altri {count}',
      missing: 'MANCANTE',
      late: { one: 'RITARDO {count} GIORNO', other: 'RITARDO {count} GIORNI' },
      waived: 'Rinuncia: {reason}',
      approvedBy: 'approvata da {name}',
      approvedOn: ' il {date}',
    },
    inventory: {
      heading: 'Inventario',
      missingColumns: 'colonne mancanti: {columns}',
      type: 'Tipo',
      location: 'Ubicazione',
      count: 'Numero',
      noType: 'nessuna colonna del tipo',
      noLocation: 'nessuna colonna dell’ubicazione',
    },
    actions: {
      heading: 'Azioni aperte',
      done: 'Fatto',
      action: 'Azione',
      responsible: 'Responsabile',
      initials: 'Data e visto',
      concerns: 'Riguarda: {ids}',
      list: {
        'rotate-secrets':
          'Cambiare ogni password, chiave API e segreto MFA consegnati (codici di recupero compresi).',
        'revoke-accounts':
          'Revocare gli account del fornitore uscente: amministratori, account di servizio, caselle condivise.',
        'revoke-remote-access':
          'Revocare gli accessi VPN del fornitore uscente e rimuovere i suoi strumenti di accesso remoto (agenti RMM, TeamViewer, AnyDesk…).',
        'move-registrar-dns':
          'Trasferire al committente la titolarità degli account presso il registrar dei domini e il fornitore DNS.',
        'move-licence-portals':
          'Trasferire al committente la titolarità dei portali delle licenze e degli abbonamenti cloud (Microsoft 365, produttori).',
        'confirm-restore-test': 'Confermare un test di ripristino dei backup consegnati, con data ed esito.',
        'sign-inventory':
          'Controllare e firmare l’inventario delle apparecchiature e dei software coperti (entrambe le parti).',
        'plan-assistance': {
          one: 'Pianificare il giorno di assistenza alla transizione dovuto dal fornitore uscente.',
          other: 'Pianificare i {count} giorni di assistenza alla transizione dovuti dal fornitore uscente.',
        },
      },
    },
    glossary: {
      heading: 'Glossario',
      terms: {
        fingerprint: {
          term: 'Impronta (della chiave)',
          definition:
            'Le 40 cifre esadecimali che identificano una chiave OpenPGP. Confrontate l’impronta di una parte con la parte stessa attraverso un altro canale (telefono, di persona) prima di fare affidamento sulla sua firma.',
        },
        digest: {
          term: 'SHA-256, SHA-512',
          definition:
            'Un hash: un numero di 64 o 128 cifre calcolato dal contenuto esatto di un file. Qualsiasi modifica del file, anche di un solo byte, dà un altro hash.',
        },
        manifest: {
          term: 'Manifesto',
          definition:
            'L’elenco, firmato dal fornitore uscente, di tutto ciò che viene consegnato: ogni prestazione, ogni file con dimensione e hash, e dimensione e hash dell’archivio.',
        },
        signature: {
          term: 'Firma',
          definition:
            'Una firma OpenPGP prova che il titolare di una chiave ha approvato esattamente questi byte; GnuPG o exitkit la verifica con la chiave indicata nel piano.',
        },
        waiver: {
          term: 'Rinuncia',
          definition:
            'L’accordo, registrato nel piano con il motivo e chi l’ha approvato, che una prestazione non sarà consegnata.',
        },
        reserve: {
          term: 'Riserva',
          definition:
            'Una mancanza che una parte registra nella propria conferma di ricezione firmata, con l’elemento interessato e la sua scadenza; resta aperta finché quella parte non la toglie nella conferma successiva.',
        },
      },
    },
    signoff: {
      heading: 'Firme',
      intro:
        'Con la propria firma, ciascuna parte conferma lo stato degli elementi e la conclusione sopra indicati alla data apposta accanto alla firma.',
    },
    notes: {
      noManifest:
        'Nessun manifesto fornito: i file sono quelli trovati su disco in base alle fonti del piano, non un elenco firmato.',
      noVerification:
        'Nessuna verifica fornita: l’archivio non è stato controllato per questo verbale (`exitkit verify`).',
      notDecrypted:
        'La verifica non ha decifrato l’archivio: i file figurano nel manifesto firmato, ma le loro impronte non sono state ricalcolate.',
      lateness: 'Senza manifesto, i ritardi sono contati fino al {date}, data di questo verbale.',
    },
    footer: 'Redatto da exitkit il {date} in base al piano {plan}',
    footerSha: ' (SHA-256 {sha}…)',
    footerEnd: '. Gli accessi sono indicati solo con il loro nome e il nome del file.',
  },
  compensation: {
    heading: 'Conteggio di reversibilità: {title}',
    kicker: 'Reversibilità · conteggio di reversibilità · contratto {reference}',
    subtitle: 'Reversibilità · contratto {reference} · piano {plan} · {date}',
    amountDue: 'Importo dovuto: {total}, di cui trattenuto fino alla liberazione: {held}.',
    releasable: 'Il pagamento finale di {amount} può essere liberato',
    heldBack: 'Il pagamento finale di {amount} è trattenuto',
    releasableWhy: 'ogni condizione di liberazione è soddisfatta',
    heldBackWhy: 'non tutte le condizioni di liberazione sono soddisfatte',
    facts: {
      contract: 'Contratto',
      plan: 'Piano',
      date: 'Data',
      handover: 'Data di consegna',
      noManifest: 'senza manifesto: data di questo conteggio',
      fromManifest: 'manifesto',
      total: 'Importo dovuto',
      held: 'di cui trattenuto fino alla liberazione',
    },
    fees: {
      heading: 'Prezzo delle prestazioni di reversibilità',
      item: 'Voce',
      quantity: 'Quantità',
      unitPrice: 'Prezzo unitario',
      amount: 'Importo',
      subtotal: 'Prezzo IVA esclusa',
    },
    penalties: {
      heading: 'Penali',
      named: ' («{name}»)',
      indemnity:
        'Le penali contrattuali{named} sono un’indennità, fuori dal campo d’applicazione dell’IVA: sono compensate con l’importo dovuto dopo l’IVA.',
      serviceCredit:
        'Il contratto definisce le penali{named} come accrediti di servizio: una riduzione del prezzo, dedotta dal prezzo prima dell’IVA.',
      cause: 'Causa',
      rate: 'Tariffa',
      amount: 'Importo',
      late: { one: 'ritardo di {count} giorno', other: 'ritardo di {count} giorni' },
      missing: 'mancante',
      pastDue: {
        one: '{count} giorno oltre la scadenza alla data di questo conteggio',
        other: '{count} giorni oltre la scadenza alla data di questo conteggio',
      },
      due: 'scadenza il {date}',
      beforeCap: 'Penali prima del massimale',
      cap: 'Massimale: {percent} del prezzo IVA esclusa, ossia {amount}.',
      capApplies: 'Il massimale si applica',
      capReduced: ': le penali sono ridotte a {amount}.',
      capNotReached: 'Il massimale non è raggiunto.',
      none: 'Nessuna penale: ogni elemento dovuto dal fornitore uscente è stato consegnato nei termini o è oggetto di rinuncia.',
      prefixed: '{name} — {label}',
      missingLabel: 'Mancante: {title} ({id})',
      notIntactLabel: 'Non integro: {title} ({id})',
      lateLabel: {
        one: 'In ritardo di {count} giorno: {title} ({id})',
        other: 'In ritardo di {count} giorni: {title} ({id})',
      },
    },
    total: {
      heading: 'Importo dovuto',
      amount: 'Importo',
      fees: 'Prezzo IVA esclusa',
      credits: 'Accrediti di servizio',
      capped: ' (entro il massimale)',
      taxableBase: 'Base imponibile',
      vat: 'IVA {percent}',
      withVat: 'Prezzo IVA inclusa',
      setOff: 'Penali compensate (indennità, fuori IVA)',
      setOffCapped: ', entro il massimale',
      rounding: 'Arrotondamento a {step}',
      total: 'Importo dovuto',
      held: 'di cui trattenuto fino alla liberazione (IVA inclusa)',
      payableNow: 'di cui pagabile ora',
    },
    obligations: {
      heading: 'Obblighi aperti delle altre parti',
      intro:
        'Questi elementi sono dovuti da una parte diversa dal fornitore uscente: impediscono la completezza della consegna ma non costano alcuna penale al fornitore uscente.',
      due: 'scadenza il {date}',
    },
    finalPayment: {
      heading: 'Pagamento finale',
      heldBack: 'Trattenuto fino alla liberazione',
      partOf: 'parte dell’importo dovuto (IVA inclusa; {how})',
      setOff: 'le penali sono compensate con l’importo dovuto',
      deducted: 'gli accrediti di servizio sono già dedotti',
      basisTotal: '; il piano non fissa un pagamento finale: tutto l’importo dovuto è trattenuto',
      planned: '; il piano fissa {amount}, più dell’importo dovuto',
      due: '; scadenza il {date}',
      condition: 'Condizione di liberazione',
      met: 'Soddisfatta',
      evidence: 'Prova',
      releasable: 'Liberabile: ogni condizione è soddisfatta.',
      notReleasable: 'Non ancora liberabile: ogni condizione segnata «no» deve prima essere soddisfatta.',
    },
    conditions: {
      labels: {
        decrypted_verification: 'una verifica che ha decifrato e ricontrollato ogni file',
        complete: 'la consegna è completa',
        no_open_reserves: 'nessuna riserva aperta',
        reversibility_ended: 'il periodo di reversibilità è terminato',
        deletion_attested: 'la cancellazione dei dati è attestata',
        receipt_client: 'la ricevuta firmata del committente',
        receipt_incoming: 'la ricevuta firmata del fornitore subentrante',
      },
      owners: { client: 'committente', outgoing: 'fornitore uscente', incoming: 'fornitore subentrante' },
      and: '; ',
      decrypted:
        'la verifica del {date} ha decifrato l’archivio e ricalcolato l’impronta di ogni file ({count}): tutti integri, firma e impronta dell’archivio valide',
      incomingReceipt:
        '{name} ha firmato il {date} (chiave {key}) una ricevuta di una verifica che ha decifrato l’archivio e ricalcolato l’impronta di ogni file',
      noVerification: 'nessuna verifica fornita',
      keyless:
        'la verifica fornita non ha decifrato l’archivio: attesta la firma e l’impronta dell’archivio, non il suo contenuto',
      decryptedFaults: 'la verifica con decifratura non è stata superata: {faults}',
      badSignature: 'la firma del manifesto non è valida',
      badArchive: 'l’archivio non corrisponde al manifesto',
      badIntegrity: 'il controllo d’integrità OpenPGP non è stato superato',
      badFiles: 'file alterati, mancanti o inattesi: {paths}',
      partial: '{checked} file ricontrollati su {total}',
      incomingKeyless: 'la ricevuta di {name} si basa su una verifica senza decifratura',
      incomingNotOk: 'la ricevuta di {name} registra una verifica con decifratura non superata',
      howToDecrypt:
        'fornire --verification (ciò che ha scritto `exitkit verify --decryption-key CHIAVE --json`) o la ricevuta del fornitore subentrante (--receipt)',
      nothingHandedOver:
        'né manifesto né verifica forniti: nulla attesta che cosa è stato consegnato (gli stati del piano non sono una prova)',
      perVerification: 'secondo la verifica',
      perManifest: 'secondo il manifesto, non verificato qui',
      missing: 'né consegnati integri né oggetto di rinuncia ({source}): {ids}',
      verificationIncomplete: 'la verifica ha constatato una consegna incompleta',
      complete: 'ogni elemento obbligatorio è stato consegnato integro o è oggetto di rinuncia ({source})',
      noReceiptNoReserve: 'nessuna ricevuta fornita: nessuna riserva nota',
      reservesUnknown: 'impossibile dirlo: la ricevuta {files} non è valida',
      openReserves: 'riserve aperte: {items}',
      noReserve: 'le ricevute fornite ({who}) non registrano alcuna riserva aperta',
      reversibilityEnded: 'il periodo di reversibilità è terminato il {end}',
      reversibilityRunning: 'il periodo di reversibilità termina il {end}; questo conteggio è del {date}',
      noAttestation: 'nessuna attestazione di cancellazione fornita (--attestation)',
      attestationInvalid: 'l’attestazione {file} non è valida: {faults}',
      attested:
        '{name} attesta la cancellazione dei dati, completata il {date} ({method}; chiave {key}), a seguito di questa consegna',
      receiptSigned:
        '{name} ha firmato una ricevuta il {date} (chiave {key}) per questo manifesto e questo archivio',
      receiptNotOk: 'la ricevuta di {name} registra un esito non conforme',
      receiptInvalid: 'nessuna ricevuta valida di {name}: {what}',
      noReceipt: 'nessuna ricevuta di {name} fornita (--receipt)',
    },
    rules: {
      heading: 'Regole applicate',
      exact:
        'Gli importi sono decimali esatti (mai in virgola mobile binaria); ogni voce del prezzo vale il suo importo o quantità × prezzo unitario, arrotondato al centesimo (mezzo centesimo per eccesso). Il prezzo delle prestazioni di reversibilità è soggetto all’IVA.',
      owner:
        'Solo un elemento dovuto dal fornitore uscente gli costa una penale. Un elemento mancante dovuto dal committente o dal fornitore subentrante non costa alcuna penale: impedisce la completezza della consegna e figura tra gli obblighi aperti di quella parte.',
      lateFromManifest:
        'Un elemento consegnato dopo la sua scadenza costa {rate} al giorno, dalla scadenza alla sua propria data di consegna (data di creazione del manifesto, {date}, UTC).',
      lateFromDeliveries:
        'Un elemento consegnato dopo la sua scadenza costa {rate} al giorno, dalla scadenza alla sua propria data di consegna: la data di creazione (UTC) della prima consegna in cui è arrivato integro.',
      lateToDate:
        'Un elemento consegnato dopo la sua scadenza costa {rate} al giorno, dalla scadenza alla sua propria data di consegna ({date}, data di questo conteggio, in mancanza di manifesto).',
      missing:
        'Un elemento obbligatorio né consegnato integro né oggetto di rinuncia costa {rate}, o quanto costerebbe consegnato in ritardo alla data di questo conteggio ({date}) se è di più: non consegnare mai non costa mai meno che consegnare in ritardo. Non è addebitato in più come ritardo.',
      capped: 'Massimale delle penali: {percent} del prezzo IVA esclusa ({cap}).',
      uncapped: 'Nessun massimale è fissato per le penali.',
      indemnity:
        'Le penali sono una pena convenzionale, fuori dal campo d’applicazione dell’IVA (Svizzera: LIVA art. 18 cpv. 2 lett. i; Francia: un’indennità non è il corrispettivo di una prestazione): l’IVA è calcolata sul solo prezzo, e le penali sono compensate con l’importo dovuto dopo l’IVA, mai oltre.',
      serviceCredit:
        'Il contratto definisce le penali come accrediti di servizio (una riduzione del prezzo): sono dedotte dal prezzo prima dell’IVA, e la base imponibile non è mai negativa.',
      vat: 'IVA: {percent} della base imponibile, arrotondata al centesimo (mezzo centesimo per eccesso). L’importo dovuto è arrotondato al multiplo di {step} più vicino (la metà per eccesso).',
      release:
        'Il pagamento finale è una parte dell’importo dovuto (IVA inclusa, {how}): il committente lo trattiene finché ogni condizione di liberazione del piano è soddisfatta ({conditions}); il resto è pagabile ora.',
      setOff: 'penali già compensate',
      deducted: 'accrediti di servizio già dedotti',
      keyless:
        'Una verifica che non ha decifrato l’archivio attesta la firma e l’impronta dell’archivio, non il suo contenuto: non vale mai come verifica che ha decifrato e ricontrollato ogni file.',
    },
    approval: { heading: 'Approvazione' },
    footer: 'Redatto da {generator} il {date} in base al piano {plan}',
    footerEnd: '. Importi in {currency}, calcolati in decimali esatti.',
  },
  exitPlan: {
    heading: 'Piano di uscita',
    intro:
      'Ciò che le parti hanno messo per iscritto per questa uscita: che cosa la avvia, come si svolge, chi la dirige, quando è conclusa.',
    introRegulated:
      'Ciò che le parti hanno messo per iscritto per questa uscita, secondo {rule}: che cosa la avvia, come si svolge, chi la dirige, quando è conclusa.',
    rules: {
      dora: 'l’art. 28 par. 8 del DORA',
      eba: 'gli orientamenti ABE EBA/GL/2019/02, punti 106-108',
      finma: 'la circolare FINMA 2018/3',
    },
    triggers: 'Eventi scatenanti',
    scenarios: 'Scenari',
    scenario: 'Scenario',
    description: 'Svolgimento',
    target: 'Durata prevista',
    roles: 'Ruoli',
    party: 'Parte',
    role: 'Ruolo',
    person: 'Titolare',
    deputy: 'Supplente',
    noDeputy: 'nessuno designato',
    successCriteria: 'Criteri di successo',
    nextReview: 'Prossima revisione del piano',
    reviewPast: 'scaduta: il piano va rivisto',
  },
  attestation: {
    heading: 'Attestazione di cancellazione',
    intro:
      'Dopo la restituzione dei dati, il fornitore uscente attesta con la propria firma di averne cancellato le copie (GDPR art. 28 par. 3 lett. g, nLPD, DORA art. 30).',
    holds:
      'Verificata: firmata con la chiave del fornitore uscente indicata nel piano, per questo piano, a seguito di questa consegna.',
    fails: 'Non valida: {faults}.',
    file: 'File',
    date: 'Cancellazione completata il',
    method: 'Metodo',
    systems: 'Sistemi',
    datasets: 'Insiemi di dati',
    retained: 'Dati conservati e base giuridica',
    nothing: 'nessuno',
    notNamed: 'non indicati',
    follows: 'Segue il manifesto',
    signer: 'Firmata da (impronta)',
    faults: {
      signature:
        'non è firmata con la chiave del fornitore uscente indicata nel piano, o è stata modificata dopo la firma',
      signer: 'indica un firmatario diverso dalla chiave che l’ha firmata',
      plan: 'riguarda un’altra uscita',
      delivery: 'segue un’altra consegna, non questa',
      older: 'è anteriore a questa consegna: ne segue una precedente',
      before: 'è datata prima della consegna che segue',
    },
  },
  rehearsal: {
    title: 'Prova dell’uscita: {title}',
    kicker: 'Test del piano di uscita · rapporto di prova',
    intro:
      'L’uscita provata dall’inizio alla fine con chiavi usa e getta create per l’esecuzione: gli elementi da consegnare esaminati, poi impacchettati, verificati (decifrati e con le impronte ricalcolate) ed estratti in una cartella di lavoro poi eliminata. Nessuna chiave reale è stata usata e nulla è stato consegnato.',
    passed: 'Prova riuscita: tutte le fasi sono andate a buon fine',
    failed: {
      one: 'Prova non riuscita: {count} fase non è andata a buon fine',
      other: 'Prova non riuscita: {count} fasi non sono andate a buon fine',
    },
    facts: {
      plan: 'Piano',
      planFile: 'File del piano',
      sha256: 'SHA-256 del file del piano',
      date: 'Provata il',
      ranBy: 'Eseguita da',
      payload: 'Contenuto provato',
      full: 'Contenuto completo',
      estimate: 'Durata stimata dell’uscita',
    },
    sample: {
      one: 'campione di {count} file per elemento',
      other: 'campione di {count} file per elemento',
    },
    whole: 'tutto il contenuto',
    user: 'utente {user} (rapporto non firmato)',
    signer: '{user}, chiave {fingerprint}',
    steps: {
      heading: 'Fasi',
      step: 'Fase',
      status: 'Esito',
      time: 'Durata',
      throughput: 'Velocità',
      estimate: 'Stima',
    },
    stepNames: {
      walk: 'Esame degli elementi da consegnare',
      bundle: 'Impacchettamento: cifratura e firma',
      verify: 'Verifica: decifratura e ricalcolo delle impronte',
      extract: 'Estrazione',
    },
    statuses: { passed: 'riuscita', failed: 'non riuscita', skipped: 'non eseguita' },
    perSecond: '{size}/s',
    estimateNote: 'Stima: la velocità misurata di ogni fase applicata al contenuto completo ({size}).',
    sampleNote:
      'Con un piccolo campione i costi fissi (chiavi, firme) pesano di più e la stima risulta alta.',
    findings: {
      heading: 'Constatazioni',
      none: 'Nessuna constatazione.',
      step: 'Fase',
      deliverable: 'Elemento',
      finding: 'Constatazione',
    },
    levels: { error: 'errore', warning: 'avvertenza' },
    unknown: 'sconosciuta',
    units: { seconds: '{n} s', minutes: '{m} min {s} s', hours: '{h} h {m} min' },
    footer: 'Generato da {generator} il {date} dal piano {plan}. rehearsal.json contiene gli stessi dati',
    footerSigned: ', firmati in rehearsal.json.asc',
  },
  record: {
    delivered: 'consegnato il {date}',
    deliveredIn: 'consegnato il {date} (consegna {delivery})',
    footerDigests:
      ' Gli hash dei file sono abbreviati alle prime 16 cifre esadecimali (quelli completi figurano nel manifesto firmato).',
    footerFingerprints: ' Le impronte delle chiavi sono riportate per intero.',
    receipts: {
      heading: 'Conferme di ricezione',
      intro:
        'Ogni parte conferma la ricezione della consegna con una conferma di ricezione firmata (`exitkit acknowledge`); fa fede l’ultima conferma di ciascuna parte.',
      party: 'Parte',
      signed: 'Firmata il',
      key: 'Chiave (impronta)',
      check: 'Controllo',
      holds:
        'valida: firmata con la chiave di questa parte indicata nel piano, per questo manifesto, con ogni conferma precedente della sua catena',
      fails: 'non valida: {faults}',
      none: 'Nessuna conferma di ricezione fornita: ogni parte annota le proprie eventuali riserve accanto alla firma.',
    },
    reserves: {
      heading: 'Riserve',
      intro:
        'Registrate dalle parti nelle loro conferme di ricezione firmate; una riserva è tolta con la conferma successiva della parte che l’ha formulata.',
      id: 'N.',
      party: 'Parte',
      text: 'Riserva',
      deliverable: 'Elemento',
      due: 'Scadenza',
      state: 'Stato',
      open: 'aperta',
      overdue: 'aperta, scadenza superata',
      lifted: 'tolta il {date}',
      none: 'Nessuna riserva registrata.',
    },
    conclusion: {
      heading: 'Conclusione',
      withoutReserves: 'Riconsegna accettata senza riserve',
      withoutReservesDetail:
        'la consegna è completa e verificata, e nessuna conferma di ricezione registra una riserva aperta.',
      withoutReservesNoReceipt:
        'la consegna è completa e verificata; nessuna conferma di ricezione è stata fornita: ogni parte annota le proprie eventuali riserve accanto alla firma.',
      withReserves: 'Riconsegna accettata con riserve',
      withReservesDetail: {
        one: 'la consegna è completa e verificata; la riserva {ids} resta aperta finché la parte che l’ha formulata non la toglie.',
        other:
          'la consegna è completa e verificata; le riserve {ids} restano aperte finché le parti che le hanno formulate non le tolgono.',
      },
      notYet: 'Riconsegna non ancora accettabile',
      notYetDetail: 'occorre prima rimediare a quanto segue:',
      why: {
        'no-manifest': 'nessun manifesto firmato fornito: nulla attesta ciò che è stato consegnato',
        incomplete: {
          one: '{count} elemento obbligatorio non è né consegnato né oggetto di rinuncia',
          other: '{count} elementi obbligatori non sono né consegnati né oggetto di rinuncia',
        },
        'no-verification': 'nessuna verifica della consegna fornita (`exitkit verify`)',
        'verification-failed': 'la verifica della consegna non è riuscita',
        'receipt-invalid':
          'una conferma di ricezione non è valida ({files}): le riserve della sua parte non sono note',
      },
      open: { one: 'riserva aperta: {ids}', other: 'riserve aperte: {ids}' },
    },
  },
};
