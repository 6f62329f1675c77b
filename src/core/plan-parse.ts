/**
 * A plan's text to a typed plan: UTF-8, nesting, YAML syntax, aliases, the schema, then the plan
 * model, every problem with its file:line:column and what to do. Pure: the bytes and the compiled
 * schema come in, the plan or a ProblemsError comes out (io/plan/plan-file.ts reads the file and
 * the keys around it).
 */
import type { ValidateFunction } from 'ajv';
import { dedupeSchemaErrors, describeSchemaError } from './plan-schema-words.js';
import type { Document } from 'yaml';
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import { ProblemsError, type Location, type Problem } from './errors.js';
import type { Text } from './i18n/terminal/index.js';
import {
  DEFAULT_RELEASE_WHEN,
  type Deliverable,
  type ExitPlan,
  type ExitSection,
  type FeeLine,
  type Party,
} from './plan.js';

/**
 * A plan nests five levels deep; the YAML parser recurses once a level, so a document nested
 * thousands of levels deep ("[[[[...") costs seconds and stack. Refused before parsing.
 */
export const MAX_PLAN_DEPTH = 64;

/** Aliases are expanded when the plan is read: more than this is a "billion laughs" bomb. */
const MAX_ALIAS_COUNT = 100;

export interface ParsedPlan {
  plan: ExitPlan;
  text: string;
  /** The parsed document, kept for write-back with comments and positions. */
  doc: Document;
  lineCounter: LineCounter;
  /**
   * Where a path of the plan is written: its value, or with `{key: true}` its key (for a
   * missing or unknown key). A path that does not exist is reported at its deepest parent.
   */
  locate(p: Array<string | number>, opts?: { key?: boolean }): Location;
}

/** The start of a location in the file `shown`, clamped to line 1, column 1. */
export function locationIn(shown: string): (line?: number, column?: number) => Location {
  return (line = 1, column = 1) => ({ file: shown, line: Math.max(1, line), column: Math.max(1, column) });
}

/**
 * Parses and checks a plan's bytes against the schema: every problem (not just the first) is
 * collected, and any error throws a ProblemsError (exit 2). `shown` is the file as the user sees it.
 */
export function parsePlan(bytes: Buffer, shown: string, validate: ValidateFunction): ParsedPlan {
  const at = locationIn(shown);
  const fail = (summary: Text, problems: Problem[]): never => {
    throw new ProblemsError(summary, problems);
  };

  const encoding = encodingProblem(bytes, at);
  const notAPlan: Text = (m) => m.parse.notAPlan(shown);
  const notYaml: Text = (m) => m.parse.notYaml(shown);
  if (encoding) fail(notAPlan, [encoding]);

  const text = bytes.toString('utf8');
  const lineCounter = new LineCounter();
  const posOf = (offset: number) => {
    const { line, col } = lineCounter.linePos(Math.max(0, offset));
    return at(line, col);
  };

  const deep = nestingProblem(text);
  if (deep) {
    const { line, col } = lineAndColumn(text, deep.offset);
    fail(notAPlan, [
      {
        message: (m) => m.parse.tooDeep(MAX_PLAN_DEPTH),
        hint: (m) => m.parse.tooDeepHint,
        location: at(line, col),
      },
    ]);
  }

  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    // The parser reports its own failures as doc.errors; this is a last line of defence.
    fail(notYaml, [
      {
        message: (m) => m.yaml.syntax('', firstLine(e)),
        hint: yamlHint('', firstLine(e)),
        location: at(),
      },
    ]);
  }
  doc = doc!;

  const problems: Problem[] = [];
  // After the first syntax error the parser's other complaints are mostly echoes of it; a
  // duplicate key is independent, so every one is listed.
  const syntax = doc.errors.filter(
    (e, i) => i === doc.errors.findIndex((f) => f.code !== 'DUPLICATE_KEY') || e.code === 'DUPLICATE_KEY',
  );
  for (const e of syntax) {
    const offset = yamlErrorOffset(e.code, e.message, text, e.pos[0]);
    problems.push({
      message: yamlMessage(e.code, e.message, text, offset),
      hint: colonInValueHint(e.code, text, offset) ?? yamlHint(e.code, e.message),
      location: posOf(offset),
    });
  }
  for (const w of doc.warnings) {
    // An unknown tag (!foo, !!js/function) would silently change a value's type: refuse it.
    if (w.code === 'TAG_RESOLVE_FAILED')
      problems.push({
        message: (m) =>
          m.yaml.unknownTag(
            w.message.replace(/^Unresolved tag:\s*/, '').replace(/^tag:yaml\.org,2002:/, '!!'),
          ),
        hint: (m) => m.yaml.unknownTagHint,
        location: posOf(w.pos[0]),
      });
  }
  if (problems.length) fail(notYaml, problems);

  const locate = (p: Array<string | number>, o: { key?: boolean } = {}): Location => {
    const offset = offsetOf(doc, p, o.key === true);
    return offset === undefined ? at() : posOf(offset);
  };

  // Amounts keep their literal text: "8.10" stays "8.10", never a binary float.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && node.source !== undefined && /^\d+(\.\d+)?$/.test(node.source)) {
        (node as { literal?: string }).literal = node.source;
      }
    },
  });

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    fail(notAPlan, [aliasProblem(doc, e, posOf, at)]);
  }
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
    const start = doc.contents?.range?.[0];
    const shape = raw == null ? 'empty' : Array.isArray(raw) ? 'list' : 'value';
    fail(notAPlan, [
      {
        message: (m) => m.parse.notAMapping(shape),
        hint: (m) => m.parse.startFromInit,
        location: raw == null || start === undefined ? at() : posOf(start),
      },
    ]);
  }

  if (!validate(raw)) {
    for (const e of dedupeSchemaErrors(validate.errors ?? [])) {
      const p = pathOf(e.instancePath);
      const described = describeSchemaError(e, p);
      problems.push({ ...described, location: locate(described.path ?? p, { key: described.atKey }) });
    }
    problems.sort(byPosition);
    fail((m) => m.parse.notSchema(shown), problems.map(stripPath));
  }

  const plan = toPlan(raw as Record<string, unknown>, doc);
  return { plan, text, doc, lineCounter, locate };
}

