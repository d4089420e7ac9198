import { describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';

// The rendered sweep table and insights report on the bundled example, reviewed like code:
// run with UPDATE_GOLDEN=1 after a deliberate change and read the diff.

const sweep = ['impact', '-q', '--base-dir', 'policies', '--sweep', 'spec.classes[id=mql].minScore=55..75:5'];

describe('golden outputs of impact --sweep and insights on the bundled example', () => {
  it.each([
    ['terminal', 'sweep/mql-threshold.terminal.txt'],
    ['markdown', 'sweep/mql-threshold.markdown.md'],
  ])(
    'impact --sweep, %s',
    async (format, golden) => {
      const run = await runRevops([...sweep, '--format', format]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/60 \\?\(head\\?\)|55/);
      expectGolden(golden, run.stdout);
    },
    120_000,
  );

  it.each([
    ['terminal', 'insights/example.terminal.txt'],
    ['markdown', 'insights/example.markdown.md'],
  ])(
    'insights, %s',
    async (format, golden) => {
      const run = await runRevops([
        'insights',
        '-q',
        '--policies',
        'policies',
        '--data',
        'examples/data',
        '--format',
        format,
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('mql');
      expectGolden(golden, run.stdout);
    },
    120_000,
  );
});
