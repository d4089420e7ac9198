import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/paths.js';

const dirs = ['.github/workflows', 'templates/policy-repo/.github/workflows'];
const workflows = dirs.flatMap((dir) =>
  readdirSync(join(repoRoot, dir))
    .filter((f) => f.endsWith('.yml'))
    .map((f) => `${dir}/${f}`),
);

interface Workflow {
  permissions?: unknown;
  jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>;
}

describe.each(workflows)('%s', (file) => {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  const workflow = parse(text) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it('sets permissions at the top level', () => {
    expect(workflow.permissions).toBeDefined();
  });

  it('pins every action by full commit SHA', () => {
    const unpinned = steps.filter((s) => s.uses !== undefined && !/@[0-9a-f]{40}$/.test(s.uses)).map((s) => s.uses);
    expect(unpinned).toEqual([]);
  });

  it('checks out without persisting credentials', () => {
    for (const step of steps.filter((s) => s.uses?.startsWith('actions/checkout@'))) {
      expect(step.with?.['persist-credentials']).toBe(false);
    }
  });

  it('never interpolates event data inside run:', () => {
    const unsafe = steps.filter((s) => s.run !== undefined && s.run.includes('${{')).map((s) => s.run);
    expect(unsafe).toEqual([]);
  });
});
