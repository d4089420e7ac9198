import { createHash, createHmac } from 'node:crypto';
import type { FileAccounting } from '../core/data/types.js';
import type { PseudonymDigest } from '../core/report/mask-pseudonyms.js';
import type { HashingIo } from './hashing-io.js';

/**
 * The keyed hash behind `--mask` pseudonyms: HMAC-SHA-256 of `kind\0id`, keyed by the
 * contents of the data files read (their sha256s, sorted; not their paths). The same data
 * gives the same pseudonyms in `evaluate`, `impact` and `explain`. The key is not the
 * report's `dataHash` (which is printed): it comes from the files' bytes, so only someone
 * who holds the data — and so the real ids — can recompute a pseudonym.
 */
export function createMaskDigest(
  hashing: Pick<HashingIo, 'fileHash'>,
  files: readonly Pick<FileAccounting, 'file' | 'rowsRead'>[],
): PseudonymDigest {
  const contents = files.map((f) => hashing.fileHash(f.file) ?? '-');
  // Rows read but nothing hashed would make the key guessable: a caller did not hash what it read.
  // (One file may lack a hash when its reading stopped early, e.g. at a broken JSON document.)
  if (files.some((f) => f.rowsRead > 0) && contents.every((c) => c === '-'))
    throw new Error('--mask: the data was read without being hashed');
  const key = createHash('sha256')
    .update(`revops-policy mask key v1\0${contents.sort().join('\n')}`)
    .digest();
  return (kind, id) => createHmac('sha256', key).update(`${kind}\0${id}`).digest('hex');
}
