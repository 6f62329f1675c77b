/**
 * Renders the documents (checklist, compensation summary) with Handlebars, from
 * templates/<lang>/<document>.<format>.hbs, the partials of templates/partials/ (shared, e.g. the
 * CSS) and templates/<lang>/partials/ (words), and helpers that write money, dates, sizes and
 * statuses for the document's language and currency. `--template FILE` renders the same data with
 * a provider's own layout.
 *
 * HTML output is escaped by Handlebars; Markdown output gets its data escaped for Markdown
 * (pipes, emphasis, brackets, raw HTML) so that a title cannot break a table or inject markup.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { ExitkitError } from '../core/errors.js';
import { formatDate } from '../core/dates.js';
import { formatMoney, formatNumber, formatPercent } from '../core/money.js';
import type { Language } from '../core/plan.js';
import { writeFilesAtomically } from './atomic.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

export type DocumentKind = 'checklist' | 'compensation';
export type Format = 'md' | 'html';

export interface RenderOptions {
  kind: DocumentKind;
  language: Language;
  format: Format;
  /** The currency that decides how amounts and numbers are written (CHF: Swiss French). */
  currency?: string;
  /** A provider's own template (its extension .html/.htm makes it HTML, anything else Markdown). */
  template?: string;
  /** Where the templates live (tests). */
  templatesDir?: string;
}

/** The format a template file produces, from its name. */
export function formatOfFile(file: string): Format {
  return /\.html?(\.hbs)?$/i.test(file) ? 'html' : 'md';
}

export async function renderDocument(data: object, opts: RenderOptions): Promise<string> {
  const dir = opts.templatesDir ?? TEMPLATES_DIR;
  const hbs = Handlebars.create();
  registerHelpers(hbs, opts.language, opts.currency ?? 'CHF', opts.format);
  await registerPartials(hbs, path.join(dir, 'partials'));
  await registerPartials(hbs, path.join(dir, opts.language, 'partials'));

  const file = opts.template ?? path.join(dir, opts.language, `${opts.kind}.${opts.format}.hbs`);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    throw new ExitkitError(`cannot read the template ${file}`, {
      code: 'file_access',
      hints: opts.template
        ? ['give the path of a Handlebars template (.md.hbs or .html.hbs)']
        : ['reinstall exitkit: its templates folder is incomplete'],
    });
  }
  const md = opts.format === 'md';
  let template: Handlebars.TemplateDelegate;
  try {
    // compile() is lazy: parse first so that a syntax error is reported as one.
    hbs.parse(source);
    template = hbs.compile(source, { noEscape: md, strict: false });
  } catch (e) {
    throw new ExitkitError(`the template ${file} does not compile: ${firstLine(e)}`, {
      hints: ['check its {{...}} blocks: every {{#each}} and {{#if}} needs its closing tag'],
    });
  }
  try {
    const out = template(md ? escapeMarkdownDeep(data) : data);
    return md ? tidyMarkdown(out) : out;
  } catch (e) {
    throw new ExitkitError(`the template ${file} failed: ${firstLine(e)}`, {
      hints: ['check the helpers and fields it uses (see templates/en for the data it receives)'],
    });
  }
}

/** Writes a document atomically, so that a reader never sees half a checklist. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await writeFilesAtomically([{ path: file, data: text }]);
}

async function registerPartials(hbs: typeof Handlebars, dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names.sort()) {
    if (!name.endsWith('.hbs')) continue;
    hbs.registerPartial(name.slice(0, -'.hbs'.length), await readFile(path.join(dir, name), 'utf8'));
  }
}

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0] ?? '';
}

/** Words for statuses and verdicts, for the helpers. */
const LABELS: Record<Language, Record<string, string>> = {
  en: {
    pending: 'pending',
    ready: 'ready',
    delivered: 'delivered',
    waived: 'waived',
    intact: 'intact',
    altered: 'altered',
    listed: 'listed, not re-hashed',
    'not-delivered': 'not delivered',
    client: 'Client',
    outgoing: 'Outgoing provider',
    incoming: 'Incoming provider',
    yes: 'yes',
    no: 'no',
  },
  fr: {
    pending: 'à préparer',
    ready: 'prêt',
    delivered: 'livré',
    waived: 'dispensé',
    intact: 'intact',
    altered: 'altéré',
    listed: 'listé, non recalculé',
    'not-delivered': 'non livré',
    client: 'Client',
    outgoing: 'Prestataire sortant',
    incoming: 'Prestataire entrant',
    yes: 'oui',
    no: 'non',
  },
};

