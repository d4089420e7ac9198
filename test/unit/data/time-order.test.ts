import { describe, expect, it } from 'vitest';
import { fileOf, loadScenario, summarise } from './helpers.js';

describe('rows whose date-times break the order the model requires', () => {
  it('are rejected with an issue on the later field, on the plain and the quoted path alike', async () => {
    const data = await loadScenario('impossible-order');
    // O2 closed before created, O3 cancelled before it closed, O4 (quoted id: the general row
    // builder) closed before created; O5 closes the moment it is created, which is allowed; O6
    // is lost with no close date.
    expect(data.opportunities.map((o) => o.id)).toEqual(['O1', 'O5']);
    const file = fileOf(data, 'opportunities.csv');
    expect([file.rowsRead, file.rowsEvaluated, file.rowsRejected]).toEqual([6, 2, 4]);
    expect(summarise(data.issues).map((i) => [i.code, i.line, i.column, i.columnName, i.raw])).toEqual([
      ['data.impossible-order', 3, 7, 'closed_at', '2026-02-08T00:00:00.000Z'],
      ['data.impossible-order', 4, 9, 'cancelled_at', '2026-01-11T00:00:00.000Z'],
      ['data.impossible-order', 5, 7, 'closed_at', '2026-01-09T00:00:00.000Z'],
      ['data.impossible-order', 7, 7, 'closed_at', ''],
    ]);
    expect(data.issues[3]?.message).toBe(
      '`closed_at`: The deal is lost but closed_at is empty: a closed deal has a close date.',
    );
    expect(data.issues[0]?.message).toBe(
      '`closed_at`: 2026-02-08T00:00:00.000Z is before created_at 2026-02-10T00:00:00.000Z: an opportunity cannot close before it is created.',
    );
  });

  it('never date the data: the as-of comes from the rows kept', async () => {
    const data = await loadScenario('impossible-order');
    // O2 (created 10 Feb, closed 8 Feb) is rejected: O1 closed on 20 Jan is the latest kept.
    expect(data.latestTimestamps?.opportunities).toBe(Date.parse('2026-01-20T00:00:00Z'));
  });
});
