import { describe, expect, it } from 'vitest';
import { createMaskDigest } from '../../../src/cli/mask-key.js';
import { Pseudonyms } from '../../../src/core/report/mask-pseudonyms.js';
import type { PseudonymDigest } from '../../../src/core/report/mask-pseudonyms.js';

const digest = createMaskDigest({ fileHash: (file) => `sha-of-${file}` }, [{ file: 'leads.csv', rowsRead: 1 }]);

describe('Pseudonyms', () => {
  it('gives an id the same pseudonym whatever other ids are shown and in whatever order', () => {
    const few = new Pseudonyms('person', digest, ['U007']);
    const many = new Pseudonyms('person', digest, ['U012', 'U001', 'U007', 'U003']);
    const none = new Pseudonyms('person', digest);
    expect(few.of('U007')).toMatch(/^person-[0-9a-f]{10}$/);
    expect(many.of('U007')).toBe(few.of('U007'));
    expect(none.of('U007')).toBe(few.of('U007'));
    expect(many.of('U001')).not.toBe(many.of('U007'));
    expect(many.of(null)).toBeNull();
  });

  it('depends on the kind: a lead and a person with the same id get unrelated pseudonyms', () => {
    const lead = new Pseudonyms('lead', digest).of('X1');
    const person = new Pseudonyms('person', digest).of('X1');
    expect(lead.slice('lead-'.length)).not.toBe(person.slice('person-'.length));
  });

  it('lengthens only the ids whose short pseudonyms collide', () => {
    // A digest whose first 12 characters are the same for A and B, and differ for C.
    const colliding: PseudonymDigest = (_kind, id) =>
      ({ A: 'aaaaaaaaaaaa1111', B: 'aaaaaaaaaaaa2222', C: 'cccccccccccc3333' })[id]!.padEnd(64, '0');
    const names = new Pseudonyms('lead', colliding, ['A', 'B', 'C']);
    expect(names.of('A')).toBe('lead-aaaaaaaaaaaa1111');
    expect(names.of('B')).toBe('lead-aaaaaaaaaaaa2222');
    expect(names.of('C')).toBe('lead-cccccccccc');
  });
});