/** A plan is UTF-8 text: name the first byte that says otherwise. */
function encodingProblem(
  bytes: Buffer,
  at: (line?: number, column?: number) => Location,
): Problem | undefined {
  const where = (offset: number) => {
    const before = bytes.subarray(0, offset);
    const lineStart = before.lastIndexOf(0x0a) + 1;
    let line = 1;
    for (const b of before) if (b === 0x0a) line++;
    return at(line, bytes.subarray(lineStart, offset).toString('utf8').length + 1);
  };
  if (
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
  ) {
    return {
      message: (m) => m.parse.utf16,
      hint: (m) => m.parse.utf16Hint,
      location: at(),
    };
  }
  const nul = bytes.indexOf(0);
  const bad = firstInvalidUtf8(bytes);
  if (nul >= 0) {
    return {
      message: (m) => m.parse.binary,
      hint: (m) => m.parse.binaryHint,
      location: where(nul),
    };
  }
  if (bad >= 0) {
    const byte = `0x${bytes[bad]!.toString(16).padStart(2, '0')}`;
    return {
      message: (m) => m.parse.notUtf8(byte, bad),
      hint: (m) => m.parse.notUtf8Hint,
      location: where(bad),
    };
  }
  return undefined;
}

/** Offset of the first byte that does not belong to well-formed UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [n, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [n, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/**
 * Where the nesting first goes past MAX_PLAN_DEPTH: flow brackets outside quotes and comments,
 * and compact block entries ("- - - x") on one line. Block indentation cannot nest deep enough
 * to matter within MAX_PLAN_BYTES.
 */
function nestingProblem(text: string): { offset: number } | undefined {
  let depth = 0;
  let quote: '"' | "'" | undefined;
  let lineStart = true;
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '\n') {
      lineStart = true;
      dashes = 0;
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = (end === -1 ? text.length : end) - 1;
      continue;
    }
    if (lineStart && (ch === '-' || ch === '?' || ch === ':') && /[ \t]/.test(text[i + 1] ?? '')) {
      if (++dashes > MAX_PLAN_DEPTH) return { offset: i };
      continue;
    }
    if (ch !== ' ' && ch !== '\t') lineStart = false;
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') {
      if (++depth > MAX_PLAN_DEPTH) return { offset: i };
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
  }
  return undefined;
}

export function lineAndColumn(text: string, offset: number): { line: number; col: number } {
  const end = Math.min(offset, text.length);
  let line = 1;
  let start = 0;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) [line, start] = [line + 1, i + 1];
  return { line, col: end - start + 1 };
}

export function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}

/** The parser's error codes that have their own hint (the catalogs' `yaml.hints`). */
const HINTED_CODES = [
  'DUPLICATE_KEY',
  'MULTIPLE_DOCS',
  'TAB_AS_INDENT',
  'BAD_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'UNEXPECTED_TOKEN',
  'BAD_SCALAR_START',
  'BAD_DQ_ESCAPE',
] as const;
type HintedCode = (typeof HINTED_CODES)[number];

