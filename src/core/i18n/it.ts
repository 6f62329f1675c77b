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
    heading: 'Verbale di consegna: {title}',
    kicker: 'Reversibilità · verbale di consegna · allegato al contratto {reference}',
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
        sla: {
          term: 'SLA',
          definition:
            'Service Level Agreement (accordo sul livello di servizio): l’impegno contrattuale su tempi e livelli di servizio.',
        },
        slo: {
          term: 'SLO',
          definition: 'Service Level Objective: un obiettivo misurabile, p. es. 99.9 % di disponibilità.',
        },
        kpi: {
          term: 'KPI',
          definition:
            'Key Performance Indicator (indicatore chiave di prestazione): tasso di disponibilità, MTTR, soddisfazione dei clienti (CSAT).',
        },
        mttr: {
          term: 'MTTR',
          definition: 'Mean Time To Repair: il tempo medio di ripristino del servizio dopo un incidente.',
        },
        critical: {
          term: 'Critico',
          definition:
            'Servizio non disponibile per tutti gli utenti (p. es. presa in carico entro 4 h, risoluzione entro 8 h).',
        },
        major: { term: 'Grave', definition: 'Più utenti coinvolti.' },
        minor: { term: 'Lieve', definition: 'Un utente coinvolto, oppure un errore aggirabile.' },
        improvement: { term: 'Miglioria', definition: 'Una richiesta non urgente.' },
      },
    },
    signoff: {
      heading: 'Firme',
      intro:
        'Con la propria firma, ciascuna parte conferma lo stato degli elementi sopra indicati alla data apposta accanto alla firma.',
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
    footerEnd:
      '. Gli accessi sono indicati solo con il loro nome e il nome del file. Le impronte mostrate sono le prime 16 cifre esadecimali; le impronte complete figurano nel manifesto firmato.',
  },
  compensation: {
    heading: 'Conteggio di reversibilità: {title}',
    kicker: 'Reversibilità · conteggio · contratto {reference}',
    subtitle: 'Reversibilità · contratto {reference} · piano {plan} · {date}',
    releasable: 'Il pagamento finale di {amount} può essere liberato',
    heldBack: 'Il pagamento finale di {amount} è trattenuto',
    facts: {
      contract: 'Contratto',
      plan: 'Piano',
      date: 'Data',
      handover: 'Data di consegna',
      noManifest: 'senza manifesto: data di questo conteggio',
      fromManifest: 'manifesto',
      total: 'Totale IVA inclusa',
    },
    fees: {
      heading: 'Prezzo delle prestazioni di reversibilità',
      item: 'Voce',
      quantity: 'Quantità',
      unitPrice: 'Prezzo unitario',
      amount: 'Importo',
      subtotal: 'Subtotale delle prestazioni',
    },
    penalties: {
      heading: 'Penali',
      cause: 'Causa',
      rate: 'Tariffa',
      amount: 'Importo',
      late: { one: 'ritardo di {count} giorno', other: 'ritardo di {count} giorni' },
      missing: 'mancante',
      due: 'scadenza il {date}',
      beforeCap: 'Penali prima del massimale',
      cap: 'Massimale: {percent} delle prestazioni, ossia {amount}.',
      capApplies: 'Il massimale si applica',
      capReduced: ': le penali sono ridotte a {amount}.',
      capNotReached: 'Il massimale non è raggiunto.',
      none: 'Nessuna penale: ogni elemento obbligatorio è stato consegnato nei termini o è oggetto di rinuncia.',
      missingLabel: 'Mancante: {title} ({id})',
      notIntactLabel: 'Non integro: {title} ({id})',
      lateLabel: {
        one: 'In ritardo di {count} giorno: {title} ({id})',
        other: 'In ritardo di {count} giorni: {title} ({id})',
      },
    },
    total: {
      heading: 'Totale',
      amount: 'Importo',
      fees: 'Prestazioni di reversibilità',
      penalties: 'Penali',
      capped: ' (entro il massimale)',
      subtotal: 'Subtotale IVA esclusa',
      vat: 'IVA {percent}',
      rounding: 'Arrotondamento a {step}',
      total: 'Totale IVA inclusa',
    },
    finalPayment: {
      heading: 'Pagamento finale',
      heldBack: 'Importo trattenuto fino alla conferma della consegna',
      basisTotal: ' (il piano non fissa un pagamento finale: il totale qui sopra)',
      due: ', scadenza il {date}',
      releasable: 'Liberabile',
      releasableWhy: 'una verifica ha constatato una consegna completa e integra.',
      notReleasable: 'Non ancora liberabile.',
      holds: 'Che cosa lo trattiene:',
    },
    holds: {
      noVerification:
        'nessuna verifica fornita: eseguire `exitkit verify MANIFEST --json > verification.json` e indicare --verification',
      badSignature: 'la firma del manifesto non è valida',
      badArchive: 'l’archivio non corrisponde al manifesto',
      because: ' ({why})',
      incomplete: 'la consegna è incompleta: {ids} né consegnato/i integro/i né oggetto di rinuncia',
      incompleteNoIds: 'la verifica ha constatato una consegna incompleta',
      altered: 'file alterati, mancanti o inattesi nell’archivio: {paths}',
      notOk: 'la verifica non è stata superata',
      faults: ': {faults}',
    },
    rules: {
      heading: 'Regole applicate',
      exact:
        'Gli importi sono decimali esatti (mai in virgola mobile binaria); ogni voce di prezzo vale il suo importo o quantità × prezzo unitario, arrotondato commercialmente a due decimali.',
      missing: 'Un elemento obbligatorio né consegnato integro né oggetto di rinuncia costa {rate}.',
      lateFromManifest:
        'Un elemento consegnato dopo la scadenza costa {rate} per giorno di ritardo, contato dalla data di creazione del manifesto ({date}, UTC); un elemento mancante è penalizzato come mancante, non anche come in ritardo.',
      lateToDate:
        'Un elemento consegnato dopo la scadenza costa {rate} per giorno di ritardo, contato fino al {date}, data di questo conteggio, in mancanza di manifesto; un elemento mancante è penalizzato come mancante, non anche come in ritardo.',
      capped:
        'Massimale delle penali: {percent} del subtotale delle prestazioni ({cap}); le penali sono dedotte dalle prestazioni e il subtotale non è mai negativo.',
      uncapped:
        'Le penali sono dedotte dalle prestazioni (nessun massimale); il subtotale non è mai negativo.',
      vat: 'Aliquota IVA: {percent} del subtotale; l’IVA è arrotondata commercialmente a due decimali.',
      rounding: 'Il totale è arrotondato commercialmente a {step}.',
      release:
        'Il pagamento finale è liberato solo quando una verifica (`exitkit verify`) ha constatato una consegna completa e integra.',
    },
    approval: { heading: 'Approvazione' },
    footer: 'Redatto da {generator} il {date} in base al piano {plan}',
    footerEnd: '. Importi in {currency}, calcolati in decimali esatti.',
  },
};
