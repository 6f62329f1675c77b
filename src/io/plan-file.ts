import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import type { Document } from 'yaml';
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import { ExitkitError, ProblemsError, type Location, type Problem } from '../core/errors.js';
import { checkPlanMeaning, closest, toProblems, type PlanIssue } from '../core/plan-checks.js';
import type { Deliverable, ExitPlan, FeeLine, Party } from '../core/plan.js';
import { readKeyFile } from './pgp.js';

export const SCHEMA_PATH = fileURLToPath(new URL('../../plans/exit-plan.schema.json', import.meta.url));

/** A plan larger than this is not a plan (it is read whole: it is a small YAML file). */
export const MAX_PLAN_BYTES = 4 * 1024 * 1024;

/**
 * A plan nests five levels deep; the YAML parser recurses once a level, so a document nested
 * thousands of levels deep ("[[[[...") costs seconds and stack. Refused before parsing.
 */
export const MAX_PLAN_DEPTH = 64;

/** Aliases are expanded when the plan is read: more than this is a "billion laughs" bomb. */
const MAX_ALIAS_COUNT = 100;

export interface LoadedPlan {
  plan: ExitPlan;
  /** Absolute path of the plan file, and its folder (sources are relative to it). */
  file: string;
  dir: string;
  /** The bytes as read, and their SHA-256 (hex): the manifest binds them. */
  text: string;
  sha256: string;
  /** The parsed document, kept for write-back with comments and positions. */
  doc: Document;
  lineCounter: LineCounter;
  /** Warnings found on the way (errors make loadPlan throw). */
  warnings: Problem[];
  /**
   * Where a path of the plan is written: its value, or with `{key: true}` its key (for a
   * missing or unknown key). A path that does not exist is reported at its deepest parent.
   */
  locate(p: Array<string | number>, opts?: { key?: boolean }): Location;
}

let validateSchema: ReturnType<Ajv['compile']> | undefined;
async function schemaValidator() {
  if (!validateSchema) {
    const schema = JSON.parse(await readFile(SCHEMA_PATH, 'utf8')) as object;
    validateSchema = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
  }
  return validateSchema;
}

/**
 * Reads, parses and checks a plan. Every problem (not just the first) is collected with its
 * file:line:column and what to do; any error throws a ProblemsError (exit 2). A plan that cannot
 * be read at all (no such file, a folder) throws an ExitkitError naming the file.
 */
export async function loadPlan(file: string, opts: { checkKeys?: boolean } = {}): Promise<LoadedPlan> {
  const abs = path.resolve(file);
  const shown = path.relative(process.cwd(), abs) || abs;
  const at = (line = 1, column = 1): Location => ({
    file: shown,
    line: Math.max(1, line),
    column: Math.max(1, column),
  });
  const fail = (summary: string, problems: Problem[]): never => {
    throw new ProblemsError(summary, problems);
  };

  const bytes = await readPlanBytes(abs, shown, at);
  const encoding = encodingProblem(bytes, at);
  if (encoding) fail(`${shown} is not a valid plan`, [encoding]);

  const text = bytes.toString('utf8');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const lineCounter = new LineCounter();
  const posOf = (offset: number) => {
    const { line, col } = lineCounter.linePos(Math.max(0, offset));
    return at(line, col);
  };

  const deep = nestingProblem(text);
  if (deep) {
    const { line, col } = lineAndColumn(text, deep.offset);
    fail(`${shown} is not a valid plan`, [
      {
        message: `the plan nests more than ${MAX_PLAN_DEPTH} levels deep`,
        hint: 'an exit plan nests a few levels (deliverables, their checks); check for runaway brackets or dashes',
        location: at(line, col),
      },
    ]);
  }

  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    // The parser reports its own failures as doc.errors; this is a last line of defence.
    fail(`${shown} is not valid YAML`, [
      { message: `YAML syntax: ${firstLine(e)}`, hint: yamlHint('', firstLine(e)), location: at() },
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
      hint: yamlHint(e.code, e.message),
      location: posOf(offset),
    });
  }
  for (const w of doc.warnings) {
    // An unknown tag (!foo, !!js/function) would silently change a value's type: refuse it.
    if (w.code === 'TAG_RESOLVE_FAILED')
      problems.push({
        message: `unknown YAML tag ${w.message.replace(/^Unresolved tag:\s*/, '').replace(/^tag:yaml\.org,2002:/, '!!')}`,
        hint: 'remove the tag; an exit plan uses plain values',
        location: posOf(w.pos[0]),
      });
  }
  if (problems.length) fail(`${shown} is not valid YAML`, problems);

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
    fail(`${shown} is not a valid plan`, [aliasProblem(doc, e, posOf, at)]);
  }
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
    const start = doc.contents?.range?.[0];
    fail(`${shown} is not a valid plan`, [
      {
        message:
          raw == null
            ? 'the plan is empty'
            : `the plan must be a mapping of keys (version, id, title, ...), not ${Array.isArray(raw) ? 'a list' : 'a single value'}`,
        hint: 'start from `exitkit init`, which writes a commented starter plan',
        location: raw == null || start === undefined ? at() : posOf(start),
      },
    ]);
  }

  const validate = await schemaValidator();
  if (!validate(raw)) {
    for (const e of dedupeSchemaErrors(validate.errors ?? [])) {
      const p = pathOf(e.instancePath);
      const described = describeSchemaError(e, p);
      problems.push({ ...described, location: locate(described.path ?? p, { key: described.atKey }) });
    }
    problems.sort(byPosition);
    fail(`${shown} does not follow the plan's schema`, problems.map(stripPath));
  }

  const plan = toPlan(raw as Record<string, unknown>, doc);
  const issues: PlanIssue[] = checkPlanMeaning(plan);
  if (opts.checkKeys !== false) issues.push(...(await checkKeyFiles(plan, path.dirname(abs))));
  const located = toProblems(issues, locate).sort(byPosition);
  const errors = located.filter((p) => p.level !== 'warning');
  const warnings = located.filter((p) => p.level === 'warning');
  if (errors.length)
    fail(`${shown} has ${errors.length} problem${errors.length > 1 ? 's' : ''}`, [...errors, ...warnings]);
  return { plan, file: abs, dir: path.dirname(abs), text, sha256, doc, lineCounter, warnings, locate };
}

