import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRule } from '../../../src/core/logic/compile.js';

type Case = [rule: unknown, data: unknown, expected: unknown];

const entries = JSON.parse(readFileSync(new URL('../../fixtures/jsonlogic/tests.json', import.meta.url), 'utf8')) as (
  string | Case
)[];

/** Cases grouped under the suite's own "# ..." headings (the last heading, "EOF", has none). */
function sections(): [string, Case[]][] {
  const out: [string, Case[]][] = [];
  let current: Case[] = [];
  for (const entry of entries) {
    if (typeof entry === 'string') {
      current = [];
      out.push([entry.replace(/^#\s*/, ''), current]);
    } else {
      current.push(entry);
    }
  }
  return out.filter(([, cases]) => cases.length > 0);
}

describe('the JSON Logic conformance suite', () => {
  it('has all 280 cases', () => {
    expect(entries.filter((e) => typeof e !== 'string')).toHaveLength(280);
  });

  describe.each(sections())('%s', (_title, cases) => {
    it.each(cases.map((c) => [JSON.stringify(c[0]), JSON.stringify(c[1]), c] as const))(
      '%s on %s',
      (_rule, _data, [rule, data, expected]) => {
        const compiled = compileRule(rule);
        expect(compiled(data as Record<string, unknown>)).toStrictEqual(expected);
        // Rows as the data readers build them (no prototype) take the generated code where there is some.
        if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
          expect(compiled(Object.setPrototypeOf({ ...data }, null) as Record<string, unknown>)).toStrictEqual(expected);
        }
      },
    );
  });
});
