import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileIo } from '../../../src/cli/cli-io.js';
import { loadPipelineData } from '../../../src/core/data/load.js';
import type { LoadPipelineOptions } from '../../../src/core/data/load.js';
import { evaluatePipeline, prepareData } from '../../../src/core/engine/evaluate.js';
import { engineFields, selectFieldsRead } from '../../../src/core/engine/fields-read.js';
import { createBusinessCalendar } from '../../../src/core/logic/compile.js';
import { canonicalModel } from '../../../src/core/model/canonical.js';
import type { EntityName } from '../../../src/core/model/canonical.js';
import { loadPolicyDir } from '../../../src/core/policy/load.js';
import type { PolicySet } from '../../../src/core/policy/types.js';
import { repoRoot } from '../../helpers/paths.js';
import { leadDefinition, policySet } from './helpers.js';

const canonicalNames = [
  ...new Set((Object.keys(canonicalModel) as EntityName[]).flatMap((e) => Object.keys(canonicalModel[e]))),
];

/** Every TypeScript file under a source directory, with its text. */
function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: join(dir, f), text: readFileSync(join(repoRoot, dir, f), 'utf8') }));
}

describe('engineFields', () => {
  it('lists every canonical field the engine and the impact model name in their code', () => {
    const code = [...sources('src/core/engine'), ...sources('src/core/impact')].filter(
      (s) => !s.file.endsWith('fields-read.ts'),
    );
    const named = canonicalNames.filter((name) => {
      // A property access, a quoted name, or a name in a destructuring pattern or object literal.
      const pattern = new RegExp(`[.'"\`]${name}\\b|[{,]\\s*${name}\\s*[,}:]`);
      return code.some((s) => pattern.test(s.text));
    });
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((name) => !engineFields.has(name))).toEqual([]);
  });
});

describe('selectFieldsRead', () => {
  it('keeps the engine fields and every canonical field a policy names, in rules and settings', () => {
    const selection = selectFieldsRead([policySet(leadDefinition())]);
    const leads = selection.leads;
    expect(leads).toBeDefined();
    for (const name of ['is_competitor', 'employee_count', 'trial_signup', 'last_engaged_at', 'id', 'created_at'])
      expect(leads?.has(name), name).toBe(true);
    for (const name of ['email', 'company', 'title', 'annual_revenue']) expect(leads?.has(name), name).toBe(false);
  });

  it('keeps every field of the entities rules read when a rule computes the name it reads, or reads the whole row', () => {
    const computed = leadDefinition({
      exclusions: [{ id: 'x', when: { '==': [{ var: { cat: ['is_', 'student'] } }, true] } }],
    });
    const whole = leadDefinition({ exclusions: [{ id: 'x', when: { '!!': { var: '' } } }] });
    const someOf = leadDefinition({ exclusions: [{ id: 'x', when: { missing_some: [1, { var: 'fields' }] } }] });
    for (const definition of [computed, whole, someOf]) {
      const selection = selectFieldsRead([policySet(definition)]);
      expect(Object.keys(selection)).toEqual(['activities']);
    }
  });

  it('keeps of activities only the fields the engine reads, whatever the policies name', () => {
    const computed = leadDefinition({ exclusions: [{ id: 'x', when: { '==': [{ var: 'direction' }, 'inbound'] } }] });
    for (const definition of [leadDefinition(), computed]) {
      expect([...(selectFieldsRead([policySet(definition)]).activities ?? [])].sort()).toEqual([
        'actor_id',
        'at',
        // Campaign touches, for last-touch and linear attribution.
        'campaign',
        'lead_id',
        'opportunity_id',
        'outcome',
        'source',
        'type',
      ]);
    }
  });

  it('takes the names of every policy set given (the base and the head of a change)', () => {
    const base = policySet(leadDefinition());
    const head = policySet(
      leadDefinition({ exclusions: [{ id: 'x', when: { '==': [{ var: 'company.size' }, 'tiny'] } }] }),
    );
    expect(selectFieldsRead([base]).leads?.has('company')).toBe(false);
    expect(selectFieldsRead([base, head]).leads?.has('company')).toBe(true);
  });
});

describe('evaluating with only the fields read', () => {
  async function reportOf(set: PolicySet, dataDir: string, options: LoadPipelineOptions): Promise<string> {
    const data = await loadPipelineData(join(repoRoot, dataDir), nodeFileIo, options);
    const report = evaluatePipeline(set, prepareData(data), {
      calendars: new Map(set.Calendar.map((c) => [c.metadata.name, createBusinessCalendar(c.spec, c.metadata.name)])),
      stamp: { engineVersion: 'test', policyHash: '', dataHash: '' },
    });
    return JSON.stringify(report);
  }

  it('gives the same report as with every field, on the example policies and data', async () => {
    const { set } = await loadPolicyDir(join(repoRoot, 'policies'), nodeFileIo);
    const keep = selectFieldsRead([set]);
    const dropped = Object.keys(canonicalModel.leads).filter((field) => keep.leads?.has(field) === false);
    expect(dropped).toEqual(expect.arrayContaining(['company', 'title', 'annual_revenue']));
    expect(keep.activities?.has('direction')).toBe(false);
    // Engine fields of other entities are not kept in opportunities (an opportunity's name is not read).
    expect(keep.opportunities?.has('name')).toBe(false);
    expect(keep.users?.has('name')).toBe(true);
    const all = await reportOf(set, 'examples/data', {});
    expect(await reportOf(set, 'examples/data', { keep })).toBe(all);
  });

  it('gives the same report on the Maven CRM export read through its mapping', async () => {
    const { set } = await loadPolicyDir(join(repoRoot, 'test/fixtures/maven/policies'), nodeFileIo);
    const mapping = set.FieldMapping[0];
    expect(mapping).toBeDefined();
    const keep = selectFieldsRead([set]);
    const base = { mapping: mapping! };
    const all = await reportOf(set, 'test/fixtures/maven/export', base);
    expect(await reportOf(set, 'test/fixtures/maven/export', { ...base, keep })).toBe(all);
  });
});

describe('selectFieldsRead on lists', () => {
  it('reads field names from rule paths and single settings, not from lists of values', () => {
    const definition = leadDefinition({
      exclusions: [
        { id: 'listed', when: { in: [{ var: 'source' }, ['email', 'company']] } },
        { id: 'absent', when: { missing: ['title', 'country'] } },
        { id: 'some', when: { missing_some: [1, ['department', 'region']] } },
        { id: 'default', when: { var: ['campaign', 'company_domain'] } },
      ],
    });
    const leads = selectFieldsRead([policySet(definition)]).leads;
    for (const name of ['source', 'title', 'country', 'department', 'region', 'campaign'])
      expect(leads?.has(name), name).toBe(true);
    for (const name of ['email', 'company', 'company_domain']) expect(leads?.has(name), name).toBe(false);
  });
});
