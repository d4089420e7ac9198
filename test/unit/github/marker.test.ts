import { describe, expect, it } from 'vitest';
import { buildMarker, comparableBody, compareRunStamps, findMarker, isMarkerName, parseRunStamp, removeMarkerLines } from '../../../src/github/marker.js';

const sha = '3f786850e387550fdab836ed7e6dc881de23001b';
const name = 'revops-policy:impact';

describe('the sticky comment marker', () => {
  it('writes the name, the head SHA and the run stamp on one hidden line', () => {
    expect(buildMarker(name, { sha, run: { id: 8123456789n, attempt: 2n } })).toBe(`<!-- revops-policy:impact sha=${sha} run=8123456789.2 -->`);
    expect(buildMarker(name, {})).toBe('<!-- revops-policy:impact -->');
  });

  it('reads the fields back, from any line of the body', () => {
    expect(findMarker(`intro\n<!-- ${name} sha=${sha} run=12.3 -->\n### Impact`, name)).toEqual({ sha, run: { id: 12n, attempt: 3n } });
    expect(findMarker(`<!-- ${name} -->`, name)).toEqual({});
  });

  it.each([
    ['another name that starts with ours', `<!-- ${name}-2 sha=${sha} -->`],
    ['the marker inside other text', `see <!-- ${name} --> here`],
    ['an escaped marker', `&lt;!-- ${name} --&gt;`],
    ['no marker', '### Impact'],
  ])('finds nothing in %s', (_label, body) => {
    expect(findMarker(body, name)).toBeUndefined();
  });

  it('ignores a malformed run stamp instead of trusting it', () => {
    expect(findMarker(`<!-- ${name} run=latest -->`, name)).toEqual({});
  });

  it('orders run stamps by run id, then attempt', () => {
    const stamp = (text: string) => parseRunStamp(text) ?? { id: -1n, attempt: -1n };
    expect(compareRunStamps(stamp('900.2'), stamp('901'))).toBeLessThan(0);
    expect(compareRunStamps(stamp('900.2'), stamp('900.1'))).toBeGreaterThan(0);
    expect(compareRunStamps(stamp('900'), stamp('900.0'))).toBe(0);
    expect(compareRunStamps(stamp('99999999999999999999'), stamp('9007199254740993'))).toBeGreaterThan(0);
    expect(parseRunStamp('1e3')).toBeUndefined();
    expect(parseRunStamp('-1')).toBeUndefined();
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
