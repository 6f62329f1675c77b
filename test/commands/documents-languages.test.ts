/**
 * The documents in German and Italian through the built CLI: `checklist --lang de` and
 * `compensation --lang it`, Markdown and HTML, complete, in the locale's formats, with no English
 * or French sentence of ours left in them; a plan written in German; a provider's template in
 * two languages.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPlural, words, type Lang } from '../../src/core/i18n/index.js';
import { exitkit } from '../helpers/cli.js';
import { DOCUMENT_SECRET, examplePlan, writeDocumentInputs } from '../helpers/documents.js';

/** Every text of a catalog. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (isPlural(node)) return [node.one, node.other];
  return Object.values(node as Record<string, unknown>).flatMap(texts);
}

/**
 * The pieces of our sentences (between placeholders, 12 characters or more) in the other
 * languages that the document's language never says: none may appear in its documents.
 */
function foreignPieces(lang: Lang): string[] {
  const own = texts(words(lang)).join('\n');
  const others = (['en', 'fr', 'de', 'it'] as const).filter((l) => l !== lang);
  const pieces = others.flatMap((l) => texts(words(l)).flatMap((t) => t.split(/\{\w+\}/)));
  return [...new Set(pieces.map((p) => p.trim()).filter((p) => p.length >= 12 && !own.includes(p)))];
}

/** `data`: what the plan itself says (its titles and fee labels are the plan's, not ours). */
function expectOnly(lang: Lang, document: string, data: string) {
  const leaks = foreignPieces(lang).filter((p) => document.includes(p) && !data.includes(p));
  expect(leaks).toEqual([]);
  expect(document).not.toMatch(/\{\w+\}/); // every placeholder filled
  expect(document).not.toContain(DOCUMENT_SECRET);
}

