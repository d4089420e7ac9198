import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeFileIo } from '../../src/cli/cli-io.js';
import { createHashingIo } from '../../src/cli/hashing-io.js';
import { loadCommandData } from '../../src/cli/load-data.js';
import { createReadElsewhere } from '../../src/cli/read-elsewhere.js';
import { loadPipelineData } from '../../src/core/data/load.js';
import type { PipelineData } from '../../src/core/data/types.js';
import { selectFieldsRead } from '../../src/core/engine/fields-read.js';
import { loadPolicyDir } from '../../src/core/policy/load.js';
import { createPolicyAjv } from '../../src/core/policy/validators.js';
import { policyKinds } from '../../src/core/schemas/kinds.js';
import { fixturesDir, repoRoot, useTempDirs } from '../helpers/paths.js';

// What runs only as compiled JavaScript — the reading thread, the validators written at build
// time — is built from the sources under test first, as `npm run build` does.
const workerFile = join(repoRoot, 'dist', 'cli', 'read-worker.js');
beforeAll(() => {
  execFileSync(
    process.execPath,
    [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(repoRoot, 'tsconfig.build.json')],
    { cwd: repoRoot },
  );
  execFileSync(process.execPath, [join(repoRoot, 'dist', 'dev', 'write-validators.js')], { cwd: repoRoot });
}, 120_000);

/** Every YAML document under a directory, parsed, with the kind it claims. */
function policyDocuments(dir: string): { file: string; kind: unknown; doc: unknown }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .flatMap((f) => {
      try {
        return parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((d) => {
          const doc = d.toJS() as { kind?: unknown } | null;
          return { file: f, kind: doc?.kind, doc };
        });
      } catch {
        return [];
      }
    });
}

describe('validators written at build time', () => {
  it('give the same verdicts and errors as the schemas compiled at run time, on good and bad policies', async () => {
    const written = (await import(
      pathToFileURL(join(repoRoot, 'dist', 'core', 'policy', 'validators-standalone.js')).href
    )) as Record<string, ValidateFunction>;
    const compiled = createPolicyAjv();
    const docs = [
      ...policyDocuments(join(repoRoot, 'policies')),
      ...policyDocuments(join(fixturesDir, 'bad-input')),
      ...policyDocuments(join(repoRoot, 'examples')),
    ];
    let invalid = 0;
    for (const { file, doc } of docs) {
      for (const kind of policyKinds) {
        const mine = written[kind]!;
        const theirs = compiled.getSchema(`kind:${kind}`)!;
        const isValid = mine(doc);
        expect(isValid, `${file} as ${kind}`).toBe(theirs(doc));
        expect(mine.errors ?? null, `${file} as ${kind}`).toEqual(theirs.errors ?? null);
        if (!isValid) invalid++;
      }
    }
    expect(docs.length).toBeGreaterThan(40);
    expect(invalid).toBeGreaterThan(docs.length);
  });
});

/** Loads a directory on one thread, then with every file but the leads on the second. */
async function loadBothWays(
  dir: string,
  options: Parameters<typeof loadPipelineData>[2] = {},
): Promise<[PipelineData, PipelineData, number]> {
  const here = await loadPipelineData(dir, nodeFileIo, options);
  const elsewhere = createReadElsewhere({ workerFile, minBytes: 0 });
  expect(elsewhere).toBeDefined();
  try {
    let sent = 0;
    const there = await loadPipelineData(dir, nodeFileIo, {
      ...options,
      readElsewhere: (job) => {
        const read = elsewhere!.readElsewhere(job);
        if (read !== undefined) sent++;
        return read;
      },
    });
    return [here, there, sent];
  } finally {
    await elsewhere!.close();
  }
}

