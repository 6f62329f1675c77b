/**
 * Finds sentences in the wrong language in what the terminal printed: common words of the other
 * language, once what is not a sentence is set aside (ids, paths, file names, plan keys and
 * values such as `status: ready`, quoted values, commands in backticks). Snapshot-free: the
 * words may change, a sentence in the wrong language still shows.
 */
const ENGLISH = [
  'the',
  'is',
  'are',
  'was',
  'not',
  'no',
  'and',
  'or',
  'of',
  'to',
  'with',
  'it',
  'its',
  'this',
  'that',
  'has',
  'be',
  'by',
  'in',
  'on',
  'missing',
  'ready',
  'file',
  'files',
  'folder',
  'empty',
  'stale',
  'error',
  'errors',
  'warning',
  'warnings',
  'hint',
  'summary',
  'next',
  'deliverable',
  'deliverables',
  'waived',
  'pending',
  'delivered',
  'required',
  'optional',
  'cannot',
  'does',
  'exist',
  'check',
  'checks',
  'run',
  'give',
  'write',
  'mark',
  'found',
  'valid',
  'wrote',
  'nothing',
  'every',
  'altered',
  'key',
  'bytes',
  'days',
  'late',
  'due',
  'approved',
  'should',
  'must',
  'bundle',
  'signed',
  'manifest',
  'extracted',
  'left',
];
const FRENCH = [
  'le',
  'la',
  'les',
  'des',
  'du',
  'est',
  'sont',
  'pas',
  'une',
  'un',
  'et',
  'ou',
  'avec',
  'pour',
  'sur',
  'ce',
  'cette',
  'dans',
  'aucun',
  'aucune',
  'fichier',
  'fichiers',
  'dossier',
  'livrable',
  'livrables',
  'erreur',
  'erreurs',
  'conseil',
  'avertissement',
  'prêt',
  'prêts',
  'dispensé',
  'dispensés',
  'vérifiez',
  'exportez',
  'bilan',
  'étape',
  'suivante',
  'octet',
  'octets',
  'jours',
  'clé',
  'signé',
  'altéré',
  'extrait',
  'rien',
];

/** The words of `text` that read as sentences: everything else removed. */
function sentenceWords(text: string): string[] {
  const prose = text
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"\n]*"/g, ' ')
    .replace(/\{[^}\n]*\}/g, ' ')
    .replace(/\bstatus: (ready|pending|waived|delivered)\b/g, ' ')
    // ids, paths, file names, plan keys (max_age_days), options (--no-input), numbers
    .replace(/\S*[\d/._=@-]\S*/g, ' ');
  return prose.toLowerCase().match(/[\p{L}']+/gu) ?? [];
}

function wordsOf(list: string[], text: string): string[] {
  const known = new Set(list);
  return [
    ...new Set(
      sentenceWords(text)
        .flatMap((w) => w.split("'"))
        .filter((w) => known.has(w)),
    ),
  ];
}

/** English words read in a text meant to be French (words the same in both, like archive, are not listed). */
export function englishIn(text: string): string[] {
  return wordsOf(
    ENGLISH.filter((w) => !FRENCH.includes(w)),
    text,
  );
}

/** French words read in a text meant to be English. */
export function frenchIn(text: string): string[] {
  return wordsOf(
    FRENCH.filter((w) => !ENGLISH.includes(w)),
    text,
  );
}
