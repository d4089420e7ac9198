import { Decimal } from 'decimal.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readCsv } from '../../src/core/data/csv-reader.js';
import { DateTimeCoercer } from '../../src/core/data/coerce-date.js';
import { NumberCoercer } from '../../src/core/data/coerce-number.js';
import type { RecordSink } from '../../src/core/data/sink.js';
import { StringTable } from '../../src/core/data/string-table.js';
import { Dec } from '../../src/core/engine/comp/money.js';
import { ExactSum } from '../../src/core/engine/exact-sum.js';
import { UsageError } from '../../src/core/errors.js';
import { isFastPath, readFastPathSwitch, setFastPath } from '../../src/core/fast-path.js';
import { compileRule, compileRuleSet } from '../../src/core/logic/compile.js';
import { RuleGenerator } from '../../src/core/logic/generate.js';

describe('readFastPathSwitch', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['1', true],
    [' 1 ', true],
    ['0', false],
  ])('reads %j as %s', (value, on) => {
    expect(readFastPathSwitch(value)).toBe(on);
  });

  it.each(['no', 'false', 'off', '2', '00'])('refuses %j rather than guess', (value) => {
    expect(() => readFastPathSwitch(value)).toThrow(UsageError);
    expect(() => readFastPathSwitch(value)).toThrow(/REVOPS_FAST_PATH must be 0 .* or 1/);
  });
});

/** A sink that counts the rows it is given as spans (the splitter's way) and as cells. */
function countingSink(): RecordSink & { spans: number; cells: number } {
  return {
    spans: 0,
    cells: 0,
    acceptHeader: () => true,
    acceptCells() {
      this.cells++;
    },
    acceptSpans() {
      this.spans++;
    },
    acceptRecord: () => {},
    rejectRow: () => {},
    failFile: () => {},
  };
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

const rule = { and: [{ '>': [{ var: 'score' }, 10] }, { in: [{ var: 'country' }, ['DE', 'FR']] }] };

/** What each speed-only path does with the switch `on`; every figure is 0 with it off. */
async function speedOnlyWork(on: boolean): Promise<Record<string, number>> {
  const previous = setFastPath(on);
  try {
    const sink = countingSink();
    await readCsv(once('id,name\nL-1,a\nL-2,"b"\n'), sink);

    const build = vi.spyOn(RuleGenerator.prototype, 'build');
    compileRule(rule, { fieldTypes: { score: 'integer' } });
    compileRuleSet([rule, { '==': [{ var: 'x' }, 1] }]);
    const generated = build.mock.calls.length;
    build.mockRestore();

    const numbers = vi.spyOn(NumberCoercer.prototype, 'fromTextGeneral');
    const dates = vi.spyOn(DateTimeCoercer.prototype, 'fromTextGeneral');
    new NumberCoercer('integer', { decimal: '.', group: '' }).fromText('42');
    new NumberCoercer('decimal', { decimal: '.', group: '' }).fromText('12.50');
    new DateTimeCoercer(undefined, undefined).fromText('2024-02-29T12:00:00Z');
    const general = numbers.mock.calls.length + dates.mock.calls.length;
    numbers.mockRestore();
    dates.mockRestore();

    const mapGets = vi.spyOn(Map.prototype, 'get');
    const table = new StringTable();
    for (const id of ['a', 'b', 'a']) table.codeOf(id);
    const mapLookups = mapGets.mock.calls.length;
    mapGets.mockRestore();

    const plus = vi.spyOn(Decimal.prototype, 'plus');
    const sum = new ExactSum(Dec).add('1.25').add('2').add('-0.5');
    const decimalAdds = plus.mock.calls.length;
    plus.mockRestore();
    expect(sum.value().toString()).toBe('2.75');

    return {
      spans: sink.spans,
      generated,
      fastNumbers: 3 - general,
      tableProbes: 3 - mapLookups,
      unitSums: 3 - decimalAdds,
    };
  } finally {
    setFastPath(previous);
  }
}

describe('the fast path switch', () => {
  let previous: boolean;
  beforeEach(() => {
    previous = isFastPath();
  });
  afterEach(() => {
    setFastPath(previous);
  });

  it('returns the previous setting, so a caller can put it back', () => {
    setFastPath(true);
    expect(setFastPath(false)).toBe(true);
    expect(isFastPath()).toBe(false);
    expect(setFastPath(true)).toBe(false);
  });

  it('with the fast path on, every speed-only twin does the work', async () => {
    const work = await speedOnlyWork(true);
    expect(work.spans).toBe(2);
    expect(work.generated).toBeGreaterThanOrEqual(2);
    expect(work.fastNumbers).toBe(3);
    expect(work.tableProbes).toBe(3);
    expect(work.unitSums).toBe(3);
  });

  it('with the fast path off, only the general paths run', async () => {
    expect(await speedOnlyWork(false)).toEqual({ spans: 0, generated: 0, fastNumbers: 0, tableProbes: 0, unitSums: 0 });
  });

  it('decides at construction: a table or a sum made before a change keeps its way', () => {
    setFastPath(false);
    const table = new StringTable();
    const sum = new ExactSum(Dec);
    setFastPath(true);
    expect(['x', 'y', 'x'].map((v) => table.codeOf(v))).toEqual([0, 1, 0]);
    expect(sum.add('0.1').add('0.2').value().toString()).toBe('0.3');
  });
});
