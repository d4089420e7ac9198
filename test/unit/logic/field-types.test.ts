import { describe, expect, it } from 'vitest';
import { compileRule } from '../../../src/core/logic/compile.js';
import type { FieldType } from '../../../src/core/model/canonical.js';

const fieldTypes: Record<string, FieldType> = {
  annual_revenue: 'decimal',
  employee_count: 'integer',
  company: 'string',
};

describe('typed fields', () => {
  it('compare a decimal field numerically, never as strings', () => {
    const rule = { '<': [{ var: 'annual_revenue' }, '900'] };
    const row = { annual_revenue: '1000.50' };
    expect(compileRule(rule)(row), 'untyped: "1000.50" < "900" as strings').toBe(true);
    expect(compileRule(rule, { fieldTypes })(row)).toBe(false);
  });

  it('read decimals and numeric strings of number fields as numbers, in every shape', () => {
    const row = { annual_revenue: '1250000.75', employee_count: '250' };
    expect(compileRule({ var: 'annual_revenue' }, { fieldTypes })(row)).toBe(1250000.75);
    expect(compileRule({ '>=': [{ var: 'employee_count' }, 200] }, { fieldTypes })(row)).toBe(true);
    expect(compileRule({ in: [{ var: 'employee_count' }, [250, 500]] }, { fieldTypes })(row)).toBe(true);
    expect(compileRule({ '===': [{ var: 'employee_count' }, { var: ['employee_count'] }] }, { fieldTypes })(row)).toBe(
      true,
    );
    expect(compileRule({ var: { cat: ['annual', '_revenue'] } }, { fieldTypes })(row)).toBe(1250000.75);
  });

  it('leave other fields, defaults and non-numeric text as they are', () => {
    const row = { company: '123', annual_revenue: 'n/a' };
    expect(compileRule({ var: 'company' }, { fieldTypes })(row)).toBe('123');
    expect(compileRule({ var: 'annual_revenue' }, { fieldTypes })(row)).toBe('n/a');
    expect(compileRule({ var: ['employee_count', '7'] }, { fieldTypes })({})).toBe('7');
    expect(compileRule({ missing: ['annual_revenue'] }, { fieldTypes })({ annual_revenue: '' })).toEqual([
      'annual_revenue',
    ]);
  });

  it('do not apply inside an element scope, where var reads the element', () => {
    const rule = { map: [{ var: 'deals' }, { var: 'annual_revenue' }] };
    expect(compileRule(rule, { fieldTypes })({ deals: [{ annual_revenue: '5' }] })).toEqual(['5']);
  });
});