describe('reading on a second thread', () => {
  const tempDir = useTempDirs();

  it('gives the same rows, columns, accounting and issues as reading on one (example data)', async () => {
    const { set } = await loadPolicyDir(join(repoRoot, 'policies'), nodeFileIo);
    const [here, there, sent] = await loadBothWays(join(repoRoot, 'examples', 'data'), {
      keep: selectFieldsRead([set]),
    });
    // Every file but the leads: activities, opportunities, spend and users.
    expect(sent).toBe(4);
    expect(there.opportunities.length).toBeGreaterThan(50);
    expect(there.activities.length).toBeGreaterThan(1000);
    expect(there.opportunities.every((row) => Object.getPrototypeOf(row) === null)).toBe(true);
    expect(there).toEqual(here);
  });

  it('gives the same result for files with rejected rows, other formats and a mapping', async () => {
    // Problems in the files that go to the second thread: ragged and unreadable rows, a broken NDJSON line.
    const problems = tempDir();
    cpSync(join(fixturesDir, 'data', 'ragged-rows', 'leads.csv'), join(problems, 'leads.csv'));
    writeFileSync(
      join(problems, 'activities.ndjson'),
      [
        '{"id": "A-1", "lead_id": "L-1", "type": "call", "at": "2025-01-07T09:00:00Z"}',
        '{"id": "A-2", "type": "call", "at": "2025-01-07T10:00:00Z",}',
        '{"id": "A-3", "type": "email", "at": "2025-01-08T09:00:00Z", "actor_id": "U-1"}',
      ].join('\n'),
    );
    writeFileSync(
      join(problems, 'opportunities.csv'),
      'id,created_at,amount,won\nO-1,2026-01-05T10:00:00Z,100.50,true\nO-2,not a date,12,maybe\nO-3,2026-01-06T10:00:00Z\n',
    );
    for (const dir of [
      ...['canonical', 'coercion-errors', 'header-problems', 'json-records', 'entity-twice'].map((name) =>
        join(fixturesDir, 'data', name),
      ),
      problems,
    ]) {
      const [here, there, sent] = await loadBothWays(dir);
      expect(sent, dir).toBeGreaterThan(0);
      expect(there, dir).toEqual(here);
    }
    const [, withProblems] = await loadBothWays(problems);
    expect(withProblems.files.map((f) => [f.entity, f.rowsRejected])).toEqual([
      ['leads', 2],
      ['opportunities', 2],
      ['activities', 1],
    ]);
    const { set } = await loadPolicyDir(join(fixturesDir, 'maven', 'policies'), nodeFileIo);
    const [here, there, sent] = await loadBothWays(join(fixturesDir, 'maven', 'export'), {
      mapping: set.FieldMapping[0]!,
    });
    expect(sent).toBeGreaterThan(0);
    expect(there.files.some((f) => f.rowsRejected > 0)).toBe(true);
    expect(there).toEqual(here);
  });

  it('rejects rows after the clock and repeated ids there as here', async () => {
    const dir = tempDir();
    cpSync(join(fixturesDir, 'partial-data', 'base'), dir, { recursive: true });
    cpSync(join(fixturesDir, 'partial-data', 'far-future-activity', 'activities.csv'), join(dir, 'activities.csv'));
    cpSync(join(fixturesDir, 'partial-data', 'duplicate-ids', 'opportunities.csv'), join(dir, 'opportunities.csv'));
    const [here, there, sent] = await loadBothWays(dir, { now: Date.parse('2026-12-01T00:00:00Z') });
    expect(sent).toBe(3);
    expect(there).toEqual(here);
    expect(there.issues.map((i) => [i.entity, i.code, i.line])).toEqual([
      ['opportunities', 'data.duplicate-id', 42],
      ['activities', 'data.future-date', 42],
    ]);
  });

  it('counts the files read there in the data hash, as if read here', async () => {
    const { set } = await loadPolicyDir(join(repoRoot, 'policies'), nodeFileIo);
    const dir = join(repoRoot, 'examples', 'data');
    const digestOf = async (thread: { workerFile: string; minBytes: number }): Promise<string> => {
      const hashing = createHashingIo(nodeFileIo);
      const io = {
        ...nodeFileIo,
        stdout: () => {},
        stderr: () => {},
        env: {},
        isTty: false,
        exists: async () => true,
        mkdir: async () => {},
      };
      await loadCommandData(io, {
        data: dir,
        quiet: true,
        set,
        hashing,
        thread,
        now: Date.parse('2026-12-01T00:00:00Z'),
        allowPartialData: false,
      });
      return hashing.digest(dir);
    };
    const here = await digestOf({ workerFile, minBytes: Infinity });
    expect(await digestOf({ workerFile, minBytes: 0 })).toBe(here);
    const activities = createHash('sha256')
      .update(readFileSync(join(dir, 'activities.csv')))
      .digest('hex');
    const all = createHash('sha256');
    for (const file of ['activities.csv', 'leads.csv', 'opportunities.csv', 'spend.csv', 'users.csv'])
      all.update(
        `${file}\0${
          file === 'activities.csv'
            ? activities
            : createHash('sha256')
                .update(readFileSync(join(dir, file)))
                .digest('hex')
        }\n`,
      );
    expect(here).toBe(all.digest('hex'));
  });

  it('fails with the file named when the second thread cannot read it', async () => {
    const elsewhere = createReadElsewhere({ workerFile, minBytes: 0 })!;
    try {
      const job = {
        source: {
          entity: 'activities' as const,
          file: join(fixturesDir, 'no-such-dir', 'activities.csv'),
          format: 'csv' as const,
          isMapped: false,
        },
        bytes: 1,
        asColumns: true,
      };
      await expect(elsewhere.readElsewhere(job)).rejects.toMatchObject({
        code: 'io',
        message: expect.stringContaining('no-such-dir/activities.csv'),
      });
    } finally {
      await elsewhere.close();
    }
  });

  it('keeps everything on this thread without a compiled worker script, and for leads and small files', () => {
    expect(createReadElsewhere({ workerFile: join(repoRoot, 'src', 'cli', 'read-worker.ts') })).toBeUndefined();
    const elsewhere = createReadElsewhere({ workerFile, minBytes: 1000 })!;
    const source = { file: 'x.csv', format: 'csv' as const, isMapped: false };
    expect(
      elsewhere.readElsewhere({ source: { ...source, entity: 'leads' }, bytes: 10_000, asColumns: true }),
    ).toBeUndefined();
    expect(
      elsewhere.readElsewhere({ source: { ...source, entity: 'activities' }, bytes: 999, asColumns: true }),
    ).toBeUndefined();
  });
});
