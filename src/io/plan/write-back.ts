import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import {
  Document as YamlDocument,
  isMap,
  isScalar,
  parseDocument,
  type Document,
  type Node,
  type Pair,
} from 'yaml';
import { ExitkitError } from '../../core/errors.js';
import type { Text } from '../../core/i18n/terminal/index.js';
import { writeFilesAtomically } from '../atomic.js';
import { shown } from '../shown.js';
import type { Deliverable } from '../../core/plan.js';

/**
 * Writes a deliverable's status (and waiver) into the plan's YAML document, in place: the other
 * keys, their order and the comments stay as the people who wrote the plan left them.
 */
export function setDeliverableStatus(doc: Document, index: number, d: Deliverable): void {
  const item = doc.getIn(['deliverables', index], true);
  if (!isMap(item)) throw new Error(`deliverables[${index}] is not a mapping`);
  item.set('status', d.status);
  if (d.status === 'waived' && d.waiver) {
    const waiver = doc.createNode({
      reason: d.waiver.reason,
      approved_by: d.waiver.approved_by,
      ...(d.waiver.date ? { date: d.waiver.date } : {}),
    });
    // Written like the plan's own examples: waiver: {reason: ..., approved_by: client, date: ...}
    waiver.flow = true;
    item.set('waiver', waiver);
  } else if (item.has('waiver')) {
    item.delete('waiver');
  }
}

/**
 * The document as text, without folding long lines (a folded line is a change nobody made), and
 * with flow maps spaced as the plan spaces them: `{a: 1}` or `{ a: 1 }` (prettier's way).
 */
