import { argumentDepth, argumentPath, classifyNode, freezeLiteral, isLiteral } from './node.js';
import { memberOf } from './ops/arrays.js';
import type { Evaluate, LogicPath } from './types.js';
import { isWholeDataPath, numberFromText, splitPath, toFloat, truthy } from './values.js';

/**
 * JavaScript generated for the common shapes of rules — field reads, comparisons, `and`,
 * `or`, `!`, `if`, `in` a literal list, arithmetic, `min`/`max` — so that each field is one
 * property load at a site of its own and each operator one JavaScript operation. Every
 * other node runs as its compiled closure, called from the generated code.
 *
 * Nothing from a policy becomes source text: the source is made of this file's own
 * operator tokens, integer indexes and local names built from them. Field names, literals
 * and closures reach the code as elements of the arrays `k` and `c`.
 *
 * The generated code only ever stands in for the closures of the same rule: it runs on
 * prototype-free rows (plain data: reading a field has no effect, so fields are read
 * once, up front), and whenever it throws, the closure runs instead and reports the error
 * at the node where it arises. Where it returns, it returns what the closure returns.
 */

/** What the static shape of an expression says about its value. */
type Kind = 'boolean' | 'number' | 'any';

interface Expression {
  code: string;
  kind: Kind;
  /** A local or a constant: free to evaluate twice. */
  isLeaf: boolean;
}

/** Compiles a subtree to a closure, for the nodes that are not generated. */
export type CompileFallback = (rule: unknown, path: LogicPath, depth: number) => Evaluate;

/** How a `var` of one field reads (see `readField`). */
export interface FieldTyping {
  isNumeric(key: string): boolean;
}

const comparisonTokens: Readonly<Record<string, string>> = {
  '==': '==',
  '===': '===',
  '!=': '!=',
  '!==': '!==',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};
const binaryTokens: Readonly<Record<string, string>> = { '-': '-', '/': '/', '%': '%' };
/** Lists up to this long are compared member by member inline. */
const INLINE_MEMBERS = 8;

/** Helpers the generated code calls; passed in, never looked up globally. */
const helpers = {
  truthy,
  toFloat,
  numberFromText,
  min: Math.min,
  max: Math.max,
  getPrototypeOf: Object.getPrototypeOf,
  minus: (a: number, b: number | undefined): number => (b === undefined ? -a : a - b),
} as const;

/** The expressions of one or more rules over one row, sharing their field reads. */
export class RuleGenerator {
  private readonly keys: string[] = [];
  private readonly constants: unknown[] = [];
  private readonly declarations: string[] = [];
  private readonly locals = new Map<string, string>();
  private readonly results: string[] = [];
  private temps = 0;
  /** Nodes turned into code; a rule that is one fallback call gains nothing. */
  generatedNodes = 0;

  constructor(
    private readonly typing: FieldTyping,
    private readonly fallback: CompileFallback,
  ) {}

  /** Adds a rule: its value is the function's result, or, for a set, `out[i]` for the i-th rule added. */
  addRule(rule: unknown, path: LogicPath): void {
    this.results.push(this.node(rule, path, 1).code);
  }

  /** Characters of the expressions so far. */
  get size(): number {
    return this.results.reduce((sum, code) => sum + code.length, 0);
  }

  /**
   * The source of the function: of the row `d` for one rule, of `d` and `out` for several.
   * `s` (same parameters) runs instead on rows that are not plain data and whenever the
   * generated code throws.
   */
  source(isSet = false): string {
    const params = isSet ? 'd, out' : 'd';
    const temps = Array.from({ length: this.temps }, (_, i) => `t${i}`);
    return [
      '"use strict";',
      `return function generatedRule(${params}) {`,
      `  if (d === null || typeof d !== "object" || h.getPrototypeOf(d) !== null) return s(${params});`,
      '  try {',
      ...this.declarations.map((line) => `    ${line}`),
      ...(temps.length > 0 ? [`    let ${temps.join(', ')};`] : []),
      ...(isSet
        ? [...this.results.map((code, i) => `    out[${i}] = ${code};`), '    return out;']
        : [`    return ${this.results[0] ?? 'undefined'};`]),
      '  } catch {',
      `    return s(${params});`,
      '  }',
      '};',
    ].join('\n');
  }

  /** The generated function (see `source`); undefined where code cannot be generated. */
  build<F>(slow: F, isSet = false): F | undefined {
    try {
      return new Function('k', 'c', 'h', 's', this.source(isSet))(this.keys, this.constants, helpers, slow) as F;
    } catch {
      // Where source cannot be compiled, the closures serve alone.
      return undefined;
    }
  }

