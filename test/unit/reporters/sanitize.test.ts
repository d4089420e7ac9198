import { describe, expect, it } from 'vitest';
import {
  jsonText,
  terminalLines,
  terminalOutput,
  terminalText,
  workflowCommandData,
  workflowCommandProperty,
} from '../../../src/reporters/sanitize.js';

const hostile =
  '\n::error file=x::pwned\r::add-mask::secret\u001b]0;title\u0007\u001b]52;c;cHduZWQ=\u0007\u202e\u200b\u2028\u0085';

describe('terminalText', () => {
  it('keeps a value on one line with every control and invisible character shown', () => {
    expect(terminalText(hostile)).toBe(
      '␊::error file=x::pwned␍::add-mask::secret␛]0;title␇␛]52;c;cHduZWQ=␇<U+202E><U+200B><U+2028><U+0085>',
    );
    expect(terminalText('tab\there\u007f')).toBe('tab␉here␡');
  });

  it.each([['::error::x'], ['  ::add-mask::s'], ['\u00a0::warning::x']])(
    'defuses a value that would start a workflow command: %j',
    (value) => {
      expect(terminalText(value)).toBe(`\\${value}`);
    },
  );

  // The runner finds a legacy command (`##[cmd]data`) anywhere in a line, not only at its start.
  it.each([['##[set-output name=a]b'], ['Ann ##[add-mask]Brooks'], ['x ##[error]pwned ##[warning]y']])(
    'breaks a legacy workflow command wherever it is: %j',
    (value) => {
      expect(terminalText(value)).not.toContain('##[');
      expect(terminalText(value).replaceAll('##\\[', '##[')).toBe(value);
      expect(terminalLines(`a\n${value}`)).not.toContain('##[');
      expect(terminalOutput(`\u001b[2m${value}\u001b[22m\n`)).not.toContain('##[');
    },
  );

  it('leaves plain names alone and is idempotent', () => {
    for (const value of ['Ethan Brooks', 'a::b', 'Zoë Ångström 株式会社', hostile, '::x'])
      expect(terminalText(terminalText(value))).toBe(terminalText(value));
    expect(terminalText('Ethan Brooks')).toBe('Ethan Brooks');
    expect(terminalText('a::b')).toBe('a::b');
  });
});

describe('terminalLines', () => {
  it('keeps line breaks and defuses each line', () => {
    expect(terminalLines('Cannot read x\n::error::y\r\n\u001b[31mz')).toBe('Cannot read x\n\\::error::y\n␛[31mz');
  });
});

describe('terminalOutput', () => {
  it('keeps our colour codes, shows any other escape sequence, and defuses command lines even behind colour', () => {
    const rendered = '\u001b[1mtitle\u001b[22m\n  \u001b[2m::error::x\u001b[22m\n\u001b]0;t\u0007 \u001b[2J\ue000';
    expect(terminalOutput(rendered)).toBe(
      '\u001b[1mtitle\u001b[22m\n\\  \u001b[2m::error::x\u001b[22m\n␛]0;t␇ ␛[2J\ue000',
    );
  });

  it('leaves output without untrusted text byte for byte', () => {
    const plain = '\u001b[32m✔ 15 policy files valid\u001b[39m\n  a  b\n';
    expect(terminalOutput(plain)).toBe(plain);
  });
});

describe('workflow command escaping', () => {
  it('percent-encodes %, CR and LF in data, and also : and , in properties', () => {
    expect(workflowCommandData('50%\r\n::error::x, y: z')).toBe('50%25%0D%0A::error::x, y: z');
    expect(workflowCommandProperty('a,b:c%d\ne')).toBe('a%2Cb%3Ac%25d%0Ae');
  });

  it('shows other control and invisible characters instead of printing them', () => {
    expect(workflowCommandData('a\u001b]0;t\u0007\u202eb')).toBe('a␛]0;t␇<U+202E>b');
  });
});

describe('jsonText', () => {
  it('escapes every control and invisible character and reads back as the same data', () => {
    const value = { name: `${hostile}\u007f\u{e0041}tag`, list: ['\u2066x\u2069', 1, null] };
    const text = jsonText(value);
    expect(JSON.parse(text)).toEqual(value);
    // eslint-disable-next-line no-control-regex
    expect(text.slice(0, -1)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]/u);
    expect(text).toContain('\\u202e\\u200b\\u2028\\u0085');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('carries no legacy workflow command (`##[`), which the runner finds anywhere in a line, and reads back the same', () => {
    const value = { name: 'Ann ##[add-mask]Brooks', list: ['##[error]x'], '##[warning]key': 1 };
    const text = jsonText(value);
    expect(text).not.toContain('##[');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('is JSON.stringify pretty-printed when nothing needs escaping', () => {
    const value = { a: [1, 'Zoë'], b: { c: 'x\ny' } };
    expect(jsonText(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });
});
