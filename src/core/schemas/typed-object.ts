/** Object schemas tied to a TypeScript type, so a field added to the type cannot be left out of its schema. */
import type { JsonSchema } from './define.js';
import { object } from './report-builders.js';

/** Keys of T that T declares optional (`key?:`). */
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

type OptionalOption<T> = [OptionalKeys<T>] extends [never]
  ? { optional?: never }
  : { optional: { [K in OptionalKeys<T>]: true } };

/**
 * Marks an object that readers keep closed (see `openForReaders`): an unknown key there is
 * refused, because it could change what a merge gate means.
 */
export const closedForReadersMarker = 'revops: closed for readers';

/**
 * An object schema with exactly the keys of T: the compiler rejects a missing or an unknown
 * one, and `optional` must name exactly the keys T declares optional. `isClosedForReaders`
 * marks the object as one a reader must keep closed.
 */
export function objectOf<T>(
  properties: { [K in keyof T]-?: JsonSchema },
  options: { description?: string; isNullable?: boolean; isClosedForReaders?: boolean } & OptionalOption<T>,
): JsonSchema {
  const optional = Object.keys(options.optional ?? {});
  const schema = object(properties as Record<string, JsonSchema>, {
    optional,
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(options.isNullable === true ? { isNullable: true } : {}),
  });
  return options.isClosedForReaders === true ? { $comment: closedForReadersMarker, ...schema } : schema;
}
