import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderDocument, writeAtomically } from '../../src/io/render.js';

async function render(
  source: string,
  data: object,
  format: 'md' | 'html',
  language: 'fr' | 'en' = 'fr',
  currency = 'CHF',
) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'exitkit-render-'));
  const template = path.join(dir, `t.${format}.hbs`);
  await writeFile(template, source);
  return renderDocument(data, { kind: 'checklist', language, format, currency, template });
}

describe('render helpers', () => {
  it('write money, percentages, dates and sizes for the language and currency', async () => {
    const tpl = '{{money a}}|{{money a "EUR"}}|{{percent p}}|{{when d}}|{{when t}}|{{filesize n}}|{{fpr f}}';
    const data = {
      a: '21924.5',
      p: '8.1',
      d: '2026-10-01',
      t: '2026-12-09T16:05:00Z',
      n: 1536,
      f: 'abcd1234ef',
    };
    expect(await render(tpl, data, 'html', 'fr')).toBe(
      'CHF\u00a021\u202f924.50|21\u202f924,50\u00a0€|8,1\u00a0%|1er octobre 2026|9 décembre 2026, 16 h 05 UTC|1,5\u00a0Ko|ABCD 1234 EF',
    );
    expect(await render(tpl, data, 'html', 'en')).toBe(
      'CHF\u00a021,924.50|EUR\u00a021,924.50|8.1%|1 October 2026|9 December 2026, 16:05 UTC|1.5\u00a0KB|ABCD 1234 EF',
    );
  });

  it('keeps code spans readable: <code> in HTML (escaped), unescaped backticks in Markdown', async () => {
    const data = { s: 'run `exitkit verify a_b.json > v.json` now <b>' };
    expect(await render('{{rich s}}', data, 'html')).toBe(
      'run <code>exitkit verify a_b.json &gt; v.json</code> now &lt;b&gt;',
    );
    expect(await render('{{rich s}}\n', data, 'md')).toBe(
      'run `exitkit verify a_b.json > v.json` now \\<b\\>\n',
    );
  });

  it('escapes Markdown so that data cannot make a table cell, a heading or a list', () => {
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('# title')).toBe('\\# title');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
    expect(escapeMarkdown('[x](http://e)')).toBe('\\[x\\](http://e)');
  });

  it('writes a file atomically, leaving no temporary file beside it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'exitkit-render-'));
    const file = path.join(dir, 'out.md');
    await writeAtomically(file, 'hello\n');
    expect(await readFile(file, 'utf8')).toBe('hello\n');
    expect(await readdir(dir)).toEqual(['out.md']);
    await expect(writeAtomically(path.join(dir, 'no/such/dir/x.md'), 'x')).rejects.toThrow(/cannot write/);
  });
});
