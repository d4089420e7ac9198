import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkflowIo } from '../../../src/action/workflow-io.js';
import { parseOutputFile } from '../../helpers/action.js';
import { useTempDirs } from '../../helpers/paths.js';

describe("the action's workflow IO", () => {
  const tempDir = useTempDirs();

  function setUp(): { io: ReturnType<typeof createWorkflowIo>; written: string[]; output: string; summary: string } {
    const dir = tempDir();
    const output = join(dir, 'output');
    const summary = join(dir, 'summary');
    writeFileSync(output, '');
    writeFileSync(summary, '# before\n');
    const written: string[] = [];
    const io = createWorkflowIo({ GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary }, (t) => written.push(t));
    return { io, written, output, summary };
  }

  it('writes an output whose value cannot add another output, whatever lines it holds', async () => {
    const { io, output } = setUp();
    await io.setOutput('report-path', '/tmp/a\nblocked=false\nEOF');
    await io.setOutput('blocked', 'true');
    expect(parseOutputFile(readFileSync(output, 'utf8'))).toEqual({
      'report-path': '/tmp/a\nblocked=false\nEOF',
      blocked: 'true',
    });
  });

  it('appends to the job summary, ending with a line break', async () => {
    const { io, summary } = setUp();
    await io.appendSummary('## Impact');
    expect(readFileSync(summary, 'utf8')).toBe('# before\n## Impact\n');
  });

  it('keeps an untrusted message inside one workflow command, and a log line from starting one', () => {
    const { io, written } = setUp();
    io.error('bad file\n::add-mask::x 100%');
    io.log('::set-output name=blocked::false');
    expect(written).toEqual(['::error::bad file%0A::add-mask::x 100%25\n', '\\::set-output name=blocked::false\n']);
  });

  it('fails clearly outside a workflow, where there is no output file', async () => {
    const io = createWorkflowIo({}, () => undefined);
    await expect(io.setOutput('valid', 'true')).rejects.toThrow('GITHUB_OUTPUT is not set');
  });
});
