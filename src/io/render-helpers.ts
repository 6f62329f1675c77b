/**
 * The Handlebars helpers every document template (ours and a provider's) may use, written for the
 * document's language and currency. The words come from the language's catalog (core/i18n), the
 * formats from core/money.ts and core/dates.ts: this file only adapts them to Handlebars (escaping
 * in HTML, the Markdown escapes of the data undone where a value is a number or a date).
 */
import type Handlebars from 'handlebars';
import { formatDate } from '../core/dates.js';
import {
  isPlural,
  pluralCategory,
  say,
  words,
  type Lang,
  type Message,
  type Vars,
} from '../core/i18n/index.js';
import { localeOf } from '../core/i18n/locale.js';
import { formatMoney, formatNumber, formatPercent } from '../core/money.js';
import { formatSeconds } from '../core/rehearsal.js';

/** A value as the helpers read it: Markdown data arrives escaped, and numbers have no escapes. */
const plain = (value: unknown) => String(value).replaceAll('\\', '');

export function registerHelpers(
  hbs: typeof Handlebars,
  lang: Lang,
  currency: string,
  format: 'md' | 'html',
): void {
  const t = words(lang);
  const html = format === 'html';
  const safe = (s: string) => (html ? new hbs.SafeString(s) : s);
  const esc = (s: unknown) =>
    html && !(s instanceof hbs.SafeString) ? hbs.Utils.escapeExpression(String(s ?? '')) : String(s ?? '');
  /** Statuses, verification results, roles and yes/no, by their code: what {{word x}} reads. */
  const labels: Record<string, string> = { ...t.statuses, ...t.checks, ...t.roles, ...t.answers };

  /** {{money amount}} or {{money amount "EUR"}}: a decimal string, never a float. */
  hbs.registerHelper('money', (amount: unknown, ...rest: unknown[]) => {
    if (amount === undefined || amount === null || amount === '') return '';
    const cur = typeof rest[0] === 'string' ? rest[0] : currency;
    return formatMoney(plain(amount), cur, lang);
  });
  /** {{number "8.1"}}: a quantity or a percentage. */
  hbs.registerHelper('number', (value: unknown) =>
    value === undefined || value === null ? '' : formatNumber(plain(value), lang, currency),
  );
  /** {{percent "8.1"}}: "8,1 %" in French, "8.1%" in English and Swiss German. */
  hbs.registerHelper('percent', (value: unknown) =>
    value === undefined || value === null ? '' : formatPercent(plain(value), lang, currency),
  );
  /** {{when "2026-12-31"}} (long) or {{when d "short"}}; a date-time is shown with its UTC time. */
  hbs.registerHelper('when', (value: unknown, ...rest: unknown[]) =>
    typeof value === 'string' && value
      ? formatDate(plain(value), lang, rest[0] === 'short' ? 'short' : 'long')
      : '',
  );
  /** {{filesize n}}: 1 536 -> "1.5 KB" / "1,5 Ko". */
  hbs.registerHelper('filesize', (n: unknown) => {
    if (typeof n !== 'number') return '';
    const units = [t.units.sizes.b, t.units.sizes.kb, t.units.sizes.mb, t.units.sizes.gb, t.units.sizes.tb];
    let v = n;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    const digits = i === 0 ? 0 : v < 10 ? 1 : 0;
    const text = new Intl.NumberFormat(localeOf(lang, currency), { maximumFractionDigits: digits }).format(v);
    return `${text}\u00a0${units[i]}`;
  });
  /** {{duration 3.2}}: seconds as a reader writes them ("3.20 s", "2 min 05 s", "1 h 10 min"). */
  hbs.registerHelper('duration', (seconds: unknown) =>
    typeof seconds === 'number' ? formatSeconds(seconds, lang) : '',
  );
  /** {{word "pending"}}: a status, verification result or role in the document's language. */
  hbs.registerHelper('word', (key: unknown) => {
    const k = String(key ?? '');
    return labels[k] ?? k;
  });
  /**
   * {{say t.units.days count=3}}: a catalog message with its `{placeholders}` filled from the
   * hash; a plural message picks its form by the language's rules. Escaped in HTML.
   */
  hbs.registerHelper('say', (message: unknown, options: Handlebars.HelperOptions) => {
    if (typeof message !== 'string' && !isPlural(message)) return '';
    const hash = (options?.hash ?? {}) as Record<string, unknown>;
    const vars: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(hash))
      vars[k] =
        typeof v === 'number'
          ? v
          : k === 'count' || k === (message as { by?: string }).by
            ? plain(v)
            : esc(v);
    return safe(say(lang, html ? escapeMessage(message, esc) : message, vars as Vars));
  });
  /** {{plural n "day" "days"}} or {{plural n t.units.days}}: by the language's plural rules. */
  hbs.registerHelper('plural', (n: unknown, one: unknown, ...rest: unknown[]) => {
    const count = Number(plain(n));
    if (isPlural(one)) return say(lang, one, { count });
    const other = rest.length > 1 ? rest[0] : one;
    return pluralCategory(lang, count) === 'one' ? one : other;
  });
  /** {{upper s}}, {{capital s}} (first letter up), {{uncapital s}} (first letter down). */
  hbs.registerHelper('upper', (s: unknown) => String(s ?? '').toLocaleUpperCase(lang));
  hbs.registerHelper('capital', (s: unknown) => {
    const x = String(s ?? '');
    return x.charAt(0).toLocaleUpperCase(lang) + x.slice(1);
  });
  hbs.registerHelper('uncapital', (s: unknown) => {
    const x = String(s ?? '');
    return x.charAt(0).toLocaleLowerCase(lang) + x.slice(1);
  });
  /** {{bold s}} and {{mono s}}: strong or monospace text, in either format (e.g. inside {{say}}). */
  hbs.registerHelper('bold', (s: unknown) =>
    safe(html ? `<strong>${esc(s)}</strong>` : `**${String(s ?? '')}**`),
  );
  hbs.registerHelper('mono', (s: unknown) =>
    safe(html ? `<span class="mono">${esc(s)}</span>` : String(s ?? '')),
  );
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
  /** {{ifelse cond a b}}: a when cond holds, else b. */
  hbs.registerHelper('ifelse', (c: unknown, a: unknown, b: unknown) => (c ? a : b));
  /** {{#if (any list "field")}}: whether some item of the list has the field set. */
  hbs.registerHelper('any', (list: unknown, key: unknown) =>
    Array.isArray(list) ? list.some((x) => Boolean((x as Record<string, unknown>)?.[String(key)])) : false,
  );
  /** {{join list ", "}} */
  hbs.registerHelper('join', (list: unknown, sep: unknown) =>
    Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : '',
  );
}

/** A message with its own text escaped for HTML (the values are escaped as they are filled in). */
function escapeMessage(message: Message, esc: (s: unknown) => string): Message {
  return typeof message === 'string'
    ? esc(message)
    : { ...message, one: esc(message.one), other: esc(message.other) };
}
