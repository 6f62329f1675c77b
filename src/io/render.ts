/**
 * Renders the documents (checklist, compensation summary) with Handlebars: one layout a document
 * and format, templates/<document>.<format>.hbs, with the partials of templates/partials/, and
 * every word from the document language's catalog (src/core/i18n), given to the template as `t`
 * (e.g. `{{t.checklist.parties.heading}}`, `{{say t.units.days count=n}}`). Helpers write money,
 * dates, sizes and statuses for the document's language and currency. `--template FILE` renders
 * the same data, `t` included, with a provider's own layout (docs/TEMPLATES.md).
 *
 * HTML output is escaped by Handlebars; Markdown output gets its data escaped for Markdown
 * (pipes, emphasis, brackets, raw HTML) so that a title cannot break a table or inject markup.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { ExitkitError } from '../core/errors.js';
import { registerHelpers } from './render-helpers.js';
import { words, type Lang } from '../core/i18n/index.js';
import { writeFilesAtomically } from './atomic.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

export type DocumentKind = 'checklist' | 'compensation' | 'rehearsal';
export type Format = 'md' | 'html';

export interface RenderOptions {
  kind: DocumentKind;
  language: Lang;
  format: Format;
  /** The currency that decides how amounts and numbers are written (CHF: the Swiss way). */
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

  const file = opts.template ?? path.join(dir, `${opts.kind}.${opts.format}.hbs`);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    throw new ExitkitError((m) => m.documents.noTemplate(file), {
      code: 'file_access',
      hints: [opts.template ? (m) => m.documents.noTemplateHint : (m) => m.documents.reinstallHint],
    });
  }
  const md = opts.format === 'md';
  let template: Handlebars.TemplateDelegate;
  try {
    // compile() is lazy: parse first so that a syntax error is reported as one.
    hbs.parse(source);
    template = hbs.compile(source, { noEscape: md, strict: false });
  } catch (e) {
    const detail = firstLine(e);
    throw new ExitkitError((m) => m.documents.templateSyntax(file, detail), {
      hints: [(m) => m.documents.templateSyntaxHint],
    });
  }
  try {
    // The words are ours (no Markdown to escape); the data is what the plan and evidence say (a
    // field of its own named `t` would win, but no document's data has one).
    const out = template({ t: words(opts.language), ...(md ? escapeMarkdownDeep(data) : data) });
    return md ? tidyMarkdown(out) : out;
  } catch (e) {
    const detail = firstLine(e);
    throw new ExitkitError((m) => m.documents.templateFailed(file, detail), {
      hints: [(m) => m.documents.templateFailedHint],
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
