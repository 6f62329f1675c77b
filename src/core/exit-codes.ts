/**
 * The one table of exit codes (docs/FORMAT.md, "Exit codes"): the same for every command.
 * 0: done, and the answer is yes (valid, ready, complete, intact).
 * 1: done, and the answer is no (not ready, incomplete, tampered, bad signature).
 * 2: could not do it (bad usage or bad input), with a message that says what and where.
 */
export const ExitCode = {
  Yes: 0,
  No: 1,
  CouldNot: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
