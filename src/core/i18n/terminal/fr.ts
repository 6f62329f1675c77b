/**
 * Ce que dit le terminal en français. Typographie : une espace avant les deux-points (une espace
 * ordinaire, lisible et cherchable dans un terminal), pas de point final ; `erreur :` puis
 * `conseil :`. Les clés et les valeurs du plan (status: ready, waiver, sources…) restent telles
 * qu’on les écrit dans le plan.
 */
import type { Messages } from './en.js';
import { plural } from './plural.js';

const count = (n: number, one: string, other: string) => `${n} ${plural('fr', n, { one, other })}`;
const at = (path?: string) => (path ? ` (${path})` : '');
/** a, b ou c */
const orList = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ou ${items.at(-1)!}`;

const ROLE = { client: 'du client', outgoing: 'du prestataire sortant', incoming: 'du prestataire entrant' };
/** Who approved a waiver: a party named by its role reads as that party (« approuvé par le client »). */
const APPROVER: Record<string, string> = {
  client: 'le client',
  outgoing: 'le prestataire sortant',
  incoming: 'le prestataire entrant',
};
const approver = (by: string) => APPROVER[by.trim().toLowerCase()] ?? by;
const STATUS = { pending: 'à préparer', ready: 'prêt', delivered: 'livré', waived: 'dispensé' };

export const fr: Messages = {
  help: {
    summary: {
      acknowledge:
        'Signer un accusé de réception de la remise : le manifeste, l’archive, le verdict et la date.',
      bundle: 'Construire l’archive de remise chiffrée, son manifeste et sa signature.',
      checklist:
        'Écrire le procès-verbal de réversibilité que signent les parties (Markdown ou HTML imprimable).',
      compensation:
        'Écrire le décompte de réversibilité : honoraires, pénalités, TVA, montant dû, et si le paiement final peut être libéré.',
      extract: 'Extraction vérifiée : le contenu n’apparaît dans DOSSIER que si chaque contrôle a réussi.',
      init: 'Écrire un plan de sortie de départ, commenté.',
      validate: 'Contrôler un plan de sortie : schéma, cohérence et fichiers de clés.',
      verify: 'Vérifier une remise : signature, archive, complétude et, avec une clé, chaque fichier.',
      walk: 'Parcourir les livrables d’un plan de sortie : ce qui est là, ce qui manque, que faire.',
      'keys:generate': 'Créer une paire de clés OpenPGP pour une partie.',
      'keys:show': 'Montrer ce qu’est une clé et ce qu’elle permet.',
      'attest:deletion':
        'Signer l’attestation du prestataire sortant : les données du client ont été restituées, puis supprimées.',
      rehearse:
        'Répéter la sortie avec des clés jetables : parcours, empaquetage, vérification et extraction, chronométrés, et un rapport pour l’autorité de surveillance.',
    },
    topic: {
      keys: 'Créer et examiner les clés OpenPGP des parties.',
      attest: 'Les attestations signées du prestataire sortant.',
    },
    root: 'Rend exécutable la clause de réversibilité d’un contrat d’infogérance : plan de sortie, archive de remise BagIt chiffrée, manifeste signé, vérification, procès-verbal de remise et décompte.',
    description: {
      acknowledge: `Le client ou le prestataire entrant signe son propre accusé de réception, <id>.receipt.client.json ou <id>.receipt.incoming.json (le rôle est trouvé d’après les clés du plan ; l’accusé d’une partie ne touche jamais celui de l’autre), avec sa signature détachée armée .asc. Il lie le SHA-256 du manifeste, l’empreinte de l’archive, le verdict de la vérification avec ses livrables manquants, la date et les réserves de la partie (--reserve, avec --due et --deliverable ; --lift ID en lève une). Le verdict vient de --verification (ce que \`verify --json\` a écrit) ou d’une vérification faite sur-le-champ avec --plan. Accuser réception à nouveau produit l’accusé suivant de la partie : le précédent est conservé sous <id>.receipt.<rôle>.<n>.json et le nouveau le désigne par son SHA-256 ; c’est le dernier qui compte. GnuPG vérifie la signature ; \`exitkit verify --receipt\` contrôle l’accusé et sa chaîne.`,
      bundle: `Écrit dans --out DOSSIER : <id>.tar.pgp, un message OpenPGP (binaire, SEIPD v1, non compressé, que GnuPG 2.2 déchiffre) contenant un tar d’un sac BagIt (RFC 8493), chiffré pour les clés du client et du prestataire entrant inscrites au plan et pour chaque --recipient ; <id>.manifest.json, le manifeste de sortie, lisible sans clé ; et <id>.manifest.json.asc, sa signature détachée armée par --signing-key, qui doit être la clé du prestataire sortant inscrite au plan.

Ce qui entre dans l’archive : les fichiers de chaque livrable prêt ou livré (statut \`ready\` ou \`delivered\`), sous data/<catégorie>/<id-du-livrable>/. Un livrable à préparer (\`pending\`) reste dehors même si tous ses fichiers sont là (le statut est la parole du prestataire sortant : c’est bien cette version qu’il remet ; marquez-le prêt avec \`exitkit walk\`), et un livrable dispensé reste dehors par convention. Ce que walk refuse, bundle le refuse : un livrable dont le bilan d’\`exitkit walk\` contient une erreur (une sauvegarde périmée, un export de mots de passe en clair, un fichier unique manquant ou vide) n’est pas prêt, quel que soit son statut ; bundle le nomme et sort en code 1, ou avec --allow-incomplete le laisse dehors et le compte comme manquant. Le manifeste consigne le bilan de chaque livrable et la date de modification de chaque fichier. Tant qu’un livrable obligatoire n’est ni prêt, ni livré, ni dispensé, la remise est refusée (code 1, en le nommant), sauf avec --allow-incomplete, qui inscrit complete: false et les identifiants manquants dans le manifeste.

Remises successives : produire à nouveau le lot dans un DOSSIER qui contient une remise signée du plan fait la remise suivante, <id>.delivery-2.manifest.json (puis -3, …) avec son archive <id>.delivery-2.tar.pgp et sa signature ; son manifeste indique son numéro et désigne le manifeste de la remise précédente par son nom de fichier et son SHA-256. Elle ne contient que ce qui est nouveau ou modifié depuis les remises précédentes (un fichier dont le chemin dans le sac, la taille et l’empreinte ont déjà été remis n’est pas réemballé ; un livrable sans rien de nouveau reste dehors) ; s’il n’y a rien de nouveau, rien n’est écrit et le code de sortie est 1. Une remise n’est jamais remplacée, avec ou sans --force.

Chaque fichier source est lu une seule fois et son empreinte calculée (SHA-512 par défaut, --algorithm sha256) pendant qu’il passe dans l’archive ; un fichier qui change ou disparaît entre-temps, un lien symbolique ou un fichier spécial est une erreur qui le nomme. Tout est écrit à côté des chemins définitifs puis renommé à la fin : après une erreur, Ctrl-C ou SIGTERM, rien ne reste dans DOSSIER. Code de sortie 0 quand une remise complète a été écrite, 1 quand le plan est incomplet (remise refusée, ou écrite malgré tout avec --allow-incomplete), 2 quand elle n’a pas pu être faite.`,
      checklist:
        'Le procès-verbal de réversibilité que signent les parties. Une section par famille, une ligne par livrable : responsable, échéance, statut (après une remise vérifiée, --manifest et --verification, un livrable est dit remis, avec sa date de remise), fichiers (nombre et taille ; empreintes avec --manifest), le résultat de la vérification avec --verification, les dispenses, les accusés de réception des parties avec --receipt (répétable, un par partie ; le dernier de la chaîne de chaque partie fait foi, contrôlé avec la clé de son rôle inscrite au plan et avec le --manifest) et les réserves qu’ils consignent, ouvertes ou levées, avec leurs échéances ; une conclusion : remise acceptée sans réserves, avec réserves (les réserves ouvertes citées), ou pas encore acceptable (et pourquoi) ; l’attestation de suppression du prestataire sortant avec --attestation (périmètre, méthode, date, ce qui est conservé et pourquoi, signataire ; contrôlée avec la clé du prestataire sortant du plan et le --manifest), les retards et les manques ; l’inventaire résumé à partir de son CSV ; les actions que toute remise laisse ouvertes (changer les secrets remis, révoquer les accès du prestataire sortant, transférer les portails du registraire, du DNS et des licences, confirmer le test de restauration) avec qui s’en charge ; un glossaire des termes qu’emploie le procès-verbal ; les blocs de signature du client, du prestataire sortant et du prestataire entrant. Les mots de passe et accès ne sont cités que par leur nom et leur nom de fichier. Sans --manifest, les fichiers sont ceux que désignent les sources du plan. Code de sortie 0 quand la remise est complète selon les données fournies (chaque livrable obligatoire remis, intact s’il a été vérifié, ou dispensé ; et avec --verification, une vérification concluante ; et chaque --receipt valable), 1 sinon (un accusé de réception non valable est cité), 2 quand le procès-verbal n’a pas pu être écrit ou un fichier donné n’a pas pu être lu.',
      compensation:
        'Les honoraires sont le prix des prestations de réversibilité (montants forfaitaires, ou quantité × prix unitaire) : la TVA s’y applique, arrondie au centime (arrondi commercial). Chaque pénalité indique sa cause (quel livrable, manquant ou avec combien de jours de retard) et son plafond ; seuls les livrables dus par le prestataire sortant lui coûtent des pénalités, et un livrable manquant ne coûte jamais moins que s’il était livré en retard à la date du décompte. Par défaut (penalties.treatment: indemnity), les pénalités sont hors du champ de la TVA et déduites, par compensation, du montant dû TVA comprise ; avec service_credit, elles réduisent la base imposable avant TVA. Le montant dû est arrondi au pas du plan (CHF : 0,05), selon l’arrondi commercial. Le paiement final est la part retenue de ce montant : il n’est libérable que si chaque condition de final_payment.release_when du plan est remplie (par défaut : une vérification qui a déchiffré et recalculé l’empreinte de chaque fichier, une remise complète, aucune réserve ouverte), chacune étant listée, remplie ou non, avec sa preuve tirée de --verification, --receipt et --attestation. Une vérification sans clé ne compte jamais comme une vérification avec déchiffrement ; l’accusé de réception, signé par le prestataire entrant, d’une vérification avec déchiffrement compte. Le retard se compte par livrable jusqu’à sa date de livraison (la date de création de la première remise qui l’a contenu intact) ; sans manifeste, jusqu’à --date (par défaut aujourd’hui). Les montants sont des décimaux exacts, écrits en chaînes dans --json ("21924.50"). Code de sortie 0 quand le paiement final est libérable, 1 sinon, 2 pour une entrée erronée.',
      extract:
        'Déchiffre et lit l’archive une seule fois, en contrôlant tout ce que contrôle `verify --decryption-key`, pendant qu’elle est écrite dans un dossier temporaire privé à côté de DOSSIER. Ce n’est que si chaque contrôle a réussi (signature par le signataire attendu, empreinte de l’archive, intégrité OpenPGP, chaque fichier, les manifestes propres du sac, complétude) que le sac est déplacé dans DOSSIER/<id>, chaque fichier avec la date de modification que consigne le manifeste signé (l’âge d’une sauvegarde reste visible). Au moindre défaut, ou sur Ctrl-C, rien ne reste dans DOSSIER. Avec le dernier manifeste d’une chaîne de remises, il contrôle chaque remise et écrit un sac par remise : DOSSIER/<id> pour la première, DOSSIER/<id>.delivery-N pour chacune des suivantes. Pas d’arborescence fusionnée : chaque sac reste exactement le sac signé, se valide avec tout outil BagIt et montre ce qui est arrivé dans quelle remise (un fichier modifié plus tard est dans le sac ultérieur). Rien n’est écrit si une seule remise échoue. Les entrées à chemin absolu, avec « .. », les liens et les périphériques sont refusés. Code de sortie 0 quand l’extraction est faite, 1 quand un défaut est trouvé, 2 quand le contrôle n’a pas pu se faire.',
      init: 'Écrit DOSSIER/exit-plan.yaml : les quatre familles de livrables (sauvegardes et données, mots de passe et accès, configurations, documentation et inventaire) et les compléments habituels (procès-verbal du test de restauration, codes de secours MFA, registraire et DNS, licences et contrats de tiers, registre des activités de traitement), chacun avec un commentaire d’une ligne, ainsi que le contrat, les parties et la compensation à remplir. Il écrit à côté le schéma JSON du plan (exit-plan.schema.json, désigné par un chemin relatif, pour que les éditeurs complètent et contrôlent le plan où qu’il aille) et un .gitignore qui tient les clés privées (*.sec.asc) hors de git (un .gitignore existant reçoit cette ligne s’il ne l’a pas), et le plan passe `exitkit validate` tel quel. Un plan existant n’est jamais remplacé sans --force (code 2).',
      validate:
        'Contrôle le plan par rapport à son schéma JSON, puis sa cohérence : identifiants uniques, dates réelles et dans l’ordre, dispenses avec un motif et une approbation, fichiers de clés lisibles comme clés OpenPGP, sources à l’intérieur du dossier du plan. Chaque problème est indiqué avec fichier:ligne:colonne. Code de sortie 0 quand le plan est valable, 2 sinon.',
      verify:
        'Contrôle la signature du manifeste avec le signataire attendu (--signer, ou la clé du prestataire sortant de --plan ; un manifeste ne peut pas désigner lui-même son signataire), la taille et l’empreinte SHA-256 de l’archive, et la complétude par rapport au plan. Avec --decryption-key, il déchiffre aussi l’archive au fil de la lecture et recalcule l’empreinte de chaque fichier pour la comparer au manifeste signé et aux manifestes propres du sac ; les entrées manquantes, en trop, altérées, tronquées ou dangereuses sont chacune nommées. Rien de déchiffré n’est conservé. Avec le dernier manifeste d’une chaîne de remises (<id>.delivery-N.manifest.json), il remonte la chaîne : le manifeste de chaque remise signé par le signataire attendu et conforme au SHA-256 consigné par la suivante, l’archive de chaque remise contrôlée (et déchiffrée avec --decryption-key) ; la complétude est jugée sur l’ensemble des remises. Une remise absente, modifiée ou signée par une autre clé est un défaut, nommé. Code de sortie 0 quand tout concorde, 1 quand un défaut est trouvé, 2 quand le contrôle n’a pas pu se faire.',
      walk: `Passe en revue famille par famille (sauvegardes, mots de passe et accès, configurations, documentation, inventaire, autres), résout les sources de chaque livrable et fait ses contrôles : présent, non vide, min_bytes, max_age_days (une sauvegarde plus ancienne est périmée), colonnes du CSV d’inventaire (avec les totaux par type), exports de mots de passe dans un format chiffré (KeePass KDBX, export Bitwarden chiffré, OpenPGP, age), sinon signalés comme en clair, par leur seul nom, jamais affichés. Les liens symboliques et les fichiers spéciaux sont des erreurs qui nomment le chemin. Un fichier vide est une erreur quand c’est le seul fichier du livrable, un avertissement parmi des fichiers non vides.

La fraîcheur (max_age_days) se juge à la date de modification de chaque fichier, telle que la donne le système de fichiers : copiez les exports en gardant leurs dates (cp -p, rsync -t) ; un fichier daté dans le futur est signalé. Ce que walk refuse, bundle le refuse : un livrable en erreur n’est pas prêt, quel que soit son statut.

Les fichiers des dossiers que désignent les sources et qu’aucun livrable ne réclame sont listés avec leur taille : ajoutez-les aux sources d’un livrable, ou listez-les sous ignore: dans le plan (motifs relatifs au plan).

Sur un terminal, il demande ensuite, livrable par livrable, s’il faut le marquer prêt, le dispenser (avec un motif et qui l’a approuvé) ou le laisser tel quel, et écrit les statuts dans le plan en conservant ses commentaires, son ordre et sa mise en forme. Une seule réponse marque prêts d’un coup tous les livrables dont les fichiers sont en ordre ; les questions continuent pour les autres. Rien n’est écrit sans réponse ; interrompu (Ctrl-C), il écrit les réponses déjà données (code 2). --no-input (ou --json, ou l’absence de terminal) ne fait que le bilan.

Code de sortie 0 quand chaque livrable obligatoire est prêt ou dispensé, 1 sinon, 2 quand le plan ne peut pas être lu.`,
      'keys:generate': `Écrit PRÉFIXE.pub.asc (la clé publique, à remettre aux autres parties et à inscrire au plan) et PRÉFIXE.sec.asc (la clé privée, à garder). C’est une clé OpenPGP v4 que GnuPG 2.2 importe telle quelle : par défaut Ed25519 pour signer avec une sous-clé de chiffrement Curve25519, ou RSA 4096 avec --type rsa4096. Elle n’annonce pas la fonction AEAD : les messages chiffrés pour elle sont en SEIPD v1, que GnuPG 2.2 déchiffre.

La clé privée est protégée par une phrase de passe lue dans --passphrase-file, sinon dans EXITKIT_PASSPHRASE, sinon demandée deux fois sur le terminal (masquée) ; --no-passphrase crée une clé non protégée. Les fichiers existants ne sont jamais remplacés sans --force.`,
      'keys:show':
        'Lit un fichier de clé OpenPGP armée (publique ou privée, telle que l’écrivent exitkit keys generate ou gpg --export --armor) et en montre l’empreinte, les identités, les algorithmes, les dates de création et d’expiration, et si elle peut signer et chiffrer aujourd’hui. Une clé privée n’est pas déverrouillée : aucune phrase de passe n’est demandée. Code de sortie 0 quand la clé a été lue, 2 quand le fichier n’est pas une clé.',
      'attest:deletion': `Une fois les données restituées, le prestataire sortant signe <id>.deletion.json et sa signature détachée armée .asc (GnuPG la vérifie) : l’attestation qu’il a détruit ses copies des données du client (RGPD art. 28, par. 3, let. g, nLPD, DORA art. 30). Elle indique le périmètre (--system et --dataset ; par défaut, les ensembles de données sont tous les livrables du plan, et un identifiant de livrable désigne ce livrable), la méthode (--method), le jour où la suppression a été achevée (--date, par défaut aujourd’hui ; jamais avant la remise, jamais dans le futur), ce qui est conservé et sur quelle base légale (--retained avec sa --basis, par paires), et la remise qu’elle suit : le nom de fichier et le SHA-256 du dernier manifeste (--manifest, sinon le dernier <id>.manifest.json de --out, sinon à côté du plan), qui doit être signé par la clé du prestataire sortant du plan. --signing-key doit être la clé du prestataire sortant inscrite au plan. \`exitkit verify --attestation\`, \`checklist --attestation\` et \`compensation --attestation\` la contrôlent (la condition de libération deletion_attested). Code de sortie 0 quand l’attestation a été écrite ; 1 quand il n’y a pas encore de remise (rien n’a été restitué : à la question « la suppression peut-elle être attestée ? », la réponse est non, comme bundle répond pour un plan qui n’est pas prêt) ou que le manifeste n’est pas signé par la clé du prestataire sortant ; 2 quand elle n’a pas pu être faite : un fichier donné illisible, une mauvaise clé ou phrase de passe, une date ou une paire d’options qui ne tiennent pas.`,
      rehearse: `La sortie, testée avant qu’elle n’ait lieu (DORA et la FINMA demandent que les plans de sortie soient testés), sans vraie clé : les livrables sont parcourus comme le fait \`exitkit walk\` ; puis une copie du plan, les clés des parties remplacées par des clés Curve25519 jetables créées pour l’occasion et chaque livrable dont les fichiers sont conformes marqué prêt, passe par bundle, une vérification qui déchiffre et recalcule l’empreinte de chaque fichier, et extract, dans un dossier de travail privé à l’intérieur de DIR, supprimé quoi qu’il arrive (à la fin, sur une erreur, sur Ctrl-C ou SIGTERM). --sample N ne prend que les N premiers fichiers de chaque livrable, pour une répétition rapide. Chaque étape est chronométrée, et sa durée extrapolée au contenu complet à partir du débit mesuré.

Écrit dans DIR rehearsal.md, rehearsal.html (imprimable) et rehearsal.json, dans la langue du plan (ou --lang) : la date, l’identifiant du plan et le SHA-256 de son fichier, qui l’a exécutée, chaque étape avec son résultat et sa durée, le contenu répété et le contenu complet, la durée estimée de la sortie, et chaque constat ; avec --signing-key (toute clé capable de signer : le rapport la nomme), rehearsal.json.asc, sa signature détachée armée, que GnuPG vérifie. Code de sortie 0 quand toutes les étapes ont réussi, 1 quand l’une a échoué (un livrable obligatoire manquant, un défaut constaté), 2 quand le plan n’est pas valide ou que la répétition n’a pas pu être faite.`,
    },
    args: {
      plan: 'le plan de sortie (YAML)',
      manifest: 'le manifeste de sortie (<id>.manifest.json)',
      dir: 'dossier du plan (créé au besoin)',
      key: 'fichier de clé OpenPGP armée',
    },
    flags: {
      common: {
        lang: 'langue des messages : fr ou en (par défaut : celle de l’environnement, LC_ALL, LC_MESSAGES ou LANG)',
        signingKey: 'clé privée armée qui signe (un fichier écrit par `gpg --export-secret-keys --armor`)',
        passphraseFile:
          'fichier dont la première ligne est la phrase de passe de la clé privée (sinon EXITKIT_PASSPHRASE, sinon une saisie masquée sur le terminal)',
        decryptionKey: 'clé privée armée d’un destinataire (celle du client ou du prestataire entrant)',
        recipient: 'clé publique armée d’un destinataire de plus (répétez l’option pour plusieurs)',
        jobs: 'nombre de volumes chiffrés, hachés ou déchiffrés en parallèle (par défaut : le nombre de cœurs)',
      },
      document: {
        manifest:
          'le manifeste de sortie écrit par `exitkit bundle` (<id>.manifest.json) : fichiers, empreintes, signataire, date',
        verification: 'ce qu’a écrit `exitkit verify --json` : le verdict par livrable',
        lang: 'la langue du document (par défaut : celle du plan) : français, anglais, allemand ou italien ; fr et en fixent aussi la langue des messages',
        format: 'Markdown ou HTML imprimable autonome (par défaut : selon --out ou --template, sinon md)',
        template:
          'votre propre modèle Handlebars, qui reçoit les mêmes données (.html.hbs pour du HTML, sinon Markdown)',
        out: 'écrire le document dans ce fichier (de façon atomique) au lieu de la sortie standard',
        date: 'la date du document, et le jour jusqu’auquel se compte le retard sans manifeste (par défaut : aujourd’hui)',
        attestation: `l’attestation de suppression du prestataire sortant (<id>.deletion.json, d’\`exitkit attest deletion\`), contrôlée avec la clé du prestataire sortant du plan et le --manifest qu’elle suit ; la condition deletion_attested`,
      },
      acknowledge: {
        verification:
          'la vérification dont l’accusé de réception prend acte : le JSON qu’a écrit `exitkit verify --json` pour ce manifeste',
        plan: `le plan de sortie : donne votre rôle (client ou prestataire entrant) d’après ses clés, qui nomme l’accusé de réception, et fait une vérification quand --verification manque`,
        out: 'dossier de l’accusé de réception (par défaut : à côté du manifeste)',
        reserve: `une réserve : ce qui manque ou ne va pas, en mots (répétable) ; le paiement final attend qu’elle soit levée`,
        due: `quand la réserve doit être levée (AAAA-MM-JJ) ; une fois pour toutes les --reserve, ou une fois après chacune`,
        deliverable: `le livrable que concerne une réserve ; une fois pour toutes les --reserve, ou une fois après chacune`,
        lift: `lever une de vos réserves ouvertes par son identifiant (C1, I2…), p. ex. une fois le fichier manquant arrivé (répétable)`,
        forceDeprecated: `les accusés de réception ne sont jamais remplacés : chacun s’enchaîne au précédent`,
      },
      bundle: {
        out: 'dossier où écrire les trois fichiers',
        signingKey: 'la clé privée armée du prestataire sortant, qui signe le manifeste',
        allowIncomplete:
          'constituer la remise même si un livrable obligatoire n’est pas prêt (le manifeste indique complete: false)',
        algorithm: 'algorithme d’empreinte des manifestes BagIt et du manifeste de sortie',
        force:
          'remplacer des fichiers du même plan dans DOSSIER qui ne sont pas une remise signée (une remise signée n’est jamais remplacée : produire à nouveau le lot fait la remise suivante)',
        volumeSize:
          'découper l’archive en volumes <id>.vol-001.tar.pgp, …, chaque fichier sous TAILLE : en octets, ou 512M, 4G (supports FAT32), au moins 1M',
      },
      compensation: {
        receipt: `un accusé de réception signé (<id>.receipt.client.json ou .incoming.json, de \`exitkit acknowledge\`), contrôlé avec les clés du client et du prestataire entrant inscrites au plan et avec --manifest ; répétable, un par partie`,
      },
      extract: {
        to: 'le dossier qui reçoit le sac, sous DOSSIER/<id> (une remise ultérieure sous DOSSIER/<id>.delivery-N)',
      },
      init: {
        lang: 'langue des commentaires, des titres et des documents produits (et de ces messages)',
        id: 'identifiant du plan (par défaut : tiré du nom du dossier)',
        force: 'remplacer un exit-plan.yaml existant',
      },
      verify: {
        plan: `le plan de sortie : désigne la clé du prestataire sortant comme signataire attendu, sert au contrôle de complétude, et ses livrables sont comparés à ceux du manifeste (une différence est un défaut)`,
        signer: 'la clé publique (armée) du prestataire sortant : la seule dont la signature est acceptée',
        archive:
          'l’archive chiffrée (par défaut : le fichier que nomme le manifeste, à côté de lui) ; avec des volumes, le dossier qui les contient',
        receipt: `un accusé de réception (<id>.receipt.client.json ou .incoming.json) à contrôler aussi : signé par la clé du plan pour son rôle, pour ce manifeste, avec chaque accusé antérieur de sa chaîne`,
        attestation: `une attestation de suppression (<id>.deletion.json) à contrôler aussi : signée par la clé du prestataire sortant de --plan, pour ce plan, à la suite de cette remise (le SHA-256 de son manifeste), non datée d’avant`,
      },
      walk: { noInput: 'ne jamais rien demander : faire le bilan seulement (pour les scripts et la CI)' },
      keys: {
        name: 'le nom de la partie, tel qu’il figure au plan',
        email: 'l’adresse de contact de la partie',
        out: `préfixe de chemin : écrit PRÉFIXE.pub.asc et PRÉFIXE.sec.asc (son dossier est créé s’il manque)`,
        type: 'algorithme de la clé',
        noPassphrase: 'laisser la clé privée sans protection (pour les tests et les clés jetables)',
        force: 'remplacer des fichiers de clés existants',
      },
      attest: {
        signingKey: `la clé privée armée du prestataire sortant, celle que le plan inscrit sous parties.outgoing`,
        method: `comment les données ont été détruites, p. ex. « NIST SP 800-88 purge », « effacement cryptographique », « destruction physique »`,
        date: `le jour où la suppression a été achevée (par défaut : aujourd’hui, UTC)`,
        system: `un système d’où les données ont été supprimées (répétable), p. ex. « dépôt de sauvegarde FS01 »`,
        dataset: `un ensemble de données supprimé (répétable) : un identifiant de livrable du plan, ou des mots (par défaut : chaque livrable)`,
        retained: `des données conservées malgré la suppression (répétable, chacune avec sa --basis), p. ex. « factures »`,
        basis: `la base légale du --retained de même rang, p. ex. « conservées dix ans, CO art. 958f »`,
        manifest: `le manifeste de la remise qu’elle suit (par défaut : le dernier <id>.manifest.json de --out, sinon à côté du plan)`,
        out: `dossier de <id>.deletion.json, où la remise est aussi cherchée (par défaut : le dossier du manifeste)`,
        force: `remplacer une attestation existante`,
      },
      rehearse: {
        out: 'dossier du rapport (créé au besoin) ; le dossier de travail s’y trouve pendant la répétition',
        sample:
          'répéter avec seulement les N premiers fichiers de chaque livrable (une répétition rapide) ; la durée est extrapolée au contenu complet',
        signingKey:
          'clé privée armée qui signe rehearsal.json (rehearsal.json.asc) ; le rapport nomme son titulaire',
        lang: 'la langue du rapport (par défaut : celle du plan) : français, anglais, allemand ou italien ; fr et en fixent aussi la langue des messages',
      },
    },
    examples: {
      acknowledge: {
        fromVerification: 'Le client garde le verdict de verify, puis en signe l’accusé de réception',
        withPlan:
          'Le prestataire entrant vérifie et signe en une seule étape, l’accusé de réception écrit dans receipts/',
        reserve: `Le prestataire entrant accuse réception avec une réserve sur un livrable, à lever avant une date`,
        lift: `La même partie lève sa réserve : son accusé suivant, enchaîné au premier`,
      },
      bundle: {
        signed: 'Constituer la remise dans handover/, signée par la clé du prestataire sortant',
        recipient:
          'De même, avec la phrase de passe dans un fichier et un auditeur comme destinataire de plus',
        incomplete:
          'La constituer même si un livrable obligatoire n’est pas prêt, et afficher le résultat en JSON',
        volumes: 'Découper l’archive en volumes de moins de 4 Gio chacun, pour un disque FAT32',
      },
      checklist: {
        markdown: 'Le procès-verbal en Markdown sur la sortie standard, dans la langue du plan',
        verified: 'Avec le manifeste et la vérification, en HTML imprimable',
        english: 'En anglais et en Markdown, dans un fichier',
        template: 'Avec votre propre mise en page',
        receipts:
          'Le procès-verbal à signer, avec les accusés de réception des deux parties et leurs réserves, en HTML imprimable',
      },
      compensation: {
        verified: 'Le décompte d’après le manifeste et la vérification, en Markdown sur la sortie standard',
        receipt: 'Avec l’accusé de réception signé du prestataire entrant, en HTML imprimable',
        beforeHandover: 'Avant la remise : les pénalités au 20 décembre 2026, en JSON',
      },
      extract: {
        plan: 'Le prestataire entrant extrait dans handover/, le signataire désigné par le plan',
        signer: 'Sans le plan : la clé publique du signataire indiquée, la phrase de passe dans un fichier',
      },
      init: {
        here: 'Un plan en français dans le dossier courant',
        folder: 'Un plan en français dans exits/acme, créé au besoin',
        english: 'Un plan en anglais, avec son propre identifiant',
      },
      validate: { plan: 'Contrôler un plan', json: 'Les problèmes en JSON' },
      verify: {
        plan: 'Contrôler la signature, l’archive et la complétude d’après le plan',
        decrypt: 'Sans le plan, avec une clé : déchiffrer et recalculer l’empreinte de chaque fichier',
        json: 'Garder le verdict en JSON (pour acknowledge, checklist et compensation)',
        receipt: 'Contrôler aussi un accusé de réception',
        attestation: `Contrôler aussi l’attestation de suppression du prestataire sortant`,
      },
      walk: {
        ask: 'Parcourir un plan, puis répondre pour chaque livrable',
        report: 'Faire le bilan seulement (pour les scripts et la CI)',
        json: 'Le bilan en JSON',
      },
      keysGenerate: {
        outgoing: 'La clé du prestataire sortant, sa phrase de passe demandée sur le terminal',
        rsa: 'Une clé RSA 4096, la phrase de passe lue dans un fichier',
        throwaway: 'Une clé jetable sans phrase de passe (pour les tests)',
      },
      keysShow: { public: 'Une clé publique', private: 'Une clé privée, en JSON' },
      attestDeletion: {
        outDir: `Attester dans le dossier de remise, en nommant les systèmes et ce qui est conservé, et pourquoi`,
        manifest: `Attester à la suite d’une remise donnée, pour deux ensembles de données, avec le jour où la suppression a été achevée`,
      },
      rehearse: {
        sample: 'Une répétition rapide sur deux fichiers de chaque livrable, le rapport dans handover-test/',
        signed: 'Tout le contenu, le rapport signé pour l’autorité de surveillance',
      },
    },
    placeholders: {
      file: 'FICHIER',
      key: 'CLÉ',
      dir: 'DOSSIER',
      plan: 'PLAN',
      prefix: 'PRÉFIXE',
      date: 'AAAA-MM-JJ',
      manifest: 'MANIFESTE',
      text: `TEXTE`,
      id: `ID`,
      n: 'N',
      size: 'TAILLE',
    },
    headings: {
      usage: 'UTILISATION',
      arguments: 'ARGUMENTS',
      flags: 'OPTIONS',
      globalFlags: 'OPTIONS GÉNÉRALES',
      description: 'DESCRIPTION',
      examples: 'EXEMPLES',
      commands: 'COMMANDES',
      topics: 'THÈMES',
      version: 'VERSION',
    },
    oclif: {
      json: 'Sortie au format JSON.',
      required: '(obligatoire)',
      default: '[par défaut : ',
      options: '<valeurs : ',
      option: '<valeur>',
      value: '<valeur>',
      helpCommand: 'Afficher l’aide d’<%= config.bin %>.',
      autocompleteCommand: 'Afficher comment installer la complétion automatique.',
      autocompleteShell: 'type de shell',
      autocompleteRefresh: 'rafraîchir le cache (sans afficher les instructions)',
      command: 'COMMANDE',
    },
  },
  label: {
    error: 'erreur : ',
    hint: 'conseil : ',
    warning: 'avertissement : ',
    info: 'info : ',
  },
  category: {
    backups: 'sauvegardes et données',
    credentials: 'mots de passe et accès',
    configurations: 'configurations',
    documentation: 'documentation technique',
    inventory: 'inventaire',
    other: 'autres',
  },
  status: STATUS,
  clauses: (parts) => parts.join(' ; '),
  about: (subject, text) => `${subject} : ${text}`,
  units: {
    bytes: (n) => count(n, 'octet', 'octets'),
    size: (v, power) => `${v.toFixed(1).replace('.', ',')} ${['Kio', 'Mio', 'Gio', 'Tio'][power]}`,
  },
  cli: {
    interrupted: (signal) => `interrompu par ${signal} : rien n’a été écrit`,
    usage: (message) => usageInFrench(message),
    seeHelp: (command) => `\`${command}\` montre l’utilisation et des exemples`,
    passphraseFlag:
      'une phrase de passe ne se donne jamais en valeur d’option (elle resterait dans l’historique du shell et la liste des processus) : utilisez --passphrase-file FICHIER, la variable d’environnement EXITKIT_PASSPHRASE ou la saisie masquée sur un terminal',
    unexpected: 'relancez avec DEBUG=exitkit* pour les détails, ou signalez-le',
  },
  system: {
    noSuchFile: (path) => `fichier ou dossier introuvable${at(path)}`,
    permissionDenied: (path) => `permission refusée${at(path)}`,
    diskFull: (path) => `le disque est plein${at(path)}`,
    folderForFile: (path) => `un dossier se trouve là où un fichier était attendu${at(path)}`,
    fileForFolder: (path) => `un fichier se trouve là où un dossier était attendu${at(path)}`,
  },
  files: {
    wrote: (file) => `${file} écrit`,
    exists: (file) => `${file} existe déjà : il n’a pas été écrasé`,
    existsHint: 'supprimez-le, ou ajoutez --force pour le remplacer',
    cannotWrite: (file, reason) => `impossible d’écrire ${file} : ${reason}`,
    cannotWriteHint: 'vérifiez que son dossier existe et est accessible en écriture',
  },
  plan: {
    problems: (file, n) => `${file} : ${count(n, 'problème', 'problèmes')}`,
    cannotRead: (file, why) => `impossible de lire le plan ${file} : ${why}`,
    denied: 'permission refusée',
    noSuchFile: 'fichier introuvable',
    givePlan: 'indiquez le chemin d’un plan de sortie (YAML) ; `exitkit init` écrit un plan de départ',
    checkReadable: 'vérifiez que le fichier est lisible',
    notAFile: (file) => `le plan ${file} n’est pas un fichier`,
    notAFileHint: 'indiquez le chemin d’un fichier YAML',
    tooLarge: (mib, bytes) =>
      `le plan dépasse ${mib} Mio (${bytes} octets) : bien trop grand pour un plan de sortie`,
    tooLargeHint: 'vérifiez que vous avez donné le plan, et non un export ou une archive',
    exportKey: (key) =>
      `exportez-la avec \`gpg --export --armor EMPREINTE > ${key}\`, ou créez-en une avec \`exitkit keys generate\``,
    keyMissing: (role, key) => `le fichier de clé ${ROLE[role]} ${key} n’existe pas`,
    keyMissingHint: (abs, exportHint) => `le chemin part du dossier du plan (${abs}) ; ${exportHint}`,
    keyNotAFile: (role, key) => `la clé ${ROLE[role]} ${key} n’est pas un fichier`,
    keyNotPinned: (key, fingerprint) =>
      `le fichier de clé ${key} a l’empreinte ${fingerprint}, pas celle qu’indique le plan`,
    keyNotPinnedHint: 'vérifiez quel fichier de clé le plan désigne, ou corrigez l’empreinte attendue',
    keyPrivate: (role, key) => `le fichier de clé ${ROLE[role]} ${key} contient une clé privée`,
    keyPrivateHint:
      'un plan ne demande que la clé publique (`gpg --export --armor`) ; gardez les clés privées hors du dossier du plan',
    keyUnreadable: (role, key, tooLarge) =>
      `le fichier de clé ${ROLE[role]} ${key} ${tooLarge ? 'est trop grand pour être une clé' : 'n’est pas une clé publique OpenPGP armée'}`,
  },
  parse: {
    notAPlan: (file) => `${file} n’est pas un plan valable`,
    notYaml: (file) => `${file} n’est pas du YAML valable`,
    notSchema: (file) => `${file} ne suit pas le schéma du plan`,
    tooDeep: (max) => `le plan s’imbrique sur plus de ${max} niveaux`,
    tooDeepHint:
      'un plan de sortie n’a que quelques niveaux (les livrables, leurs contrôles) : cherchez des crochets ou des tirets en trop',
    notAMapping: (shape) =>
      shape === 'empty'
        ? 'le plan est vide'
        : `le plan doit être un ensemble de clés (version, id, title…), pas ${shape === 'list' ? 'une liste' : 'une valeur isolée'}`,
    startFromInit: 'partez de `exitkit init`, qui écrit un plan de départ commenté',
    utf16: 'ce fichier est un texte UTF-16 ou UTF-32 ; un plan est en UTF-8',
    utf16Hint: 'réenregistrez-le en UTF-8 (dans la plupart des éditeurs : « Enregistrer avec l’encodage »)',
    binary: 'ce fichier est binaire, pas du YAML (il contient un octet NUL)',
    binaryHint:
      'indiquez le chemin du plan de sortie (un fichier texte YAML), pas d’un export ou d’une archive',
    notUtf8: (byte, offset) =>
      `ce fichier n’est pas de l’UTF-8 valable (octet ${byte} à la position ${offset})`,
    notUtf8Hint: 'enregistrez le plan en UTF-8 (il a sans doute été enregistré en Latin-1 ou Windows-1252)',
  },
  yaml: {
    syntax: (code, message) => `syntaxe YAML : ${YAML_CODES[code] ?? message}`,
    quoteNotClosed: 'syntaxe YAML : ce guillemet n’est jamais fermé',
    duplicateKey: (key) =>
      key
        ? `la clé ${key} apparaît deux fois dans cet ensemble`
        : 'une clé apparaît deux fois dans cet ensemble',
    multipleDocs: 'le fichier contient plus d’un document YAML',
    tooDeep: 'le plan s’imbrique trop profondément pour être lu',
    unknownTag: (tag) => `étiquette YAML inconnue ${tag}`,
    unknownTagHint: 'retirez l’étiquette ; un plan de sortie n’utilise que des valeurs simples',
    aliasWithoutAnchor: (alias) => `alias YAML sans ancre qui le précède (${alias})`,
    aliasWithoutAnchorHint: 'définissez l’ancre (&nom) avant l’alias (*nom), ou écrivez la valeur en entier',
    aliasBomb: (max) =>
      `les alias YAML du plan se déploient au-delà de ${max} copies (une bombe d’expansion)`,
    unreadable: (message) => `le plan ne peut pas être lu : ${message}`,
    aliasBombHint: 'écrivez les valeurs en entier au lieu de répéter ancres (&nom) et alias (*nom)',
    closeQuote: 'fermez le guillemet ouvert ici, à la fin de sa valeur',
    listItem:
      "cette ligne est indentée comme un élément de liste : commencez-la par '- ', ou alignez-la sur les clés au-dessus",
    closeBracket: 'fermez le crochet ouvert avant cet endroit, ou indentez davantage',
    fixHere: 'corrigez le YAML à cet endroit (indentation, guillemets, deux-points manquant)',
    hints: {
      DUPLICATE_KEY: 'une clé n’apparaît qu’une fois par ensemble : supprimez ou renommez l’une des deux',
      MULTIPLE_DOCS:
        "un plan est un seul document YAML : supprimez la ligne '---' et ce qui suit, ou scindez le fichier",
      TAB_AS_INDENT: 'indentez avec des espaces, pas des tabulations',
      BAD_INDENT: 'alignez cette ligne sur les autres clés du même niveau',
      BLOCK_AS_IMPLICIT_KEY: 'une clé est suivie de deux-points et d’une espace (« clé: valeur »)',
      MULTILINE_IMPLICIT_KEY:
        'une clé tient sur une ligne ; mettez entre guillemets une valeur qui contient deux-points',
      UNEXPECTED_TOKEN: 'supprimez ou mettez entre guillemets le caractère à cet endroit',
      BAD_SCALAR_START:
        'mettez cette valeur entre guillemets : elle commence par un caractère réservé du YAML (@, `, %)',
      BAD_DQ_ESCAPE:
        'entre guillemets doubles, une barre oblique inverse commence un échappement : écrivez \\\\ pour une seule, ou utilisez des guillemets simples',
    },
  },
  schema: {
    thePlan: 'le plan',
    value: { list: 'une liste', empty: 'vide', mapping: 'un ensemble de clés' },
    type: {
      string: 'du texte',
      boolean: 'true ou false',
      array: "une liste (des lignes qui commencent par '- ', ou [a, b])",
      object: 'un ensemble de clés (clé: valeur)',
      integer: 'un nombre entier',
      number: 'un nombre',
    },
    lacks: (field, key) => `il manque "${key}" dans ${field}`,
    lacksHint: (key, field) =>
      `ajoutez ${key}: ${field ? `sous ${field}` : 'au premier niveau'} (plans/exit-plan.schema.json liste toutes les clés)`,
    unknownKey: (key, field) => `clé inconnue "${key}" dans ${field}`,
    didYouMeanQuoted: (word) => `vouliez-vous dire "${word}" ?`,
    didYouMean: (word) => `vouliez-vous dire ${word} ?`,
    checkSpelling: (known) => `vérifiez l’orthographe ; les clés connues ici sont ${known}`,
    oneOf: (field, value, allowed) => `${field} vaut ${value} : il doit valoir ${orList(allowed)}`,
    useListed: 'utilisez l’une des valeurs indiquées',
    version: (value) => `la version ${value} n’est pas une version de plan que cet exitkit sait lire`,
    versionHint:
      'cet exitkit lit les plans de version 1 : écrivez version: 1, ou utilisez l’exitkit qui a écrit ce plan',
    mustBe: (field, value) => `${field} doit valoir ${value}`,
    write: (value) => `écrivez ${value}`,
    notBoolean: (field, value) => `${field} vaut ${value} : il doit valoir true ou false`,
    booleanHint: (key) =>
      `écrivez \`${key}: true\` ou \`${key}: false\` (en YAML 1.2, \`yes\`, \`no\`, \`on\` et \`off\` sont du texte)`,
    notText: (field, kind, value) =>
      `${field} est ${kind === 'number' ? 'le nombre' : 'le booléen'} ${value} : il doit être du texte`,
    quoteIt: (key, value) => `mettez-le entre guillemets : ${key}: "${value}"`,
    wrongType: (field, value, want) => `${field} vaut ${value} : il doit être ${want}`,
    wrongTypeHint: (field, want) => `écrivez ${field} sous forme de ${want.replace(/^(du|un|une) /, '')}`,
    badId: (field, value) =>
      `${field} vaut ${value} : il ne doit contenir que des minuscules, des chiffres et des '-'`,
    badIdHint: 'il sert dans les noms de fichiers, p. ex. acme-exit-2026 ou fs01-backup',
    badCurrency: (field, value) => `${field} vaut ${value} : il doit être un code ISO 4217`,
    badCurrencyHint: 'p. ex. CHF ou EUR, en majuscules',
    badFingerprint: (field, value) =>
      `${field} vaut ${value} : il doit être une empreinte de clé (40 ou 64 chiffres hexadécimaux)`,
    badFingerprintHint: '`exitkit keys show CLÉ` ou `gpg --fingerprint` l’affiche',
    badDate: (field, value) => `${field} vaut ${value} : il doit être une date écrite AAAA-MM-JJ`,
    badDateHint: 'p. ex. 2026-12-31',
    badForm: (field, value) => `${field} vaut ${value} : il n’a pas la forme attendue`,
    badFormHint: (pattern) => `il doit correspondre à ${pattern}`,
    negativeAmount: (field, value) => `${field} vaut ${value} : un montant ne peut pas être négatif`,
    negativeAmountHint: 'écrivez le montant sans signe moins',
    thousands: (field, value) => `${field} vaut ${value} : un montant s’écrit sans séparateur de milliers`,
    decimalComma: (field, value) => `${field} vaut ${value} : un montant s’écrit avec un point décimal`,
    notAmount: (field, value) => `${field} vaut ${value} : il doit être un montant décimal`,
    notAmountHint: 'écrivez-le comme 4500 ou 1200.50, sans symbole monétaire ni séparateur',
    negative: (field, value) => `${field} vaut ${value} : il ne peut pas être négatif`,
    negativeHint: 'écrivez 0 ou plus',
    empty: (field) => `${field} est vide`,
    emptyHint: (key) => `écrivez une valeur pour ${key}, ou supprimez la clé`,
    twice: (field) => `${field} contient deux fois la même valeur`,
    twiceHint: 'gardez chaque valeur une seule fois',
    badLabel: (field, value) =>
      `${field} vaut ${value} : il doit être un texte, ou un texte par langue (fr, en, de, it)`,
    badLabelHint: 'p. ex. {fr: Forfait de réversibilité, en: Reversibility fee}',
    tooLong: (field) => `${field} est trop long`,
    tooLongHint: 'raccourcissez-le',
    invalid: (field) => `${field} n’est pas valable`,
    seeSchema: 'voir plans/exit-plan.schema.json',
  },
  meaning: {
    notADate: (value) => `${value} n’est pas une date qui existe`,
    notADateHint: 'écrivez une vraie date du calendrier, sous la forme AAAA-MM-JJ',
    contractEndsBeforeStart: (end, start) => `le contrat se termine (${end}) avant de commencer (${start})`,
    contractEndsBeforeStartHint: 'vérifiez contract.start et contract.end',
    reversibilityEndsBeforeStart: (end, start) =>
      `la phase de réversibilité se termine (${end}) avant de commencer (${start})`,
    reversibilityEndsBeforeStartHint: 'inversez ou corrigez les deux dates',
    reversibilityAfterContract: (start, end) =>
      `la phase de réversibilité commence (${start}) après la fin du contrat (${end})`,
    reversibilityAfterContractHint: 'la sortie se prépare d’ordinaire avant la date de fin',
    duplicateId: (id, first) =>
      `l’identifiant de livrable "${id}" est utilisé deux fois (déjà en deliverables[${first}])`,
    duplicateIdHint: 'donnez à chaque livrable son propre identifiant',
    waivedWithoutWaiver: (id) => `"${id}" a le statut \`waived\` mais aucune dispense (waiver)`,
    waivedWithoutWaiverHint:
      'ajoutez waiver: {reason: ..., approved_by: client} (une dispense n’est pas un trou passé sous silence)',
    waiverNoReason: (id) => `la dispense de "${id}" n’a pas de motif`,
    waiverNoReasonHint: 'donnez la raison dans waiver.reason',
    waiverNoApprover: (id) => `la dispense de "${id}" ne dit pas qui l’a approuvée`,
    waiverNoApproverHint: 'renseignez waiver.approved_by (d’ordinaire client)',
    waiverButStatus: (id, status) => `"${id}" a une dispense mais son statut est ${status}`,
    waiverButStatusHint: 'écrivez status: waived, ou supprimez la dispense',
    noSources: (id) => `"${id}" n’a pas de sources : rien ne peut être contrôlé ni emballé pour lui`,
    listSources: 'listez ses fichiers, dossiers ou motifs sous sources',
    outsideDotDotHint:
      "écrivez-la sans segments '..', relativement au dossier du plan ; ou déplacez les fichiers dessous, ou écrivez allow_external_sources: true en tête du plan",
    dueAfterContract: (id, due, end) => `"${id}" est attendu (${due}) après la fin du contrat (${end})`,
    notPlainDecimal: (value) => `${value} n’est pas un montant décimal simple`,
    notPlainDecimalHint: 'écrivez des chiffres avec un point décimal facultatif, p. ex. 4500 ou 8.1',
    vatOver100: (value) => `une TVA de ${value} % dépasse 100 %`,
    vatOver100Hint: 'écrivez le taux en pour cent, p. ex. 8.1',
    roundingZero: 'le pas d’arrondi vaut 0',
    roundingZeroHint: 'écrivez le plus petit pas du total, p. ex. 0.05 pour le CHF ou 0.01',
    capOver100: (value) => `le plafond des pénalités, ${value} %, dépasse les honoraires`,
    capOver100Hint: 'le plafond est un pourcentage des honoraires, d’ordinaire de 5 à 20',
    feeShape: (label) => `l’honoraire "${label}" demande soit amount, soit quantity et unit_price`,
    feeShapeHint: 'écrivez {label, amount} ou {label, quantity, unit, unit_price}',
  },
  exitPlan: {
    rule: {
      dora: 'DORA, art. 28, par. 8',
      eba: 'orientations de l’ABE EBA/GL/2019/02, points 106 à 108',
      finma: 'circulaire FINMA 2018/3',
    },
    sectionMissing: (regulation) =>
      `regulation: ${regulation} exige une section exit:, et le plan n’en a pas`,
    sectionMissingHint: (rule) =>
      `${rule} demande un plan de sortie documenté : ajoutez exit: {triggers, scenarios, roles, success_criteria, next_review} (exitkit init en écrit une, en commentaire)`,
    partMissing: (part, regulation) =>
      `exit.${part} manque ou est vide, et regulation: ${regulation} l’exige`,
    partHint: {
      triggers: (rule) =>
        `énumérez ce qui déclenche la sortie : fin ou résiliation du contrat, faillite ou manquement du prestataire, injonction de l’autorité de surveillance (${rule})`,
      scenarios: (rule) =>
        `décrivez la sortie planifiée et les sorties imprévues (faillite du prestataire, sortie sous contrainte), chacune sous la forme {title, description, target_days} (${rule})`,
      roles: (rule) =>
        `nommez qui conduit la sortie pour chaque partie, avec un suppléant : {party, role, person: {name, contact}, deputy: {name, contact}} (${rule})`,
      success_criteria: (rule) =>
        `dites ce qui doit être acquis pour que la sortie soit achevée, p. ex. test de restauration réussi, effacement attesté (${rule})`,
      next_review: (rule) =>
        `indiquez la date de la prochaine revue de ce plan par les parties, au format AAAA-MM-JJ (${rule} : le plan de sortie est revu périodiquement)`,
    },
    partyUnnamed: (party, regulation) =>
      `exit.roles ne nomme personne ${ROLE[party]}, et regulation: ${regulation} l’exige`,
    partyUnnamedHint: (party, rule) =>
      `ajoutez {party: ${party}, role, person: {name, contact}, deputy: {name, contact}} (${rule})`,
    noDeputy: (name, role) => `${name} (${role}) n’a pas de suppléant`,
    noDeputyHint: (rule) =>
      `ajoutez deputy: {name, contact}, pour que la sortie ne dépende jamais d’une seule personne (${rule})`,
    reviewPast: (review, today) =>
      `la revue du plan de sortie était prévue le ${review} (nous sommes le ${today})`,
    reviewPastHint: (rule) =>
      `revoyez le plan avec les parties, puis reportez dans exit.next_review la date de la prochaine revue${rule}`,
    reviewRule: (rule) => ` (${rule} : le plan de sortie est revu périodiquement)`,
  },
  sources: {
    outside: (source) => `la source "${source}" pointe hors du dossier du plan`,
    noMatch: (source) => `aucun fichier ne correspond à "${source}"`,
    cannotRead: (path) => `impossible de lire ${path}`,
    cannotList: (path) => `impossible de lister le dossier ${path}`,
    doesNotExist: (path) => `${path} n’existe pas`,
    fileNotFolder: (path, source) => `${path} est un fichier, mais le plan désigne le dossier "${source}"`,
    emptyFolder: (path) => `le dossier ${path} ne contient aucun fichier`,
    outsideThroughLink: (path) => `${path} mène hors du dossier du plan (par un dossier lié symboliquement)`,
    throughLinkedFolder: (path) =>
      `${path} est atteint par un dossier lié symboliquement ; les liens ne sont pas suivis`,
    duplicate: (path, twin, rel) =>
      `${path} et ${twin} seraient tous deux rangés sous "${rel}" dans ce livrable`,
    symlink: (path) => `${path} est un lien symbolique ; les liens ne sont pas suivis`,
    special: (path, kind) => `${path} est ${kind}, pas un fichier ordinaire`,
    kind: {
      fifo: 'un tube nommé (fifo)',
      socket: 'un socket',
      device: 'un périphérique',
      special: 'un fichier spécial',
    },
    hint: {
      missing: 'exportez-le à cet emplacement, ou corrigez les sources de ce livrable',
      empty: 'déposez-y les fichiers exportés, ou corrigez les sources de ce livrable',
      symlink:
        'les liens ne sont jamais suivis : copiez le fichier lui-même à sa place (cp -L), ou indiquez le vrai chemin',
      special:
        'seuls des fichiers ordinaires peuvent être remis : retirez-le ou exportez son contenu dans un fichier',
      outside:
        'déplacez les fichiers sous le dossier du plan, ou écrivez allow_external_sources: true en tête du plan',
      unreadable: 'donnez-y l’accès en lecture à l’utilisateur qui lance exitkit (chmod/chown)',
      duplicate:
        'deux fichiers partageraient un même nom dans l’archive : renommez-en un, ou répartissez les sources',
    },
  },
  walkRefuses: {
    noFile: (sources) => `ses sources ne désignent aucun fichier (${sources.join(', ')})`,
    emptyAmongOthers: (path) => `${path} est vide (0 octet), parmi des fichiers qui ne le sont pas`,
    emptyAmongOthersHint:
      's’il doit contenir quelque chose, exportez-le à nouveau ; les autres fichiers sont remis',
    refused: (lines) =>
      `pas prêt, quel que soit le statut indiqué dans le plan : le contrôle relève des erreurs dans ${plural('fr', lines.length, { one: 'ce livrable', other: 'ces livrables' })}\n  ${lines.join('\n  ')}`,
    refusedHint: 'corrigez ce que `exitkit walk` signale, ou remettez le livrable à `status: pending`',
    line: (id, errors) => `${id} : ${errors.join(' ; ')}`,
    leftOut: (line) => `remarque : laissé hors de l’archive, ses contrôles échouent : ${line}`,
    unclaimed: (n, bytes) =>
      `${count(n, 'fichier', 'fichiers')} (${bytes}) dans les dossiers des sources, qu’aucun livrable ne réclame`,
    unclaimedFile: (path, size) => `${path} (${size})`,
    unclaimedMore: (n) => `et ${n} de plus`,
    unclaimedHint:
      'ajoutez-les aux sources d’un livrable, ou inscrivez-les sous ignore: dans le plan (motifs relatifs au plan)',
  },
  inventory: {
    lineTooLong: (file, max) =>
      `${file} a une ligne de plus de ${max} caractères : ce n’est pas un inventaire CSV`,
    lineTooLongHint: 'exportez l’inventaire en CSV (un élément par ligne) depuis le tableur',
  },
  walk: {
    header: (file, title, id, n) => `${file} : ${title} (${id}), ${count(n, 'livrable', 'livrables')}`,
    entry: (id, title, state) => `${id} : ${title} [${state}]`,
    optional: 'facultatif',
    files: (n) => count(n, 'fichier', 'fichiers'),
    waived: (reason, by, date) =>
      `dispensé : ${reason} (approuvé par ${approver(by)}${date ? `, le ${date}` : ''})`,
    waivedWithoutWaiver: 'dispensé sans dispense',
    waivedWithoutWaiverHint: 'ajoutez waiver: {reason: ..., approved_by: client}',
    noSources: 'pas de sources : rien à contrôler ni à remettre',
    emptyFile: (path) => `${path} est vide (0 octet)`,
    emptyFileHint: 'exportez-le à nouveau : un fichier vide ne remet rien',
    tooSmall: (path, size, min) => `${path} fait ${size}, moins que les ${min} attendus (min_bytes)`,
    tooSmallHint: 'vérifiez que l’export est allé à son terme ; un export tronqué n’est pas une remise',
    stale: (path, day, age, max) =>
      `${path} est périmé : modifié le ${day}, il y a ${count(age, 'jour', 'jours')} (max_age_days: ${max})`,
    staleBackupHint: 'lancez une nouvelle sauvegarde et exportez-la à nouveau',
    staleHint: 'exportez une copie récente',
    future: (path, day) => `${path} est daté dans le futur (${day})`,
    futureHint: 'vérifiez l’horloge de la machine qui l’a exporté',
    noFreshness: 'aucun contrôle de fraîcheur',
    noFreshnessHint: 'renseignez checks.max_age_days : une sauvegarde de l’an dernier n’est pas une remise',
    clearText: (path) => `${path} n’est pas dans un format chiffré : traité comme des mots de passe en clair`,
    clearTextAllowedHint:
      'autorisé par checks.allow_cleartext ; il reste chiffré dans l’archive, mais préférez un export KeePass (KDBX)',
    clearTextHint:
      'exportez le coffre en KeePass (KDBX) ou en export Bitwarden chiffré, ou chiffrez le fichier avec gpg ou age',
    encrypted: (path, format) => `${path} est ${format}`,
    format: {
      kdbx: 'une base KeePass (KDBX)',
      kdb: 'une base KeePass 1 (KDB)',
      openpgp: 'un fichier chiffré OpenPGP',
      age: 'un fichier chiffré avec age',
      bitwarden: 'un export Bitwarden chiffré',
    },
    noCsv: 'aucun fichier CSV parmi les sources',
    noCsvHint: 'exportez l’inventaire en CSV (colonnes type, name, location)',
    cannotBeRead: 'illisible',
    csvAgainHint: 'exportez à nouveau l’inventaire en CSV (UTF-8)',
    lacksColumns: (path, missing, has) =>
      `il manque à ${path} ${plural('fr', missing.length, { one: 'la colonne', other: 'les colonnes' })} ${missing.join(', ')} (il a ${has.join(', ') || 'aucune ligne d’en-tête'})`,
    lacksColumnsHint: (missing) => `ajoutez ${missing.join(', ')} à sa ligne d’en-tête`,
    noItems: (path) => `${path} ne liste aucun élément`,
    noItemsHint: 'exportez l’inventaire avec ses lignes',
    items: (path, rows, types) =>
      `${path} : ${count(rows, 'élément', 'éléments')}${types.length ? ` (${types.map(([t, n]) => `${n} ${t}`).join(', ')})` : ''}`,
    unspecifiedType: '(non précisé)',
    markedButFailing: (status) => `marqué ${STATUS[status]}, mais ses contrôles échouent`,
    markedButFailingHint: 'corrigez ce qui est listé ci-dessous, ou remettez status: pending',
    notMarked: 'ses fichiers sont en ordre, mais il n’est pas marqué prêt',
    notMarkedHint: 'marquez-le prêt (`exitkit walk` sur un terminal), ou écrivez status: ready dans le plan',
    late: (due, days) => `attendu le ${due} : ${count(days, 'jour', 'jours')} de retard`,
    lateHint: 'remettez-le, ou convenez d’une dispense avec le client',
    summary: (s) =>
      `bilan : ${s.ready} ${plural('fr', s.ready, { one: 'prêt', other: 'prêts' })}, ${s.waived} ${plural('fr', s.waived, { one: 'dispensé', other: 'dispensés' })}, ${s.notReady} pas ${plural('fr', s.notReady, { one: 'prêt', other: 'prêts' })}, sur ${s.deliverables} ; ${count(s.errors, 'erreur', 'erreurs')}, ${count(s.warnings, 'avertissement', 'avertissements')}`,
    allReady: (next) => `chaque livrable obligatoire est prêt ou dispensé : étape suivante, \`${next}\``,
    blocking: (ids) => `pas prêts (obligatoires) : ${ids}`,
    blockingNext:
      'étape suivante : corrigez les erreurs ci-dessus, puis marquez chaque livrable prêt (`exitkit walk` sur un terminal) ou dispensez-le',
    wrote: (file, ids) => `${file} : statut écrit pour ${ids}`,
    nowReady: 'chaque livrable obligatoire est maintenant prêt ou dispensé',
    stillBlocking: (ids) => `toujours pas prêts (obligatoires) : ${ids}`,
    unchanged: 'rien n’a changé dans le plan',
    changedOnDisk: (file) =>
      `${file} a changé sur le disque pendant le parcours : les statuts n’ont pas été écrits`,
    changedOnDiskHint: 'relancez `exitkit walk` pour le revoir avec les dernières modifications',
    planWritableHint: 'vérifiez que le plan et son dossier sont accessibles en écriture',
  },
  bundle: {
    manifestTooLarge: (files, size, limit) =>
      `${count(files, 'fichier', 'fichiers')} : le manifeste signé ferait environ ${Math.ceil(size / 2 ** 20)} Mio, et verify en lit au plus ${limit / 2 ** 20} Mio : rien n’a été écrit`,
    manifestTooLargeHint:
      'regroupez les petits fichiers en quelques archives (un zip ou un tar du partage) avant l’empaquetage, ou remettez les livrables en plusieurs remises (relancez bundle dans le même --out DOSSIER)',
    sameName: (one, other, bagPath) =>
      `${one} et ${other} seraient tous deux ${bagPath} dans le sac BagIt (noms égaux une fois normalisés en NFC)`,
    sourceProblems: (plan, problems) =>
      `impossible de constituer l’archive de ${plan} : ${count(problems.length, 'problème', 'problèmes')} dans les sources\n  ${problems.join('\n  ')}`,
    sourceProblemsHint:
      'corrigez-les, ou remettez le livrable à `status: pending` ; `exitkit walk` montre chaque livrable',
    incomplete: (missing) =>
      `le plan est incomplet : ${plural('fr', missing.length, { one: 'livrable obligatoire pas prêt', other: 'livrables obligatoires pas prêts' })} : ${missing.join(', ')}`,
    incompleteHint: 'terminez-les et marquez-les prêts avec `exitkit walk`, ou dispensez-les avec un motif',
    allowIncompleteHint:
      'ou ajoutez --allow-incomplete pour remettre ce qui existe (le manifeste indique alors `complete: false`)',
    pendingLeftOut: (ids) => `remarque : livrables à préparer laissés hors de l’archive : ${ids}`,
    exists: (file) => `${file} existe déjà`,
    existsHint: 'choisissez un autre --out DIR, ou ajoutez --force pour remplacer l’archive précédente',
    notAFolder: (dir) => `${dir} n’est pas un dossier`,
    notAFolderHint: 'indiquez un dossier à --out',
    cannotReadSource: (source, reason) =>
      `impossible de lire la source ${source} : ${reason} : rien n’a été écrit`,
    cannotReadSourceHint: 'vérifiez que l’utilisateur qui lance exitkit peut la lire (ls -l), puis relancez',
    cannotWrite: (dir, reason) =>
      `impossible d’écrire l’archive dans ${dir} : ${reason} : rien n’y a été laissé`,
    diskFullHint:
      'libérez de la place sur ce disque (l’archive fait à peu près la taille des fichiers remis), ou choisissez un autre --out DIR',
    cannotWriteHint:
      'vérifiez que le dossier existe et est accessible en écriture, ou choisissez un autre --out DIR',
    done: (b) =>
      `${b.id} : ${b.files}, ${b.bytes} dans ${b.archive} (${b.size}), ` +
      `${b.missing ? `INCOMPLÈTE (manquent : ${b.missing.join(', ')})` : 'complète'} ; ` +
      `chiffrée pour ${b.recipients.join(', ')} ; signée par ${b.signer} ; ${b.seconds.toFixed(1).replace('.', ',')} s`,
  },
  volumes: {
    badSize: (given) => `--volume-size ${given} n’est pas une taille d’au moins 1 Mio`,
    badSizeHint:
      'indiquez-la en octets ou avec une unité : 512M, 4G (chaque fichier de volume reste sous cette taille : 4G tient sur un disque FAT32)',
    badJobs: (given) => `--jobs ${given} n’est pas un nombre entier d’au moins 1`,
    badJobsHint:
      'indiquez combien de volumes traiter en parallèle, par exemple --jobs 4 (par défaut : le nombre de cœurs)',
    overSize: (limit) => `un volume atteint ${limit} octets ou plus`,
    several: (n, first, last) => (n === 1 ? `1 volume, ${first}` : `${n} volumes, ${first} … ${last}`),
    listedTwice: (file) => `archive.volumes cite ${file} deux fois`,
    missing: 'absent : renvoyez-le',
    extra: 'il se trouve à côté des volumes, mais le manifeste signé ne le cite pas',
    faulty: (n) => `${count(n, 'volume', 'volumes')} NON conforme${n > 1 ? 's' : ''} à la signature`,
    inVolume: (file, why) => `dans ${file} : ${why}`,
    line: (file, size, reason) =>
      reason === undefined ? `${file} : ${size} octets, conforme à la signature` : `${file} : ${reason}`,
    archive: (file, n, faulty) =>
      faulty === 0
        ? `archive : ${file}, ${count(n, 'volume', 'volumes')}, chacun exactement tel que signé`
        : `archive : ${file} : ${count(faulty, 'volume', 'volumes')} sur ${n} ${faulty > 1 ? 'NE correspondent PAS' : 'NE correspond PAS'} au manifeste`,
  },
  volumeChecks: {
    hasherStopped: 'le calcul de l’empreinte d’un volume s’est arrêté',
  },
  sealing: {
    changed: (file, how) =>
      `le fichier source ${file} ${
        {
          vanished: 'a disparu avant d’être lu',
          listed: 'a changé depuis que les sources ont été listées',
          grew: 'a grossi pendant sa lecture',
          changed: 'a changé pendant sa lecture',
          replaced: 'a disparu ou a été remplacé pendant sa lecture',
          shrank: 'a rétréci pendant sa lecture',
        }[how]
      } : rien n’a été écrit`,
    changedHint:
      'attendez que ce qui écrit dans ce fichier ait terminé, puis relancez la constitution de l’archive',
    becameLink: (file) => `la source ${file} est devenue un lien symbolique : refusée`,
    becameLinkHint: 'nommez plutôt dans le plan le fichier vers lequel pointe ce lien',
    notRegular: (file) => `la source ${file} n’est pas un fichier ordinaire : refusée`,
    notRegularHint:
      'une archive ne contient que des fichiers ordinaires ; exportez les données dans un fichier',
    seipdV2:
      'les clés des destinataires demandent un message chiffré en AEAD (SEIPD v2), qu’exitkit n’écrit pas : GnuPG 2.2 ne sait pas le lire',
    seipdV2Hint:
      'indiquez au moins une clé de destinataire qui accepte SEIPD v1 avec AES : une clé créée par GnuPG ou par `exitkit keys generate`',
    writerStopped: 'l’écriture de l’archive s’est arrêtée',
    digesterStopped: 'le calcul des empreintes s’est arrêté',
  },
  documents: {
    badDate: (value) => `--date ${value} n’est pas une date`,
    badDateHint: 'écrivez-la AAAA-MM-JJ, p. ex. 2026-12-20',
    receiptWithoutManifest:
      'un accusé de réception se contrôle par rapport au manifeste qu’il reconnaît : aucun manifeste n’a été donné',
    receiptWithoutManifestHint: 'indiquez --manifest <id>.manifest.json avec --receipt',
    noTemplate: (file) => `impossible de lire le modèle ${file}`,
    noTemplateHint: 'indiquez le chemin d’un modèle Handlebars (.md.hbs ou .html.hbs)',
    reinstallHint: 'réinstallez exitkit : son dossier de modèles est incomplet',
    templateSyntax: (file, detail) => {
      const line = /^Parse error on line (\d+)/.exec(detail);
      const mismatch = /^(\S+) doesn't match (\S+) - (\d+):(\d+)/.exec(detail);
      const why = line
        ? `erreur de syntaxe à la ligne ${line[1]}`
        : mismatch
          ? `le bloc {{#${mismatch[1]}}} est fermé par {{/${mismatch[2]}}} (ligne ${mismatch[3]}, colonne ${mismatch[4]})`
          : `"${detail}"`;
      return `le modèle ${file} ne se compile pas : ${why}`;
    },
    templateSyntaxHint:
      'vérifiez ses blocs {{...}} : chaque {{#each}} et chaque {{#if}} demande sa balise de fermeture',
    templateFailed: (file, detail) => {
      const helper = /^Missing helper: "(.*)"$/.exec(detail);
      const partial = /^The partial (\S+) could not be found$/.exec(detail);
      const why = helper
        ? `la fonction d’aide (helper) "${helper[1]}" n’existe pas`
        : partial
          ? `le fragment (partial) ${partial[1]} est introuvable`
          : `"${detail}"`;
      return `le modèle ${file} a échoué : ${why}`;
    },
    templateFailedHint:
      'vérifiez les fonctions d’aide et les champs qu’il utilise (docs/TEMPLATES.md décrit les données qu’il reçoit)',
  },
  money: {
    notAmount: (what, text) => `${what ?? 'le montant'} "${text}" n’est pas un montant décimal`,
    notAmountHint: 'écrivez-le comme 4500 ou 1200.50, sans symbole monétaire ni séparateur de milliers',
    noCompensation: (id) => `le plan "${id}" n’a pas de section compensation`,
    noCompensationHint:
      'ajoutez compensation: {currency, vat_percent, rounding, fees, penalties} (voir plans/exit-plan.schema.json)',
    feeShape: (what, label) => `${what} ("${label}") n’a ni amount, ni quantity et unit_price`,
    feeShapeHint: 'écrivez amount: 4500, ou quantity: 10 avec unit_price: 1200',
  },
  evidence: {
    manifestOtherPlan: (other, id) => `le manifeste concerne le plan "${other}", pas "${id}"`,
    manifestOtherPlanHint: 'indiquez le manifeste qu’`exitkit bundle` a écrit pour ce plan',
    verificationOtherPlan: (other, id) => `la vérification concerne le plan "${other}", pas "${id}"`,
    verificationOtherPlanHint: 'indiquez ce qu’`exitkit verify --json` a écrit pour le manifeste de ce plan',
    otherBundle: 'la vérification et le manifeste ne concernent pas la même archive',
    otherBundleCreated: (manifest, verified) =>
      `le manifeste a été créé le ${manifest}, celui qui a été vérifié le ${verified}`,
    verifyAgainHint: 'relancez `exitkit verify` sur ce manifeste',
  },
  release: {
    keyNeverHolds: (condition, role) =>
      `${condition} ne pourra jamais être remplie : le plan ne donne aucun fichier de clé ${ROLE[role]}`,
    keyNeverHoldsHint: (role, condition) =>
      `ajoutez parties.${role}.key : ${condition === 'deletion_attested' ? 'l’attestation de suppression est contrôlée' : 'l’accusé de réception est contrôlé'} avec cette clé`,
    notDecrypted:
      'sans decrypted_verification, une vérification qui n’a jamais déchiffré l’archive peut libérer le paiement final',
    notDecryptedHint: 'ajoutez decrypted_verification, sauf si le contrat en dispose autrement',
  },
  progress: {
    line: (what, done, total, pct, rate, left) =>
      `${what} : ${done} sur ${total} (${pct} %), ${rate}/s${left === undefined ? '' : `, encore ${left}`}`,
  },
  verdict: {
    badSignature: (reason) => `signature : ${reason ?? 'la signature du manifeste n’est pas valable'}`,
    archiveSize: (size, signed) => `sa taille est de ${size} octets ; le manifeste en a signé ${signed}`,
    archiveDigest: (digest, signed) => `son sha256 est ${digest} ; le manifeste a signé ${signed}`,
    archive: (file, fault) => `archive ${file} : ${fault}`,
    archiveAbsent:
      'elle n’est pas encore arrivée : la signature et la complétude ont été vérifiées, l’archive et ses fichiers non',
    undecrypted: (file, why) => `archive ${file} : non déchiffrée : ${why}`,
    integrity: (detail) =>
      `intégrité : le contrôle d’intégrité OpenPGP a échoué${detail ? ` (${detail})` : ''} : l’archive a été modifiée ou tronquée`,
    incomplete: (id) => `incomplet : le livrable obligatoire ${id} n’est ni remis intact ni dispensé`,
    unsafe: (name, why) => `entrée dangereuse ${name} : ${why}`,
    tar: (error) => `tar : le flux tar de l’archive n’a pas pu être lu jusqu’au bout : ${error}`,
    missingFile: 'manquant',
    notReached: (path) =>
      `manquant : ${path} n’a pas été atteint (le tar n’a pas pu être lu au-delà d’une entrée précédente)`,
    missing: (path) => `manquant : ${path} figure au manifeste signé mais pas dans l’archive`,
    truncatedFile: (read, size) => `tronqué (${read} octets sur ${size})`,
    truncated: (path, read, size) => `tronqué : ${path} a ${read} des ${size} octets signés par le manifeste`,
    otherSize: (declared, size) => `${declared} octets, le manifeste en a signé ${size}`,
    otherDigest: (algorithm) => `son ${algorithm} diffère de celui du manifeste signé`,
    alteredFile: (why) => `altéré (${why})`,
    altered: (path, why) => `altéré : ${path} : ${why}`,
    extra: (path) => `en trop : ${path} est dans l’archive mais pas au manifeste signé`,
    bag: (fault) => `sac BagIt : ${fault}`,
    bagMissing: (file) => `${file} manque`,
    noPayloadManifest: 'aucun manifeste du contenu (manifest-<algorithme>.txt)',
    malformed: (file, why) => `${file} est mal formé : ${why}`,
    listsAbsent: (file, path) => `${file} liste ${path}, qui n’est pas dans l’archive`,
    listsOtherSide: (file, path, payloadSide) =>
      `${file} liste ${path}, qui appartient aux fichiers ${payloadSide ? 'de métadonnées' : 'du contenu'}`,
    notComputed: (file, algorithm, path) =>
      `${file} : son algorithme ${algorithm} n’a pas été calculé, ${path} ne peut pas être contrôlé`,
    digestMismatch: (path, file) => `${path} ne correspond pas à son empreinte dans ${file}`,
    notListed: (path, file) => `${path} ne figure pas dans ${file}`,
    noOxum: 'bag-info.txt n’a pas de Payload-Oxum',
    oxum: (said, actual) => `Payload-Oxum dans bag-info.txt indique ${said} ; le contenu fait ${actual}`,
    externalId: (said, id) => `External-Identifier dans bag-info.txt indique ${said}, au lieu de ${id}`,
  },
  archive: {
    notOurs: (why) => `ce n’est pas une archive qu’exitkit signe : ${why}`,
    cutInParts: (literal, length, min) =>
      `le paquet ${literal ? 'de données littérales' : 'chiffré'} est découpé en parties de ${count(length, 'octet', 'octets')} (au moins ${min} attendus)`,
    noPacket: 'aucun paquet OpenPGP là où il en faut un',
    tooManyKeyPackets: (max) =>
      `plus de paquets de clé que les ${max} destinataires que liste le manifeste signé`,
    notKeyPacketsThenOne: 'pas des paquets de clé suivis d’un seul paquet protégé en intégrité',
    notSeipdV1: 'pas un paquet SEIPD de version 1',
    notAes: 'pas chiffré en AES pour une seule clé de session',
    notOneLiteral: 'le paquet chiffré ne contient pas un seul paquet de données littérales',
    oddLiteralHeader: 'un paquet de données littérales à l’en-tête anormal',
    notARecipient: (fingerprint) =>
      `la clé ${fingerprint} ne peut pas déchiffrer cette archive : elle n’a pas été chiffrée pour elle`,
    notARecipientHint:
      'utilisez la clé privée d’un destinataire (le client ou le prestataire entrant) ; le manifeste liste les destinataires',
    afterPacket: 'des données inattendues après le paquet chiffré',
    packetNotV1: 'le paquet chiffré n’est pas de version 1',
    packetCut: 'le paquet chiffré est tronqué',
    mdcMismatch: 'le code de détection de modification ne correspond pas',
    literalCut: 'le paquet de données littérales est tronqué ou suivi d’autres données',
    refused: (why) => `refusé : ${why}`,
    afterEnd: 'des données après la marque de fin d’archive (GNU tar s’arrête là et ne les verrait pas)',
    unreadableSize: 'un en-tête tar dont la taille est illisible',
    paxTooLong: (size, max) =>
      `un en-tête PAX de ${size} octets, plus long que ne le permet tout nom que liste le manifeste signé (${max})`,
    paxGlobal: 'un en-tête PAX global (il modifie toutes les entrées qui le suivent)',
    gnuLongName:
      'un enregistrement GNU de nom long (`exitkit bundle` écrit les noms longs dans des enregistrements PAX "path")',
    gnuSparse: 'un fichier creux GNU',
    tooManyEntries: (max) =>
      `plus que les ${max} entrées que forment les fichiers et dossiers du manifeste signé`,
    malformedPax: 'un enregistrement PAX mal formé',
    paxKey: (key) =>
      `un enregistrement PAX ${key} (il peut renommer une entrée, en faire un lien ou un fichier creux pour d’autres lecteurs tar ; \`exitkit bundle\` n’écrit que "path")`,
    badTarHeader: () => 'un en-tête tar n’est pas valable (sa somme de contrôle ou son format)',
    tarCut: () => 'le tar s’arrête au milieu d’une entrée',
    impossibleSize: (size, archive) =>
      `son en-tête annonce ${size} octets, plus que l’archive entière (${archive} octets)`,
    stoppedAt: (name) => `arrêt à ${name}, dont l’en-tête annonce une taille impossible`,
    textTooLarge: (size) => `un fichier texte du sac BagIt de ${size} octets, trop grand pour être contrôlé`,
    collides: 'elle se confond avec une entrée précédente sur ce système de fichiers',
    resolvesOutside: 'un chemin qui aboutit hors du dossier de destination',
    notSignedSize: 'sa taille n’est pas la taille signée',
    volumesNotSigned: 'un volume manque ou n’a pas sa taille signée',
    notSignedByPinned: 'le manifeste n’est pas signé par le signataire attendu',
    cannotExtract: (where, what) => `impossible d’extraire dans ${where} : ${what}`,
    pathTooLong: 'un chemin est trop long pour ce système de fichiers',
    shorterPathHint: 'choisissez pour --to un dossier au chemin plus court ; rien n’a été laissé',
    freeSpaceHint: 'libérez de la place ou choisissez un autre dossier pour --to ; rien n’a été laissé',
  },
  entry: {
    nul: 'son nom contient un octet NUL',
    backslash: 'une barre oblique inverse dans son nom (un séparateur sous Windows)',
    pathTooLong: (max) => `un chemin de plus de ${max} octets`,
    absolute: 'un chemin absolu',
    climbs: 'un chemin qui sort du sac par ".."',
    emptySegment: 'un chemin avec un segment vide ou "."',
    outside: (id) => `hors du dossier du sac ${id}/`,
    segmentTooLong: (max) => `un segment de chemin de plus de ${max} octets`,
    paxGlobal: 'un en-tête PAX global modifie toutes les entrées qui le suivent',
    types: {
      symlink: 'un lien symbolique',
      link: 'un lien physique',
      'character-device': 'un périphérique en mode caractère',
      'block-device': 'un périphérique en mode bloc',
      fifo: 'un FIFO (tube nommé)',
      'contiguous-file': 'un fichier contigu (un type inhabituel qu’un sac ne contient jamais)',
    },
    unknownType: (type) => `une entrée de type inconnu${type ? ` (${type})` : ''}`,
    linkTo: (what, target) => `${what} vers ${target}`,
    paxRename: (headerName) => `un en-tête PAX la renomme (son en-tête tar indique ${headerName})`,
    caseOnly: (before) => `son nom ne diffère que par la casse de ${before}`,
    duplicate: 'un doublon d’une entrée précédente du même nom',
    fileOverFolder: 'un fichier là où une entrée précédente a un dossier du même nom',
    belowFile: (file) => `sous ${file}, qui est un fichier`,
    folderCaseOnly: (folder, before) => `son dossier ${folder} ne diffère que par la casse de ${before}`,
  },
  shape: {
    malformedString: (at) => `une chaîne mal formée au caractère ${at}`,
    repeatedKey: (key) => `la clé ${key} est répétée dans un même objet`,
    tooDeep: (max) => `il imbrique plus de ${max} niveaux`,
    notManifest: (file, problem) => `${file} n’est pas un manifeste de sortie : ${problem}`,
    manifestLine: (line) => `la ligne ${line} n’a pas la forme "<empreinte> <chemin>"`,
    notObject: 'ce n’est pas un objet JSON',
    format: (format) => `son format n’est pas "${format}"`,
    planId: 'plan.id manque ou n’est pas un identifiant de sortie',
    algorithm: '"algorithm" doit valoir sha256 ou sha512',
    notList: (field) => `"${field}" n’est pas une liste`,
    deliverable: 'un livrable n\'a pas de "id" ou de "files"',
    deliverableFile: (id) =>
      `un fichier du livrable ${id} n’a pas de "path", "size" ou "digest", ou son "mtime" n’est pas une date ISO 8601`,
    tagFile: 'un fichier de métadonnées n\'a pas de "path", "size" ou "digest"',
    completeOrMissing: '"complete" ou "missing" est absent',
    archive: '"archive" {file, size, algorithm: sha256, digest} manque',
    recordsError: 'elle consigne une erreur : `exitkit verify` n’a pas pu contrôler la remise',
    missing: (field) => `"${field}" manque`,
    deliverablesList: '"deliverables" n\'est pas une liste de {id, ...}',
  },
  verification: {
    noFile: (file) => `impossible de lire la vérification ${file} : fichier introuvable`,
    writeItHint: 'écrivez-la avec `exitkit verify MANIFEST --plan PLAN --json > verification.json`',
    tooLarge: (file, size) => `${file} fait ${size} octets : trop grand pour une vérification`,
    notJson: (file) => `${file} n’est pas une vérification : ce n’est pas du JSON`,
    giveItHint: 'indiquez ce que `exitkit verify --json` a écrit',
    notVerification: (file, problem) => `${file} n’est pas une vérification : ${problem}`,
    giveItFailedHint:
      'indiquez ce que `exitkit verify --json` a écrit (une vérification en échec en écrit une aussi)',
    otherManifest: (file, manifest) => `la vérification ${file} ne porte pas sur le manifeste ${manifest}`,
    otherManifestHint: (was, is) => `elle a vérifié un manifeste de SHA-256 ${was}…, celui-ci a ${is}…`,
    verifyAgainHint: 'relancez `exitkit verify` sur ce manifeste avec --json',
  },
  report: {
    manifest: (file, id, created) => `manifeste ${file} (${id}, créé le ${created})`,
    signatureValid: (fingerprint) =>
      `signature : valable, par le signataire attendu ${fingerprint ?? ''}`.trimEnd(),
    signatureNotValid: 'signature : PAS VALABLE',
    archiveOk: (file, size, digest) => `archive : ${file}, ${size} octets, sha256 ${digest} comme signé`,
    archiveNotOk: (file) => `archive : ${file} ne correspond PAS au manifeste`,
    archiveAbsent: (file) =>
      `archive : ${file} n’est PAS encore arrivée (le manifeste l’a précédée) : vérifiez à nouveau dès qu’elle sera là`,
    files: (files, integrity) =>
      `fichiers recalculés après déchiffrement : ${files} ; contrôle d’intégrité OpenPGP ${integrity ? 'réussi' : 'ÉCHOUÉ'}`,
    deliverables: 'livrables :',
    deliverable: (id, category, state) => `${id} (${category}) : ${state}`,
    waived: (reason, by) =>
      `dispensé : ${reason ?? 'sans motif'}${by ? ` (approuvé par ${approver(by)})` : ''}`,
    notDelivered: (required) => (required ? 'PAS REMIS (obligatoire)' : 'pas remis (facultatif)'),
    listed: (n) => count(n, 'fichier listé (non déchiffré)', 'fichiers listés (non déchiffrés)'),
    intact: (n) => count(n, 'fichier intact', 'fichiers intacts'),
    faulty: (k, n) => `${k} ${plural('fr', k, { one: 'fichier', other: 'fichiers' })} sur ${n} en défaut`,
    completenessAsDeclared:
      'complétude : telle que le manifeste la déclare (donnez --plan PLAN pour la contrôler d’après le plan)',
    faults: (n) => `défauts (${n}) :`,
    ok: (decrypted, complete) =>
      `verdict : OK : ${decrypted ? 'chaque fichier est' : 'l’archive est'} exactement ce que le signataire attendu a signé${complete ? ', et la remise est complète' : ''}`,
    notOk: (n) => `verdict : PAS OK : ${count(n, 'défaut', 'défauts')}`,
  },
  verify: {
    noSigner:
      'aucun signataire contre lequel contrôler le manifeste : un manifeste ne peut pas désigner lui-même son signataire',
    noSignerHint:
      'donnez --plan PLAN (la clé du prestataire sortant dans le plan est le signataire) ou --signer CLÉ (la clé publique du prestataire sortant)',
    noManifest: (file) => `impossible de lire le manifeste ${file} : fichier introuvable`,
    noManifestHint: 'indiquez le <id>.manifest.json que `exitkit bundle` a écrit à côté de l’archive',
    manifestTooLarge: (file, size) => `${file} fait ${size} octets : trop grand pour un manifeste de sortie`,
    notJson: (file) => `${file} n’est pas un manifeste de sortie : ce n’est pas du JSON`,
    unreadableManifest: (file, problem) => `${file} n’est pas un manifeste de sortie lisible (${problem})`,
    giveManifestHint: 'indiquez le <id>.manifest.json que `exitkit bundle` a écrit',
    noSignature: (what, file) =>
      `impossible de lire la signature ${what === 'manifest' ? 'du manifeste' : `de ${what}`} : ${file} n’existe pas`,
    noSignatureHint: (what) =>
      `la signature armée est attendue à côté ${what === 'manifest' ? 'du manifeste' : `de ${what}`}, avec .asc ajouté à son nom`,
    signatureTooLarge: (file) => `${file} est trop grand pour être une signature`,
    otherPlan: (file, planId, manifestId) =>
      `le plan ${file} est celui de la sortie "${planId}", le manifeste celui de "${manifestId}"`,
    otherPlanHint: 'indiquez le plan à partir duquel cette archive a été faite',
    badArchiveName: (name) => `le manifeste désigne l’archive "${name}", qui n’est pas un nom de fichier`,
    giveArchiveHint: 'indiquez l’archive avec --archive FICHIER',
    noArchive: (file) => `impossible de lire l’archive ${file} : fichier introuvable`,
    noArchiveHint: 'placez le .tar.pgp à côté du manifeste, ou indiquez-le avec --archive FICHIER',
    notEncryptedTo: (fingerprint) => `elle n’a pas été chiffrée pour ${fingerprint}`,
    cannotDecrypt: (file, why) => `cette clé ne peut pas déchiffrer l’archive ${file} : ${why}`,
    decryptFailedAtStart:
      'le déchiffrement a échoué dès le début : l’archive n’est pas celle qui a été signée',
    noParent: (dest, parent) =>
      `impossible d’extraire dans ${dest} : son dossier parent ${parent} n’existe pas`,
    noParentHint: 'créez d’abord le dossier parent, ou choisissez un autre --to',
    destIsFile: (dest) => `impossible d’extraire dans ${dest} : c’est un fichier`,
    destIsFileHint: 'choisissez un dossier pour --to',
    destExists: (path) => `${path} existe déjà : l’extraction n’écrase jamais rien`,
    destExistsHint: 'déplacez-le, ou choisissez un autre --to',
    decrypting: 'déchiffrement et recalcul de chaque fichier (rien n’est conservé)…',
    removedStale: (folder: string) =>
      `${folder} supprimé : un dossier temporaire laissé par une extraction interrompue`,
    checkingBeforeRelease: 'déchiffrement et contrôle de chaque fichier avant toute mise à disposition…',
    extracted: (path) => `extrait : ${path}`,
    notExtracted: (dest) => `rien n’a été extrait : ${dest} est resté tel quel`,
  },
  signature: {
    notASignature: 'le fichier de signature n’est pas une signature OpenPGP',
    empty: 'le fichier de signature ne contient aucune signature',
    notPinned: (keyId) => `signé par la clé ${keyId}, qui n’est pas le signataire attendu`,
    /** Le détail d’OpenPGP.js est en anglais : il n’est pas repris. */
    mismatch: () => 'la signature ne correspond pas au fichier',
  },
  reserve: {
    noSuchReserve: (id) => `aucune réserve ouverte ${id} à lever`,
    openOnes: (ids) => `vos réserves ouvertes sont ${ids}`,
    noneOpen: 'votre dernier accusé de réception ne contient aucune réserve ouverte',
    withoutReserve: (flag) => `${flag} précise une réserve, et aucune --reserve n’a été donnée`,
    withoutReserveHint: (flag) => `donnez --reserve TEXTE avec ${flag}`,
    countMismatch: (flag, n, reserves) => `${flag} est donné ${n} fois pour ${reserves} réserves`,
    countMismatchHint: (flag) =>
      `donnez ${flag} une seule fois (il vaut pour chaque réserve), ou une fois après chaque --reserve`,
    emptyText: 'une réserve a besoin d’un texte : ce qui manque ou ne va pas',
    badDue: (value) => `l’échéance ${value} n’est pas une date`,
    badDueHint: 'écrivez-la AAAA-MM-JJ, p. ex. 2027-01-15',
    noSuchDeliverable: (id) => `le plan n’a pas de livrable ${id}`,
    didYouMean: (id) => `vouliez-vous dire ${id} ?`,
    deliverablesAre: (ids) => `les livrables du plan sont ${ids}`,
  },
  record: {
    receiptNotValid: (file, why) => `l’accusé de réception ${file} n’est pas valable : ${why}`,
  },
  keys: {
    notAnEmail: (email) => `"${email}" n’est pas une adresse e-mail`,
    notAnEmailHint: 'donnez l’adresse de contact de la partie, p. ex. ops@infogest.example',
    badName: 'le nom ne doit contenir ni < ni >',
    badNameHint: 'donnez seulement le nom de la partie',
    wrote: (pub, sec) => `${pub} (publique) et ${sec} (privée, à garder) écrites`,
    fingerprint: (fingerprint, userId) => `empreinte ${fingerprint}  ${userId}`,
    unprotected: 'la clé privée n’a pas de phrase de passe',
    notAFile: (file) => `${file} n’est pas un fichier`,
    notAFileHint: 'indiquez un fichier de clé OpenPGP armée',
    noSuchFile: (file) => `impossible de lire le fichier de clé ${file} : fichier introuvable`,
    noSuchFileHint:
      'vérifiez le chemin ; `exitkit keys generate` crée une paire de clés, `gpg --export --armor` en exporte une',
    tooLarge: (file, size) => `${file} est trop grand pour être un fichier de clé (${size} octets)`,
    notAKey: (file) => `${file} n’est pas une clé OpenPGP armée`,
    exportPublicHint: 'exportez-la avec `gpg --export --armor EMPREINTE > FICHIER`',
    publicNotPrivate: (file) => `${file} est une clé publique ; il faut ici la clé privée`,
    notAPrivateKey: (file) => `${file} n’est pas une clé privée OpenPGP armée`,
    exportPrivateHint: 'exportez-la avec `gpg --export-secret-keys --armor EMPREINTE > FICHIER`',
    wrongPassphrase: (file, fingerprint) => `phrase de passe erronée pour la clé ${file} (${fingerprint})`,
    wrongPassphraseHint: (origin, file) =>
      `vérifiez ${{ file: `le fichier de phrase de passe ${file} (sa première ligne est la phrase de passe)`, environment: 'EXITKIT_PASSPHRASE', prompt: 'la phrase de passe saisie' }[origin]}, et qu’il s’agit de la bonne clé`,
    cannotReadPassphraseFile: (file) => `impossible de lire le fichier de phrase de passe ${file}`,
    cannotReadPassphraseFileHint: 'vérifiez le chemin donné à --passphrase-file',
    askPassphrase: (file, fingerprint) => `Phrase de passe de ${file} (${fingerprint}) : `,
    noPassphrase: (file) => `la clé ${file} est protégée par une phrase de passe, et aucune n’a été donnée`,
    noPassphraseHint:
      'donnez-la avec --passphrase-file FICHIER ou la variable d’environnement EXITKIT_PASSPHRASE, ou lancez la commande sur un terminal pour qu’elle soit demandée',
    askNewPassphrase: 'Phrase de passe de la nouvelle clé privée :',
    askAgain: 'La même phrase de passe, encore une fois :',
    differ: 'les deux phrases de passe diffèrent',
    runAgain: 'relancez la commande',
    noNewPassphrase:
      'aucune phrase de passe pour la nouvelle clé privée, et pas de terminal pour la demander',
    noNewPassphraseHint:
      'donnez-en une avec --passphrase-file FICHIER ou la variable d’environnement EXITKIT_PASSPHRASE',
    noPassphraseFlagHint: 'ou ajoutez --no-passphrase pour créer une clé non protégée',
    emptyPassphrase: 'la phrase de passe est vide',
    emptyPassphraseHint:
      'donnez une phrase de passe non vide, ou ajoutez --no-passphrase pour créer une clé non protégée',
    promptCancelled: 'aucune phrase de passe : la saisie a été annulée',
  },
  keyPair: {
    exists: (file) => `${file} existe déjà`,
    existsHint: 'choisissez un autre préfixe --out, ou ajoutez --force pour le remplacer',
    rsaSlow: 'création d’une clé RSA 4096 : cela peut prendre quelques secondes',
  },
  keyUse: {
    cannotEncrypt: (name, fingerprint, why) =>
      `la clé de destinataire ${name} (${fingerprint}) ne peut pas chiffrer : ${why}`,
    cannotEncryptHint:
      'utilisez une clé valable avec une sous-clé de chiffrement ; `exitkit keys show CLÉ` dit ce qu’elle peut faire',
    cannotSign: (name, fingerprint, why) => `la clé ${name} (${fingerprint}) ne peut pas signer : ${why}`,
    cannotSignHint:
      'utilisez une clé valable qui peut signer ; `exitkit keys show CLÉ` dit ce qu’elle peut faire',
    expired: 'elle a expiré',
    revoked: 'elle est révoquée',
    unusable: 'elle n’a aucune clé utilisable pour cela',
  },
  keyShow: {
    fingerprint: 'empreinte',
    userId: 'identité',
    key: 'clé',
    subkey: 'sous-clé',
    canSign: 'peut signer',
    canEncrypt: 'peut chiffrer',
    private: 'privée',
    yes: 'oui',
    no: 'non',
    usage: { certify: 'certifier', sign: 'signer', encrypt: 'chiffrer', authenticate: 'authentifier' },
    part: (algorithm, usage, created, expires) =>
      `${algorithm} [${usage.join(', ')}], créée le ${created}, ${expires === null ? 'n’expire jamais' : `expire le ${expires}`}`,
    revoked: ', RÉVOQUÉE',
    expired: ', EXPIRÉE',
    secret: (protectedByPassphrase) =>
      `oui, ${protectedByPassphrase ? 'protégée par une phrase de passe' : 'NON protégée par une phrase de passe'}`,
    publicOnly: 'non (clé publique)',
  },
  trust: {
    outgoingNotPinned:
      'le plan ne désigne aucune clé pour le prestataire sortant : le signataire ne peut pas être contrôlé',
    outgoingNotPinnedHint: 'ajoutez au plan parties.outgoing.key: keys/<sortant>.pub.asc (ou son empreinte)',
    notOutgoingKey: (file, fingerprint, pin) =>
      `la clé de signature ${file} (${fingerprint}) n’est pas celle que le plan donne au prestataire sortant (${pin})`,
    notOutgoingKeyHint:
      'signez avec la clé privée du prestataire sortant, celle dont le plan indique la clé publique sous parties.outgoing',
    signerNotOutgoing: (file, fingerprint, pin) =>
      `la clé --signer ${file} (${fingerprint}) n’est pas celle que le plan donne au prestataire sortant (${pin})`,
    signerNotOutgoingHint:
      'indiquez un seul signataire attendu : le plan, ou --signer avec la clé publiée par le prestataire sortant',
    noOutgoingKey: (plan) => `le plan ${plan} n’indique aucun fichier de clé pour le prestataire sortant`,
    noOutgoingKeyHint:
      'indiquez --signer CLÉ avec la clé publique du prestataire sortant, ou ajoutez parties.outgoing.key au plan',
    noRecipientKey: (party, name) =>
      `le plan n’indique aucun fichier de clé pour le ${party} (${name}) : personne pour qui chiffrer`,
    noRecipientKeyHint: (role) =>
      `ajoutez parties.${role}.key: keys/<${role}>.pub.asc, la clé publique armée que cette partie vous a remise`,
    outgoingAcknowledges: 'le prestataire sortant ne peut pas accuser réception de sa propre remise',
    outgoingAcknowledgesHint: 'signez avec la clé du client ou celle du prestataire entrant',
    notAcknowledgingParty: (fingerprint, plan) =>
      `la clé ${fingerprint} n’est ni celle du client ni celle du prestataire entrant dans le plan ${plan}`,
    notAcknowledgingPartyHint:
      'signez avec la clé que le plan indique pour le client ou pour le prestataire entrant',
    unsignedNotRead: (file, why, size) =>
      `le manifeste ${file} n’est pas signé par le signataire attendu (${why}) ; à ${size} octets, il n’est pas lu plus loin`,
    unsignedNotAcknowledged: (file, why) =>
      `le manifeste ${file} n’est pas signé par le signataire attendu (${why}) : aucun accusé de réception n’est signé pour lui, et il n’est pas lu plus loin`,
    signatureNotValid: 'la signature n’est pas valable',
    askSignedManifestHint: 'demandez au prestataire sortant le manifeste et la signature qu’il a faits',
  },
  receipt: {
    needsPlanToAcknowledge:
      'acknowledge a besoin du plan : il y trouve votre rôle (client ou prestataire entrant) d’après les clés, et l’accusé de réception porte ce nom',
    needsPlanToAcknowledgeHint:
      'indiquez --plan PLAN (avec --verification FICHIER, ce que `exitkit verify --json` a écrit, ou seul pour vérifier maintenant)',
    previousInvalid: (file, why) =>
      `votre accusé de réception précédent ${file} n’est pas valable (${why}) : le nouveau ne peut pas s’y enchaîner`,
    previousInvalidHint:
      'rétablissez l’accusé de réception et son .asc tels que vous les avez signés, ou déplacez-les pour commencer une nouvelle chaîne',
    otherParty: (role) => `c’est l’accusé de réception du ${role}`,
    noOutFolder: (folder) => `impossible d’écrire l’accusé de réception dans ${folder} : dossier introuvable`,
    noOutFolderHint: 'créez le dossier, ou indiquez un autre --out',
    outWritableHint: 'vérifiez que le dossier --out est accessible en écriture',
    needsPlan:
      'impossible de contrôler l’accusé de réception sans le plan : c’est lui qui désigne les clés du client et du prestataire entrant',
    needsPlanHint: 'indiquez --plan PLAN avec --receipt',
    noSuchFile: (file) => `impossible de lire l’accusé de réception ${file} : fichier introuvable`,
    noSuchFileHint:
      'indiquez le <id>.receipt.client.json ou <id>.receipt.incoming.json que `exitkit acknowledge` a écrit',
    tooLarge: (file) => `${file} est trop grand pour être un accusé de réception`,
    notJson: (file) => `${file} n’est pas un accusé de réception : ce n’est pas du JSON`,
    unreadable: (file, problem) => `${file} n’est pas un accusé de réception lisible : ${problem}`,
    shape: {
      notObject: 'ce n’est pas un objet JSON',
      format: (format) => `son format n’est pas "${format}"`,
      missing: (field) => `${field} manque`,
    },
    noSigners: (plan) =>
      `le plan ${plan} n’indique aucun fichier de clé pour le client ni pour le prestataire entrant`,
    noSignersHint: 'ajoutez parties.client.key ou parties.incoming.key au plan',
    notByParty: (why) =>
      `sa signature n’est pas celle de la clé du client ni de celle du prestataire entrant dans le plan (${why})`,
    unknownKey: 'clé inconnue',
    notValid: (why) => `sa signature n’est pas valable : ${why}`,
    doesNotMatch: 'elle ne correspond pas',
    otherSigner: (claimed, actual) => `il se dit signé par ${claimed}, mais c’est ${actual} qui l’a signé`,
    otherManifest: (sha256, expected) =>
      `il porte sur un autre manifeste (sha256 ${sha256}, et non ${expected})`,
    otherArchive: (digest) => `il porte sur une autre archive (sha256 ${digest})`,
    otherExit: (id, expected) => `il concerne la sortie "${id}", et non "${expected}"`,
    valid: (file, date, role, fingerprint, ok, missing) =>
      `accusé de réception : ${file} : signé le ${date} par le ${role} (${fingerprint}), pour ce manifeste et cette archive ; il consigne le verdict ${ok ? 'OK' : 'PAS OK'}${missing.length ? `, manquent : ${missing.join(', ')}` : ''}`,
    notValidLine: (file) => `accusé de réception : ${file} : PAS VALABLE`,
    otherRoleClaim: (claimed, actual) =>
      `il se présente comme l’accusé de réception du ${claimed}, mais c’est la clé du ${actual} qui l’a signé`,
    chained: (n) =>
      `il remplace ${count(n, 'accusé de réception antérieur', 'accusés de réception antérieurs')} de cette partie, chacun présent, intact et signé par elle`,
    reserveOpen: (id, text, deliverable, due) =>
      `réserve ${id} (ouverte${deliverable ? `, ${deliverable}` : ''}${due ? `, échéance ${due}` : ''}) : ${text}`,
    reserveLifted: (id, text, on) => `réserve ${id} (levée le ${on.slice(0, 10)}) : ${text}`,
    chainUnreadable: (file, why) =>
      `l’accusé de réception antérieur ${file} ne peut pas être contrôlé : ${why}`,
    chainAltered: (file) =>
      `l’accusé de réception antérieur ${file} n’est pas celui que cet accusé a remplacé (son SHA-256 diffère)`,
    chainLink: (file, fault) => `l’accusé de réception antérieur ${file} : ${fault}`,
    chainOrder: (file, sequence, expected) =>
      `l’accusé de réception antérieur ${file} porte le numéro ${sequence} de sa chaîne, et non ${expected}`,
    chainStart: (file, sequence) =>
      `${file} porte le numéro ${sequence} de sa chaîne, mais ne désigne aucun accusé de réception antérieur`,
    chainBadLink: (file) =>
      `l’accusé de réception antérieur qu’il désigne, ${JSON.stringify(file)}, n’est pas un fichier placé à côté de lui`,
    fault: (fault) => `accusé de réception : ${fault}`,
  },
  deliveries: {
    shape: 'sa remise n’est pas {number (2 ou plus), previous: {file, sha256}}',
    linkFault: (n: number, file: string, why: string) => `remise ${n} (${file}) : ${why}`,
    badName: (later: number, named: string, expected: string) =>
      `la remise ${later} désigne ${JSON.stringify(named)} comme remise précédente, et non ${expected}`,
    missing: 'son manifeste ne se trouve pas à côté de la remise suivante : la chaîne est rompue',
    otherDigest: (later: number) =>
      `son SHA-256 n’est pas celui qu’a consigné la remise ${later} : le manifeste a été modifié ou remplacé`,
    noSignature: (file: string) => `sa signature ${file} est absente`,
    notSigned: (reason: string) =>
      `elle n’est pas signée par la clé épinglée du prestataire sortant${reason ? ` (${reason})` : ''} : signée à nouveau ou contrefaite`,
    tooLong: (max: number) => `la chaîne compte plus de ${max} remises : elle n’est pas suivie plus loin`,
    misnumbered: (n: number, id: string) =>
      `elle se dit remise ${n} de ${id} : la numérotation de la chaîne est fausse`,
    notOurs: (file: string) =>
      `${file} n’est pas une remise signée par cette clé de signature : aucune remise suivante n’est faite après elle`,
    notOursHint:
      'produisez le lot dans le dossier qui contient vos propres remises, ou dans un nouveau dossier pour une autre réversibilité',
    chainBroken: (dir: string, faults: string[]) =>
      `les remises déjà présentes dans ${dir} ne forment pas une chaîne intègre :\n  ${faults.join('\n  ')}`,
    chainBrokenHint:
      'rétablissez les remises telles qu’elles ont été signées ; une remise n’est jamais remplacée',
    nothingNew: (id: string, last: number) =>
      `rien de nouveau à remettre : chaque fichier des livrables prêts de ${id} figure déjà dans ${last === 1 ? 'sa remise' : `ses remises 1 à ${last}`} ; aucun fichier n’a été écrit`,
    nothingNewHint:
      'marquez un autre livrable comme prêt (exitkit walk) ou modifiez ses fichiers ; pour une autre réversibilité, indiquez un autre --out DIR',
    next: (n: number, last: number) =>
      `remarque : ceci est la remise ${n} : elle contient ce qui est nouveau ou modifié depuis ${last === 1 ? 'la remise 1' : `les remises 1 à ${last}`}`,
    unchanged: (ids: string) => `remarque : déjà remis, inchangés, non réemballés : ${ids}`,
    report: (n: number, file: string, day: string, ok: boolean, ids: string) =>
      `  remise ${n} : ${file} (${day}) ${ok ? 'CONFORME' : 'NON CONFORME'}${ids ? ` : ${ids}` : ''}`,
    reportTitle: (count: number) =>
      `Remises : ${count}, chacune signée par la clé épinglée et chaînée à la précédente`,
    documentsChain: (file: string, faults: string[]) =>
      `les remises auxquelles ${file} fait suite ne sont pas intègres :\n  ${faults.join('\n  ')}`,
    documentsChainHint: 'lancez exitkit verify sur le dernier manifeste pour voir chaque remise vérifiée',
  },
  acknowledge: {
    receipt: (file) => `accusé de réception : ${file}`,
    signature: (file) => `signature : ${file}`,
    signedBy: (fingerprint, who, ok, missing) =>
      `signé par ${fingerprint}${who ? ` (${who})` : ''}, qui prend acte du verdict ${ok ? 'OK' : 'PAS OK'}${missing.length ? `, manquent : ${missing.join(', ')}` : ''}`,
    party: (role, name) => `${role} : ${name}`,
    supersedes: (file) =>
      `remplace votre accusé de réception précédent, conservé sous ${file} (enchaîné par son SHA-256)`,
    noReserve: 'aucune réserve ouverte',
  },
  attest: {
    badDate: (date) => `--date ${date} n’est pas une date`,
    badDateHint: 'écrivez-la AAAA-MM-JJ, par exemple 2027-01-15',
    futureDate: (date) =>
      `--date ${date} est dans le futur : une attestation constate une suppression déjà faite`,
    futureDateHint: 'attestez une fois la suppression achevée, avec le jour où elle l’a été',
    beforeDelivery: (date, created) =>
      `--date ${date} précède la remise qu’elle suit (son manifeste date du ${created}) : les données sont supprimées après leur restitution`,
    beforeDeliveryHint: 'donnez le jour où la suppression a été achevée, après la remise',
    noMethod: 'la méthode de suppression est vide',
    noMethodHint:
      'indiquez-la avec --method, par exemple « NIST SP 800-88 purge » ou « effacement cryptographique »',
    unpaired: (retained, basis) =>
      `chaque donnée conservée demande sa base légale : ${retained} --retained, ${basis} --basis, chacun non vide`,
    unpairedHint:
      'donnez-les par paires, par exemple --retained "factures" --basis "conservées dix ans, CO art. 958f"',
    noDelivery: (dir, id) =>
      `aucune remise de ${id} dans ${dir} : rien n’a encore été restitué dont la suppression puisse être attestée`,
    noDeliveryHint:
      'attestez après que `exitkit bundle` a écrit <id>.manifest.json : donnez son dossier avec --out DIR, ou le manifeste avec --manifest FILE',
    manifestNotSigned: (file, why) =>
      `le manifeste ${file} n’est pas signé par la clé du prestataire sortant du plan (${why}) : ce n’est pas une remise à attester`,
    manifestNotSignedHint: 'donnez le manifeste de la remise que vous avez signée avec --manifest FILE',
    noFolder: (dir) => `impossible d’écrire l’attestation dans ${dir} : ce dossier n’existe pas`,
    noFolderHint: 'créez le dossier, ou donnez un autre --out',
    attestation: (file) => `attestation : ${file}`,
    signature: (file) => `signature : ${file}`,
    deleted: (date, method, datasets, systems) =>
      `données supprimées le ${date} (${method}) : ${count(datasets, 'ensemble de données', 'ensembles de données')}${systems ? `, sur ${count(systems, 'système', 'systèmes')}` : ''}`,
    retained: (items) => (items.length ? `conservé : ${items.join(' ; ')}` : 'rien n’est conservé'),
    follows: (file, sha256) => `à la suite de la remise ${file} (sha256 ${sha256})`,
    signedBy: (name, fingerprint) => `signée par ${name} (${fingerprint})`,
  },
  attestation: {
    needsPlan:
      'impossible de contrôler l’attestation sans le plan : c’est lui qui fixe la clé du prestataire sortant',
    needsPlanHint: 'donnez --plan PLAN avec --attestation',
    needsManifest:
      'une attestation se contrôle contre la remise qu’elle suit : aucun manifeste n’a été donné',
    needsManifestHint: 'donnez --manifest <id>.manifest.json avec --attestation',
    noOutgoingKey: (plan) =>
      `le plan ${plan} ne nomme aucun fichier de clé pour le prestataire sortant : l’attestation ne peut pas être contrôlée`,
    noOutgoingKeyHint: 'ajoutez parties.outgoing.key: keys/<sortant>.pub.asc au plan',
    noFile: (file) => `impossible de lire l’attestation ${file} : ce fichier n’existe pas`,
    noFileHint: 'donnez le <id>.deletion.json qu’a écrit `exitkit attest deletion`',
    tooLarge: (file) => `${file} est trop volumineux pour être une attestation de suppression`,
    unreadable: (file, problem) => `${file} n’est pas une attestation de suppression lisible : ${problem}`,
    tampered:
      'sa signature par la clé du prestataire sortant ne correspond pas à son contenu : elle a été modifiée après avoir été signée',
    otherKey: (keyId, outgoing) =>
      keyId
        ? `elle est signée par la clé ${keyId}, pas par la clé du prestataire sortant du plan (${outgoing})`
        : `elle ne porte aucune signature valable de la clé du prestataire sortant du plan (${outgoing})`,
    otherSigner: (claimed, actual) =>
      `elle se dit signée par ${claimed}, mais c’est ${actual} qui l’a signée`,
    otherPlan: (found, expected) => `elle concerne la sortie « ${found} », pas « ${expected} »`,
    otherDelivery: (file, sha256) => `elle suit une autre remise (${file}, sha256 ${sha256}), pas celle-ci`,
    olderDelivery: (file, created) =>
      `elle est antérieure à cette remise : elle suit ${file}, faite le ${created}, avant celle-ci`,
    datedBefore: (date, created) =>
      `elle est datée du ${date}, avant que la remise qu’elle suit ait été faite (${created})`,
    valid: (file, date, method, fingerprint) =>
      `attestation : ${file} : suppression le ${date} (${method}), signée par le prestataire sortant (${fingerprint}), à la suite de cette remise`,
    notValid: (file) => `attestation : ${file} : NON VALABLE`,
    fault: (text) => `attestation : ${text}`,
  },
  rehearse: {
    notAFolder: (dir) =>
      `${dir} est un fichier, pas un dossier : le rapport de répétition va dans un dossier`,
    notAFolderHint: 'donnez à --out un dossier (il est créé au besoin)',
    removedStale: (folder) =>
      `${folder} supprimé : un dossier de travail laissé par une répétition interrompue de force`,
    notExtracted: 'le paquet n’a pas été extrait : la vérification a constaté des défauts',
    heading: (id, sample) =>
      `répétition de ${id}${sample === null ? ' (tout le contenu)' : ` (échantillon de ${count(sample, 'fichier', 'fichiers')} par livrable)`}`,
    stepName: { walk: 'parcours', bundle: 'empaquetage', verify: 'vérification', extract: 'extraction' },
    status: { passed: 'réussie', failed: 'EN ÉCHEC', skipped: 'non exécutée' },
    step: (name, status, time) => `  ${name.padEnd(14)} ${status.padEnd(12)} ${time}`.trimEnd(),
    seconds: (s) =>
      s < 10
        ? `${s.toFixed(2).replace('.', ',')} s`
        : s < 60
          ? `${Math.round(s)} s`
          : s < 3600
            ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`
            : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`,
    unknown: 'inconnue',
    estimate: (time, full, rehearsed) =>
      `durée estimée de la sortie sur le contenu complet (${full}) : ${time}${rehearsed === null ? '' : `, d’après une répétition sur ${rehearsed}`}`,
    finding: (step, deliverable, text, error) =>
      `${error ? 'erreur' : 'avertissement'} : ${step} : ${deliverable ? `${deliverable} : ` : ''}${text}`,
    passed: 'toutes les étapes ont réussi',
    failed: (n) => count(n, 'étape a échoué', 'étapes ont échoué'),
  },
  role: { client: 'client', outgoing: 'prestataire sortant', incoming: 'prestataire entrant' },
  prompt: {
    keys: { navigate: 'se déplacer', select: 'choisir' },
    choice: {
      ready: { name: 'le marquer prêt', description: 'ses fichiers sont en ordre : status: ready' },
      pending: { name: 'le remettre à préparer', description: 'ses contrôles échouent : status: pending' },
      waive: {
        name: 'le dispenser',
        description: 'convenu de ne pas le remettre : un motif et qui l’a approuvé',
      },
      leave: { name: 'le laisser tel quel', description: 'décider plus tard' },
    },
    state: (status, found) => `${status} ; ${found}`,
    errors: (n) => count(n, 'erreur', 'erreurs'),
    why: (id) => `pourquoi ${id} est-il dispensé ?`,
    needsReason: 'une dispense demande un motif',
    approvedBy: 'approuvé par (client, ou une personne chez le client) ?',
    needsApprover: 'une dispense demande qui l’a approuvée',
    interrupted: 'interrompu : rien n’a été écrit',
    interruptedHint:
      'relancez la commande pour répondre aux questions, ou utilisez --no-input pour un simple rapport',
  },
  walkAnswers: {
    allReady: (n) => `le marquer prêt, ainsi que tous les autres en ordre (${n})`,
    allReadyDescription: 'status: ready pour chacun d’eux ; les questions continuent pour les autres',
    saved: (file, ids) =>
      `interrompu : les réponses données ont été enregistrées (${file} : statut écrit pour ${ids})`,
    savedHint: 'relancez `exitkit walk` pour répondre aux autres questions',
    next: 'étape suivante : répondez aux questions ci-dessous : marquez chaque livrable prêt, dispensez-le, ou laissez-le pour plus tard',
  },
  notFound: {
    noCommand: (id) => `commande inconnue : ${id}`,
  },
  initBeside: {
    schema: (file) =>
      `${file} : le schéma JSON du plan, que sa ligne $schema désigne (gardez-le à côté du plan, versionnez-le avec lui)`,
    gitignore: (file, outcome) =>
      outcome === 'kept'
        ? `${file} tient déjà les clés privées (*.sec.asc) hors de git`
        : `${file} : ${outcome === 'created' ? 'écrit' : 'une ligne ajoutée'}, pour que les clés privées (*.sec.asc) restent hors de git`,
  },
  keysOut: {
    notAFolder: (dir) => `${dir} n’est pas un dossier`,
    notAFolderHint: 'donnez un autre --out PRÉFIXE, dans un dossier',
  },
  validate: {
    valid: (file, id, n, warnings) =>
      `${file} : plan "${id}" valable, ${count(n, 'livrable', 'livrables')}${warnings ? `, ${count(warnings, 'avertissement', 'avertissements')}` : ''}`,
  },
  names: {
    character: (name, character) =>
      `${name} contient ${character}, un caractère que Windows refuse dans les noms de fichiers`,
    control: (name, code) =>
      `${name} contient un caractère de contrôle (${code}), que Windows refuse dans les noms de fichiers`,
    trailingDot: (name) => `${name} se termine par un point, que Windows retire des noms de fichiers`,
    trailingSpace: (name) => `${name} se termine par une espace, que Windows retire des noms de fichiers`,
    reserved: (name, device) =>
      `${name} est le nom de périphérique Windows ${device} (réservé dans tout dossier, quelle que soit l’extension)`,
    windowsCannotHold: (where, why) => `${where} : Windows ne peut pas enregistrer ce nom : ${why}`,
    windowsCannotHoldHint:
      'renommez-le : un destinataire sous Windows ne pourrait pas l’extraire (`exitkit extract` y refuse ce nom)',
    differOnlyByCase: (one, other) =>
      `${one} et ${other} ne diffèrent que par la casse : Windows et macOS n’en font qu’un`,
    differOnlyByCaseHint:
      'renommez l’un des deux : verify et extract refusent, sur toute plateforme, des noms qui ne diffèrent que par la casse',
  },
  work: {
    bundle: 'constitution de l’archive',
    verify: 'déchiffrement et contrôle',
    extract: 'déchiffrement et extraction',
  },
  fileCount: {
    payloadAndTags: (payload, tags) =>
      `${count(payload, 'fichier', 'fichiers')} (+ ${count(tags, 'fichier de contrôle', 'fichiers de contrôle')})`,
  },
  yamlColon: {
    quoteValue: (key, value) =>
      `une valeur qui contient « : » doit être entre guillemets : écrivez ${key}: "${value}"`,
  },
  planDiff: {
    fault: (file, parts) =>
      `plan : ${file} diffère du plan dont le manifeste est issu : ${parts.join(' ; ')}`,
    added: (ids) => `seulement dans votre plan : ${ids.join(', ')}`,
    removed: (ids) => `seulement dans le manifeste : ${ids.join(', ')}`,
    changed: (id, fields) => `${id} modifié (${fields.join(', ')})`,
    field: { title: 'titre', category: 'famille', required: 'obligatoire', due: 'échéance' },
    hint: 'convenez d’un seul plan avec le prestataire sortant : celui dont le manifeste est issu se trouve dans le sac (exit-plan.yaml)',
  },
  init: {
    badId: (id) => `"${id}" n’est pas un identifiant de plan`,
    badIdHint: "utilisez des minuscules, des chiffres et des '-', p. ex. acme-exit-2026",
    cannotCreate: (dir, why) => `impossible de créer le dossier ${dir} : ${why}`,
    cannotCreateHint: 'indiquez un dossier où vous pouvez écrire',
    isAFolder: (path) => `${path} est un dossier`,
    isAFolderHint: 'indiquez le dossier dans lequel écrire exit-plan.yaml',
    existsHint: 'modifiez-le, ou relancez avec --force pour le remplacer par un nouveau plan de départ',
    folderWritableHint: 'vérifiez que le dossier est accessible en écriture',
    wrote: (file, replaced, id, lang) =>
      `${file} : plan de départ "${id}" (${lang}) ${replaced ? 'écrit à la place du précédent' : 'écrit'}`,
    next: (command) => `étape suivante : complétez le contrat et les parties, puis \`${command}\``,
  },
};

