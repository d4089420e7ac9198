import { sharedDefs } from './shared.js';

/** A JSON Schema document or subschema (draft 2020-12). */
export type JsonSchema = { [key: string]: unknown };

export const API_VERSION = 'revops/v1';
export const SCHEMA_BASE_URI = 'https://revops-policy.dev/schemas/v1/';
export const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** Every `#/$defs/NAME` that a schema refers to, transitively through the shared defs. */
function collectDefs(root: unknown): Record<string, JsonSchema> {
  const found: Record<string, JsonSchema> = {};
  const queue: unknown[] = [root];
  while (queue.length > 0) {
    const node = queue.pop();
    if (Array.isArray(node)) {
      queue.push(...node);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
          const name = value.slice('#/$defs/'.length);
          const def = sharedDefs[name];
          if (def === undefined) throw new Error(`schema refers to unknown shared def ${name}`);
          if (!(name in found)) {
            found[name] = def;
            queue.push(def);
          }
        } else {
          queue.push(value);
        }
      }
    }
  }
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Builds the self-contained schema of one policy kind: the common envelope
 * (`apiVersion`, `kind`, `metadata`, `spec`) around the kind's `spec`, with the shared
 * definitions it uses copied in, so an editor needs no other file to resolve it.
 */
export function definePolicySchema(options: {
  kind: string;
  file: string;
  title: string;
  description: string;
  spec: JsonSchema;
}): JsonSchema {
  const body: JsonSchema = {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    additionalProperties: false,
    properties: {
      apiVersion: { const: API_VERSION, description: `Policy format version. Always \`${API_VERSION}\`.` },
      kind: { const: options.kind, description: `Policy kind. Always \`${options.kind}\` in this file.` },
      metadata: { $ref: '#/$defs/metadata' },
      spec: { description: `The ${options.kind} itself.`, ...options.spec },
    },
  };
  return {
    $schema: DRAFT,
    $id: SCHEMA_BASE_URI + options.file,
    title: options.title,
    description: options.description,
    ...body,
    $defs: collectDefs(body),
  };
}

/** A standalone schema for a shared definition (e.g. the JSON Logic rule schema). */
export function defineSharedSchema(options: {
  file: string;
  title: string;
  description: string;
  def: string;
}): JsonSchema {
  const body: JsonSchema = { $ref: `#/$defs/${options.def}` };
  return {
    $schema: DRAFT,
    $id: SCHEMA_BASE_URI + options.file,
    title: options.title,
    description: options.description,
    ...body,
    $defs: collectDefs(body),
  };
}