export function planText(doc: Document, original: string): string {
  const unpadded = /[:-][ \t]+\{[^\s}]/.test(original.replace(/#.*/g, ''));
  return doc.toString({ lineWidth: 0, flowCollectionPadding: !unpadded });
}

/** A replacement of text[start, end) by `insert`. */
interface Patch {
  start: number;
  end: number;
  insert: string;
}

/**
 * The plan's text with the deliverables' new statuses, edited in place: only the status (and
 * waiver) lines change, so every comment, blank line, quote style and spacing stays as written.
 * The positions come from the YAML document (`doc` as parsed from `text`, before any change).
 * The edit is checked by parsing it again; where a plain edit cannot be made (a deliverable
 * written as a flow map), the document is written whole by the yaml library instead.
 */
export function planWithStatuses(
  text: string,
  doc: Document,
  changes: ReadonlyArray<{ index: number; deliverable: Deliverable }>,
): string {
  const padded = !/[:-][ \t]+\{[^\s}]/.test(text.replace(/#.*/g, ''));
  const patches: Patch[] = [];
  let plain = true;
  for (const { index, deliverable } of changes) {
    const found = patchesFor(text, doc, index, deliverable, padded);
    if (found) patches.push(...found);
    else plain = false;
  }
  for (const { index, deliverable } of changes) setDeliverableStatus(doc, index, deliverable);
  const expected = JSON.stringify(doc.toJS());
  if (plain) {
    let out = text;
    for (const p of patches.sort((a, b) => b.start - a.start))
      out = out.slice(0, p.start) + p.insert + out.slice(p.end);
    const again = parseDocument(out, { uniqueKeys: true });
    if (again.errors.length === 0 && JSON.stringify(again.toJS()) === expected) return out;
  }
  return planText(doc, text);
}

function patchesFor(
  text: string,
  doc: Document,
  index: number,
  d: Deliverable,
  padded: boolean,
): Patch[] | undefined {
  const item = doc.getIn(['deliverables', index], true);
  if (!isMap(item) || item.flow || item.items.length === 0) return undefined;
  const pairs = item.items as Array<Pair<Node, Node | null>>;
  const keyOf = (p: Pair<Node, Node | null>) => (isScalar(p.key) ? String(p.key.value) : undefined);
  const first = pairs[0]!.key;
  if (!first?.range) return undefined;
  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const indent = ' '.repeat(first.range[0] - lineStart(first.range[0]));
  /** The offset just past the line on which a node ends. */
  const afterLine = (node: Node) => {
    const end = node.range![1];
    if (end > 0 && text[end - 1] === '\n') return end;
    const nl = text.indexOf('\n', end);
    return nl < 0 ? text.length : nl + 1;
  };
  const last = pairs.at(-1)!;
  const lastNode = last.value ?? last.key;
  if (!lastNode?.range) return undefined;
  let insertAt = afterLine(lastNode);
  const newline = text[insertAt - 1] === '\n' ? '' : '\n';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';

  const patches: Patch[] = [];
  const additions: string[] = [];
  const statusPair = pairs.find((p) => keyOf(p) === 'status');
  if (statusPair?.value && isScalar(statusPair.value) && statusPair.value.range) {
    const [start, end] = statusPair.value.range;
    patches.push({ start, end, insert: d.status });
  } else if (statusPair) {
    return undefined;
  } else {
    additions.push(`${indent}status: ${d.status}`);
  }

  const waiverPair = pairs.find((p) => keyOf(p) === 'waiver');
  if (d.status === 'waived' && d.waiver) {
    const w = new YamlDocument({
      reason: d.waiver.reason,
      approved_by: d.waiver.approved_by,
      ...(d.waiver.date ? { date: d.waiver.date } : {}),
    });
    (w.contents as { flow?: boolean }).flow = true;
    const flow = w.toString({ lineWidth: 0, flowCollectionPadding: padded }).trimEnd();
    if (waiverPair?.value?.range) {
      patches.push({ start: waiverPair.value.range[0], end: waiverPair.value.range[1], insert: flow });
    } else if (waiverPair) {
      return undefined;
    } else {
      additions.push(`${indent}waiver: ${flow}`);
    }
  } else if (waiverPair) {
    const from = waiverPair.key?.range;
    const to = waiverPair.value ?? waiverPair.key;
    if (!from || !to?.range || waiverPair === pairs[0]) return undefined;
    const start = lineStart(from[0]);
    if (text.slice(start, from[0]).trim() !== '') return undefined;
    const end = afterLine(to);
    patches.push({ start, end, insert: '' });
    if (waiverPair === last) {
      const before = pairs.at(-2)!;
      const node = before.value ?? before.key;
      if (!node?.range) return undefined;
      insertAt = afterLine(node);
    }
  }
  if (additions.length > 0) {
    patches.push({ start: insertAt, end: insertAt, insert: `${newline}${additions.join(eol)}${eol}` });
  }
  return patches;
}

/**
 * Replaces the plan file atomically: the new text goes to a temporary file beside it, which is
 * renamed over the plan, so the plan is never half-written. Refuses when the file changed on
 * disk since it was read (someone edited it meanwhile): their edit is not overwritten.
 */
export async function writePlanAtomically(file: string, text: string, readSha256: string): Promise<void> {
  const now = await readFile(file).catch(() => undefined);
  if (!now || createHash('sha256').update(now).digest('hex') !== readSha256) {
    const planFile = shown(file);
    throw new ExitkitError((m) => m.walk.changedOnDisk(planFile), {
      hints: [(m) => m.walk.changedOnDiskHint],
    });
  }
  const mode = (await stat(file)).mode & 0o777;
  await writeFilesAtomically([{ path: file, data: text, mode }], {
    hint: (m) => m.walk.planWritableHint,
  });
}

/**
 * Writes a new plan file: never over an existing one unless `force`, and never half-written (a
 * temporary file beside it, then linked or renamed into place).
 */
export async function writeNewPlan(
  file: string,
  text: string,
  opts: { force: boolean; shown?: string },
): Promise<'created' | 'replaced'> {
  const shown = opts.shown ?? file;
  const existing = await stat(file).catch(() => undefined);
  if (existing?.isDirectory())
    throw new ExitkitError((m) => m.init.isAFolder(shown), { hints: [(m) => m.init.isAFolderHint] });
  const again: Text = (m) => m.init.existsHint;
  if (existing && !opts.force)
    throw new ExitkitError((m) => m.files.exists(shown), { code: 'output_exists', hints: [again] });
  await writeFilesAtomically([{ path: file, data: text }], {
    // Never an overwrite without --force, even if the plan appears meanwhile.
    exclusive: !existing,
    hint: existing ? (m) => m.init.folderWritableHint : again,
  });
  return existing ? 'replaced' : 'created';
}
