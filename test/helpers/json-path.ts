/**
 * Paths into a JSON report as the HTML page's figures name them: keys joined by dots, array
 * items by `[index]`, a key that is not a plain name as `["key"]`
 * (`constraint.stages[2].utilisation`, `comp.byPlan[1].head`, `x["a.b"]`).
 */

/** One step of a path: an object key or an array index. */
export type PathStep = { key: string } | { index: number };

/** The result of resolving a path: the value, or why there is none. */
export type Resolved = { found: true; value: unknown } | { found: false; reason: string };

const STEP = /^(?:\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;

/** Splits a path into steps; throws on a malformed path (say which character). */
export function parseJsonPath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  let rest = path;
  while (rest.length > 0) {
    const match = STEP.exec(rest);
    // A leading dot is only allowed between steps.
    if (match === null || (steps.length === 0 && rest.startsWith('.')))
      throw new Error(`malformed path "${path}" at character ${path.length - rest.length + 1} ("${rest}")`);
    if (match[1] !== undefined) steps.push({ key: match[1] });
    else if (match[2] !== undefined) steps.push({ index: Number(match[2]) });
    else steps.push({ key: JSON.parse(match[3]!) as string });
    rest = rest.slice(match[0].length);
  }
  if (steps.length === 0) throw new Error('empty path');
  return steps;
}

function showSteps(steps: PathStep[]): string {
  const text = steps
    .map((s) =>
      'index' in s ? `[${s.index}]` : /^[A-Za-z_$][\w$-]*$/.test(s.key) ? `.${s.key}` : `[${JSON.stringify(s.key)}]`,
    )
    .join('');
  return text.startsWith('.') ? text.slice(1) : text === '' ? '(the report)' : text;
}

function kindOf(value: unknown): string {
  return value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'object'
        ? 'an object'
        : typeof value;
}

/** Follows a path through parsed JSON; a missing step says where the path left the report and what was there. */
export function resolveJsonPath(root: unknown, path: string): Resolved {
  let steps: PathStep[];
  try {
    steps = parseJsonPath(path);
  } catch (error) {
    return { found: false, reason: (error as Error).message };
  }
  let value = root;
  for (const [i, step] of steps.entries()) {
    const at = showSteps(steps.slice(0, i));
    if ('index' in step) {
      if (!Array.isArray(value)) return { found: false, reason: `${at} is ${kindOf(value)}, not an array` };
      if (step.index >= value.length)
        return { found: false, reason: `${at} has ${value.length} items, no [${step.index}]` };
      value = value[step.index] as unknown;
    } else {
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        return { found: false, reason: `${at} is ${kindOf(value)}, not an object` };
      if (!Object.hasOwn(value, step.key)) {
        const keys = Object.keys(value);
        const shown = keys.length > 12 ? `${keys.slice(0, 12).join(', ')}, …` : keys.join(', ');
        return { found: false, reason: `no key "${step.key}" in ${at} (its keys: ${shown || 'none'})` };
      }
      value = (value as Record<string, unknown>)[step.key];
    }
  }
  return { found: true, value };
}
