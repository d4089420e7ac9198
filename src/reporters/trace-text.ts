import type { TraceNode } from '../core/logic/compile.js';

const infix = new Set(['==', '===', '!=', '!==', '>', '>=', '<', '<=', '+', '-', '*', '/', '%', 'in']);
const maxListItems = 5;
const maxText = 40;

/** A value as a reader would write it: short, quoted strings, trimmed lists. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '…';
  if (value === null) return 'empty';
  if (typeof value === 'string')
    return JSON.stringify(value.length > maxText ? value.slice(0, maxText - 1) + '…' : value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
  if (Array.isArray(value)) {
    const shown = value.slice(0, maxListItems).map(formatValue);
    if (value.length > maxListItems) shown.push(`…+${value.length - maxListItems}`);
    return `[${shown.join(', ')}]`;
  }
  if (typeof value === 'object') return '{…}';
  return String(value);
}

/**
 * One line for a traced rule, with the values it saw: `employee_count=450 >= 200`.
 * Fields read show as `name=value`; clauses that were never evaluated show as `…`.
 */
export function formatTrace(node: TraceNode): string {
  if (node.isSkipped === true) return '…';
  if (node.op === 'value') return formatValue(node.value);
  if (node.op === 'array')
    return `[${node.args.slice(0, maxListItems).map(formatTrace).join(', ')}${node.args.length > maxListItems ? `, …+${node.args.length - maxListItems}` : ''}]`;
  if (node.op === 'var') {
    const name = node.args[0];
    const label = name?.op === 'value' && typeof name.value === 'string' ? name.value : formatTrace(name ?? node);
    return `${label}=${formatValue(node.value)}`;
  }
  const args = node.args.map(formatTrace);
  if (infix.has(node.op) && args.length === 2) return `${args[0]} ${node.op} ${args[1]}`;
  if ((node.op === 'and' || node.op === 'or') && args.length > 1) return `(${args.join(` ${node.op} `)})`;
  if (node.op === '!' && args.length === 1) return `not ${args[0]}`;
  return `${node.op}(${args.join(', ')})`;
}
