/**
 * `--help` in the terminal's language where oclif allows it: the summary of each command and the
 * topics, in the lists and at the top of a command's help. The rest (usage, flags, description,
 * examples) is oclif's and the commands' own, in English.
 */
import { Help, type Command, type Interfaces } from '@oclif/core';
import { CATALOGS, terminalLang, type Messages } from '../core/i18n/terminal/index.js';

export default class LocalHelp extends Help {
  private readonly m: Messages = CATALOGS[terminalLang(process.argv.slice(2), process.env)];

  protected override summary(c: Command.Loadable): string | undefined {
    // oclif shows "keys generate" (the topic separator) where the catalog says "keys:generate".
    const id = c.id.replaceAll(' ', ':') as keyof Messages['help']['summary'];
    const said = this.m.help.summary[id] as string | undefined;
    return super.summary(said ? { ...c, summary: said } : c);
  }

  protected override formatTopics(topics: Interfaces.Topic[]): string {
    return super.formatTopics(topics.map((t) => this.described(t)));
  }

  protected override formatTopic(topic: Interfaces.Topic): string {
    return super.formatTopic(this.described(topic));
  }

  private described(topic: Interfaces.Topic): Interfaces.Topic {
    const name = topic.name as keyof Messages['help']['topic'];
    return { ...topic, description: (this.m.help.topic[name] as string | undefined) ?? topic.description };
  }
}
