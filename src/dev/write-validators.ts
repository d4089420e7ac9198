/**
 * Part of `npm run build`: writes every policy kind's validator as JavaScript into
 * dist/core/policy/validators-standalone.js (ajv's standalone code), which `validators.ts`
 * loads instead of compiling the schemas at every start.
 */
import { writeFileSync } from 'node:fs';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createPolicyAjv } from '../core/policy/validators.js';
import { policyKinds } from '../core/schemas/index.js';

const ajv = createPolicyAjv({ source: true, esm: true });
const code = standaloneCode.default(ajv, Object.fromEntries(policyKinds.map((kind) => [kind, `kind:${kind}`])));
// The module is ESM (exports), but ajv loads its runtime helpers with `require`.
const preamble = 'import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\n';
const file = new URL('../core/policy/validators-standalone.js', import.meta.url);
writeFileSync(file, preamble + code.replace(/^"use strict";/, ''));
