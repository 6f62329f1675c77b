/**
 * The flags and the output of the two documents (checklist, compensation summary): the same
 * inputs, languages, formats, template override and atomic `--out`.
 */
import { en } from '../core/i18n/terminal/en.js';
import { Flags } from '@oclif/core';
import { LANGUAGES } from '../core/plan.js';
import type { DocumentInputs } from '../io/documents.js';
import { renderDocument, writeAtomically, type DocumentKind } from '../io/render.js';
import type { BaseCommand } from './base-command.js';

export const documentFlags = {
  manifest: Flags.string({
    description: en.help.flags.document.manifest,
    helpValue: en.help.placeholders.file,
  }),
  verification: Flags.string({
    description: en.help.flags.document.verification,
    helpValue: en.help.placeholders.file,
  }),
  lang: Flags.string({
    description: en.help.flags.document.lang,
    options: [...LANGUAGES],
  }),
  format: Flags.string({
    description: en.help.flags.document.format,
    options: ['md', 'html'],
  }),
  template: Flags.string({
    description: en.help.flags.document.template,
    helpValue: en.help.placeholders.file,
  }),
  out: Flags.string({
    description: en.help.flags.document.out,
    helpValue: en.help.placeholders.file,
  }),
  date: Flags.string({
    description: en.help.flags.document.date,
    helpValue: en.help.placeholders.date,
  }),
  attestation: Flags.string({
    description: en.help.flags.document.attestation,
    helpValue: en.help.placeholders.file,
  }),
  receipt: Flags.string({
    description: en.help.flags.compensation.receipt,
    helpValue: en.help.placeholders.file,
    multiple: true,
  }),
};

/**
 * Renders the document and writes it to --out, or to stdout unless --json is on (then stdout is
 * the JSON result). Returns the path written, if any.
 */
export async function emitDocument(
  cmd: BaseCommand & { jsonEnabled(): boolean },
  kind: DocumentKind,
  data: object,
  inputs: DocumentInputs,
  flags: { out?: string | undefined; template?: string | undefined },
  currency: string | undefined,
): Promise<string | undefined> {
  const json = cmd.jsonEnabled();
  if (json && !flags.out) return undefined;
  const text = await renderDocument(
    { ...data, currency: currency ?? 'CHF', generator: `exitkit ${cmd.config.version}` },
    {
      kind,
      language: inputs.language,
      format: inputs.format,
      ...(currency ? { currency } : {}),
      ...(flags.template ? { template: flags.template } : {}),
    },
  );
  if (flags.out) {
    await writeAtomically(flags.out, text);
    if (!json) cmd.note((m) => m.files.wrote(flags.out!));
    return flags.out;
  }
  process.stdout.write(text);
  return undefined;
}
