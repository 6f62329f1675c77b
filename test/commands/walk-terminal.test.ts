import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitkit, tempDir } from '../helpers/cli.js';
import { hasScript, onTerminal } from '../helpers/faults.js';

// A real plan's interactive walk: 60 deliverables, 45 whose files check out, 15 missing (every
// fourth). One category after the other in plan order, so the walk asks in plan order.
const COUNT = 60;
const ids = Array.from({ length: COUNT }, (_, i) => `d${String(i + 1).padStart(2, '0')}`);
const missing = (id: string) => Number(id.slice(1)) % 4 === 0;
const checksOut = ids.filter((id) => !missing(id));

async function sixtyDeliverables(): Promise<{ dir: string; plan: string; before: string }> {
  const dir = await tempDir();
  const lines = [
    '# yaml-language-server: $schema=./exit-plan.schema.json',
    '# Sixty deliverables: this comment must survive',
    'version: 1',
    'id: big-exit-2026',
    'title: Reversibility of a real estate',
    'contract: {reference: INF-2021-099, end: 2026-12-31}',
    'parties:',
    '  client: {name: ACME SA}',
    '  outgoing: {name: InfoGest Sàrl}',
    'deliverables:',
  ];
  await mkdir(path.join(dir, 'exports'));
  for (const [i, id] of ids.entries()) {
    const category = i < 30 ? 'configurations' : 'documentation';
    lines.push(
      `  - id: ${id} # item ${i + 1}`,
      `    category: ${category}`,
      `    title: ${category === 'configurations' ? 'Switch' : 'Runbook'} ${i + 1}`,
      `    sources: [exports/${id}.txt]`,
      '    status: pending',
    );
    if (!missing(id)) await writeFile(path.join(dir, 'exports', `${id}.txt`), `${id} export\n`);
  }
  const before = `${lines.join('\n')}\n`;
  const plan = path.join(dir, 'plan.yaml');
  await writeFile(plan, before);
  return { dir, plan, before };
}

/** The question for a deliverable: `k/60 family / id: title [...]` (French: `id :`). */
const question = (id: string) => new RegExp(`${ids.indexOf(id) + 1}/${COUNT} [a-z]+ / ${id} ?: `);

const ENTER = '\r';
const UP = '\u001b[A';

async function statuses(dir: string): Promise<Record<string, string>> {
  const r = await exitkit(['walk', 'plan.yaml', '--json'], { cwd: dir });
  const result = JSON.parse(r.stdout) as { deliverables: Array<{ id: string; status: string }> };
  return Object.fromEntries(result.deliverables.map((d) => [d.id, d.status]));
}