/** Reads at most MAX_PLAN_BYTES + 1 bytes: a huge or growing file is never read whole. */
async function readPlanBytes(
  abs: string,
  shown: string,
  at: (line?: number, column?: number) => Location,
): Promise<Buffer> {
  let info;
  try {
    info = await stat(abs);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new ExitkitError(
      code === 'EACCES' || code === 'EPERM'
        ? `cannot read the plan ${shown}: permission denied`
        : `cannot read the plan ${shown}: no such file`,
      { hints: ['give the path of an exit plan (YAML); `exitkit init` writes a starter plan'] },
    );
  }
  if (!info.isFile())
    throw new ExitkitError(`the plan ${shown} is not a file`, { hints: ['give the path of a YAML file'] });
  let bytes: Buffer;
  try {
    const handle = await open(abs, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(info.size, MAX_PLAN_BYTES) + 1);
      let filled = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
        if (filled === buffer.length) break;
      }
      bytes = buffer.subarray(0, filled);
    } finally {
      await handle.close();
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new ExitkitError(
      `cannot read the plan ${shown}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : firstLine(e)}`,
      { hints: ['check that the file is readable'] },
    );
  }
  if (bytes.length > MAX_PLAN_BYTES) {
    const { line, col } = lineAndColumn(bytes.subarray(0, MAX_PLAN_BYTES).toString('utf8'), Infinity);
    throw new ProblemsError(`${shown} is not a valid plan`, [
      {
        message: `the plan goes on past ${MAX_PLAN_BYTES / 1024 / 1024} MiB (${Math.max(info.size, bytes.length)} bytes): too large for an exit plan`,
        hint: 'check that you named the plan, not an export or an archive',
        location: at(line, col),
      },
    ]);
  }
  return bytes;
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
      message: 'this file is UTF-16 or UTF-32 text; a plan is UTF-8',
      hint: 'save it again as UTF-8 (most editors: "Save with encoding")',
      location: at(),
    };
  }
  const nul = bytes.indexOf(0);
  const bad = firstInvalidUtf8(bytes);
  if (nul >= 0) {
    return {
      message: 'this file is binary, not YAML (it holds a NUL byte)',
      hint: 'give the path of the exit plan (a text YAML file), not an export or an archive',
      location: where(nul),
    };
  }
  if (bad >= 0) {
    return {
      message: `this file is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad})`,
      hint: 'save the plan as UTF-8 (it was probably saved as Latin-1 or Windows-1252)',
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

function lineAndColumn(text: string, offset: number): { line: number; col: number } {
  const end = Math.min(offset, text.length);
  let line = 1;
  let start = 0;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) [line, start] = [line + 1, i + 1];
  return { line, col: end - start + 1 };
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}

const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'a key may appear once in a mapping: remove or rename one of the two',
  MULTIPLE_DOCS: "a plan is one YAML document: remove the '---' line and what follows, or split the file",
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'align this line with the other keys of the same level',
  BLOCK_AS_IMPLICIT_KEY: 'a key needs a colon and a space after it ("key: value")',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; quote a value that holds a colon',
  UNEXPECTED_TOKEN: 'remove or quote the character at this place',
  BAD_SCALAR_START: 'quote this value: it starts with a character YAML reserves (@, `, %)',
  BAD_DQ_ESCAPE:
    'in double quotes a backslash starts an escape: write \\\\ for one backslash, or use single quotes',
};

