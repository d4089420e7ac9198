import { describe, expect, it } from 'vitest';
import { nodeFileIo } from '../../../src/cli/cli-io.js';
import { FUTURE_TOLERANCE_MS } from '../../../src/core/data/clock.js';
import { loadPipelineData } from '../../../src/core/data/load.js';
import { findNeededEntities } from '../../../src/core/data/needed-entities.js';
import type { DirEntry, FileIo } from '../../../src/core/io.js';
import { loadPolicyDir } from '../../../src/core/policy/load.js';
import { examplePolicies } from '../../helpers/paths.js';
import { expectBalanced, memoryIo, summarise } from './helpers.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const lead = (id: string, at: string) => `${id},${at}`;

/** `memoryIo` whose directory listing says some names are links, directories or FIFOs. */
function withEntries(io: FileIo, kinds: Record<string, 'symlink' | 'directory' | 'fifo'>): FileIo {
  return {
    ...io,
    async readDir(dir): Promise<DirEntry[]> {
      const entries = await io.readDir(dir);
      for (const [name, kind] of Object.entries(kinds)) {
        entries.push({ name, isFile: false, isDirectory: kind === 'directory', isSymbolicLink: kind === 'symlink' });
      }
      return entries;
    },
  };
}

describe('entity files that are not regular files', () => {
  it.each([
    ['symlink', 'a symbolic link'],
    ['directory', 'a directory'],
    ['fifo', 'not a regular file (a FIFO, socket or device)'],
  ] as const)('fails a %s leads.csv with the reason and lists it as missing', async (kind, what) => {
    const io = withEntries(memoryIo({ 'users.csv': 'id,role\nU1,ae\n' }), { 'leads.csv': kind });
    const data = await loadPipelineData('mem', io, { needs: new Map([['leads', 'test']]) });
    expect(data.files.find((f) => f.entity === 'leads')).toMatchObject({
      file: 'mem/leads.csv',
      status: 'failed',
      rowsRead: 0,
    });
    expect(summarise(data.issues)).toEqual([{ file: 'leads.csv', code: 'data.not-a-file', line: 0, column: 0 }]);
    expect(data.missing).toEqual([
      { entity: 'leads', file: 'mem/leads.csv', reason: `leads.csv is ${what}; only regular files are read as data.` },
    ]);
    expect(data.absent).not.toContain('leads');
  });

  it('takes a symlink the file system reports as a file for what it is (the link is checked first)', async () => {
    const io = memoryIo({ 'leads.csv': 'id,created_at\nL1,2026-01-01T00:00:00Z\n' });
    const linked: FileIo = {
      ...io,
      readDir: async (dir) => (await io.readDir(dir)).map((e) => ({ ...e, isSymbolicLink: true })),
    };
    const data = await loadPipelineData('mem', linked);
    expect(data.leads).toEqual([]);
    expect(data.issues.map((i) => i.code)).toEqual(['data.not-a-file']);
  });

  it('fails a file the mapping names when it is absent, suggesting the near name', async () => {
    const { set } = await loadPolicyDir(examplePolicies, nodeFileIo);
    const hubspot = set.FieldMapping.find((m) => m.metadata.name === 'hubspot')!;
    const data = await loadPipelineData('mem', memoryIo({ 'contact.csv': 'x\n1\n' }), { mapping: hubspot });
    const absent = data.issues.find((i) => i.file === 'mem/contacts.csv');
    expect(absent).toMatchObject({
      code: 'data.file-absent',
      message: 'The mapping reads leads from contacts.csv, which is not in mem. Did you mean `contact.csv`?',
    });
    expect(data.missing?.map((m) => m.file)).toContain('mem/contacts.csv');
  });
});

describe('a file whose header fails', () => {
  it('counts every row as read and rejected, without an issue per row', async () => {
    const text = `id,created_at,__proto__\n${lead('L1', '2026-01-01T00:00:00Z')},x\n${lead('L2', '2026-01-02T00:00:00Z')},x\nragged\n`;
    const data = await loadPipelineData('mem', memoryIo({ 'leads.csv': text }));
    expectBalanced(data);
    expect(data.files[0]).toMatchObject({
      status: 'failed',
      rowsRead: 3,
      rowsEvaluated: 0,
      rowsRejected: 3,
      issueCount: 1,
      fields: [],
    });
    expect(data.missing?.[0]?.reason).toBe(
      'Column name `__proto__` is not allowed: every JavaScript object has a `__proto__`, so the column could be mistaken for it. The file is not read. (3 rows lost)',
    );
  });
});

