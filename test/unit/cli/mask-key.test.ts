import { describe, expect, it } from 'vitest';
import { createMaskDigest } from '../../../src/cli/mask-key.js';

describe('createMaskDigest', () => {
  const hashes: Record<string, string> = {
    'a/leads.csv': 'h1',
    'a/users.csv': 'h2',
    'b/leads.csv': 'h1',
    'b/users.csv': 'h2',
    'c/users.csv': 'h3',
  };
  const fileHash = (file: string): string | undefined => hashes[file];

  it('is keyed by the files’ contents, not their paths or order', () => {
    const a = createMaskDigest({ fileHash }, [
      { file: 'a/leads.csv', rowsRead: 3 },
      { file: 'a/users.csv', rowsRead: 3 },
    ]);
    const b = createMaskDigest({ fileHash }, [
      { file: 'b/users.csv', rowsRead: 3 },
      { file: 'b/leads.csv', rowsRead: 3 },
    ]);
    expect(a('lead', 'L1')).toMatch(/^[0-9a-f]{64}$/);
    expect(b('lead', 'L1')).toBe(a('lead', 'L1'));
  });

  it('changes with the data, so a pseudonym cannot be recomputed without it', () => {
    const a = createMaskDigest({ fileHash }, [
      { file: 'a/leads.csv', rowsRead: 3 },
      { file: 'a/users.csv', rowsRead: 3 },
    ]);
    const c = createMaskDigest({ fileHash }, [
      { file: 'a/leads.csv', rowsRead: 3 },
      { file: 'c/users.csv', rowsRead: 3 },
    ]);
    expect(c('lead', 'L1')).not.toBe(a('lead', 'L1'));
    expect(a('person', 'L1')).not.toBe(a('lead', 'L1'));
  });

  it('refuses data read without hashing, rather than fall back to a guessable key', () => {
    expect(() =>
      createMaskDigest({ fileHash }, [
        { file: 'd/leads.csv', rowsRead: 3 },
        { file: 'd/users.csv', rowsRead: 0 },
      ]),
    ).toThrow(/read without being hashed/);
    expect(
      createMaskDigest({ fileHash }, [
        { file: 'a/leads.csv', rowsRead: 3 },
        { file: 'd/broken.json', rowsRead: 2 },
      ])('lead', 'L1'),
    ).toMatch(/^[0-9a-f]{64}$/);
    expect(createMaskDigest({ fileHash }, [])('lead', 'L1')).toMatch(/^[0-9a-f]{64}$/);
  });
});