  private constant(value: unknown): Expression {
    if (value === null) return { code: 'null', kind: 'any', isLeaf: true };
    if (typeof value === 'boolean') return { code: value ? 'true' : 'false', kind: 'boolean', isLeaf: true };
    const index = this.constants.push(value) - 1;
    return { code: `c[${index}]`, kind: typeof value === 'number' ? 'number' : 'any', isLeaf: true };
  }

  private node(rule: unknown, path: LogicPath, depth: number): Expression {
    const node = classifyNode(rule, path, depth);
    if (node.kind === 'literal') return this.constant(freezeLiteral(node.value));
    if (node.kind === 'operator' && node.raw.length <= 16) {
      const emitted = this.operator(
        node.op,
        node.raw,
        (i) => argumentPath(path, node.op, node.isList, i),
        argumentDepth(depth, node.isList),
      );
      if (emitted !== undefined) {
        this.generatedNodes++;
        return emitted;
      }
    }
    const index = this.constants.push(this.fallback(rule, path, depth)) - 1;
    return { code: `c[${index}](d)`, kind: 'any', isLeaf: false };
  }

  private operator(
    op: string,
    raw: readonly unknown[],
    pathOf: (i: number) => LogicPath,
    depth: number,
  ): Expression | undefined {
    if (op === 'var') return this.field(raw);
    const args = (): Expression[] => raw.map((arg, i) => this.node(arg, pathOf(i), depth));
    const comparison = comparisonTokens[op];
    if (comparison !== undefined) {
      if (raw.length === 2) {
        const [a, b] = args() as [Expression, Expression];
        return { code: `(${a.code} ${comparison} ${b.code})`, kind: 'boolean', isLeaf: false };
      }
      // `<` and `<=` with three arguments: between. Every argument is evaluated, so only leaves.
      if (raw.length === 3 && (op === '<' || op === '<=')) {
        const [a, b, c] = args() as [Expression, Expression, Expression];
        if (!a.isLeaf || !b.isLeaf || !c.isLeaf) return undefined;
        return {
          code: `(${a.code} ${comparison} ${b.code} && ${b.code} ${comparison} ${c.code})`,
          kind: 'boolean',
          isLeaf: false,
        };
      }
      return undefined;
    }
    switch (op) {
      case 'and':
      case 'or':
        return raw.length === 0 ? undefined : this.chain(args(), op === 'or');
      case '!':
      case '!!': {
        if (raw.length !== 1) return undefined;
        const truth = this.truth(args()[0] as Expression);
        return { code: op === '!' ? `!${truth}` : truth, kind: 'boolean', isLeaf: false };
      }
      case 'if':
      case '?:':
        return raw.length === 0 ? undefined : this.conditional(args());
      case 'in':
        return this.membership(raw, pathOf, depth);
      case '*': {
        if (raw.length !== 2) return undefined;
        const [a, b] = args() as [Expression, Expression];
        const factor = isLiteral(raw[1]) ? this.constant(toFloat(raw[1])).code : `h.toFloat(${b.code})`;
        return { code: `(h.toFloat(${a.code}) * ${factor})`, kind: 'number', isLeaf: false };
      }
      case '+':
        // json-logic-js folds parseFloat(acc) + parseFloat(value) from 0; acc is never -0 after 0 + x.
        return raw.length === 0
          ? undefined
          : {
              code: `(0 + ${args()
                .map((a) => `h.toFloat(${a.code})`)
                .join(' + ')})`,
              kind: 'number',
              isLeaf: false,
            };
      case '-':
      case '/':
      case '%': {
        const token = binaryTokens[op] as string;
        if (raw.length === 1 && op === '-')
          return { code: `(-${(args()[0] as Expression).code})`, kind: 'number', isLeaf: false };
        if (raw.length !== 2) return undefined;
        const [a, b] = args() as [Expression, Expression];
        // `-` negates its first operand when the second is undefined (an empty `and`, say).
        if (op === '-' && !b.isLeaf) return { code: `h.minus(${a.code}, ${b.code})`, kind: 'number', isLeaf: false };
        return { code: `(${a.code} ${token} ${b.code})`, kind: 'number', isLeaf: false };
      }
      case 'min':
      case 'max':
        return {
          code: `h.${op}(${args()
            .map((a) => a.code)
            .join(', ')})`,
          kind: 'number',
          isLeaf: false,
        };
      default:
        return undefined;
    }
  }