/** The YAML parser's error codes in French; others keep the parser's own words. */
const YAML_CODES: Record<string, string> = {
  BAD_INDENT: 'indentation incorrecte',
  TAB_AS_INDENT: 'une tabulation sert d’indentation',
  BLOCK_AS_IMPLICIT_KEY: 'un bloc est utilisé comme clé',
  MULTILINE_IMPLICIT_KEY: 'une clé implicite doit tenir sur une ligne',
  UNEXPECTED_TOKEN: 'caractère inattendu',
  BAD_SCALAR_START: 'cette valeur commence par un caractère réservé',
  BAD_DQ_ESCAPE: 'séquence d’échappement invalide entre guillemets doubles',
  MISSING_CHAR: 'un caractère manque',
  BAD_ALIAS: 'alias invalide',
  BLOCK_IN_FLOW: 'un bloc se trouve à l’intérieur de crochets ou d’accolades',
  KEY_OVER_1024_CHARS: 'une clé dépasse 1024 caractères',
  MULTIPLE_ANCHORS: 'plusieurs ancres sur un même nœud',
  MULTIPLE_TAGS: 'plusieurs étiquettes sur un même nœud',
  NON_STRING_KEY: 'une clé n’est pas du texte',
  BAD_DIRECTIVE: 'directive YAML invalide',
};

