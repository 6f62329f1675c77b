import { describe, expect, it } from 'vitest';
import { CATALOGS, english, say } from '../../src/core/i18n/terminal/index.js';
import { jsonStructureProblem as problemText, parseStrictJson } from '../../src/core/strict-json.js';

/** The problem in English (null when there is none). */
const jsonStructureProblem = (text: string) => {
  const p = problemText(text);
  return p === null ? null : english(p);
};

describe('strict JSON (manifests)', () => {
  it('parses what JSON.parse parses, keys in strings and escapes included', () => {
    const text = '{"a": [1, {"b": "x\\"}"}], "c": {"a": 1}, "d": "{\\"a\\": 1, \\"a\\": 2}"}';
    expect(parseStrictJson(text)).toEqual(JSON.parse(text));
  });

  it('refuses a key repeated in one object, also when escaped differently', () => {
    expect(jsonStructureProblem('{"a": 1, "b": {"a": 2}, "a": 3}')).toBe(
      'the key "a" is repeated in one object',
    );
    expect(jsonStructureProblem('{"a": 1, "\\u0061": 2}')).toBe('the key "a" is repeated in one object');
    expect(jsonStructureProblem('[{"a": 1}, {"a": 2}]')).toBeNull();
    expect(say(CATALOGS.fr, problemText('{"a": 1, "a": 2}')!)).toBe(
      'la clé "a" est répétée dans un même objet',
    );
  });

  it('refuses nesting deeper than the bound, before JSON.parse runs', () => {
    expect(jsonStructureProblem(`${'['.repeat(64)}${']'.repeat(64)}`)).toBeNull();
    expect(() => parseStrictJson('['.repeat(65))).toThrow('it nests more than 64 levels');
    expect(() => parseStrictJson('{"a": }')).toThrow(SyntaxError);
  });
});
