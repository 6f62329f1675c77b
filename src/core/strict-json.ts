/**
 * JSON read strictly, for the manifests a receiver is given: one linear scan refuses what would
 * make JSON.parse costly or ambiguous (nesting deeper than a bound, a key repeated in an object,
 * which JSON.parse would silently resolve to the last value) before JSON.parse runs.
 */
import { TextError } from './errors.js';
import type { Text } from './i18n/terminal/index.js';

/** Deeper than any manifest exitkit writes (it nests about five levels). */
export const MAX_JSON_DEPTH = 64;

/**
 * Parses `text` as JSON; throws a TextError naming the structural problem (depth, duplicate key),
 * or JSON.parse's SyntaxError.
 */
export function parseStrictJson(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  const problem = jsonStructureProblem(text, maxDepth);
  if (problem) throw new TextError(problem);
  return JSON.parse(text) as unknown;
}

/** The first structural problem of `text` (too deep, a duplicate key), or null. */
export function jsonStructureProblem(text: string, maxDepth = MAX_JSON_DEPTH): Text | null {
  // One entry a container: the keys seen so far (objects) or null (arrays).
  const stack: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
      }
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        let key: string;
        try {
          key = JSON.parse(text.slice(start, i + 1)) as string;
        } catch {
          return (m) => m.shape.malformedString(start);
        }
        if (top.has(key)) {
          const repeated = JSON.stringify(key);
          return (m) => m.shape.repeatedKey(repeated);
        }
        top.add(key);
      }
      expectKey = false;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= maxDepth) return (m) => m.shape.tooDeep(maxDepth);
      stack.push(c === 0x7b ? new Set() : null);
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = stack[stack.length - 1] !== null && stack.length > 0;
    }
  }
  return null;
}
