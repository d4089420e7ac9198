import { describe, expect, it } from 'vitest';
import { DateTimeCoercer, isDateOnlyFormat, readZone } from '../../../src/core/data/coerce-date.js';
import { CoercionFailure } from '../../../src/core/data/coerce-failure.js';
import { loadScenario, parseMapping } from './helpers.js';

const mappingIn = (zone: string): ReturnType<typeof parseMapping> =>
  parseMapping(`apiVersion: revops/v1
kind: FieldMapping
metadata: {name: days, owner: revops, description: Dates are calendar days.}
spec:
  source: custom
  timeZone: ${zone}
  entities:
    opportunities:
      file: opportunities.csv
      fields:
        id: {column: id}
        created_at: {column: created_at}
        closed_at: {column: closed_at, format: "yyyy-MM-dd"}
`);

const instants = (rows: readonly Record<string, unknown>[], field: string): string[] =>
  rows.map((r) => new Date(r[field] as number).toISOString());

describe('a date without a time in a date-time field', () => {
  it('is the first instant of that day in the reporting time zone, whatever zone the mapping declares for times', async () => {
    const data = await loadScenario('date-only-days', { mapping: mappingIn('UTC'), timeZone: 'America/New_York' });
    expect(data.issues).toEqual([]);
    // New York midnight: 04:00Z in summer time, 05:00Z in winter; a date-time with an offset is left as it is.
    expect(instants(data.opportunities, 'created_at')).toEqual([
      '2017-03-31T04:00:00.000Z',
      '2017-04-01T04:00:00.000Z',
      '2017-07-01T09:30:00.000Z',
    ]);
    expect(instants(data.opportunities, 'closed_at')).toEqual([
      '2017-10-14T04:00:00.000Z',
      '2017-10-15T04:00:00.000Z',
      '2017-10-16T04:00:00.000Z',
    ]);
    expect(data.latestTimestamps?.opportunities).toBe(Date.parse('2017-10-16T04:00:00Z'));
  });

  it('is a day of UTC when no reporting zone is given, and needs no declared zone', async () => {
    const data = await loadScenario('date-only-days', {});
    expect(data.issues).toEqual([]);
    expect(instants(data.opportunities, 'created_at')).toEqual([
      '2017-03-31T00:00:00.000Z',
      '2017-04-01T00:00:00.000Z',
      '2017-07-01T09:30:00.000Z',
    ]);
  });

  it('starts at the first instant that exists when the zone skips midnight (2017-10-15 in America/Sao_Paulo starts at 01:00)', async () => {
    const data = await loadScenario('date-only-days', {
      mapping: mappingIn('America/Sao_Paulo'),
      timeZone: 'America/Sao_Paulo',
    });
    expect(data.issues).toEqual([]);
    expect(data.files[0]).toMatchObject({ rowsRead: 3, rowsEvaluated: 3, rowsRejected: 0 });
    expect(instants(data.opportunities, 'closed_at')).toEqual([
      '2017-10-14T03:00:00.000Z',
      '2017-10-15T03:00:00.000Z',
      '2017-10-16T02:00:00.000Z',
    ]);
  });

  it('reads the same day whether the cell is read in place or as text', () => {
    const coercer = new DateTimeCoercer(undefined, undefined, readZone('America/Sao_Paulo'));
    const line = 'x,2017-10-15,y';
    expect(coercer.fromSpan(line, 2, 12)).toBe(Date.parse('2017-10-15T03:00:00Z'));
    expect(coercer.fromText('2017-10-15')).toBe(Date.parse('2017-10-15T03:00:00Z'));
    expect(coercer.fromText('2017-02-30')).toBeInstanceOf(CoercionFailure);
    // A time of day that the clocks skip is still an error: it names an instant that does not exist.
    expect(
      new DateTimeCoercer(undefined, readZone('America/Sao_Paulo')).fromText('2017-10-15T00:30:00'),
    ).toBeInstanceOf(CoercionFailure);
  });

  it('tells formats of days from formats of times', () => {
    expect(['yyyy-MM-dd', 'dd/MM/yyyy', "d 'de' LLLL yyyy", 'DD'].map(isDateOnlyFormat)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['yyyy-MM-dd HH:mm', 'MM/dd/yyyy h:mm a', 'yyyy-MM-dd ZZ', 'f', 'x'].map(isDateOnlyFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