describe('documents in German and Italian', () => {
  let s: Awaited<ReturnType<typeof writeDocumentInputs>>;
  let evidence: string[];
  let planText: string;
  beforeAll(async () => {
    // Verified complete, two deliverables three days late (a penalty, no hold).
    s = await writeDocumentInputs(examplePlan(), { manifestCreated: '2026-12-13T10:00:00Z' });
    planText = await readFile(s.plan, 'utf8');
    evidence = ['--manifest', s.manifest, '--verification', s.verification, '--date', '2026-12-20'];
  });

  it('checklist --lang de: the Übergabeprotokoll, in Markdown and HTML, with nothing English or French', async () => {
    const md = await exitkit(['checklist', s.plan, ...evidence, '--lang', 'de']);
    expect(md.stderr).toBe('');
    expect(md.code).toBe(0);
    for (const words of [
      '# Übergabeprotokoll: ',
      'Reversibilität · Anhang zum Vertrag **INF-2021-014**',
      '**Übergabe vollständig**: 4 von 4 Liefergegenständen übergeben oder mit Verzicht erledigt.',
      '| Reversibilitätsphase | 1. Oktober 2026 – 31. Dezember 2026 |',
      '| Übergangsunterstützung | 10 Tage |',
      '| Auftraggeber | **ACME SA** |',
      '## Liefergegenstände',
      '### Datensicherungen und Daten',
      '| 10. Dez. 2026 | übergeben am 13. Dez. 2026 | 1 · 1\u00a0KB | unversehrt | **3 TAGE VERZUG**',
      '**Abnahme ohne Vorbehalte**: Die Übergabe ist vollständig und geprüft; es wurde keine Empfangsbestätigung vorgelegt',
      'Verzicht: Licences end with the contract; genehmigt von ACME SA am 2. November 2026',
      '## Offene Massnahmen',
      'Die 10 Tage Übergangsunterstützung planen',
      '## Glossar',
      '## Unterschriften',
      '**Bisheriger Dienstleister**: InfoGest Sàrl',
      'Vorbehalte («keine», falls keine): ___',
      'Erstellt von exitkit am 20. Dezember 2026 gemäss Plan acme-exit-2026',
    ])
      expect(md.stdout).toContain(words);
    expectOnly('de', md.stdout, planText);

    const out = path.join(s.dir, 'protokoll.html');
    const html = await exitkit(['checklist', s.plan, ...evidence, '--lang', 'de', '--out', out]);
    expect(html.code).toBe(0);
    const page = await readFile(out, 'utf8');
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('<title>Übergabeprotokoll: ');
    expect(page).toContain('<td data-label="Liefergegenstand">');
    expect(page).toContain('<span class="badge warn">3 TAGE VERZUG</span>');
    expect(page).toContain('<div class="cap">Vorbehalte («keine», falls keine)</div>');
    expectOnly('de', page, planText);
  });

  it("compensation --lang it: the conteggio di reversibilità, CHF 17'536.50, in Markdown and HTML", async () => {
    const json = await exitkit(['compensation', s.plan, ...evidence, '--lang', 'it', '--json']);
    expect(json.code).toBe(0);
    // The JSON's fields and amounts do not change with the language; labels are in Italian.
    expect(JSON.parse(json.stdout)).toMatchObject({
      language: 'it',
      subtotal: '16500.00',
      vat: '1336.50',
      total: '17536.50',
      penalties: [{ label: 'In ritardo di 3 giorni: Full backup of the file server FS01 (fs01-backup)' }, {}],
      finalPayment: { releasable: true },
    });

    const md = await exitkit(['compensation', s.plan, ...evidence, '--lang', 'it']);
    expect(md.code).toBe(0);
    for (const words of [
      '# Conteggio di reversibilità: ',
      "**Importo dovuto: CHF\u00a017'536.50, di cui trattenuto fino alla liberazione: CHF\u00a015'000.00.**",
      "**Il pagamento finale di CHF\u00a015'000.00 può essere liberato**: ogni condizione di liberazione è soddisfatta.",
      '## Prezzo delle prestazioni di reversibilità',
      "| Transition assistance | 10 | CHF\u00a01'200.00 / day | CHF\u00a012'000.00 |",
      '## Penali',
      'Le penali contrattuali sono un’indennità, fuori dal campo d’applicazione dell’IVA',
      '| In ritardo di 3 giorni: Full backup of the file server FS01 (fs01-backup), scadenza il 10 dicembre 2026 | CHF\u00a050.00 / giorno | CHF\u00a0150.00 |',
      "| IVA 8.1% | CHF\u00a01'336.50 |",
      '| Penali compensate (indennità, fuori IVA) | −CHF\u00a0300.00 |',
      "| **Importo dovuto** | **CHF\u00a017'536.50** |",
      "| di cui trattenuto fino alla liberazione (IVA inclusa) | CHF\u00a015'000.00 |",
      '| una verifica che ha decifrato e ricontrollato ogni file | sì |',
      '**Liberabile: ogni condizione è soddisfatta.**',
      'L’importo dovuto è arrotondato al multiplo di CHF\u00a00.05 più vicino',
      '**Committente**: ACME SA. Nome, luogo e data:',
    ])
      expect(md.stdout).toContain(words);
    expectOnly('it', md.stdout, planText);

    const out = path.join(s.dir, 'conteggio.html');
    const html = await exitkit(['compensation', s.plan, ...evidence, '--lang', 'it', '--out', out]);
    expect(html.code).toBe(0);
    const page = await readFile(out, 'utf8');
    expect(page).toContain('<html lang="it">');
    expect(page).toContain('<span class="badge warn">ritardo di 3 giorni</span>');
    expect(page).toContain(
      // Handlebars escapes the apostrophe: the browser shows CHF 17'536.50.
      '<tr class="total"><td>Importo dovuto</td><td class="num">CHF\u00a017&#x27;536.50</td></tr>',
    );
    expectOnly('it', page, planText);
  });

  it('a plan written in German renders German by default, Italian on request; an unknown language is refused', async () => {
    const de = await writeDocumentInputs(examplePlan({ language: 'de' }));
    const c = await exitkit(['compensation', de.plan, '--date', '2026-12-12']);
    expect(c.stdout).toContain('# Reversibilitätsabrechnung: ');
    expect(c.stdout).toContain('| MWST 8.1% |');
    expect(c.stdout).toContain(
      '(12. Dezember 2026, Datum dieser Abrechnung, da kein Manifest angegeben wurde)',
    );
    expect(c.stdout).toContain(
      'Die Konventionalstrafen sind eine Entschädigung und liegen ausserhalb des Geltungsbereichs der MWST',
    );
    const it2 = await exitkit(['checklist', de.plan, '--lang', 'it', '--date', '2026-12-12']);
    expect(it2.stdout).toContain('# Verbale di riconsegna: ');
    expectOnly('it', it2.stdout, await readFile(de.plan, 'utf8'));
    const bad = await exitkit(['checklist', de.plan, '--lang', 'es']);
    expect(bad.code).toBe(2);
    const es = await writeDocumentInputs(examplePlan({ language: 'es' as Lang }));
    const refused = await exitkit(['checklist', es.plan]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/language/);
  });

  it("renders a provider's template (--template) in two languages from the catalog's words (t)", async () => {
    const tpl = path.join(s.dir, 'ours.md.hbs');
    await writeFile(
      tpl,
      '{{t.checklist.parties.heading}}: {{#each parties}}{{word role}} {{name}}; {{/each}}' +
        '{{say t.units.days count=contract.reversibility.assistanceDays}}, {{say t.units.days count=0}}; ' +
        '{{t.checklist.facts.contractEnd}} {{when contract.end}}; {{lookup t.families "credentials"}}\n',
    );
    const de = await exitkit(['checklist', s.plan, ...evidence, '--template', tpl, '--lang', 'de']);
    expect(de.stdout).toBe(
      'Parteien: Auftraggeber ACME SA; Bisheriger Dienstleister InfoGest Sàrl; Neuer Dienstleister NovaIT SA; ' +
        '10 Tage, 0 Tage; Vertragsende 31. Dezember 2026; Passwörter und Zugänge\n',
    );
    const fr = await exitkit(['checklist', s.plan, ...evidence, '--template', tpl, '--lang', 'fr']);
    expect(fr.stdout).toBe(
      'Parties: Client ACME SA; Prestataire sortant InfoGest Sàrl; Prestataire entrant NovaIT SA; ' +
        '10 jours, 0 jour; Fin du contrat 31 décembre 2026; Mots de passe et accès\n',
    );
  });
});
