import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { allowedOperators } from '../../../src/core/logic/operators.js';
import { publishedSchemas, schemaFileName } from '../../../src/core/schemas/index.js';
import { repoRoot } from '../../helpers/paths.js';

type Node = Record<string, unknown>;

/** Every subschema of a schema, with its JSON pointer. */
function walk(node: unknown, pointer: string, visit: (schema: Node, pointer: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${pointer}/${i}`, visit));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  visit(node as Node, pointer);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'enum' || key === 'const') continue;
    walk(value, `${pointer}/${key}`, visit);
  }
}

describe.each(publishedSchemas.map((s) => [schemaFileName(s), s] as const))('schemas/%s', (file, schema) => {
  it('is the file in schemas/, written from src/core/schemas (run `npm run schemas` after a change)', () => {
    const committed = JSON.parse(readFileSync(join(repoRoot, 'schemas', file), 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(schema)));
  });

  it('compiles under ajv strict mode', () => {
    const ajv = new Ajv2020({ strict: true, strictTuples: false, allowUnionTypes: true });
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('has a $id, draft 2020-12 and no reference outside itself (editors resolve it alone)', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(String(schema.$id)).toMatch(/^https:\/\/revops-policy\.dev\/schemas\/v1\/[a-z-]+\.schema\.json$/);
    const external: string[] = [];
    walk(schema, '', (node, pointer) => {
      if (typeof node.$ref === 'string' && !node.$ref.startsWith('#/$defs/')) external.push(`${pointer}: ${node.$ref}`);
    });
    expect(external).toEqual([]);
  });

  it('describes every property so editors can show help', () => {
    const defs = (schema.$defs ?? {}) as Record<string, Node>;
    const undescribed: string[] = [];
    walk(schema, '', (node, pointer) => {
      const properties = node.properties as Record<string, Node> | undefined;
      if (properties === undefined || pointer.includes('/properties/var') || /logic-\d+/.test(pointer)) return;
      for (const [name, prop] of Object.entries(properties)) {
        const ref = typeof prop.$ref === 'string' ? defs[prop.$ref.replace('#/$defs/', '')] : undefined;
        if (prop.description === undefined && ref?.description === undefined)
          undescribed.push(`${pointer}/properties/${name}`);
      }
    });
    expect(undescribed).toEqual([]);
  });

  it('bounds every pattern-checked string and uses no nested quantifier (no ReDoS with allErrors)', () => {
    const risky: string[] = [];
    walk(schema, '', (node, pointer) => {
      // A pattern under `not` is bounded by the maxLength of the schema that holds the `not`.
      const pattern = typeof node.pattern === 'string' ? node.pattern : (node.not as Node | undefined)?.pattern;
      if (typeof pattern !== 'string' || pointer.endsWith('/not')) return;
      if (typeof node.maxLength !== 'number') risky.push(`${pointer}: no maxLength`);
      if (/\([^()]*[+*][^()]*\)[+*]/.test(pattern)) risky.push(`${pointer}: nested quantifier in ${pattern}`);
    });
    expect(risky).toEqual([]);
  });
});

describe('the JSON Logic operator allowlist', () => {
  it('leaves out log and method', () => {
    expect(allowedOperators).not.toContain('log');
    expect(allowedOperators).not.toContain('method');
    expect(allowedOperators).toContain('var');
  });
});
