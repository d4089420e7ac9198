import { canonicalModel } from '../../model/canonical.js';
import type { EntityName } from '../../model/canonical.js';
import { scopedOperators } from '../../logic/operators.js';
import { listDeclaredFields } from '../custom-fields.js';
import type { DeclaredField } from '../custom-fields.js';
import { suggestName } from '../did-you-mean.js';
import type { Policy } from '../types.js';
import type { CheckContext, SemanticCheck } from './context.js';
import { listLogicRules } from './logic-rules.js';

type Path = (string | number)[];

interface VarUse {
  name: string;
  path: Path;
}

/**
 * Field names a rule reads through `var`, `missing` and `missing_some`, outside element
 * scopes. Only these three read fields: the string arguments of other operators (a
 * `matches` pattern, a `business_hours_between` calendar name, a `cat` piece) are values.
 */
function collectVars(rule: unknown, path: Path, out: VarUse[]): void {
  if (Array.isArray(rule)) {
    rule.forEach((item, i) => collectVars(item, [...path, i], out));
    return;
  }
  if (rule === null || typeof rule !== 'object') return;
  const [op, args] = Object.entries(rule)[0] ?? [];
  if (op === undefined) return;
  const argPath = [...path, op];
  if (op === 'var') {
    const name = Array.isArray(args) ? args[0] : args;
    if (typeof name === 'string' && name !== '')
      out.push({ name, path: Array.isArray(args) ? [...argPath, 0] : argPath });
    return;
  }
  if (op === 'missing' || op === 'missing_some') {
    const list = op === 'missing_some' && Array.isArray(args) ? args[1] : args;
    const listPath = op === 'missing_some' ? [...argPath, 1] : argPath;
    if (typeof list === 'string') out.push({ name: list, path: listPath });
    if (Array.isArray(list))
      list.forEach((n, i) => typeof n === 'string' && out.push({ name: n, path: [...listPath, i] }));
    return;
  }
  if (scopedOperators.has(op) && Array.isArray(args)) {
    // Later arguments run per element with `var` relative to it: only the first reads the row.
    collectVars(args[0], [...argPath, 0], out);
    return;
  }
  collectVars(args, argPath, out);
}

type Declared = Map<EntityName, Map<string, DeclaredField>>;

function checkRule(
  ctx: CheckContext,
  policy: Policy,
  rule: unknown,
  path: Path,
  entity: EntityName,
  declared: Declared,
): void {
  if (rule === undefined) return;
  const uses: VarUse[] = [];
  collectVars(rule, path, uses);
  const custom = [...(declared.get(entity)?.keys() ?? [])];
  const fields = [...Object.keys(canonicalModel[entity]), ...custom];
  for (const use of uses) {
    const head = use.name.split('.')[0] ?? use.name;
    if (fields.includes(head)) continue;
    const suggestion = suggestName(head, fields);
    const elsewhere = [...declared].find(([other, names]) => other !== entity && names.has(head))?.[0];
    const list = `Fields of ${entity}: ${fields.join(', ')}.`;
    ctx.report(policy, use.path, {
      code: 'logic.unknown-field',
      message:
        elsewhere !== undefined
          ? `\`${head}\` is a custom field of ${elsewhere}, but this rule reads ${entity}: it would always be empty.`
          : `\`${head}\` is neither a field of ${entity} in the canonical data model nor a custom field a FieldMapping declares: it would always be empty.`,
      hint:
        suggestion !== undefined
          ? `Did you mean \`${suggestion}\`?`
          : `${list} A column of the export the model lacks can be declared under \`custom:\` of ${entity} in a FieldMapping.`,
    });
  }
}

/**
 * Every `var` in a rule names a field of the entity the rule is evaluated on: canonical, or
 * a custom field a FieldMapping declares for that entity. Anything else is an error with
 * the closest name: the rule would silently read an empty value on every row.
 */
export const logicVarsExist: SemanticCheck = {
  name: 'logicVarsExist',
  run(ctx) {
    const declared = listDeclaredFields(ctx.set.FieldMapping);
    for (const site of listLogicRules(ctx.set)) {
      if (site.entity !== undefined) checkRule(ctx, site.policy, site.rule, site.path, site.entity, declared);
    }
  },
};
