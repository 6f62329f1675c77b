import { describe, expect, it } from 'vitest';
import { exitkit } from '../helpers/cli.js';
import { englishIn, frenchIn } from '../helpers/language.js';

// An unknown command is bad usage: exit 2 (not oclif's 127), the nearest command as a hint.
describe('exitkit with a command that does not exist', () => {
  it('names the nearest command, in English, and exits 2', async () => {
    const r = await exitkit(['verfy', 'handover/acme.manifest.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: no command verfy\nhint: did you mean verify?\n');
    expect(frenchIn(r.stderr)).toEqual([]);
  });

  it('names the nearest command in French on a French terminal', async () => {
    const r = await exitkit(['verfy'], { env: { LANG: 'fr_CH.UTF-8' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('erreur : commande inconnue : verfy\nconseil : vouliez-vous dire verify ?\n');
    expect(englishIn(r.stderr)).toEqual([]);
    const flag = await exitkit(['walkk', '--lang', 'fr']);
    expect(flag.stderr).toContain('conseil : vouliez-vous dire walk ?');
  });

  it('finds the nearest command under a topic, and points to --help when none is near', async () => {
    const near = await exitkit(['keys', 'generat', '--name', 'X']);
    expect(near.code).toBe(2);
    expect(near.stderr).toContain('hint: did you mean keys generate?');
    const far = await exitkit(['frobnicate']);
    expect(far.code).toBe(2);
    expect(far.stderr).toBe(
      'error: no command frobnicate\nhint: `exitkit --help` shows the usage and examples\n',
    );
  });

  it('says it as a usage error object under --json, in English whatever the terminal', async () => {
    const r = await exitkit(['verfy', '--json'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'usage', message: 'no command verfy', hints: ['did you mean verify?'], exit: 2 },
    });
  });
});
