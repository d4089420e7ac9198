import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import { nodeFileIo } from '../../../src/cli/cli-io.js';
import { loadPipelineData } from '../../../src/core/data/load.js';
import type { LoadPipelineOptions } from '../../../src/core/data/load.js';
import type { DataIssue, PipelineData } from '../../../src/core/data/types.js';
import type { DirEntry, FileIo } from '../../../src/core/io.js';
import { loadPolicyDir, loadPolicySources } from '../../../src/core/policy/load.js';
import type { Policy } from '../../../src/core/policy/types.js';
import { examplePolicies, fixturesDir } from '../../helpers/paths.js';

export const dataFixtures = join(fixturesDir, 'data');

/** Loads a scenario directory and checks the accounting invariant of every file in it. */
export async function loadScenario(scenario: string, options: LoadPipelineOptions = {}): Promise<PipelineData> {
  const data = await loadPipelineData(join(dataFixtures, scenario), nodeFileIo, options);
  expectBalanced(data);
  return data;
}

export function expectBalanced(data: PipelineData): void {
  for (const file of data.files) {
    expect(file.rowsRead, `${file.file}: read = evaluated + rejected`).toBe(file.rowsEvaluated + file.rowsRejected);
  }
}

/** The accounting of one file, by base name. */
export function fileOf(data: PipelineData, name: string): PipelineData['files'][number] {
  const file = data.files.find((f) => basename(f.file) === name);
  if (file === undefined) throw new Error(`no accounting for ${name}`);
  return file;
}

/** Issues as short comparable records: file base name, code, line, column, column name, raw. */
export function summarise(issues: readonly DataIssue[]): Record<string, unknown>[] {
  return issues.map((i) => {
    const s: Record<string, unknown> = { file: basename(i.file), code: i.code, line: i.line, column: i.column };
    if (i.columnName !== undefined) s.columnName = i.columnName;
    if (i.field !== undefined) s.field = i.field;
    if (i.raw !== undefined) s.raw = i.raw;
    return s;
  });
}

/** A FieldMapping from the example policy repository, which must itself be valid. */
export async function loadExampleMapping(name: string): Promise<Policy<'FieldMapping'>> {
  const result = await loadPolicyDir(examplePolicies, nodeFileIo);
  const mapping = result.set.FieldMapping.find((p) => p.metadata.name === name);
  if (mapping === undefined) throw new Error(`no FieldMapping ${name}`);
  expect(result.issues.filter((i) => i.file === mapping.file && i.severity === 'error')).toEqual([]);
  return mapping;
}

/** A FieldMapping written inline, validated like any policy file. */
export function parseMapping(yaml: string): Policy<'FieldMapping'> {
  const result = loadPolicySources([{ file: 'mapping.yaml', bytes: new TextEncoder().encode(yaml) }]);
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const mapping = result.set.FieldMapping[0];
  if (mapping === undefined) throw new Error('no FieldMapping parsed');
  return mapping;
}

/** The FieldMapping kept beside a scenario's data (`mapping.yaml`). */
export function loadFixtureMapping(scenario: string): Policy<'FieldMapping'> {
  return parseMapping(readFileSync(join(dataFixtures, scenario, 'mapping.yaml'), 'utf8'));
}

/** An in-memory data directory whose files are streamed in chunks of the sizes given, in turn. */
export function memoryIo(files: Record<string, string | Uint8Array>, chunkSizes: readonly number[] = [65536]): FileIo {
  const bytesOf = (file: string): Uint8Array => {
    const content = files[basename(file)];
    if (content === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    return typeof content === 'string' ? new TextEncoder().encode(content) : content;
  };
  return {
    async readDir(): Promise<DirEntry[]> {
      return Object.keys(files).map((name) => ({ name, isFile: true, isDirectory: false }));
    },
    async fileSize(file) {
      return bytesOf(file).byteLength;
    },
    async readFile(file) {
      return bytesOf(file);
    },
    async *readStream(file) {
      const bytes = bytesOf(file);
      for (let at = 0, i = 0; at < bytes.length; i++) {
        const size = chunkSizes[i % chunkSizes.length]!;
        yield bytes.subarray(at, at + size);
        at += size;
      }
    },
    async writeFile() {
      throw new Error('read-only');
    },
  };
}