/** What a walk leaves beside the plan: the plan and its exports, no temporary file. */
async function besideThePlan(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

describe('exitkit walk on a terminal, with 60 deliverables', () => {
  it.skipIf(!hasScript)(
    'marks every deliverable that checks out ready with one answer, then asks only about the others',
    async () => {
      const { dir, plan } = await sixtyDeliverables();
      const r = await onTerminal(
        ['walk', 'plan.yaml'],
        [
          // The first question: up from "mark it ready" wraps to the last choice, "... every other one".
          [question('d01'), UP],
          [/mark it ready, and every other one whose files check out \(45\)/, ENTER],
          ...ids.filter(missing).map((id): [RegExp, string] => [question(id), ENTER]), // leave it
        ],
        { cwd: dir },
      );
      expect(r.unanswered).toBe(0);
      expect(r.code).toBe(1); // the 15 missing ones are still not ready
      // On a terminal, the report does not send the user to the terminal it is on.
      expect(r.screen).not.toContain('on a terminal');
      expect(r.screen).toContain('next: answer the questions below');
      // Not one question about a deliverable that the one answer settled.
      for (const id of checksOut.slice(1)) expect(r.screen).not.toMatch(question(id));
      expect(r.screen).toContain(`plan.yaml: wrote the status of ${checksOut.join(', ')}`);
      const text = await readFile(plan, 'utf8');
      expect(text).toContain('# Sixty deliverables: this comment must survive');
      expect(text).toContain('  - id: d45 # item 45');
      expect(await statuses(dir)).toEqual(
        Object.fromEntries(ids.map((id) => [id, missing(id) ? 'pending' : 'ready'])),
      );
      expect(await besideThePlan(dir)).toEqual(['exports', 'plan.yaml']);
    },
  );

  it.skipIf(!hasScript)(
    'keeps the answers given when Ctrl-C comes after ten of them: written whole into the plan, said, exit 2',
    async () => {
      const { dir, plan, before } = await sixtyDeliverables();
      // Ten answers: "mark it ready" for the ones that check out, "leave it" for the missing ones.
      const answered = ids.slice(0, 10);
      const r = await onTerminal(
        ['walk', 'plan.yaml'],
        [...answered.map((id): [RegExp, string] => [question(id), ENTER]), [question(ids[10]!), '\u0003']],
        { cwd: dir },
      );
      expect(r.unanswered).toBe(0);
      expect(r.code).toBe(2);
      const ready = answered.filter((id) => !missing(id));
      expect(r.screen).toContain(
        `error: interrupted: the answers given were saved (plan.yaml: wrote the status of ${ready.join(', ')})`,
      );
      expect(r.screen).toContain('hint: run `exitkit walk` again to answer the other questions');
      const text = await readFile(plan, 'utf8');
      // The plan is the one before, with exactly those statuses changed (comments, order kept).
      let expected = before;
      for (const id of ready)
        expected = expected.replace(
          new RegExp(`(  - id: ${id} #[^\\n]*\\n(?:    [^\\n]*\\n){3})    status: pending`),
          '$1    status: ready',
        );
      expect(text).toBe(expected);
      expect(await besideThePlan(dir)).toEqual(['exports', 'plan.yaml']);
      expect((await exitkit(['validate', 'plan.yaml'], { cwd: dir })).code).toBe(0);
      // The next walk asks only what is left.
      expect(Object.values(await statuses(dir)).filter((s) => s === 'ready')).toHaveLength(ready.length);
    },
  );

  it.skipIf(!hasScript)(
    'keeps the answers given when a SIGINT reaches the process while a question is open (exit 2)',
    async () => {
      const { dir } = await sixtyDeliverables();
      const r = await onTerminal(
        ['walk', 'plan.yaml', '--lang', 'fr'],
        [
          [question('d01'), ENTER],
          [question('d02'), ENTER],
          [
            question('d03'),
            (scriptPid) => {
              const pid = Number(
                execFileSync('pgrep', ['-P', String(scriptPid)])
                  .toString()
                  .trim(),
              );
              process.kill(pid, 'SIGINT');
            },
          ],
        ],
        { cwd: dir },
      );
      expect(r.unanswered).toBe(0);
      expect(r.code).toBe(2);
      expect(r.screen).toContain(
        'erreur : interrompu : les réponses données ont été enregistrées (plan.yaml : statut écrit pour d01, d02)',
      );
      const now = await statuses(dir);
      expect([now.d01, now.d02, now.d03]).toEqual(['ready', 'ready', 'pending']);
      expect(await besideThePlan(dir)).toEqual(['exports', 'plan.yaml']);
    },
  );

  it.skipIf(!hasScript)('Ctrl-C at the first question writes nothing (exit 2)', async () => {
    const { dir, plan, before } = await sixtyDeliverables();
    const r = await onTerminal(['walk', 'plan.yaml'], [[question('d01'), '\u0003']], { cwd: dir });
    expect(r.unanswered).toBe(0);
    expect(r.code).toBe(2);
    expect(r.screen).toMatch(/error: interrupted: nothing was written/);
    expect(await readFile(plan, 'utf8')).toBe(before);
  });
});

describe('exitkit walk off a terminal, with 60 deliverables', () => {
  it('still tells where to mark them ready, since it does not ask', async () => {
    const { dir, before, plan } = await sixtyDeliverables();
    const r = await exitkit(['walk', 'plan.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'hint: mark it ready (`exitkit walk` on a terminal), or set status: ready in the plan',
    );
    expect(r.stdout).toContain('mark each deliverable ready (`exitkit walk` on a terminal) or waive it');
    expect(r.stdout).not.toContain('answer the questions below');
    expect(await readFile(plan, 'utf8')).toBe(before);
  });
});
