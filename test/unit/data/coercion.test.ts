import { describe, expect, it } from 'vitest';
import { CoercionFailure } from '../../../src/core/data/coerce-failure.js';
import { NumberCoercer } from '../../../src/core/data/coerce-number.js';
import { planEntity } from '../../../src/core/data/field-plan.js';
import { resolveCell } from '../../../src/core/data/resolve-cell.js';
import type { EntityName } from '../../../src/core/model/canonical.js';
import type { FieldMappingSpec, FieldSource } from '../../../src/core/policy/types.js';
import cases from './coercion.cases.json' with { type: 'json' };

interface Case {
  name: string;
  field: string;
  raw: unknown;
  source?: Omit<FieldSource, 'column'>;
  timeZone?: string;
  value?: unknown;
  iso?: string;
  error?: string;
}

/** Resolves one raw value the way a file mapped with `source` would. */
function resolve(c: Case): unknown {
  const entity: EntityName = c.field === 'active_from' ? 'users' : 'leads';
  const required: Record<string, FieldSource> =
    entity === 'users'
      ? { id: { column: 'Id' }, role: { column: 'Role' } }
      : { id: { column: 'Id' }, created_at: { column: 'Created' } };
  const spec: FieldMappingSpec = {
    source: 'custom',
    entities: { [entity]: { file: 'x.csv', fields: { ...required, [c.field]: { column: 'X', ...c.source } } } },
  };
  if (c.timeZone !== undefined) spec.timeZone = c.timeZone;
  const plan = planEntity(entity, spec).fields.find((f) => f.field === c.field)!;
  return resolveCell(c.raw, plan);
}

describe('typed coercion, one case per rule', () => {
  it.each((cases as Case[]).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = resolve(c);
    if (c.error !== undefined) {
      expect(result).toBeInstanceOf(CoercionFailure);
      expect((result as CoercionFailure).code).toBe(c.error);
      expect((result as CoercionFailure).message.length).toBeGreaterThan(10);
    } else if (c.iso !== undefined) {
      expect(typeof result).toBe('number');
      expect(new Date(result as number).toISOString()).toBe(c.iso);
    } else {
      expect(result).toEqual(c.value);
    }
  });

  it('every error class of the table is covered', () => {
    const codes = new Set((cases as Case[]).map((c) => c.error).filter((e) => e !== undefined));
    expect([...codes].sort()).toEqual([
      'data.bad-boolean',
      'data.bad-date',
      'data.bad-datetime',
      'data.bad-encoding',
      'data.bad-number',
      'data.bad-value',
      'data.unmapped-value',
    ]);
  });
});

describe('number fields', () => {
  const number = new NumberCoercer('number', { decimal: '.', group: '' });
  it('become JS numbers, with exponents allowed', () => {
    expect(number.fromText('0.25')).toBe(0.25);
    expect(number.fromText('-1.5e3')).toBe(-1500);
    expect(number.fromText('1e999')).toBeInstanceOf(CoercionFailure);
    expect(number.fromText('1,5')).toBeInstanceOf(CoercionFailure);
  });
});

describe('mappings that cannot be applied', () => {
  const spec = (fields: Record<string, FieldSource>, timeZone?: string): FieldMappingSpec => ({
    source: 'custom',
    ...(timeZone === undefined ? {} : { timeZone }),
    entities: {
      leads: { file: 'x.csv', fields: { id: { column: 'Id' }, created_at: { column: 'Created' }, ...fields } },
    },
  });
  it.each([
    ['a const of the wrong type', { employee_count: { const: 'many' } }],
    ['a value mapped to the wrong type', { is_customer: { column: 'C', values: { Customer: 'maybe' } } }],
    [
      'the same separator for decimals and groups',
      { annual_revenue: { column: 'R', numberFormat: { decimal: ',' as const, group: ',' } } },
    ],
    ['a local date-time format without a time zone', { created_at: { column: 'C', format: 'yyyy-MM-dd HH:mm' } }],
    ['a value both true and false', { is_customer: { column: 'C', trueValues: ['y'], falseValues: ['Y'] } }],
    ['two sources for one field', { email: { column: 'E', const: 'x' } }],
  ])('fail on %s', (_name, fields) => {
    expect(() => planEntity('leads', spec(fields as Record<string, FieldSource>))).toThrow(/Field `/);
  });

  it('fail when a required field has no source', () => {
    const withoutCreatedAt: FieldMappingSpec = {
      source: 'custom',
      entities: { leads: { file: 'x.csv', fields: { id: { column: 'Id' } } } },
    };
    expect(() => planEntity('leads', withoutCreatedAt)).toThrow(
      'The mapping of leads gives no source for the required field `created_at`.',
    );
  });
});
