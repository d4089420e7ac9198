import { describe, expect, it } from 'vitest';
import { loadPipelineData } from '../../../src/core/data/load.js';
import { memoryIo, parseMapping } from './helpers.js';

const mapping = parseMapping(`
apiVersion: revops/v1
kind: FieldMapping
metadata: {name: deals, owner: revops, description: deals}
spec:
  source: custom
  entities:
    opportunities:
      file: deals.csv
      fields:
        id: {column: Id}
        created_at: {column: CreatedDate}
        closed_at:
          derive: {if: [{in: [{var: StageName}, ["Closed Won", "Closed Lost"]]}, {var: CloseDate}, null]}
`);

describe('a derive rule that reads a column the file does not have', () => {
  it('is a warning naming the column and the likely one, not a silent empty value', async () => {
    // The export spells the column `closedate`: every closed deal would read as still open.
    const io = memoryIo({
      'deals.csv': 'Id,CreatedDate,StageName,closedate\nO1,2021-01-05T00:00:00Z,Closed Lost,2021-03-01T00:00:00Z\n',
    });
    const data = await loadPipelineData('data', io, { mapping });
    const warning = data.issues.find((i) => i.code === 'data.missing-column' && i.columnName === 'CloseDate');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toBe(
      'A derive rule reads column `CloseDate`, which the file does not have: it is empty on every row. Did you mean `closedate`?',
    );
    // StageName is there: no warning for it.
    expect(data.issues.filter((i) => i.columnName === 'StageName')).toEqual([]);
  });
});