describe('rows dated after the run’s clock', () => {
  const past = '2026-05-01T00:00:00Z';
  const future = '2027-01-01T00:00:00Z';
  const csv = (cells: string) => `id,created_at,source\n${lead('L1', past)},web\n${cells}\n${lead('L3', past)},web\n`;

  it.each([
    ['a plain CSV row (read in place)', csv(`${lead('L2', future)},web`), 3],
    ['a CSV row the general builder reads (quoted)', csv(`${lead('L2', future)},"web, paid"`), 3],
  ])('rejects %s, located, and keeps it out of the latest timestamp', async (_name, text, line) => {
    const data = await loadPipelineData('mem', memoryIo({ 'leads.csv': text }), { now: NOW });
    expectBalanced(data);
    expect(data.files[0]).toMatchObject({ rowsRead: 3, rowsEvaluated: 2, rowsRejected: 1 });
    expect(summarise(data.issues)).toEqual([
      {
        file: 'leads.csv',
        code: 'data.future-date',
        line,
        column: 2,
        columnName: 'created_at',
        field: 'created_at',
        raw: future,
      },
    ]);
    expect(data.latestTimestamps?.leads).toBe(Date.parse(past));
  });

  it('rejects a JSON record, and activities read as columns', async () => {
    const ndjson = `{"id":"L1","created_at":"${past}"}\n{"id":"L2","created_at":"${future}"}\n`;
    const activities = `id,at,type\nA1,${past},email\nA2,${future},email\n`;
    const data = await loadPipelineData('mem', memoryIo({ 'leads.ndjson': ndjson, 'activities.csv': activities }), {
      now: NOW,
    });
    expect(data.issues.map((i) => [i.entity, i.code, i.line])).toEqual([
      ['leads', 'data.future-date', 2],
      ['activities', 'data.future-date', 3],
    ]);
    expect(data.activities.length).toBe(1);
    expect(data.latestTimestamps).toEqual({ leads: Date.parse(past), activities: Date.parse(past) });
  });

  it('takes a row within the tolerance, and checks nothing without a clock', async () => {
    const edge = new Date(NOW + FUTURE_TOLERANCE_MS).toISOString();
    const text = `id,created_at\n${lead('L1', edge)}\n${lead('L2', future)}\n`;
    const checked = await loadPipelineData('mem', memoryIo({ 'leads.csv': text }), { now: NOW });
    expect(checked.leads.map((r) => r.id)).toEqual(['L1']);
    const unchecked = await loadPipelineData('mem', memoryIo({ 'leads.csv': text }));
    expect(unchecked.leads.map((r) => r.id)).toEqual(['L1', 'L2']);
  });
});

describe('duplicate ids', () => {
  it('keeps the first row of an id and rejects the others, naming the first line (CSV)', async () => {
    const text = `id,created_at\nL1,2026-01-01T00:00:00Z\nL2,2026-01-01T00:00:00Z\nL1,2026-02-01T00:00:00Z\n`;
    const data = await loadPipelineData('mem', memoryIo({ 'leads.csv': text }));
    expectBalanced(data);
    expect(data.leads.map((r) => [r.id, r.created_at])).toEqual([
      ['L1', Date.parse('2026-01-01T00:00:00Z')],
      ['L2', Date.parse('2026-01-01T00:00:00Z')],
    ]);
    expect(summarise(data.issues)).toEqual([
      { file: 'leads.csv', code: 'data.duplicate-id', line: 4, column: 1, columnName: 'id', field: 'id', raw: 'L1' },
    ]);
    expect(data.issues[0]!.message).toBe(
      '`id`: the row on line 2 has the same id; this row is left out and the first one kept.',
    );
    // The rejected row's later date does not count.
    expect(data.latestTimestamps?.leads).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });

  it('does the same for JSON records, with the record number', async () => {
    const json = JSON.stringify([
      { id: 'O1', created_at: '2026-01-01T00:00:00Z', closed_at: '2026-01-02T00:00:00Z', amount: '100', won: true },
      { id: 'O1', created_at: '2026-01-01T00:00:00Z', closed_at: '2026-01-02T00:00:00Z', amount: '100', won: true },
    ]);
    const data = await loadPipelineData('mem', memoryIo({ 'opportunities.json': json }));
    expect(data.opportunities).toHaveLength(1);
    expect(data.issues.map((i) => [i.code, i.record])).toEqual([['data.duplicate-id', 2]]);
  });
});

describe('the entities the policies need', () => {
  it('are, for the bundled policies, leads, opportunities, activities and users, each with why', async () => {
    const { set } = await loadPolicyDir(examplePolicies, nodeFileIo);
    const needed = findNeededEntities([set]);
    expect([...needed.keys()].sort()).toEqual(['activities', 'leads', 'opportunities', 'users']);
    expect(needed.get('activities')).toBe('SLA speed-to-lead is timed by the activity event first_touch');
  });

  it('leave out leads when only a goal counts deals', async () => {
    const { set } = await loadPolicyDir(examplePolicies, nodeFileIo);
    const goalOnly = { ...set, LeadDefinition: [], Funnel: [], HandoffSla: [], CompPlan: [] };
    expect([...findNeededEntities([goalOnly]).keys()]).toEqual(['opportunities']);
  });

  it('make a needed entity without a file missing, with the file likely meant', async () => {
    const data = await loadPipelineData('mem', memoryIo({ 'lead.csv': 'id\n', 'users.csv': 'id,role\nU1,ae\n' }), {
      needs: new Map([['leads', 'the test needs them']]),
    });
    expect(data.missing).toEqual([
      {
        entity: 'leads',
        file: null,
        reason:
          'There is no leads file in mem, and the test needs them. Did you mean `lead.csv`? (it would be read if named leads.csv, .ndjson or .json)',
      },
    ]);
  });
});