function yamlHint(code: string, message: string): string {
  if (/closing ["']?quote/i.test(message)) return 'close the quote opened here, at the end of its value';
  if (/without - indicator/i.test(message))
    return "this line is indented like a list item: start it with '- ', or align it with the keys above";
  if (/flow (sequence|mapping|collection)/i.test(message))
    return 'close the bracket opened before this place, or indent it more';
  return YAML_HINTS[code] ?? 'fix the YAML at this place (indentation, quotes, a missing colon)';
}

/** A quote that is never closed is reported at the end of the file: point at where it opens. */
function yamlErrorOffset(code: string, message: string, text: string, offset: number): number {
  const quote = /closing (["'])quote/.exec(message)?.[1];
  if (code !== 'MISSING_CHAR' || !quote) return offset;
  let i = text.lastIndexOf(quote, Math.min(offset, text.length) - 1);
  while (i > 0 && quote === '"' && text[i - 1] === '\\') i = text.lastIndexOf(quote, i - 2);
  return i >= 0 ? i : offset;
}

function yamlMessage(code: string, message: string, text: string, offset: number): string {
  if (code === 'DUPLICATE_KEY') {
    const key = /^[ \t]*("[^"]*"|'[^']*'|[^:#\n]+?)[ \t]*:/.exec(text.slice(offset, offset + 200))?.[1];
    return key
      ? `the key ${JSON.stringify(key.replace(/^["']|["']$/g, ''))} appears twice in this mapping`
      : 'a key appears twice in this mapping';
  }
  if (code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document';
  if (/Maximum call stack/i.test(message)) return `the plan nests too deeply to read`;
  if (/closing ["']?quote/i.test(message)) return 'YAML syntax: this quote is never closed';
  return `YAML syntax: ${message.split('\n')[0]}`;
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
      message: `YAML alias without an anchor before it (${m.replace(/^.*?:\s*/, '*')})`,
      hint: 'define the anchor (&name) before the alias (*name), or write the value out',
      location: posOf(unresolved),
    };
  return {
    message: /excessive alias/i.test(m)
      ? `the plan's YAML aliases expand beyond ${MAX_ALIAS_COUNT} copies (an expansion bomb)`
      : `the plan cannot be read: ${m}`,
    hint: 'write the values out instead of repeating anchors (&name) and aliases (*name)',
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

function byPosition(a: Problem, b: Problem): number {
  return (
    (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0)
  );
}

function stripPath(p: Problem & { path?: unknown; atKey?: unknown }): Problem {
  const { path: _p, atKey: _k, ...rest } = p;
  return rest;
}

/** Ajv reports every branch of an anyOf; keep one readable error per place and cause. */
function dedupeSchemaErrors(errors: ErrorObject[]): ErrorObject[] {
  const anyOfAt = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const kept = new Map<string, ErrorObject>();
  for (const e of errors) {
    // The branches of an anyOf are reported at the same place, or under it: the anyOf says it all.
    if (
      e.keyword !== 'anyOf' &&
      [...anyOfAt].some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`))
    )
      continue;
    const id = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (!kept.has(id)) kept.set(id, e);
  }
  return [...kept.values()];
}

/** `deliverables[0].id`, as a person reads it. */
function fieldName(p: Array<string | number>): string {
  if (p.length === 0) return 'the plan';
  return p.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function shownValue(v: unknown): string {
  const s =
    typeof v === 'string'
      ? JSON.stringify(v)
      : Array.isArray(v)
        ? 'a list'
        : v === null
          ? 'empty'
          : typeof v === 'object'
            ? 'a mapping'
            : String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  array: "a list (lines starting with '- ', or [a, b])",
  object: 'a mapping of keys (key: value)',
  integer: 'a whole number',
  number: 'a number',
};

/** Words people use for the fixed families (DOMAIN.md), mapped to the category that holds them. */
const CATEGORY_WORDS: Record<string, string> = {
  passwords: 'credentials',
  password: 'credentials',
  access: 'credentials',
  accounts: 'credentials',
  secrets: 'credentials',
  data: 'backups',
  docs: 'documentation',
  procedures: 'documentation',
  runbooks: 'documentation',
  equipment: 'inventory',
  assets: 'inventory',
  licences: 'other',
  licenses: 'other',
};

interface Described {
  message: string;
  hint: string;
  /** Report at this path instead of the error's own (e.g. the unknown key itself). */
  path?: Array<string | number>;
  atKey?: boolean;
}

function describeSchemaError(e: ErrorObject, p: Array<string | number>): Described {
  const field = fieldName(p);
  const value = shownValue(e.data);
  switch (e.keyword) {
    case 'required': {
      const missing = String(e.params.missingProperty);
      const where = p.length === 0 ? 'the plan' : field;
      return {
        message: `${where} lacks "${missing}"`,
        hint: `add ${missing}: under ${p.length === 0 ? 'the top level' : field} (plans/exit-plan.schema.json lists every key)`,
        atKey: true,
      };
    }
    case 'additionalProperties': {
      const unknown = String(e.params.additionalProperty);
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const near = closest(unknown, known);
      return {
        message: `unknown key "${unknown}" in ${field}`,
        hint: near
          ? `did you mean "${near}"?`
          : `check its spelling; the known keys here are ${known.filter((k) => k !== '$schema').join(', ')}`,
        path: [...p, unknown],
        atKey: true,
      };
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const given = typeof e.data === 'string' ? e.data.toLowerCase() : '';
      const near =
        CATEGORY_WORDS[given] && allowed.includes(CATEGORY_WORDS[given])
          ? CATEGORY_WORDS[given]
          : closest(given, allowed);
      return {
        message: `${field} is ${value}: it must be one of ${allowed.join(', ')}`,
        hint: near ? `did you mean ${near}?` : 'use one of the listed values',
      };
    }
    case 'const':
      if (p.length === 1 && p[0] === 'version')
        return {
          message: `version ${value} is not a plan version this exitkit reads`,
          hint: 'this exitkit reads plans of version 1: write version: 1, or use the exitkit that wrote this plan',
        };
      return {
        message: `${field} must be ${String(e.params.allowedValue)}`,
        hint: `write ${String(e.params.allowedValue)}`,
      };
    case 'type': {
      const want = String(e.params.type);
      const words = TYPE_WORDS[want] ?? want;
      if (want === 'boolean')
        return {
          message: `${field} is ${value}: it must be true or false`,
          hint: `write ${String(p.at(-1))}: true or ${String(p.at(-1))}: false (yes, no, on and off are text in YAML 1.2)`,
        };
      if (want === 'string' && (typeof e.data === 'number' || typeof e.data === 'boolean'))
        return {
          message: `${field} is the ${typeof e.data} ${value}: it must be text`,
          hint: `quote it: ${String(p.at(-1))}: "${String(e.data)}"`,
        };
      return { message: `${field} is ${value}: it must be ${words}`, hint: `write ${field} as ${words}` };
    }
    case 'pattern':
      if (/(^|\.)id$|^id$/.test(field) || p.at(-1) === 'id')
        return {
          message: `${field} is ${value}: it must use lowercase letters, digits and '-'`,
          hint: 'it is used in file names, e.g. acme-exit-2026 or fs01-backup',
        };
      if (p.at(-1) === 'currency')
        return {
          message: `${field} is ${value}: it must be an ISO 4217 code`,
          hint: 'e.g. CHF or EUR, in capitals',
        };
      if (p.at(-1) === 'fingerprint')
        return {
          message: `${field} is ${value}: it must be a key fingerprint (40 or 64 hex digits)`,
          hint: '`exitkit keys show KEY` or `gpg --fingerprint` prints it',
        };
      if (/(date|start|end|due)$/.test(String(p.at(-1))))
        return {
          message: `${field} is ${value}: it must be a date written YYYY-MM-DD`,
          hint: 'e.g. 2026-12-31',
        };
      return {
        message: `${field} is ${value}: it is not in the expected form`,
        hint: `it must match ${String(e.params.pattern)}`,
      };
    case 'anyOf': {
      const v = typeof e.data === 'string' ? e.data.trim() : e.data;
      if (typeof v === 'number' && v < 0)
        return {
          message: `${field} is ${value}: an amount cannot be negative`,
          hint: 'write the amount without a minus sign',
        };
      if (typeof v === 'string' && /^\d{1,3}([,' ]\d{3})+(\.\d+)?$/.test(v))
        return {
          message: `${field} is ${value}: an amount has no thousands separator`,
          hint: `write ${v.replace(/[,' ]/g, '')}`,
        };
      if (typeof v === 'string' && /^\d+,\d+$/.test(v))
        return {
          message: `${field} is ${value}: an amount uses a decimal point`,
          hint: `write ${v.replace(',', '.')}`,
        };
      return {
        message: `${field} is ${value}: it must be a decimal amount`,
        hint: 'write it like 4500 or 1200.50, without a currency sign or separators',
      };
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return { message: `${field} is ${value}: it cannot be negative`, hint: 'write 0 or more' };
    case 'minLength':
      return {
        message: `${field} is empty`,
        hint: `write a value for ${String(p.at(-1))}, or remove the key`,
      };
    case 'maxLength':
    case 'maxItems':
      return { message: `${field} is too long`, hint: 'shorten it' };
    default:
      return { message: `${field} ${e.message ?? 'is not valid'}`, hint: 'see plans/exit-plan.schema.json' };
  }
}

async function checkKeyFiles(plan: ExitPlan, dir: string): Promise<PlanIssue[]> {
  const issues: PlanIssue[] = [];
  for (const role of ['client', 'outgoing', 'incoming'] as const) {
    const party = plan.parties[role];
    if (!party?.key) continue;
    const at: PlanIssue['path'] = ['parties', role, 'key'];
    const file = path.resolve(dir, party.key);
    const exportHint = `export it with \`gpg --export --armor FINGERPRINT > ${party.key}\`, or make one with \`exitkit keys generate\``;
    let info;
    try {
      info = await stat(file);
    } catch {
      issues.push({
        path: at,
        level: 'error',
        message: `the ${role} key file ${party.key} does not exist`,
        hint: `the path is relative to the plan's folder (${file}); ${exportHint}`,
      });
      continue;
    }
    if (!info.isFile()) {
      issues.push({
        path: at,
        level: 'error',
        message: `the ${role} key ${party.key} is not a file`,
        hint: exportHint,
      });
      continue;
    }
    try {
      const key = await readKeyFile(file);
      const want = party.fingerprint?.replaceAll(' ', '').toLowerCase();
      if (want && key.getFingerprint() !== want) {
        issues.push({
          path: ['parties', role, 'fingerprint'],
          level: 'error',
          message: `the key file ${party.key} has fingerprint ${key.getFingerprint().toUpperCase()}, not the pinned one`,
          hint: 'check which key file the plan names, or correct the pinned fingerprint',
        });
      }
      if (key.isPrivate()) {
        issues.push({
          path: at,
          level: 'warning',
          message: `the ${role} key file ${party.key} holds a private key`,
          hint: 'a plan needs only the public key (`gpg --export --armor`); keep private keys out of the plan folder',
        });
      }
    } catch (e) {
      const tooLarge = e instanceof ExitkitError && /too large/.test(e.message);
      issues.push({
        path: at,
        level: 'error',
        message: `the ${role} key file ${party.key} is ${tooLarge ? 'too large to be a key' : 'not an armored OpenPGP public key'}`,
        hint: exportHint,
      });
    }
  }
  return issues;
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
      penalties: Object.fromEntries(
        (['missing_required', 'late_per_day', 'cap_percent'] as const).flatMap((k) => {
          const v = pen(k);
          return v === undefined ? [] : [[k, v]];
        }),
      ),
      ...(c.final_payment
        ? {
            final_payment: {
              amount: amountAt([...base, 'final_payment', 'amount']) ?? String(c.final_payment.amount),
              ...(c.final_payment.due ? { due: c.final_payment.due } : {}),
            },
          }
        : {}),
    };
  }
  return plan;
}
