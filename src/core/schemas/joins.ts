import { entityNames } from '../model/canonical.js';
import type { JsonSchema } from './define.js';

/** Entities a field can be looked up in: those kept as rows (activities are columns, without a unique key). */
export const lookupEntities = entityNames.filter((name) => name !== 'activities');

/** `lookup` in a field source: the value comes from another entity's row, found by key. */
export const lookupDef: JsonSchema = {
  type: 'object',
  description:
    "Look the field up in another entity's rows: the row of `entity` whose `on` field (default `id`) equals this " +
    "row's `key` field gives its `field`, e.g. `{entity: leads, key: lead_id, field: created_at}` for a deal's " +
    'lead date. A key with no match or with two matches rejects the row. `entity` is read first.',
  required: ['entity', 'key', 'field'],
  additionalProperties: false,
  properties: {
    entity: { enum: lookupEntities, description: 'The entity whose rows hold the value.' },
    key: {
      type: 'string',
      maxLength: 63,
      description: 'Canonical field of this entity holding the key, e.g. `lead_id`; it must be mapped.',
    },
    on: {
      type: 'string',
      maxLength: 63,
      description: 'Canonical field of `entity` the key is matched against. Default `id`.',
    },
    field: {
      type: 'string',
      maxLength: 63,
      description: 'Canonical field of `entity` whose value this field takes; the two fields have the same type.',
    },
    ifNoMatch: {
      enum: ['error', 'empty'],
      description:
        'What a key with no match gives: `error` (default) rejects the row; `empty` leaves the field empty, for a ' +
        'field that may rightly have none (a lead that never reached a stage). Two matches are always an error.',
    },
  },
};

/** `from` on an entity mapping: the entity is built from the distinct values of another entity's file. */
export const fromDef: JsonSchema = {
  type: 'object',
  description:
    "Build this entity from the distinct values of columns in another entity's file, instead of a `file` of its " +
    'own, e.g. users from the owner columns of the deals file. `fields` then name columns of that file; rows ' +
    'with the same `id` are one row, and a row that gives an id other values than its first row is rejected.',
  required: ['entity'],
  additionalProperties: false,
  properties: {
    entity: { enum: entityNames, description: 'The entity whose file the columns are read from.' },
  },
};
