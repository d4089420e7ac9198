import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { jsonLogicSchema, policySchemas } from '../schemas/index.js';
import type { JsonSchema, PolicyKind } from '../schemas/index.js';

/**
 * ajv is strict (unknown keywords and formats are schema bugs), reads own properties
 * only, never `$data`. `allErrors` is on so a user sees every problem at once; that is
 * safe here because the schemas are ours and every pattern in them is linear and sits
 * behind a `maxLength` (a test checks this).
 */
const ajv = new Ajv2020({
  strict: true,
  strictTuples: false,
  allowUnionTypes: true,
  allErrors: true,
  ownProperties: true,
  verbose: true,
  $data: false,
});

const logicDefs = Object.keys(jsonLogicSchema.$defs as JsonSchema);
let isLogicAdded = false;

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

const validators = new Map<PolicyKind, ValidateFunction>();

/** The compiled validator of a kind, built on first use. */
export function validatorFor(kind: PolicyKind): ValidateFunction {
  let validate = validators.get(kind);
  if (validate === undefined) {
    if (!isLogicAdded) {
      ajv.addSchema(jsonLogicSchema);
      isLogicAdded = true;
    }
    validate = ajv.compile(shareLogicDefs(policySchemas[kind]));
    validators.set(kind, validate);
  }
  return validate;
}