/** oclif's usage errors (English, already on one line) in French; others as they are. */
function usageInFrench(message: string): string {
  const flags = [...message.matchAll(/missing required flag (\S+)/gi)].map((g) => `--${g[1]!}`);
  if (flags.length > 0)
    return `${plural('fr', flags.length, { one: 'option obligatoire manquante', other: 'options obligatoires manquantes' })} : ${flags.join(', ')}`;
  const rules: Array<[RegExp, (...g: string[]) => string]> = [
    // The argument's name, without its (English) description.
    [
      /^missing (\d+) required args?:\s*(\S+)/i,
      (n, name) =>
        `${count(Number(n), 'argument obligatoire manque', 'arguments obligatoires manquent')} : ${name}`,
    ],
    [/^nonexistent flags?:\s*(.*)$/i, (rest) => `option inconnue : ${rest}`],
    [/^unexpected arguments?:\s*(.*)$/i, (rest) => `argument en trop : ${rest}`],
    [
      /^expected (\S+) to be one of:\s*(.*)$/i,
      (given, list) => `${given} n’est pas une valeur possible (${list})`,
    ],
    [
      /^flag (\S+) expects one of these values:\s*(.*)$/i,
      (flag, list) => `l’option ${flag} attend une valeur (${list})`,
    ],
    [/^flag (\S+) expects a value$/i, (flag) => `l’option ${flag} attend une valeur`],
  ];
  for (const [re, say] of rules) {
    const g = re.exec(message);
    if (g) return say(...g.slice(1).map((s) => s ?? ''));
  }
  return message;
}
