/**
 * `--help` in the terminal's language (README.md, "Commands"): `--lang`, else the locale, else
 * English. The command classes, and so oclif's manifest and docs/commands.md, hold the English
 * words of the catalog's `help` section; this class shows the same words in the chosen language
 * when it renders them: summaries, descriptions, examples, arguments, flags and what their values
 * stand for (FILE, KEY...), topics, oclif's headings and the few words oclif adds to a flag. What
 * stays as it is: names (commands, flags, the values a flag takes).
 *
 * The language is chosen in `showHelp`, which oclif calls for `--help` and `exitkit help`; other
 * renderers (`oclif readme`, which writes docs/commands.md) only format commands: English.
 */
import { CommandHelp, Help, type Command, type Interfaces } from '@oclif/core';
import { en } from '../core/i18n/terminal/en.js';
import { CATALOGS, terminalLang, type Messages } from '../core/i18n/terminal/index.js';

type Heading = keyof Messages['help']['headings'];

const OCLIF = [
  'json',
  'helpCommand',
  'autocompleteCommand',
  'autocompleteShell',
  'autocompleteRefresh',
] as const;

/** The English texts of the catalog's `help` section that commands hold, each with its text in `m`. */
function translations(m: Messages): Map<string, string> {
  const words = new Map<string, string>();
  // oclif's own words: the --json flag, and the texts of the help and autocomplete plugins' commands.
  for (const key of OCLIF) words.set(en.help.oclif[key], m.help.oclif[key]);
  const pair = (english: unknown, said: unknown): void => {
    if (typeof english === 'string' && typeof said === 'string') words.set(english, said);
    else if (english && typeof english === 'object')
      for (const [key, value] of Object.entries(english)) pair(value, (said as Record<string, unknown>)[key]);
  };
  for (const section of ['summary', 'description', 'args', 'flags', 'examples', 'placeholders'] as const)
    pair(en.help[section], m.help[section]);
  return words;
}

/** The words of a help, in the language of `m`, from what the commands and oclif hold in English. */
class Words {
  readonly said: Map<string, string>;

  constructor(readonly m: Messages) {
    this.said = translations(m);
  }

  text<T extends string | undefined>(text: T): T {
    return (text === undefined ? text : (this.said.get(text) ?? text)) as T;
  }

  heading(header: string): string {
    const key = (Object.keys(en.help.headings) as Heading[]).find((h) => en.help.headings[h] === header);
    return key ? this.m.help.headings[key] : header;
  }

  /** "(required)", "[default: x]", "<options: a|b>" in a flag's or argument's description. */
  added(description: string | undefined): string | undefined {
    const { oclif } = en.help;
    return description
      ?.replace(oclif.required, this.m.help.oclif.required)
      .replace(oclif.default, this.m.help.oclif.default)
      .replace(oclif.options, this.m.help.oclif.options);
  }

  /** "--lang=<option>", "--id <value>": what a flag's value stands for when it has no placeholder. */
  label(label: string): string {
    const { oclif } = en.help;
    return label
      .replaceAll(oclif.option, this.m.help.oclif.option)
      .replaceAll(oclif.value, this.m.help.oclif.value);
  }

  /** An argument's name as USAGE and ARGUMENTS show it (oclif writes it in capitals). */
  argument(name: string): string {
    const placeholder = this.m.help.placeholders[name as keyof Messages['help']['placeholders']] as
      string | undefined;
    return placeholder?.toLowerCase() ?? name;
  }