function yamlHint(code: string, message: string): Text {
  if (/closing ["']?quote/i.test(message)) return (m) => m.yaml.closeQuote;
  if (/without - indicator/i.test(message)) return (m) => m.yaml.listItem;
  if (/flow (sequence|mapping|collection)/i.test(message)) return (m) => m.yaml.closeBracket;
  if ((HINTED_CODES as readonly string[]).includes(code)) return (m) => m.yaml.hints[code as HintedCode];
  return (m) => m.yaml.fixHere;
}

/**
 * `title: Backups: daily`: a plain value that holds ": " reads as a mapping inside a value. The
 * line the parser stopped on says so; the hint shows the value quoted.
 */
function colonInValueHint(code: string, text: string, offset: number): Text | undefined {
  if (code !== 'BLOCK_AS_IMPLICIT_KEY' && code !== 'MULTILINE_IMPLICIT_KEY') return undefined;
  const start = text.lastIndexOf('\n', Math.max(0, Math.min(offset, text.length) - 1)) + 1;
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end === -1 ? undefined : end).replace(/\r$/, '');
  const found =
    /^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w-]*):[ \t]+([^\s'"#[{&*!|>][^#]*?:[ \t][^#]*?)[ \t]*(?:#.*)?$/.exec(
      line,
    );
  if (!found) return undefined;
  const [, key, value] = found;
  return (m) => m.yamlColon.quoteValue(key!, value!.replace(/\\/g, '\\\\').replace(/"/g, '\\"'));
}

/** A quote that is never closed is reported at the end of the file: point at where it opens. */
function yamlErrorOffset(code: string, message: string, text: string, offset: number): number {
  const quote = /closing (["'])quote/.exec(message)?.[1];
  if (code !== 'MISSING_CHAR' || !quote) return offset;
  let i = text.lastIndexOf(quote, Math.min(offset, text.length) - 1);
  while (i > 0 && quote === '"' && text[i - 1] === '\\') i = text.lastIndexOf(quote, i - 2);
  return i >= 0 ? i : offset;
}

function yamlMessage(code: string, message: string, text: string, offset: number): Text {
  if (code === 'DUPLICATE_KEY') {
    const key = /^[ \t]*("[^"]*"|'[^']*'|[^:#\n]+?)[ \t]*:/.exec(text.slice(offset, offset + 200))?.[1];
    const name = key === undefined ? undefined : JSON.stringify(key.replace(/^["']|["']$/g, ''));
    return (m) => m.yaml.duplicateKey(name);
  }
  if (code === 'MULTIPLE_DOCS') return (m) => m.yaml.multipleDocs;
  if (/Maximum call stack/i.test(message)) return (m) => m.yaml.tooDeep;
  if (/closing ["']?quote/i.test(message)) return (m) => m.yaml.quoteNotClosed;
  return (m) => m.yaml.syntax(code, message.split('\n')[0] ?? '');
}

/** An alias that cannot be expanded: undefined, or a "billion laughs" expansion bomb. */
function aliasProblem(
  doc: Document,
  e: unknown,
  posOf: (offset: number) => Location,
  at: () => Location,
): Problem {
  let first: number | undefined;
  let unresolved: number | undefined;
  const anchors = new Set<string>();
  visit(doc, {
    Node(_k, node) {
      if (isAlias(node)) {
        first ??= node.range?.[0];
        if (!anchors.has(node.source)) unresolved ??= node.range?.[0];
      } else if (node.anchor) anchors.add(node.anchor);
    },
  });
  const m = firstLine(e);
  if (/unresolved alias/i.test(m) && unresolved !== undefined)
    return {
      message: (t) => t.yaml.aliasWithoutAnchor(m.replace(/^.*?:\s*/, '*')),
      hint: (t) => t.yaml.aliasWithoutAnchorHint,
      location: posOf(unresolved),
    };
  return {
    message: /excessive alias/i.test(m)
      ? (t) => t.yaml.aliasBomb(MAX_ALIAS_COUNT)
      : (t) => t.yaml.unreadable(m),
    hint: (t) => t.yaml.aliasBombHint,
    location: first === undefined ? at() : posOf(first),
  };
}

/** JSON Pointer (Ajv's instancePath) to a plan path. */
function pathOf(instancePath: string): Array<string | number> {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replaceAll('~1', '/').replaceAll('~0', '~')));
}

/**
 * The start offset of the node at `p` (its key with `key`), or of its deepest existing parent.
 * Walks the document itself rather than `getIn`, to reach keys and to stop at aliases.
 */
function offsetOf(doc: Document, p: Array<string | number>, key: boolean): number | undefined {
  let node: unknown = doc.contents;
  let best: number | undefined = (node as Node | null)?.range?.[0];
  let keyNode: Node | undefined;
  for (const seg of p) {
    const parentKey = keyNode;
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find(
        (it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg),
      );
      // A key that is missing is reported where its mapping is named ("waiver:"), else at the mapping.
      if (!pair) return parentKey?.range?.[0] ?? best;
      keyNode = pair.key as Node;
      best = keyNode.range?.[0] ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      node = node.items[seg];
    } else return parentKey?.range?.[0] ?? best;
    const range = (node as Node | null | undefined)?.range;
    // An empty value ("key:") has a zero-length range at the end of its line: keep the key.
    if (range && !(isScalar(node) && node.value === null && range[0] === range[1])) best = range[0];
  }
  if (key && keyNode?.range) return keyNode.range[0];
  return best;
}

export function byPosition(a: Problem, b: Problem): number {
  return (
    (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0)
  );
}

export function stripPath(p: Problem & { path?: unknown; atKey?: unknown }): Problem {
  const { path: _p, atKey: _k, ...rest } = p;
  return rest;
}

/** The exit section with its lists always present (empty when not written). */
function exitOf(e: Partial<ExitSection>): ExitSection {
  return {
    triggers: e.triggers ?? [],
    scenarios: e.scenarios ?? [],
    roles: e.roles ?? [],
    success_criteria: e.success_criteria ?? [],
    ...(e.next_review !== undefined ? { next_review: e.next_review } : {}),
  };
}

function toPlan(raw: Record<string, unknown>, doc: Document): ExitPlan {
  const amountAt = (p: Array<string | number>): string | undefined => {
    let node = doc.getIn(p, true);
    if (isAlias(node)) node = node.resolve(doc);
    if (isScalar(node)) {
      const literal = (node as { literal?: string }).literal;
      return literal ?? String(node.value);
    }
    return undefined;
  };
  const r = raw as unknown as ExitPlan & { deliverables: Array<Partial<Deliverable> & Deliverable> };
  const parties = r.parties as ExitPlan['parties'];
  const plan: ExitPlan = {
    version: 1,
    id: r.id,
    title: r.title,
    language: r.language ?? 'fr',
    contract: r.contract,
    parties: {
      client: parties.client as Party,
      outgoing: parties.outgoing as Party,
      ...(parties.incoming ? { incoming: parties.incoming } : {}),
    },
    deliverables: (r.deliverables ?? []).map((d) => ({
      ...d,
      required: d.required ?? true,
      owner: d.owner ?? 'outgoing',
      sources: d.sources ?? [],
      checks: d.checks ?? {},
      status: d.status ?? 'pending',
    })),
    allow_external_sources: r.allow_external_sources ?? false,
    ...(r.ignore?.length ? { ignore: r.ignore } : {}),
    ...(r.regulation ? { regulation: r.regulation } : {}),
    ...(r.exit ? { exit: exitOf(r.exit) } : {}),
  };
  if (r.compensation) {
    const c = r.compensation;
    const base = ['compensation'];
    const pen = (k: string) => amountAt([...base, 'penalties', k]);
    plan.compensation = {
      currency: c.currency,
      vat_percent: amountAt([...base, 'vat_percent']) ?? String(c.vat_percent),
      rounding: amountAt([...base, 'rounding']) ?? '0.01',
      fees: c.fees.map((f, i): FeeLine => {
        const line: FeeLine = { label: f.label };
        for (const k of ['amount', 'quantity', 'unit_price'] as const) {
          const v = amountAt([...base, 'fees', i, k]);
          if (v !== undefined) line[k] = v;
        }
        if (f.unit !== undefined) line.unit = f.unit;
        return line;
      }),
      penalties: {
        treatment: c.penalties?.treatment ?? 'indemnity',
        ...(c.penalties?.label !== undefined ? { label: c.penalties.label } : {}),
        ...Object.fromEntries(
          (['missing_required', 'late_per_day', 'cap_percent'] as const).flatMap((k) => {
            const v = pen(k);
            return v === undefined ? [] : [[k, v]];
          }),
        ),
      },
      ...(c.final_payment
        ? {
            final_payment: {
              amount: amountAt([...base, 'final_payment', 'amount']) ?? String(c.final_payment.amount),
              ...(c.final_payment.due ? { due: c.final_payment.due } : {}),
              // Each condition once, in the plan's order; the default when not given.
              release_when: [...new Set(c.final_payment.release_when ?? DEFAULT_RELEASE_WHEN)],
            },
          }
        : {}),
    };
  }
  return plan;
}