function registerHelpers(hbs: typeof Handlebars, lang: Language, currency: string, format: Format): void {
  const html = format === 'html';
  const locale = lang === 'fr' ? (currency === 'CHF' ? 'fr-CH' : 'fr-FR') : 'en-GB';
  const safe = (s: string) => (html ? new hbs.SafeString(s) : s);
  const esc = (s: unknown) => (html ? hbs.Utils.escapeExpression(String(s ?? '')) : String(s ?? ''));

  /** {{money amount}} or {{money amount "EUR"}}: a decimal string, never a float. */
  hbs.registerHelper('money', (amount: unknown, ...rest: unknown[]) => {
    if (amount === undefined || amount === null || amount === '') return '';
    const cur = typeof rest[0] === 'string' ? rest[0] : currency;
    return formatMoney(String(amount).replaceAll('\\', ''), cur, lang);
  });
  /** {{number "8.1"}}: a quantity or a percentage. */
  hbs.registerHelper('number', (value: unknown) =>
    value === undefined || value === null ? '' : formatNumber(String(value).replaceAll('\\', ''), lang),
  );
  /** {{percent "8.1"}}: "8,1 %" in French, "8.1%" in English. */
  hbs.registerHelper('percent', (value: unknown) =>
    value === undefined || value === null ? '' : formatPercent(String(value).replaceAll('\\', ''), lang),
  );
  /** {{when "2026-12-31"}} (long) or {{when d "short"}}; a date-time is shown with its UTC time. */
  hbs.registerHelper('when', (value: unknown, ...rest: unknown[]) =>
    typeof value === 'string' && value
      ? formatDate(value.replaceAll('\\', ''), lang, rest[0] === 'short' ? 'short' : 'long')
      : '',
  );
  /** {{filesize n}}: 1 536 -> "1.5 KB" / "1,5 Ko". */
  hbs.registerHelper('filesize', (n: unknown) => {
    if (typeof n !== 'number') return '';
    const units = lang === 'fr' ? ['o', 'Ko', 'Mo', 'Go', 'To'] : ['B', 'KB', 'MB', 'GB', 'TB'];
    let v = n;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    const digits = i === 0 ? 0 : v < 10 ? 1 : 0;
    const text = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v);
    return `${text}\u00a0${units[i]}`;
  });
  /** {{word "pending"}}: a status, verdict or role in the document's language. */
  hbs.registerHelper('word', (key: unknown) => {
    const k = String(key ?? '');
    return LABELS[lang][k] ?? k;
  });
  /** {{fpr fp}}: uppercase, in groups of four, as GnuPG shows it. */
  hbs.registerHelper('fpr', (fp: unknown) =>
    typeof fp === 'string'
      ? fp
          .toUpperCase()
          .replace(/(.{4})(?!$)/g, '$1 ')
          .trim()
      : '',
  );
  /** {{short digest}}: the first 16 hex digits (the full digest is in the manifest). */
  hbs.registerHelper('short', (digest: unknown) => (typeof digest === 'string' ? digest.slice(0, 16) : ''));
  /** {{rich text}}: `backticks` become <code> in HTML (after escaping), stay as they are in Markdown. */
  hbs.registerHelper('rich', (text: unknown) => {
    if (html)
      return safe(
        String(text ?? '')
          .split('`')
          .map((part, i) => (i % 2 === 1 ? `<code>${esc(part)}</code>` : esc(part)))
          .join(''),
      );
    // Markdown data arrives escaped: inside a code span, backslashes would show, so undo them there.
    return String(text ?? '')
      .split('\\`')
      .map((part, i) => (i % 2 === 1 ? part.replace(/\\(.)/g, '$1') : part))
      .join('`');
  });
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hbs.registerHelper('not', (a: unknown) => !a);
  hbs.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hbs.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  /** {{plural n "day" "days"}} */
  hbs.registerHelper('plural', (n: unknown, one: unknown, many: unknown) => (Number(n) === 1 ? one : many));
  /** {{#if (any list "field")}}: whether some item of the list has the field set. */
  hbs.registerHelper('any', (list: unknown, key: unknown) =>
    Array.isArray(list) ? list.some((x) => Boolean((x as Record<string, unknown>)?.[String(key)])) : false,
  );
  /** {{join list ", "}} */
  hbs.registerHelper('join', (list: unknown, sep: unknown) =>
    Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : '',
  );
}

/** Every string in the data, escaped for Markdown text and table cells. */
export function escapeMarkdownDeep<T>(data: T): T {
  if (typeof data === 'string') return escapeMarkdown(data) as T;
  if (Array.isArray(data)) return data.map((x: unknown) => escapeMarkdownDeep(x)) as T;
  if (data && typeof data === 'object') {
    return Object.fromEntries(
      Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, escapeMarkdownDeep(v)]),
    ) as T;
  }
  return data;
}

export function escapeMarkdown(s: string): string {
  return s
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`)
    .replace(/^([-+]|\d+\.)(\s)/, '\\$1$2');
}

/** At most one blank line in a row, and one final newline. */
function tidyMarkdown(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
