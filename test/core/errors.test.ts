/**
 * errorCode: the `error.code` under --json when the throw site did not set one (docs/FORMAT.md,
 * "Errors"): from the error's class, its cause, or its exit code.
 */
import { describe, expect, it } from 'vitest';
import { ExitkitError, ProblemsError, errorCode } from '../../src/core/errors.js';

const system = (code: string): Error => Object.assign(new Error(code), { code });

describe('errorCode', () => {
  it('keeps the code set at the throw site', () => {
    expect(errorCode(new ExitkitError('x', { code: 'key_wrong', cause: system('ENOSPC') }))).toBe(
      'key_wrong',
    );
  });

  it("derives a plan's problems, a full disk and a missing file from the class or the cause", () => {
    expect(errorCode(new ProblemsError('bad plan', []))).toBe('plan_invalid');
    expect(errorCode(new ExitkitError('x', { cause: system('ENOSPC') }))).toBe('disk_full');
    expect(errorCode(new ExitkitError('x', { cause: system('EDQUOT') }))).toBe('disk_full');
    expect(errorCode(new ExitkitError('x', { cause: system('EACCES') }))).toBe('file_access');
    expect(errorCode(system('ENOENT'))).toBe('file_access');
  });

  it('defaults to input_invalid for a user error, not_ready for a refusal, internal for anything else', () => {
    expect(errorCode(new ExitkitError('x'))).toBe('input_invalid');
    expect(errorCode(new ExitkitError('x', { exit: 1 }))).toBe('not_ready');
    expect(errorCode(new ExitkitError('x', { cause: system('EBUSY') }))).toBe('input_invalid');
    expect(errorCode(new TypeError('undefined is not a function'))).toBe('internal');
    expect(errorCode(system('EBUSY'))).toBe('internal');
  });
});