  /** `{"var": ["name", fallback]}` of one field with a scalar fallback: a local read once per row. */
  private field(raw: readonly unknown[]): Expression | undefined {
    const [key, notFound = null] = raw;
    if (
      raw.length > 2 ||
      typeof key !== 'string' ||
      isWholeDataPath(key) ||
      key.includes('.') ||
      splitPath(key) === undefined
    )
      return undefined;
    if (notFound !== null && typeof notFound === 'object') return undefined;
    const isNumeric = this.typing.isNumeric(key);
    const fallbackCode = this.constant(notFound).code;
    const id = `${key}\u0000${fallbackCode}\u0000${isNumeric}`;
    let local = this.locals.get(id);
    if (local === undefined) {
      let slot = this.keys.indexOf(key);
      if (slot === -1) {
        slot = this.keys.push(key) - 1;
        this.declarations.push(`const x${slot} = d[k[${slot}]];`);
      }
      local = `v${this.locals.size}`;
      this.locals.set(id, local);
      const value = isNumeric ? `typeof x${slot} === "string" ? h.numberFromText(x${slot}) : x${slot}` : `x${slot}`;
      this.declarations.push(`const ${local} = x${slot} === undefined ? ${fallbackCode} : ${value};`);
    }
    return { code: local, kind: 'any', isLeaf: true };
  }

  /** JSON Logic truthiness of an expression, as code. */
  private truth(e: Expression): string {
    if (e.kind === 'boolean') return e.code;
    return e.kind === 'number' ? `!!${e.code}` : `h.truthy(${e.code})`;
  }

  /** `and` / `or`: the first operand that decides, else the last. */
  private chain(args: Expression[], stopWhenTruthy: boolean): Expression {
    const kind = mergeKinds(args);
    if (args.length === 1) return args[0] as Expression;
    if (kind === 'boolean')
      return { code: `(${args.map((a) => a.code).join(stopWhenTruthy ? ' || ' : ' && ')})`, kind, isLeaf: false };
    const t = `t${this.temps++}`;
    let code = (args[args.length - 1] as Expression).code;
    for (let i = args.length - 2; i >= 0; i--) {
      const test = this.truth({ code: t, kind: (args[i] as Expression).kind, isLeaf: true });
      code = stopWhenTruthy
        ? `(${t} = ${(args[i] as Expression).code}, ${test} ? ${t} : ${code})`
        : `(${t} = ${(args[i] as Expression).code}, ${test} ? ${code} : ${t})`;
    }
    return { code, kind, isLeaf: false };
  }

  /** `if`: condition–branch pairs, then an optional else; null when nothing applies. */
  private conditional(args: Expression[]): Expression {
    if (args.length === 1) return args[0] as Expression;
    const branches: Expression[] = [];
    let code = args.length % 2 === 1 ? (args[args.length - 1] as Expression).code : 'null';
    if (args.length % 2 === 1) branches.push(args[args.length - 1] as Expression);
    for (let i = (args.length % 2 === 1 ? args.length - 1 : args.length) - 2; i >= 0; i -= 2) {
      branches.push(args[i + 1] as Expression);
      code = `(${this.truth(args[i] as Expression)} ? ${(args[i + 1] as Expression).code} : ${code})`;
    }
    const kind = args.length % 2 === 1 ? mergeKinds(branches) : 'any';
    return { code, kind, isLeaf: false };
  }

  /** `{"in": [x, [literal list]]}`: strict equality with each member, as `indexOf` finds it. */
  private membership(raw: readonly unknown[], pathOf: (i: number) => LogicPath, depth: number): Expression | undefined {
    const list = raw[1];
    if (raw.length !== 2 || !Array.isArray(list) || !isLiteral(list)) return undefined;
    const needle = this.node(raw[0], pathOf(0), depth);
    if (!needle.isLeaf || list.length > INLINE_MEMBERS)
      return { code: `${this.constant(memberOf(list)).code}(${needle.code})`, kind: 'boolean', isLeaf: false };
    if (list.length === 0) return { code: 'false', kind: 'boolean', isLeaf: true };
    const tests = list.map((member) => `${needle.code} === ${this.constant(freezeLiteral(member)).code}`);
    return { code: `(${tests.join(' || ')})`, kind: 'boolean', isLeaf: false };
  }
}

function mergeKinds(expressions: readonly Expression[]): Kind {
  const first = expressions[0]?.kind ?? 'any';
  return expressions.every((e) => e.kind === first) ? first : 'any';
}
