import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPipelineData } from '../../../src/core/data/load.js';
import type { PipelineData } from '../../../src/core/data/types.js';
import { dataFixtures, expectBalanced, memoryIo } from './helpers.js';

/** Every file of a scenario, as bytes. */
function readScenario(scenario: string): Record<string, Uint8Array> {
  const dir = join(dataFixtures, scenario);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((n) => !n.startsWith('.'))
      .map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))]),
  );
}

async function loadInChunks(files: Record<string, Uint8Array>, sizes: number[]): Promise<PipelineData> {
  const data = await loadPipelineData('mem', memoryIo(files, sizes));
  expectBalanced(data);
  return data;
}

describe('streaming', () => {
  const scenarios = [
    'canonical',
    'bom-crlf',
    'ragged-rows',
    'unterminated-quote',
    'coercion-errors',
    'ndjson-bad-line',
    'json-records',
    'header-problems',
  ];
  it.each(scenarios)('%s read in chunks of 1–7 bytes gives the same result as in one chunk', async (scenario) => {
    const files = readScenario(scenario);
    const whole = await loadInChunks(files, [1 << 20]);
    expect(whole.files.length).toBeGreaterThan(0);
    for (const sizes of [[1], [2, 3], [1, 2, 3, 4, 5, 6, 7], [7, 5, 3]]) {
      expect(await loadInChunks(files, sizes)).toEqual(whole);
    }
  });

  it('splits multi-byte characters, the BOM and CRLF across chunks without harm', async () => {
    const files = readScenario('bom-crlf');
    const data = await loadInChunks(files, [1]);
    expect(data.issues).toEqual([]);
    expect(data.leads.map((l) => l.company)).toEqual(['Acme\r\nEurope', 'Zoë Café', '日本商事']);
  });

  it('reads chunks given as strings too', async () => {
    const io = memoryIo({});
    const text = 'id,created_at\r\nL-1,2025-01-01T00:00:00Z\r\n';
    io.readDir = async () => [{ name: 'leads.csv', isFile: true, isDirectory: false }];
    io.fileSize = async () => text.length;
    io.readStream = async function* () {
      for (const ch of `\ufeff${text}`) yield ch as unknown as Uint8Array;
    };
    const data = await loadPipelineData('mem', io);
    expect(data.leads.map((l) => l.id)).toEqual(['L-1']);
  });

  it('rejects a row longer than the limit and reads on after it', async () => {
    const huge = `"${'x'.repeat((1 << 20) + 10)}`;
    const content = `id,created_at,company\nL-1,2025-01-01T00:00:00Z,${huge}\nL-2,2025-01-01T00:00:00Z,Acme\n`;
    const data = await loadInChunks({ 'leads.csv': new TextEncoder().encode(content) }, [65536]);
    expect(data.leads.map((l) => l.id)).toEqual(['L-2']);
    expect(data.issues.map((i) => [i.code, i.line])).toEqual([['data.unterminated-quote', 2]]);
    const unquoted = `id,created_at,company\nL-1,2025-01-01T00:00:00Z,${'y'.repeat(2 << 20)}\nL-2,2025-01-01T00:00:00Z,Acme\n`;
    const data2 = await loadInChunks({ 'leads.csv': new TextEncoder().encode(unquoted) }, [65536]);
    expect(data2.leads.map((l) => [l.id, l.company])).toEqual([['L-2', 'Acme']]);
    expect(data2.issues.map((i) => [i.code, i.line])).toEqual([['data.row-too-long', 2]]);
  });
});
