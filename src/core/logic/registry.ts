import type { OperatorName } from './operators.js';
import { arithmeticOperators } from './ops/arithmetic.js';
import { arrayOperators } from './ops/arrays.js';
import { compareOperators } from './ops/compare.js';
import { dataOperators } from './ops/data.js';
import { logicOperators } from './ops/logic.js';
import { stringOperators } from './ops/strings.js';
import { textOperators } from './ops/text.js';
import { timeOperators } from './ops/time.js';
import type { OperatorDefinition } from './types.js';

/**
 * The implementation of every allowed operator, one group per file. Adding an operator is
 * an entry in its group plus its name and description in `operators.ts`; the type below
 * fails to compile until both exist.
 */
export const operatorRegistry: Readonly<Record<OperatorName, OperatorDefinition>> = {
  ...dataOperators,
  ...logicOperators,
  ...compareOperators,
  ...arithmeticOperators,
  ...arrayOperators,
  ...stringOperators,
  ...timeOperators,
  ...textOperators,
} satisfies Record<OperatorName, OperatorDefinition>;
