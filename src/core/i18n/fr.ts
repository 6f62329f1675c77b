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
    heading: 'Liste de remise\u00a0: {title}',
    kicker: 'Réversibilité · liste de remise · annexe au contrat {reference}',
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
        sla: {
          term: 'SLA',
          definition:
            'Service Level Agreement (accord de niveau de service)\u00a0: l’engagement contractuel sur les délais et les niveaux de service.',
        },
        slo: {
          term: 'SLO',
          definition: 'Service Level Objective\u00a0: un objectif mesurable, p. ex. 99,9 % de disponibilité.',
        },
        kpi: {
          term: 'KPI',
          definition:
            'Indicateur clé de performance\u00a0: taux de disponibilité, MTTR, satisfaction (CSAT).',
        },
        mttr: {
          term: 'MTTR',
          definition:
            'Mean Time To Repair\u00a0: le temps moyen de rétablissement du service après un incident.',
        },
        critical: {
          term: 'Critique',
          definition: 'Service indisponible pour tous (p. ex. pris en charge en 4 h, résolu en 8 h).',
        },
        major: { term: 'Majeur', definition: 'Plusieurs utilisateurs touchés.' },
        minor: { term: 'Mineur', definition: 'Un utilisateur touché, ou un bogue contournable.' },
        improvement: { term: 'Amélioration', definition: 'Une demande sans urgence.' },
      },
    },
    signoff: {
      heading: 'Signatures',
      intro:
        'Par sa signature, chaque partie confirme l’état des livrables ci-dessus à la date inscrite à côté de sa signature.',
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
    footerEnd:
      '. Les accès sont mentionnés par leur nom et leur nom de fichier uniquement. Les empreintes affichées sont les 16 premiers chiffres hexadécimaux\u202f; les empreintes complètes figurent dans le manifeste signé.',
  },
  compensation: {
    heading: 'Décompte de réversibilité\u00a0: {title}',
    kicker: 'Réversibilité · décompte · contrat {reference}',
    subtitle: 'Réversibilité · contrat {reference} · plan {plan} · {date}',
    releasable: 'Le paiement final de {amount} peut être libéré',
    heldBack: 'Le paiement final de {amount} est retenu',
    facts: {
      contract: 'Contrat',
      plan: 'Plan',
      date: 'Date',
      handover: 'Date de remise',
      noManifest: 'sans manifeste\u00a0: date de ce décompte',
      fromManifest: 'manifeste',
      total: 'Total TVA comprise',
    },
    fees: {
      heading: 'Prix des prestations de réversibilité',
      item: 'Poste',
      quantity: 'Quantité',
      unitPrice: 'Prix unitaire',
      amount: 'Montant',
      subtotal: 'Sous-total des prestations',
    },
    penalties: {
      heading: 'Pénalités',
      cause: 'Cause',
      rate: 'Taux',
      amount: 'Montant',
      late: { one: 'retard de {count} jour', other: 'retard de {count} jours' },
      missing: 'manquant',
      due: 'échéance le {date}',
      beforeCap: 'Pénalités avant plafond',
      cap: 'Plafond\u00a0: {percent} des prestations, soit {amount}.',
      capApplies: 'Le plafond s’applique',
      capReduced: '\u00a0: les pénalités sont ramenées à {amount}.',
      capNotReached: 'Le plafond n’est pas atteint.',
      none: 'Aucune pénalité\u00a0: chaque livrable obligatoire a été remis ou dispensé, dans les délais.',
      missingLabel: 'Manquant\u00a0: {title} ({id})',
      notIntactLabel: 'Non intact\u00a0: {title} ({id})',
      lateLabel: {
        one: 'En retard de {count} jour\u00a0: {title} ({id})',
        other: 'En retard de {count} jours\u00a0: {title} ({id})',
      },
    },
    total: {
      heading: 'Total',
      amount: 'Montant',
      fees: 'Prestations de réversibilité',
      penalties: 'Pénalités',
      capped: ' (plafonnées)',
      subtotal: 'Sous-total hors TVA',
      vat: 'TVA {percent}',
      rounding: 'Arrondi à {step}',
      total: 'Total TVA comprise',
    },
    finalPayment: {
      heading: 'Paiement final',
      heldBack: 'Montant retenu jusqu’à la confirmation de la remise',
      basisTotal: ' (le plan ne fixe pas de paiement final\u00a0: le total ci-dessus)',
      due: ', échéance le {date}',
      releasable: 'Libérable',
      releasableWhy: 'une vérification a constaté une remise complète et intacte.',
      notReleasable: 'Pas encore libérable.',
      holds: 'Ce qui le retient\u00a0:',
    },
    holds: {
      noVerification:
        'aucune vérification fournie\u00a0: lancez `exitkit verify MANIFEST --json > verification.json` et passez --verification',
      badSignature: "la signature du manifeste n'est pas valable",
      badArchive: "l'archive ne correspond pas au manifeste",
      because: ' ({why})',
      incomplete: 'la remise est incomplète\u00a0: {ids} ni livré(s) intact(s) ni dispensé(s)',
      incompleteNoIds: 'la vérification a trouvé la remise incomplète',
      altered: "fichiers altérés, manquants ou inattendus dans l'archive\u00a0: {paths}",
      notOk: 'la vérification a échoué',
      faults: '\u00a0: {faults}',
    },
    rules: {
      heading: 'Règles appliquées',
      exact:
        'Les montants sont des décimaux exacts (jamais en virgule flottante binaire)\u202f; chaque ligne de prix vaut son montant ou quantité × prix unitaire, arrondi au centime (0,005 vers le haut).',
      missing: 'Un livrable obligatoire ni livré intact ni dispensé coûte {rate}.',
      lateFromManifest:
        'Un livrable remis après son échéance coûte {rate} par jour de retard, compté à la date de création du manifeste ({date}, UTC)\u202f; un livrable manquant est pénalisé comme manquant, pas en plus comme en retard.',
      lateToDate:
        'Un livrable remis après son échéance coûte {rate} par jour de retard, compté jusqu’au {date}, date de ce décompte, faute de manifeste\u202f; un livrable manquant est pénalisé comme manquant, pas en plus comme en retard.',
      capped:
        'Les pénalités sont plafonnées à {percent} du sous-total des prestations ({cap}) et viennent en déduction des prestations\u202f; le sous-total n’est jamais négatif.',
      uncapped:
        'Les pénalités viennent en déduction des prestations (aucun plafond)\u202f; le sous-total n’est jamais négatif.',
      vat: 'La TVA est de {percent} du sous-total, arrondie au centime (0,005 vers le haut).',
      rounding: 'Le total est arrondi au multiple de {step} le plus proche (la moitié vers le haut).',
      release:
        'Le paiement final n’est libéré que lorsqu’une vérification (`exitkit verify`) a constaté une remise complète et intacte.',
    },
    approval: { heading: 'Approbation' },
    footer: 'Établi par {generator} le {date} d’après le plan {plan}',
    footerEnd: '. Montants en {currency}, calculés en décimales exactes.',
  },
};
