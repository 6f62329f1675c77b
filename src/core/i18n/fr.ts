/**
 * Français (Suisse romande et France). Typographie : espace insécable (U+00A0) avant « : »,
 * espace fine insécable (U+202F) avant « ; ». Les mots du domaine : *décompte de réversibilité*,
 * *prix des prestations de réversibilité*, *pénalité* (une indemnité, pas une réduction de prix).
 */
import type { Words } from './index.js';

export const fr: Words = {
  colon: '\u00a0: ',
  semicolon: '\u202f; ',
  roles: { client: 'Client', outgoing: 'Prestataire sortant', incoming: 'Prestataire entrant' },
  statuses: { pending: 'à préparer', ready: 'prêt', delivered: 'livré', waived: 'dispensé' },
  checks: {
    intact: 'intact',
    altered: 'altéré',
    listed: 'listé, non recalculé',
    'not-delivered': 'non livré',
  },
  answers: { yes: 'oui', no: 'non' },
  units: {
    sizes: { b: 'o', kb: 'Ko', mb: 'Mo', gb: 'Go', tb: 'To' },
    days: { one: '{count} jour', other: '{count} jours' },
    files: { one: '{count} fichier', other: '{count} fichiers' },
    items: { one: 'élément', other: 'éléments' },
    perDay: '/ jour',
  },
  families: {
    backups: 'Sauvegardes et données',
    credentials: 'Mots de passe et accès',
    configurations: 'Configurations',
    documentation: 'Documentation technique',
    inventory: 'Inventaire',
    other: 'Autres',
  },
  sign: {
    nameAndTitle: 'Nom et fonction',
    placeAndDate: 'Lieu et date',
    namePlaceDate: 'Nom, lieu et date',
    signature: 'Signature',
    reserves: 'Réserves (inscrire « aucune » s’il n’y en a pas)',
  },
  checklist: {
    heading: 'Procès-verbal de réversibilité\u00a0: {title}',
    kicker: 'Procès-verbal de réversibilité · annexe au contrat {reference}',
    subtitle: 'Réversibilité · annexe au contrat {reference} · plan {plan} · {date}',
    complete: 'Remise complète',
    completeDetail: {
      one: '{settled} livrable sur {total} remis ou dispensés',
      other: '{settled} livrables sur {total} remis ou dispensés',
      by: 'settled',
    },
    incomplete: 'Remise incomplète',
    incompleteDetail: {
      one: '{count} livrable obligatoire manquant',
      other: '{count} livrables obligatoires manquants',
    },
    lateDetail: ', {count} en retard',
    facts: {
      contract: 'Contrat',
      contractEnd: 'Fin du contrat',
      reversibility: 'Période de réversibilité',
      period: 'du {start} au {end}',
      assistance: 'Assistance à la transition',
      plan: 'Plan',
      date: 'Date',
    },
    parties: {
      heading: 'Parties',
      role: 'Rôle',
      name: 'Nom',
      contact: 'Contact',
      fingerprint: 'Empreinte de la clé',
    },
    manifest: {
      heading: 'Manifeste signé',
      file: 'Fichier',
      created: 'Créé le',
      sha256: 'SHA-256 du manifeste',
      signer: 'Signé par (empreinte)',
      payload: 'Contenu',
      archive: 'Archive',
      encryptedTo: 'Chiffré pour',
    },
    verification: {
      heading: 'Vérification',
      verified: 'vérifiée',
      failed: 'en échec',
      on: 'le {date}',
      signature: 'signature',
      valid: 'valable',
      notValid: 'non valable',
      archive: 'archive',
      matches: 'conforme au manifeste',
      doesNotMatch: 'non conforme',
      complete: 'complète par rapport au plan',
      incomplete: 'incomplète',
      decrypted: {
        one: '{count} fichier déchiffré et recalculé',
        other: '{count} fichiers déchiffrés et recalculés',
      },
      notDecrypted: 'non déchiffrée',
    },
    deliverables: {
      heading: 'Livrables',
      deliverable: 'Livrable',
      owner: 'Responsable',
      due: 'Échéance',
      status: 'Statut',
      files: 'Fichiers',
      verification: 'Vérification',
      notes: 'Remarques',
      optional: 'facultatif',
      more: 'et {count} de plus',
      missing: 'MANQUANT',
      late: { one: 'RETARD {count} JOUR', other: 'RETARD {count} JOURS' },
      waived: 'Dispensé\u00a0: {reason}',
      approvedBy: 'approuvé par {name}',
      approvedOn: ' le {date}',
    },
    inventory: {
      heading: 'Inventaire',
      missingColumns: 'colonnes manquantes\u00a0: {columns}',
      type: 'Type',
      location: 'Emplacement',
      count: 'Nombre',
      noType: 'pas de colonne de type',
      noLocation: 'pas de colonne d’emplacement',
    },
    actions: {
      heading: 'Actions ouvertes',
      done: 'Fait',
      action: 'Action',
      responsible: 'Responsable',
      initials: 'Date et visa',
      concerns: 'Concerne\u00a0: {ids}',
      list: {
        'rotate-secrets':
          'Changer chaque mot de passe, clé d’API et secret MFA remis (codes de récupération compris).',
        'revoke-accounts':
          'Révoquer les comptes du prestataire sortant\u00a0: administrateurs, comptes de service, boîtes partagées.',
        'revoke-remote-access':
          'Révoquer les accès VPN du prestataire sortant et retirer ses outils de prise en main à distance (agents RMM, TeamViewer, AnyDesk…).',
        'move-registrar-dns':
          'Transférer au client la propriété des comptes du registraire de domaines et du DNS.',
        'move-licence-portals':
          'Transférer au client la propriété des portails de licences et des abonnements cloud (Microsoft 365, éditeurs).',
        'confirm-restore-test':
          'Confirmer un test de restauration des sauvegardes remises, avec sa date et son résultat.',
        'sign-inventory':
          'Contrôler et signer l’inventaire des équipements et logiciels couverts (les deux parties).',
        'plan-assistance': {
          one: 'Planifier le jour d’assistance à la transition dû par le prestataire sortant.',
          other: 'Planifier les {count} jours d’assistance à la transition dus par le prestataire sortant.',
        },
      },
    },
    glossary: {
      heading: 'Glossaire',
      terms: {
        fingerprint: {
          term: 'Empreinte (de clé)',
          definition:
            'Les 40 chiffres hexadécimaux qui identifient une clé OpenPGP. Comparez l’empreinte d’une partie avec elle par un autre canal (téléphone, en personne) avant de vous fier à sa signature.',
        },
        digest: {
          term: 'SHA-256, SHA-512',
          definition:
            'Un condensat : un nombre de 64 ou 128 chiffres calculé à partir du contenu exact d’un fichier. Toute modification du fichier, même d’un octet, donne un autre condensat.',
        },
        manifest: {
          term: 'Manifeste',
          definition:
            'La liste, signée par le prestataire sortant, de tout ce qui est remis : chaque livrable, chaque fichier avec sa taille et son condensat, et la taille et le condensat de l’archive.',
        },
        signature: {
          term: 'Signature',
          definition:
            'Une signature OpenPGP prouve que le détenteur d’une clé a approuvé exactement ces octets ; GnuPG ou exitkit la contrôle avec la clé que le plan désigne.',
        },
        waiver: {
          term: 'Dispense',
          definition:
            'L’accord, inscrit au plan avec son motif et son approbateur, qu’un livrable ne sera pas remis.',
        },
        reserve: {
          term: 'Réserve',
          definition:
            'Un manquement qu’une partie consigne dans son accusé de réception signé de la remise, avec le livrable qu’il concerne et son échéance ; il reste ouvert jusqu’à ce que cette partie le lève dans son accusé de réception suivant.',
        },
      },
    },
    signoff: {
      heading: 'Signatures',
      intro:
        'Par sa signature, chaque partie confirme l’état des livrables et la conclusion ci-dessus à la date inscrite à côté de sa signature.',
    },
    notes: {
      noManifest:
        'Aucun manifeste fourni\u00a0: les fichiers sont ceux trouvés sur disque d’après les sources du plan, pas un relevé signé.',
      noVerification:
        'Aucune vérification fournie\u00a0: l’archive n’a pas été contrôlée pour cette liste (`exitkit verify`).',
      notDecrypted:
        'La vérification n’a pas déchiffré l’archive\u00a0: les fichiers figurent au manifeste signé mais n’ont pas été recalculés.',
      lateness: 'Sans manifeste, les retards sont comptés jusqu’au {date}, date de cette liste.',
    },
    footer: 'Établi par exitkit le {date} d’après le plan {plan}',
    footerSha: ' (SHA-256 {sha}…)',
    footerEnd: '. Les accès sont mentionnés par leur nom et leur nom de fichier uniquement.',
  },
  compensation: {
    heading: 'Décompte de réversibilité\u00a0: {title}',
    kicker: 'Réversibilité · décompte de réversibilité · contrat {reference}',
    subtitle: 'Réversibilité · contrat {reference} · plan {plan} · {date}',
    amountDue: 'Montant dû\u00a0: {total}, dont retenu jusqu’à la libération\u00a0: {held}.',
    releasable: 'Le paiement final de {amount} peut être libéré',
    heldBack: 'Le paiement final de {amount} est retenu',
    releasableWhy: 'chaque condition de libération est remplie',
    heldBackWhy: 'toutes les conditions de libération ne sont pas remplies',
    facts: {
      contract: 'Contrat',
      plan: 'Plan',
      date: 'Date',
      handover: 'Date de remise',
      noManifest: 'sans manifeste\u00a0: date de ce décompte',
      fromManifest: 'manifeste',
      total: 'Montant dû',
      held: 'dont retenu jusqu’à la libération',
    },
    fees: {
      heading: 'Prix des prestations de réversibilité',
      item: 'Poste',
      quantity: 'Quantité',
      unitPrice: 'Prix unitaire',
      amount: 'Montant',
      subtotal: 'Prix hors TVA',
    },
    penalties: {
      heading: 'Pénalités',
      named: ' («\u00a0{name}\u00a0»)',
      indemnity:
        'Les pénalités contractuelles{named} sont une indemnité, hors du champ de la TVA\u00a0: elles sont compensées avec le montant dû après TVA.',
      serviceCredit:
        'Le contrat définit les pénalités{named} comme des avoirs de service\u00a0: une réduction de prix, déduite du prix avant TVA.',
      cause: 'Cause',
      rate: 'Taux',
      amount: 'Montant',
      late: { one: 'retard {count} jour', other: 'retard {count} jours' },
      missing: 'manquant',
      pastDue: {
        one: '{count} jour après l’échéance à la date de ce décompte',
        other: '{count} jours après l’échéance à la date de ce décompte',
      },
      due: 'échéance le {date}',
      beforeCap: 'Pénalités avant plafond',
      cap: 'Plafond\u00a0: {percent} du prix hors TVA, {amount}.',
      capApplies: 'Le plafond s’applique',
      capReduced: '\u00a0: les pénalités sont ramenées à {amount}.',
      capNotReached: 'Le plafond ne s’applique pas.',
      none: 'Aucune pénalité\u00a0: chaque livrable dû par le prestataire sortant a été remis ou dispensé, dans les délais.',
      prefixed: '{name} — {label}',
      missingLabel: 'Manquant\u00a0: {title} ({id})',
      notIntactLabel: 'Non intact\u00a0: {title} ({id})',
      lateLabel: {
        one: 'En retard de {count} jour\u00a0: {title} ({id})',
        other: 'En retard de {count} jours\u00a0: {title} ({id})',
      },
    },
    total: {
      heading: 'Montant dû',
      amount: 'Montant',
      fees: 'Prix hors TVA',
      credits: 'Avoirs de service',
      capped: ' (plafonnés)',
      taxableBase: 'Base imposable',
      vat: 'TVA {percent}',
      withVat: 'Prix TVA comprise',
      setOff: 'Pénalités compensées (indemnité, hors TVA)',
      setOffCapped: ', plafonnées',
      rounding: 'Arrondi à {step}',
      total: 'Montant dû',
      held: 'dont retenu jusqu’à la libération (TVA comprise)',
      payableNow: 'dont payable maintenant',
    },
    obligations: {
      heading: 'Obligations ouvertes des autres parties',
      intro:
        'Ces livrables sont dus par une autre partie que le prestataire sortant\u00a0: ils empêchent la remise d’être complète mais ne coûtent aucune pénalité au prestataire sortant.',
      due: 'échéance le {date}',
    },
    finalPayment: {
      heading: 'Paiement final',
      heldBack: 'Retenu jusqu’à la libération',
      partOf: 'part du montant dû (TVA comprise\u202f; {how})',
      setOff: 'les pénalités sont compensées avec le montant dû',
      deducted: 'les avoirs de service sont déjà déduits',
      basisTotal: '\u202f; le plan ne fixe pas de paiement final\u00a0: tout le montant dû est retenu',
      planned: '\u202f; le plan fixe {amount}, plus que le montant dû',
      due: '\u202f; échéance le {date}',
      condition: 'Condition de libération',
      met: 'Remplie',
      evidence: 'Preuve',
      releasable: 'Libérable\u00a0: chaque condition est remplie.',
      notReleasable: 'Pas encore libérable\u00a0: chaque condition marquée non doit d’abord être remplie.',
    },
    conditions: {
      labels: {
        decrypted_verification: 'une vérification qui a déchiffré et recalculé chaque fichier',
        complete: 'la remise est complète',
        no_open_reserves: 'aucune réserve ouverte',
        reversibility_ended: 'la période de réversibilité a pris fin',
        deletion_attested: 'la suppression des données est attestée',
        receipt_client: 'l’accusé de réception signé du client',
        receipt_incoming: 'l’accusé de réception signé du prestataire entrant',
      },
      owners: { client: 'client', outgoing: 'prestataire sortant', incoming: 'prestataire entrant' },
      and: '\u202f; ',
      decrypted:
        'la vérification du {date} a déchiffré l’archive et recalculé l’empreinte de chaque fichier ({count})\u00a0: tous intacts, signature et empreinte de l’archive valables',
      incomingReceipt:
        '{name} a signé le {date} (clé {key}) un accusé de réception d’une vérification qui a déchiffré l’archive et recalculé l’empreinte de chaque fichier',
      noVerification: 'aucune vérification fournie',
      keyless:
        'la vérification fournie n’a pas déchiffré l’archive\u00a0: elle atteste la signature et l’empreinte de l’archive, pas son contenu',
      decryptedFaults: 'la vérification avec déchiffrement n’est pas concluante\u00a0: {faults}',
      badSignature: 'la signature du manifeste n’est pas valable',
      badArchive: 'l’archive ne correspond pas au manifeste',
      badIntegrity: 'le contrôle d’intégrité OpenPGP a échoué',
      badFiles: 'fichiers altérés, manquants ou inattendus\u00a0: {paths}',
      partial: '{checked} fichiers recalculés sur {total}',
      incomingKeyless: 'l’accusé de réception de {name} repose sur une vérification sans déchiffrement',
      incomingNotOk:
        'l’accusé de réception de {name} consigne une vérification avec déchiffrement non concluante',
      howToDecrypt:
        'fournissez --verification (ce qu’écrit `exitkit verify --decryption-key CLÉ --json`) ou l’accusé de réception du prestataire entrant (--receipt)',
      nothingHandedOver:
        'ni manifeste ni vérification fournis\u00a0: rien n’établit ce qui a été remis (les statuts du plan ne sont pas une preuve)',
      perVerification: 'selon la vérification',
      perManifest: 'selon le manifeste, non vérifié ici',
      missing: 'ni remis intacts ni dispensés ({source})\u00a0: {ids}',
      verificationIncomplete: 'la vérification a constaté une remise incomplète',
      complete: 'chaque livrable obligatoire a été remis intact ou dispensé ({source})',
      noReceiptNoReserve: 'aucun accusé de réception fourni\u00a0: aucune réserve connue',
      reservesUnknown: 'impossible de le dire\u00a0: l’accusé de réception {files} n’est pas valable',
      openReserves: 'réserves ouvertes\u00a0: {items}',
      noReserve: 'les accusés de réception fournis ({who}) ne consignent aucune réserve ouverte',
      reversibilityEnded: 'la période de réversibilité a pris fin le {end}',
      reversibilityRunning: 'la période de réversibilité prend fin le {end}\u202f; ce décompte est du {date}',
      noAttestation: 'aucune attestation de suppression fournie (--attestation)',
      attestationInvalid: 'l’attestation {file} n’est pas valable\u00a0: {faults}',
      attested:
        '{name} atteste la suppression des données, achevée le {date} ({method}\u202f; clé {key}), à la suite de cette remise',
      receiptSigned:
        '{name} a signé un accusé de réception le {date} (clé {key}) pour ce manifeste et cette archive',
      receiptNotOk: 'l’accusé de réception de {name} consigne un verdict non conforme',
      receiptInvalid: 'aucun accusé de réception valable de {name}\u00a0: {what}',
      noReceipt: 'aucun accusé de réception de {name} fourni (--receipt)',
    },
    rules: {
      heading: 'Règles appliquées',
      exact:
        'Les montants sont des décimaux exacts (jamais en virgule flottante binaire)\u202f; chaque ligne du prix vaut son montant ou quantité × prix unitaire, arrondi au centime (0,005 vers le haut). Le prix des prestations de réversibilité est soumis à la TVA.',
      owner:
        'Seul un livrable dû par le prestataire sortant lui coûte une pénalité. Un livrable manquant dû par le client ou le prestataire entrant ne coûte aucune pénalité\u00a0: il empêche la remise d’être complète et figure parmi les obligations ouvertes de cette partie.',
      lateFromManifest:
        'Un livrable remis après son échéance coûte {rate} par jour, de son échéance à sa propre date de remise (date de création du manifeste, {date}, UTC).',
      lateFromDeliveries:
        'Un livrable remis après son échéance coûte {rate} par jour, de son échéance à sa propre date de remise : la date de création (UTC) de la première remise qui l’a contenu intact.',
      lateToDate:
        'Un livrable remis après son échéance coûte {rate} par jour, de son échéance à sa propre date de remise (le {date}, date de ce décompte, faute de manifeste).',
      missing:
        'Un livrable obligatoire ni remis intact ni dispensé coûte {rate}, ou ce qu’il coûterait remis en retard à la date de ce décompte ({date}) si c’est davantage\u00a0: ne jamais livrer ne coûte jamais moins que livrer en retard. Il n’est pas pénalisé en plus comme en retard.',
      capped: 'Les pénalités sont plafonnées à {percent} du prix hors TVA ({cap}).',
      uncapped: 'Aucun plafond n’est fixé aux pénalités.',
      indemnity:
        'Les pénalités sont une peine conventionnelle, hors du champ de la TVA (Suisse\u00a0: LTVA art. 18 al. 2 let. i\u202f; France\u00a0: une indemnité n’est pas la contrepartie d’une prestation)\u00a0: la TVA est calculée sur le seul prix, et les pénalités sont compensées avec le montant dû après TVA, jamais au-delà.',
      serviceCredit:
        'Le contrat définit les pénalités comme des avoirs de service (une réduction de prix)\u00a0: elles sont déduites du prix avant TVA, et la base imposable n’est jamais négative.',
      vat: 'La TVA est de {percent} de la base imposable, arrondie au centime (0,005 vers le haut). Le montant dû est arrondi au multiple de {step} le plus proche (la moitié vers le haut).',
      release:
        'Le paiement final est une part du montant dû (TVA comprise, {how})\u00a0: le client la retient jusqu’à ce que chaque condition de libération du plan soit remplie ({conditions})\u202f; le reste est payable maintenant.',
      setOff: 'pénalités déjà compensées',
      deducted: 'avoirs de service déjà déduits',
      keyless:
        'Une vérification qui n’a pas déchiffré l’archive atteste la signature et l’empreinte de l’archive, pas son contenu\u00a0: elle ne vaut jamais vérification avec déchiffrement de chaque fichier.',
    },
    approval: { heading: 'Approbation' },
    footer: 'Établi par {generator} le {date} d’après le plan {plan}',
    footerEnd: '. Montants en {currency}, calculés en décimales exactes.',
  },
  exitPlan: {
    heading: 'Plan de sortie',
    intro:
      'Ce que les parties ont consigné pour cette sortie\u00a0: ce qui la déclenche, comment elle se déroule, qui la conduit, quand elle est achevée.',
    introRegulated:
      'Ce que les parties ont consigné pour cette sortie, selon {rule}\u00a0: ce qui la déclenche, comment elle se déroule, qui la conduit, quand elle est achevée.',
    rules: {
      dora: 'l’art. 28, par. 8, de DORA',
      eba: 'les orientations de l’ABE EBA/GL/2019/02, points 106 à 108',
      finma: 'la circulaire FINMA 2018/3',
    },
    triggers: 'Événements déclencheurs',
    scenarios: 'Scénarios',
    scenario: 'Scénario',
    description: 'Déroulement',
    target: 'Durée visée',
    roles: 'Rôles',
    party: 'Partie',
    role: 'Rôle',
    person: 'Titulaire',
    deputy: 'Suppléant',
    noDeputy: 'aucun désigné',
    successCriteria: 'Critères de réussite',
    nextReview: 'Prochaine revue du plan',
    reviewPast: 'date dépassée\u00a0: le plan doit être revu',
  },
  attestation: {
    heading: 'Attestation de suppression',
    intro:
      'Après la restitution des données, le prestataire sortant atteste sous sa signature en avoir supprimé ses copies (RGPD art. 28, par. 3, let. g\u202f; nLPD\u202f; DORA art. 30).',
    holds:
      'Contrôlée\u00a0: signée par la clé du prestataire sortant du plan, pour ce plan, à la suite de cette remise.',
    fails: 'Non valable\u00a0: {faults}.',
    file: 'Fichier',
    date: 'Suppression achevée le',
    method: 'Méthode',
    systems: 'Systèmes',
    datasets: 'Ensembles de données',
    retained: 'Données conservées et base légale',
    nothing: 'aucune',
    notNamed: 'non précisés',
    follows: 'Suit le manifeste',
    signer: 'Signée par (empreinte)',
    faults: {
      signature:
        'elle n’est pas signée par la clé du prestataire sortant du plan, ou a été modifiée après sa signature',
      signer: 'elle nomme un autre signataire que la clé qui l’a signée',
      plan: 'elle concerne une autre sortie',
      delivery: 'elle suit une autre remise que celle-ci',
      older: 'elle est antérieure à cette remise\u00a0: elle en suit une précédente',
      before: 'elle est datée d’avant la remise qu’elle suit',
    },
  },
  rehearsal: {
    title: 'Répétition de la sortie\u00a0: {title}',
    kicker: 'Test du plan de sortie · rapport de répétition',
    intro:
      'La sortie répétée de bout en bout avec des clés jetables créées pour l’occasion\u00a0: les livrables parcourus, puis empaquetés, vérifiés (déchiffrés et recalculés) et extraits dans un dossier de travail supprimé ensuite. Aucune vraie clé n’a servi et rien n’a été remis.',
    passed: 'Répétition réussie\u00a0: toutes les étapes ont abouti',
    failed: {
      one: 'Répétition en échec\u00a0: {count} étape a échoué',
      other: 'Répétition en échec\u00a0: {count} étapes ont échoué',
    },
    facts: {
      plan: 'Plan',
      planFile: 'Fichier du plan',
      sha256: 'SHA-256 du fichier du plan',
      date: 'Répétée le',
      ranBy: 'Exécutée par',
      payload: 'Contenu répété',
      full: 'Contenu complet',
      estimate: 'Durée estimée de la sortie',
    },
    sample: {
      one: 'échantillon de {count} fichier par livrable',
      other: 'échantillon de {count} fichiers par livrable',
    },
    whole: 'tout le contenu',
    user: 'utilisateur {user} (rapport non signé)',
    signer: '{user}, clé {fingerprint}',
    steps: {
      heading: 'Étapes',
      step: 'Étape',
      status: 'Résultat',
      time: 'Durée',
      throughput: 'Débit',
      estimate: 'Estimation',
    },
    stepNames: {
      walk: 'Parcours des livrables',
      bundle: 'Empaquetage\u00a0: chiffrement et signature',
      verify: 'Vérification\u00a0: déchiffrement et recalcul des empreintes',
      extract: 'Extraction',
    },
    statuses: { passed: 'réussie', failed: 'en échec', skipped: 'non exécutée' },
    perSecond: '{size}/s',
    estimateNote: 'Estimation\u00a0: le débit mesuré de chaque étape appliqué au contenu complet ({size}).',
    sampleNote:
      'Avec un petit échantillon, les coûts fixes (clés, signatures) pèsent davantage et l’estimation est haute.',
    findings: {
      heading: 'Constats',
      none: 'Aucun constat.',
      step: 'Étape',
      deliverable: 'Livrable',
      finding: 'Constat',
    },
    levels: { error: 'erreur', warning: 'avertissement' },
    unknown: 'inconnue',
    units: { seconds: '{n}\u00a0s', minutes: '{m}\u00a0min {s}\u00a0s', hours: '{h}\u00a0h {m}\u00a0min' },
    footer:
      'Généré par {generator} le {date} à partir du plan {plan}. rehearsal.json contient les mêmes faits',
    footerSigned: ', signés dans rehearsal.json.asc',
  },
  record: {
    delivered: 'remis le {date}',
    deliveredIn: 'remis le {date} (remise {delivery})',
    footerDigests:
      ' Les condensats des fichiers sont abrégés à leurs 16 premiers chiffres hexadécimaux (les condensats complets figurent dans le manifeste signé).',
    footerFingerprints: ' Les empreintes des clés sont données en entier.',
    receipts: {
      heading: 'Accusés de réception',
      intro:
        'Chaque partie accuse réception de la remise par un accusé de réception signé (`exitkit acknowledge`)\u202f; le dernier accusé de réception de chaque partie fait foi.',
      party: 'Partie',
      signed: 'Signé le',
      key: 'Clé (empreinte)',
      check: 'Contrôle',
      holds:
        'valable\u00a0: signé par la clé de cette partie inscrite au plan, pour ce manifeste, avec chaque accusé de réception antérieur de sa chaîne',
      fails: 'non valable\u00a0: {faults}',
      none: 'Aucun accusé de réception fourni\u00a0: chaque partie inscrit ses réserves éventuelles à côté de sa signature.',
    },
    reserves: {
      heading: 'Réserves',
      intro:
        'Consignées par les parties dans leurs accusés de réception signés\u202f; une réserve est levée par l’accusé de réception suivant de la partie qui l’a émise.',
      id: 'N°',
      party: 'Partie',
      text: 'Réserve',
      deliverable: 'Livrable',
      due: 'Échéance',
      state: 'État',
      open: 'ouverte',
      overdue: 'ouverte, échéance dépassée',
      lifted: 'levée le {date}',
      none: 'Aucune réserve consignée.',
    },
    conclusion: {
      heading: 'Conclusion',
      withoutReserves: 'Remise acceptée sans réserves',
      withoutReservesDetail:
        'la remise est complète et vérifiée, et aucun accusé de réception ne consigne de réserve ouverte.',
      withoutReservesNoReceipt:
        'la remise est complète et vérifiée\u202f; aucun accusé de réception n’a été fourni\u00a0: chaque partie inscrit ses réserves éventuelles à côté de sa signature.',
      withReserves: 'Remise acceptée avec réserves',
      withReservesDetail: {
        one: 'la remise est complète et vérifiée\u202f; la réserve {ids} reste ouverte jusqu’à sa levée par la partie qui l’a émise.',
        other:
          'la remise est complète et vérifiée\u202f; les réserves {ids} restent ouvertes jusqu’à leur levée par les parties qui les ont émises.',
      },
      notYet: 'Remise pas encore acceptable',
      notYetDetail: 'il faut d’abord remédier à ce qui suit\u00a0:',
      why: {
        'no-manifest': 'aucun manifeste signé fourni\u00a0: rien n’atteste ce qui a été remis',
        incomplete: {
          one: '{count} livrable obligatoire n’est ni remis ni dispensé',
          other: '{count} livrables obligatoires ne sont ni remis ni dispensés',
        },
        'no-verification': 'aucune vérification de la remise fournie (`exitkit verify`)',
        'verification-failed': 'la vérification de la remise a échoué',
        'receipt-invalid':
          'un accusé de réception n’est pas valable ({files})\u00a0: les réserves de sa partie ne sont pas connues',
      },
      open: { one: 'réserve ouverte\u00a0: {ids}', other: 'réserves ouvertes\u00a0: {ids}' },
    },
  },
};
