import { describe, expect, it } from 'vitest';
import { inputVariable, readActionInputs } from '../../../src/action/action-inputs.js';

const sha = 'a'.repeat(40);
const env = (inputs: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(inputs).map(([name, value]) => [inputVariable(name), value]));

describe('the action inputs', () => {
  it('are read from the variables the runner sets, hyphens kept, blanks as defaults', () => {
    expect(inputVariable('head-sha')).toBe('INPUT_HEAD-SHA');
    const inputs = readActionInputs(
      env({ mode: 'check', 'impact-file': 'i.json', pr: '12', 'head-sha': sha, data: '  ' }),
    );
    expect(inputs).toMatchObject({
      mode: 'check',
      pr: '12',
      headSha: sha,
      policies: 'policies',
      data: 'data',
      mask: true,
    });
  });

  it.each([
    ['an unknown mode', { mode: 'deploy' }, 'mode must be one of validate, test, impact, comment, check, replay'],
    ['impact without base-ref', { mode: 'impact' }, 'needs base-ref'],
    ['replay without pr', { mode: 'replay', 'head-sha': sha }, 'pr must be a pull request number'],
    ['a pr that is a command', { mode: 'replay', pr: '12; curl x', 'head-sha': sha }, 'pr must be'],
    ['a pr that is a refspec', { mode: 'replay', pr: '1/head:refs/heads/main', 'head-sha': sha }, 'pr must be'],
    ['a pr of 0', { mode: 'check', pr: '0', 'head-sha': sha, 'impact-file': 'x' }, 'pr must be'],
    ['a short head-sha', { mode: 'replay', pr: '7', 'head-sha': 'abc123' }, 'head-sha must be a full commit SHA'],
    ['a head-sha that is an option', { mode: 'replay', pr: '7', 'head-sha': `--upload-pack=${sha}` }, 'head-sha must'],
    [
      'a head-sha given in impact mode that is not one',
      { mode: 'impact', 'base-ref': 'origin/main', 'head-sha': 'HEAD' },
      'head-sha must',
    ],
    ['comment without body-file', { mode: 'comment', pr: '7', 'head-sha': sha }, 'needs body-file'],
    ['check without impact-file', { mode: 'check', pr: '7', 'head-sha': sha }, 'needs impact-file'],
    [
      'mask that is not a boolean',
      { mode: 'impact', 'base-ref': 'origin/main', mask: 'yes' },
      'mask must be true or false',
    ],
    [
      'min-coverage that is not a number',
      { mode: 'test', 'min-coverage': '90; rm' },
      'min-coverage must be a percentage',
    ],
  ])('refuse %s', (_name, inputs, message) => {
    expect(() => readActionInputs(env(inputs))).toThrow(message);
  });
});
