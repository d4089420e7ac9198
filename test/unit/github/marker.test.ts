import { describe, expect, it } from 'vitest';
import {
  buildMarker,
  comparableBody,
  compareRunStamps,
  findMarker,
  isMarkerName,
  parseRunStamp,
  removeMarkerLines,
} from '../../../src/github/marker.js';

const sha = '3f786850e387550fdab836ed7e6dc881de23001b';
const name = 'revops-policy:impact';

describe('the sticky comment marker', () => {
  it('writes the name, the head SHA and the run stamp on one hidden line', () => {
    expect(buildMarker(name, { sha, run: { id: 8123456789n, attempt: 2n } })).toBe(
      `<!-- revops-policy:impact sha=${sha} run=8123456789.2 -->`,
    );
    expect(buildMarker(name, {})).toBe('<!-- revops-policy:impact -->');
  });

  it('reads the fields back from the first line, with either line ending', () => {
    expect(findMarker(`<!-- ${name} sha=${sha} run=12.3 -->\n### Impact`, name)).toEqual({
      sha,
      run: { id: 12n, attempt: 3n },
    });
    expect(findMarker(`<!-- ${name} sha=${sha} run=12 -->\r\n### Impact`, name)).toEqual({
      sha,
      run: { id: 12n, attempt: 0n },
    });
    expect(findMarker(`<!-- ${name} -->`, name)).toEqual({});
  });

  it.each([
    ['another name that starts with ours', `<!-- ${name}-2 sha=${sha} -->`],
    ['the marker inside other text', `see <!-- ${name} --> here`],
    ['an escaped marker', `&lt;!-- ${name} --&gt;`],
    ['no marker', '### Impact'],
    ['the marker on a later line', `intro\n<!-- ${name} sha=${sha} run=12.3 -->`],
    ['the marker after a line separator', `intro\u2028<!-- ${name} sha=${sha} run=12.3 -->`],
    ['an indented marker', ` <!-- ${name} sha=${sha} run=12.3 -->`],
    ['trailing space', `<!-- ${name} sha=${sha} run=12.3 --> `],
    ['a run id of 20 digits', `<!-- ${name} sha=${sha} run=99999999999999999999.1 -->`],
    ['a run id of 2^53', `<!-- ${name} sha=${sha} run=9007199254740992 -->`],
    ['a five-digit attempt', `<!-- ${name} run=12.10000 -->`],
    ['attempt 0', `<!-- ${name} run=12.0 -->`],
    ['a leading zero', `<!-- ${name} run=012.1 -->`],
    ['a malformed run stamp', `<!-- ${name} run=latest -->`],
    ['a short SHA', `<!-- ${name} sha=3f78685 run=12.1 -->`],
    ['an upper-case SHA', `<!-- ${name} sha=${sha.toUpperCase()} -->`],
    ['fields out of order', `<!-- ${name} run=12.1 sha=${sha} -->`],
    ['an unknown field', `<!-- ${name} sha=${sha} run=12.1 x=1 -->`],
    ['a repeated field', `<!-- ${name} run=12.1 run=13.1 -->`],
  ])('finds nothing in %s', (_label, body) => {
    expect(findMarker(body, name)).toBeUndefined();
  });

  it('bounds run stamps: a positive safe integer id, an attempt of 1 to 4 digits', () => {
    expect(parseRunStamp('9007199254740991.9999')).toEqual({ id: 9007199254740991n, attempt: 9999n });
    for (const text of [
      '9007199254740992',
      '99999999999999999999',
      '0',
      '12.0',
      '12.10000',
      '1e3',
      '-1',
      ' 12',
      '12.',
      '.1',
      '',
    ]) {
      expect(parseRunStamp(text)).toBeUndefined();
    }
  });

  it('orders run stamps by run id, then attempt', () => {
    const stamp = (text: string) => parseRunStamp(text) ?? { id: -1n, attempt: -1n };
    expect(compareRunStamps(stamp('900.2'), stamp('901'))).toBeLessThan(0);
    expect(compareRunStamps(stamp('900.2'), stamp('900.1'))).toBeGreaterThan(0);
    expect(compareRunStamps(stamp('900.1'), stamp('900.1'))).toBe(0);
    expect(compareRunStamps(stamp('9007199254740991'), stamp('9007199254740990.9'))).toBeGreaterThan(0);
  });

  it('compares bodies without the run stamp, line endings or trailing space', () => {
    const a = `<!-- ${name} sha=${sha} run=900.1 -->\n### Impact\n`;
    const b = `<!-- ${name} sha=${sha} run=901.1 -->\r\n### Impact\r\n\r\n`;
    expect(comparableBody(a, name)).toBe(comparableBody(b, name));
    expect(comparableBody(a, name)).not.toBe(comparableBody(a.replace(sha, 'a'.repeat(40)), name));
  });

  it('drops marker lines a body file already carries', () => {
    expect(removeMarkerLines(`<!-- ${name} -->\n### Impact\n<!-- other -->`, name)).toBe('### Impact\n<!-- other -->');
  });

  it('accepts only plain marker names', () => {
    expect(isMarkerName('revops-policy:impact')).toBe(true);
    expect(isMarkerName('a -->')).toBe(false);
    expect(isMarkerName('')).toBe(false);
  });
});