  /** The command with its words in the language of `m` (a copy: oclif's own stays English). */
  command(c: Command.Loadable): Command.Loadable {
    const flags = Object.entries(c.flags).map(([name, f]) => [
      name,
      {
        ...f,
        description: this.text(f.description),
        summary: this.text(f.summary),
        ...(f.type === 'option' && typeof f.helpValue === 'string'
          ? { helpValue: this.text(f.helpValue) }
          : {}),
      },
    ]);
    const args = Object.entries(c.args).map(([key, a]) => [
      key,
      { ...a, name: this.argument(a.name), description: this.text(a.description) },
    ]);
    // An example is { description, command }, or "description\ncommand\ncommand" (oclif's two forms).
    const examples = c.examples?.map((e) =>
      typeof e === 'string'
        ? e
            .split('\n')
            .map((line) => this.text(line))
            .join('\n')
        : { ...e, description: this.text(e.description) },
    );
    return {
      ...c,
      summary: this.text(c.summary),
      description: this.text(c.description),
      flags: Object.fromEntries(flags) as Command.Loadable['flags'],
      args: Object.fromEntries(args) as Command.Loadable['args'],
      ...(examples ? { examples } : {}),
    };
  }
}

/** A command's help with oclif's headings and flag words in the chosen language. */
class LocalCommandHelp extends CommandHelp {
  constructor(
    command: Command.Loadable,
    config: Interfaces.Config,
    opts: Interfaces.HelpOptions,
    private readonly words: Words,
  ) {
    super(command, config, opts);
  }

  override section(header: string, body: Parameters<CommandHelp['section']>[1]): string {
    return super.section(this.words.heading(header), body);
  }

  protected override flags(flags: Command.Flag.Any[]): [string, string | undefined][] | undefined {
    return super.flags(flags)?.map(([label, description]) => [label, this.words.added(description)]);
  }

  protected override usage(): string {
    return this.words.label(super.usage());
  }

  protected override flagHelpLabel(flag: Command.Flag.Any, showOptions?: boolean): string {
    return this.words.label(super.flagHelpLabel(flag, showOptions));
  }

  protected override args(args: Command.Arg.Any[]): [string, string | undefined][] | undefined {
    return super.args(args)?.map(([name, description]) => [name, this.words.added(description)]);
  }
}

export default class LocalHelp extends Help {
  private words = new Words(CATALOGS.en);

  override async showHelp(argv: string[]): Promise<void> {
    // `exitkit keys` reaches here as ["keys"]: the command line still has its --lang.
    this.words = new Words(CATALOGS[terminalLang([...argv, ...process.argv.slice(2)], process.env)]);
    await super.showHelp(argv);
  }

  override section(header: string, body: Parameters<Help['section']>[1]): string {
    return super.section(this.words.heading(header), body);
  }

  protected override getCommandHelpClass(command: Command.Loadable): CommandHelp {
    return new LocalCommandHelp(command, this.config, this.opts, this.words);
  }

  protected override formatCommand(command: Command.Loadable): string {
    return super.formatCommand(this.words.command(command));
  }

  protected override summary(c: Command.Loadable): string | undefined {
    return super.summary(this.words.command(c));
  }

  /** The first line (package.json's description), the version and the usage, as oclif's RootHelp. */
  override formatRoot(): string {
    const { help } = this.words.m;
    const { description } = this.config.pjson;
    return [
      description === en.help.root ? help.root : (description ?? ''),
      this.section(en.help.headings.version, this.wrap(this.config.userAgent)),
      this.section(en.help.headings.usage, this.wrap(`$ ${this.config.bin} [${help.oclif.command}]`)),
    ].join('\n\n');
  }

  protected override formatTopics(topics: Interfaces.Topic[]): string {
    return super.formatTopics(topics.map((t) => this.described(t)));
  }

  protected override formatTopic(topic: Interfaces.Topic): string {
    return super
      .formatTopic(this.described(topic))
      .replace(` ${en.help.oclif.command}`, ` ${this.words.m.help.oclif.command}`);
  }

  /** A topic's description: package.json's, or the catalog's in the chosen language. */
  private described(topic: Interfaces.Topic): Interfaces.Topic {
    const name = topic.name as keyof Messages['help']['topic'];
    const said = this.words.m.help.topic[name] as string | undefined;
    return { ...topic, description: said ?? topic.description };
  }
}
