/** The kinds of identifier a masked output replaces; the kind is also the pseudonym's prefix. */
export type PseudonymKind = 'person' | 'lead' | 'deal';

/**
 * A keyed hash of one identifier: hex, at least 64 characters, the same for the same kind,
 * id and key. The CLI builds it (HMAC-SHA-256 with a key derived from the data's content),
 * so core stays free of crypto and of the key.
 */
export type PseudonymDigest = (kind: PseudonymKind, id: string) => string;

/** Hex characters a pseudonym keeps, longer only where two ids of one output would share one. */
const LENGTHS = [10, 16, 32, 64];

/**
 * Pseudonyms of one kind of identifier (`person-3f9a1c0b7d`): a truncated keyed hash of the
 * id, so the same id gets the same pseudonym in every command and format on the same data,
 * whatever else the output holds. Ids whose truncated hashes collide among `ids` are
 * lengthened until they differ (at 40 bits, rare below a million ids).
 */
export class Pseudonyms {
  private readonly names = new Map<string, string>();

  constructor(
    private readonly kind: PseudonymKind,
    private readonly digest: PseudonymDigest,
    ids: Iterable<string> = [],
  ) {
    let pending = [...new Set(ids)].map((id) => ({ id, hex: digest(kind, id) }));
    for (const length of LENGTHS) {
      const byPrefix = new Map<string, number>();
      for (const p of pending) byPrefix.set(p.hex.slice(0, length), (byPrefix.get(p.hex.slice(0, length)) ?? 0) + 1);
      const isLast = length === LENGTHS[LENGTHS.length - 1];
      const next: typeof pending = [];
      for (const p of pending) {
        if (isLast || byPrefix.get(p.hex.slice(0, length)) === 1)
          this.names.set(p.id, `${kind}-${p.hex.slice(0, length)}`);
        else next.push(p);
      }
      pending = next;
    }
  }

  of(id: string): string;
  of(id: string | null): string | null;
  of(id: string | null): string | null {
    if (id === null) return null;
    return this.names.get(id) ?? `${this.kind}-${this.digest(this.kind, id).slice(0, LENGTHS[0])}`;
  }
}
