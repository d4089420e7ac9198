/**
 * Part of `npm run build`: writes validators as JavaScript (ajv's standalone code), which the
 * modules beside them load instead of compiling their schemas at every start:
 * - every policy kind's, into dist/core/policy/validators-standalone.js (see `validators.ts`);
 * - the impact report's as readers apply it, into dist/core/impact/report-validator-standalone.js
 *   (see `report-validator.ts`).
 */
import { writeFileSync } from 'node:fs';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createImpactReportAjv } from '../core/impact/report-validator.js';
import { createPolicyAjv } from '../core/policy/validators.js';
import { policyKinds } from '../core/schemas/index.js';

// The module is ESM (exports), but ajv loads its runtime helpers with `require`.
const preamble = 'import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\n';

function writeModule(path: string, code: string): void {
  writeFileSync(new URL(path, import.meta.url), preamble + code.replace(/^"use strict";/, ''));
}

const policyAjv = createPolicyAjv({ source: true, esm: true });
writeModule(
  '../core/policy/validators-standalone.js',
  standaloneCode.default(policyAjv, Object.fromEntries(policyKinds.map((kind) => [kind, `kind:${kind}`]))),
);

const impactAjv = createImpactReportAjv({ source: true, esm: true });
writeModule(
  '../core/impact/report-validator-standalone.js',
  standaloneCode.default(impactAjv, { impactReport: 'impact-report' }),
);
