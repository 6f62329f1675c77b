/**
 * The flags and the output of the two documents (checklist, compensation summary): the same
 * inputs, languages, formats, template override and atomic `--out`.
 */
import { Flags } from '@oclif/core';
import { LANGUAGES } from '../core/plan.js';
import type { DocumentInputs } from '../io/documents.js';
import { renderDocument, writeAtomically, type DocumentKind } from '../io/render.js';
import type { BaseCommand } from './base-command.js';

export const documentFlags = {
  manifest: Flags.string({
    description:
      'the exit manifest `exitkit bundle` wrote (<id>.manifest.json): files, digests, signer, date',
    helpValue: 'FILE',
  }),
  verification: Flags.string({
    description: 'what `exitkit verify --json` wrote: the verdict per deliverable',
    helpValue: 'FILE',
  }),
  lang: Flags.string({
    description:
      "the document's language (default: the plan's): French, English, German or Italian; fr and en also set the language of the messages",
    options: [...LANGUAGES],
  }),
  format: Flags.string({
    description: 'Markdown or self-contained printable HTML (default: from --out or --template, else md)',
    options: ['md', 'html'],
  }),
  template: Flags.string({
    description: 'your own Handlebars template, given the same data (.html.hbs for HTML, else Markdown)',
    helpValue: 'FILE',
  }),
  out: Flags.string({
    description: 'write the document to this file (atomically) instead of stdout',
    helpValue: 'FILE',
  }),
  date: Flags.string({
    description:
      'the date of the document, and the day lateness is counted to without a manifest (default: today)',
    helpValue: 'YYYY-MM-DD',
  }),
  attestation: Flags.string({
    description:
      "the outgoing provider's deletion attestation (<id>.deletion.json, from `exitkit attest deletion`), checked against the plan's outgoing key and the --manifest it follows; the deletion_attested condition",
    helpValue: 'FILE',
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
