/**
 * Issue 7, "Bad input": every malformed plan of the corpus (test/fixtures/bad-plans/) exits 2,
 * names the right file:line:column, says what to do, prints nothing on stdout and no stack trace.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, exitkit, tempDir } from '../helpers/cli.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'bad-plans');
const HAS_WALK = existsSync(path.join(path.dirname(BIN), '..', 'dist', 'commands', 'walk.js'));

/** [fixture, line:column of the right place, what the message says, what the hint says] */
const CASES: Array<[string, string, RegExp, RegExp]> = [
  ['empty.yaml', '1:1', /the plan is empty/, /exitkit init/],
  ['whitespace-only.yaml', '1:1', /the plan is empty/, /exitkit init/],
  ['comments-only.yaml', '1:1', /the plan is empty/, /exitkit init/],
  ['binary.yaml', '1:4', /binary, not YAML/, /text YAML file/],
  ['utf16.yaml', '1:1', /UTF-16/, /save it again as UTF-8/],
  ['invalid-utf8.yaml', '11:41', /not valid UTF-8 \(byte 0xe9/, /save the plan as UTF-8/],
  ['syntax-error.yaml', '10:12', /this quote is never closed/, /close the quote/],
  ['bad-indent.yaml', '13:1', /YAML syntax/, /start it with '- ', or align it/],
  ['tab-indent.yaml', '10:1', /Tabs are not allowed/, /indent with spaces/],
  ['multiple-documents.yaml', '13:1', /more than one YAML document/, /remove the '---' line/],
  ['top-level-list.yaml', '1:1', /must be a mapping of keys .* not a list/, /exitkit init/],
  ['top-level-scalar.yaml', '1:1', /must be a mapping of keys .* not a single value/, /exitkit init/],
  ['id-number.yaml', '9:9', /deliverables\[0\]\.id is the number 42: it must be text/, /quote it: id: "42"/],
  [
    'deliverables-mapping.yaml',
    '9:3',
    /deliverables is a mapping: it must be a list/,
    /write deliverables as a list/,
  ],
  [
    'required-yes.yaml',
    '13:15',
    /required is "yes": it must be true or false/,
    /required: true or required: false/,
  ],
  [
    'unknown-category.yaml',
    '10:15',
    /category is "passwords": it must be one of backups, credentials/,
    /did you mean credentials/,
  ],
  ['unknown-key.yaml', '13:5', /unknown key "stauts" in deliverables\[0\]/, /did you mean "status"/],
  ['date-feb-30.yaml', '13:10', /2026-02-30 is not a date that exists/, /real calendar date/],
  ['date-month-13.yaml', '4:35', /2026-13-01 is not a date that exists/, /real calendar date/],
  [
    'dates-out-of-order.yaml',
    '7:43',
    /reversibility phase ends \(2026-10-01\) before it starts/,
    /correct the two dates/,
  ],
  ['waiver-no-reason.yaml', '14:5', /waiver of "fs01-backup" has no reason/, /waiver\.reason/],
  ['waived-no-waiver.yaml', '13:13', /"fs01-backup" is waived without a waiver/, /add waiver: \{reason/],
  ['waiver-no-approver.yaml', '14:5', /does not say who approved it/, /approved_by/],
  [
    'source-dotdot.yaml',
    '12:15',
    /"exports\/\.\.\/\.\.\/secrets\/fs01\.vbk" points outside/,
    /allow_external_sources/,
  ],
  ['source-absolute.yaml', '12:15', /"\/etc\/shadow" points outside/, /move the files under the plan folder/],
  ['source-home.yaml', '12:15', /"~\/\.ssh\/id_ed25519" points outside/, /allow_external_sources/],
  ['source-brace.yaml', '12:15', /\.\.\/\.\.\/etc\/passwd\}" points outside/, /allow_external_sources/],
  ['version-2.yaml', '1:10', /version 2 is not a plan version this exitkit reads/, /write version: 1/],
  ['duplicate-ids.yaml', '13:9', /deliverable id "fs01-backup" is used twice/, /its own id/],
  ['duplicate-keys.yaml', '13:5', /the key "title" appears twice/, /remove or rename one/],
  ['missing-parties.yaml', '1:1', /the plan lacks "parties"/, /add parties:/],
  ['missing-outgoing.yaml', '5:1', /parties lacks "outgoing"/, /add outgoing: under parties/],
  [
    'key-not-a-key.yaml',
    '6:32',
    /client key file keys\/not-a-key\.asc is not an armored OpenPGP public key/,
    /gpg --export --armor/,
  ],
  [
    'key-missing.yaml',
    '7:35',
    /outgoing key file keys\/infogest\.pub\.asc does not exist/,
    /relative to the plan's folder/,
  ],
  [
    'fee-neither.yaml',
    '17:7',
    /fee "Reversibility fee" needs either amount, or quantity and unit_price/,
    /\{label, amount\}/,
  ],
  ['amount-negative.yaml', '18:15', /amount is -4500: an amount cannot be negative/, /without a minus sign/],
  ['amount-comma.yaml', '18:15', /amount is "4,500": an amount has no thousands separator/, /write 4500/],
  ['billion-laughs.yaml', '14:8', /aliases expand beyond 100 copies/, /write the values out/],
  ['alias-undefined.yaml', '13:13', /alias without an anchor/, /define the anchor/],
  ['unknown-tag.yaml', '13:13', /unknown YAML tag !!js\/function/, /remove the tag/],
  ['deep-nesting.yaml', '13:86', /nests more than 64 levels deep/, /runaway brackets/],
];

function expectRefusal(
  r: { code: number | null; stdout: string; stderr: string },
  where: string,
  what: RegExp,
  hint: RegExp,
) {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  // The problem line names the place, and the hint line under it says what to do.
  const lines = r.stderr.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`${where}:`) && what.test(l));
  expect(at, `no line "${where}: ${what.source}" in:\n${r.stderr}`).toBeGreaterThanOrEqual(0);
  expect(lines[at + 1]).toMatch(/^\s*hint: /);
  expect(lines[at + 1]).toMatch(hint);
  expect(r.stderr).toMatch(/^error: /m);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('exitkit validate on the corpus of malformed plans', () => {
  it.concurrent.each(CASES)('%s: exit 2 at %s, with a hint', async (file, pos, what, hint) => {
    const r = await exitkit(['validate', file], { cwd: FIXTURES });
    expectRefusal(r, `${file}:${pos}`, what, hint);
  });

  it('accepts a valid plan written with CRLF line ends', async () => {
    const r = await exitkit(['validate', 'crlf-valid.yaml'], { cwd: FIXTURES });
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('valid plan "acme-exit", 1 deliverable');
  });

  it('refuses a huge file at the place it goes past the limit, without reading it whole', async () => {
    const dir = await tempDir();
    const head = await readFile(path.join(FIXTURES, 'crlf-valid.yaml'), 'utf8');
    const line = `# ${'x'.repeat(1022)}\n`;
    const text = head + line.repeat(5 * 1024);
    await writeFile(path.join(dir, 'huge.yaml'), text);
    // The place is the first byte past 4 MiB (the text is ASCII: one byte a character).
    const before = text.slice(0, 4 * 1024 * 1024).split('\n');
    const r = await exitkit(['validate', 'huge.yaml'], { cwd: dir });
    expectRefusal(
      r,
      `huge.yaml:${before.length}:${before.at(-1)!.length + 1}`,
      /goes on past 4 MiB/,
      /named the plan, not an export/,
    );
  });

  it('refuses a plan made of random bytes with a NUL, at the first NUL', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'noise.yaml'),
      Buffer.from([0x76, 0x65, 0x72, 0x0a, 0x41, 0x00, 0xff, 0x00]),
    );
    const r = await exitkit(['validate', 'noise.yaml'], { cwd: dir });
    expectRefusal(r, 'noise.yaml:2:2', /binary, not YAML/, /text YAML file/);
  });

  it('says which file is missing, or is a folder', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'plan.yaml'));
    let r = await exitkit(['validate', 'nowhere.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^error: cannot read the plan nowhere\.yaml: no such file\nhint: .*exitkit init/m,
    );
    r = await exitkit(['validate', 'plan.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: the plan plan\.yaml is not a file\nhint: /m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('answers bad usage (missing argument, unknown flag) with error and hint lines, exit 2', async () => {
    for (const args of [['validate'], ['validate', 'plan.yaml', '--bogus'], ['keys', 'show']]) {
      const r = await exitkit(args, { cwd: FIXTURES });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: (missing 1 required arg: \S+ \(.+\)|nonexistent flag: --bogus)$/m);
      expect(r.stderr).toContain(`hint: \`exitkit ${args[0] === 'keys' ? 'keys show' : 'validate'} --help\``);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('under --json, prints the problems with their places on stdout and still exits 2', async () => {
    const r = await exitkit(['validate', 'unknown-key.yaml', '--json'], { cwd: FIXTURES });
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as {
      error: {
        exit: number;
        problems: Array<{ message: string; hint: string; location: { line: number; column: number } }>;
      };
    };
    expect(out.error.exit).toBe(2);
    expect(out.error.problems[0]).toMatchObject({
      message: 'unknown key "stauts" in deliverables[0]',
      hint: 'did you mean "status"?',
      location: { file: 'unknown-key.yaml', line: 13, column: 5 },
    });
  });

  it('lists every problem of a plan, in the order of the file', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'p.yaml'), 'version: 1\nid: Acme Exit\ncontract: {reference: R}\n');
    const r = await exitkit(['validate', 'p.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    const places = [...r.stderr.matchAll(/^p\.yaml:(\d+):(\d+): (.*)$/gm)].map(
      (m) => `${m[1]}:${m[2]} ${m[3]}`,
    );
    expect(places).toEqual([
      '1:1 the plan lacks "title"',
      '1:1 the plan lacks "parties"',
      '1:1 the plan lacks "deliverables"',
      '2:5 id is "Acme Exit": it must use lowercase letters, digits and \'-\'',
      '3:1 contract lacks "end"',
    ]);
  });
});

// walk reads the plan without checking key files (it looks at the sources), so keys are validate's.
describe.skipIf(!HAS_WALK)('exitkit walk --no-input on malformed plans', () => {
  it.each(
    CASES.filter(([f]) =>
      [
        'empty.yaml',
        'binary.yaml',
        'unknown-key.yaml',
        'source-dotdot.yaml',
        'billion-laughs.yaml',
        'date-feb-30.yaml',
        'waived-no-waiver.yaml',
      ].includes(f),
    ),
  )('%s: exit 2 at %s, with a hint', async (file, pos, what, hint) => {
    const r = await exitkit(['walk', file, '--no-input'], { cwd: FIXTURES });
    expectRefusal(r, `${file}:${pos}`, what, hint);
  });
});
