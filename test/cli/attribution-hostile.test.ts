import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/paths.js';

/** Sources and campaigns come from the data: every attribution table and note shows them inert. */
const hostile = '@octocat <img src=x> [pwn](https://evil) #123 | \u001b]0;title\u0007 \u202e';

describe('attribution with hostile source and campaign names', () => {
  const tempDir = useTempDirs();
  /** The data, written for each test (temporary directories go after each). */
  const writeData = (): string => {
    const data = join(tempDir(), 'data');
    mkdirSync(data);
    const cell = `"${hostile}"`;
    writeFileSync(join(data, 'leads.csv'), `id,created_at,source,campaign\nL1,2018-01-02T00:00:00Z,${cell},${cell}\n`);
    writeFileSync(
      join(data, 'opportunities.csv'),
      `id,lead_id,amount,currency,created_at,closed_at,won\nO1,L1,100.00,BRL,2018-01-20T00:00:00Z,2018-02-01T00:00:00Z,true\n`,
    );
    writeFileSync(
      join(data, 'activities.csv'),
      `id,lead_id,type,at,campaign,source\nA1,L1,form,2018-01-10T00:00:00Z,${cell},${cell}\n`,
    );
    return data;
  };

  const evaluate = (format: string) =>
    runRevops([
      'evaluate',
      '-q',
      '--policies',
      'test/fixtures/olist-shape/policies',
      '--data',
      writeData(),
      '--as-of',
      '2018-03-01T00:00:00Z',
      '--format',
      format,
    ]);

  it('keeps them inert in markdown', async () => {
    const run = await evaluate('markdown');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('linear attribution by campaign');
    expect(run.stdout).toContain('octocat');
    expect(run.stdout).not.toMatch(/@octocat|#123|<img|\[pwn\]\(/);
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    // Every attribution row keeps its five cells: the pipe in the name is escaped.
    for (const row of run.stdout.split('\n').filter((l) => l.startsWith('|') && l.includes('octocat')))
      expect(row.split(/(?<!\\)\|/).length).toBe(7);
  });

  it('keeps them inert in the terminal', async () => {
    const run = await evaluate('terminal');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('octocat');
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
});
