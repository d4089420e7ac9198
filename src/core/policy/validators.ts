import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Options, ValidateFunction } from 'ajv';
import { jsonLogicSchema, policyKinds, policySchemas } from '../schemas/index.js';
import type { JsonSchema, PolicyKind } from '../schemas/index.js';

/**
 * ajv is strict (unknown keywords and formats are schema bugs), reads own properties
 * only, never `$data`. `allErrors` is on so a user sees every problem at once; that is
 * safe here because the schemas are ours and every pattern in them is linear and sits
 * behind a `maxLength` (a test checks this).
 */
const ajvOptions: Options = {
  strict: true,
  strictTuples: false,
  allowUnionTypes: true,
  allErrors: true,
  ownProperties: true,
  verbose: true,
  $data: false,
};

const logicDefs = Object.keys(jsonLogicSchema.$defs as JsonSchema);

/**
 * The published kind schemas each carry their own copy of the JSON Logic definitions, so
 * an editor needs no other file. Compiled as they are, ajv would build that large,
 * depth-bounded rule schema once per kind; pointing each copy at one shared schema
 * compiles it once and validates identically.
 */
function shareLogicDefs(schema: JsonSchema): JsonSchema {
  const defs = { ...(schema.$defs as Record<string, JsonSchema>) };
  if (!('logic' in defs)) return schema;
  for (const name of logicDefs) {
    if (name in defs) defs[name] = { $ref: `${String(jsonLogicSchema.$id)}#/$defs/${name}` };
  }
  return { ...schema, $defs: defs };
}

/**
 * An ajv holding every kind's schema under the key `kind:<Kind>`. With `code`, it can
 * write the validators out as a module (see `src/dev/write-validators.ts`).
 */
export function createPolicyAjv(code?: Options['code']): Ajv2020 {
  const ajv = new Ajv2020(code === undefined ? ajvOptions : { ...ajvOptions, code });
  ajv.addSchema(jsonLogicSchema);
  for (const kind of policyKinds) ajv.addSchema(shareLogicDefs(policySchemas[kind]), `kind:${kind}`);
  return ajv;
}

/**
 * The validators written out at build time, one export per kind (`npm run build` writes
 * them next to this file): compiling the schemas takes longer than a whole `revops validate`
 * of a policy repository otherwise. Absent when running from the TypeScript sources; the
 * schemas are then compiled on first use, to the same validators.
 */
const written = (await import('./validators-standalone.js' as string).catch(() => undefined)) as
  Partial<Record<PolicyKind, ValidateFunction>> | undefined;

let ajv: Ajv2020 | undefined;
const validators = new Map<PolicyKind, ValidateFunction>();

/** The validator of a kind. */
export function validatorFor(kind: PolicyKind): ValidateFunction {
  let validate = validators.get(kind) ?? written?.[kind];
  if (validate === undefined) {
    ajv ??= createPolicyAjv();
    validate = ajv.getSchema(`kind:${kind}`) as ValidateFunction;
    validators.set(kind, validate);
  }
  return validate;
}
