import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { listDescendants, reapProcesses } from '../helpers/browser-processes.js';

describe.runIf(process.platform === 'linux')('the leftover-process check', () => {
  it('sees a process this test started, kills it when it outlives the wait, and reports it', async () => {
    const child = spawn('sleep', ['73'], { stdio: 'ignore' });
    const exited = once(child, 'exit');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stamps = listDescendants(/^sleep 73$/);
    expect(stamps.map((s) => s.pid)).toEqual([child.pid]);
    const left = await reapProcesses(stamps, 300);
    expect(left.map((s) => s.pid)).toEqual([child.pid]);
    expect((await exited)[1]).toBe('SIGKILL');
    expect(listDescendants(/^sleep 73$/)).toEqual([]);
  });

  it('reports nothing for a process that exits within the wait', async () => {
    const child = spawn('sleep', ['0.2'], { stdio: 'ignore' });
    const exited = once(child, 'exit');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stamps = listDescendants(/^sleep 0\.2$/);
    expect(stamps).toHaveLength(1);
    expect(await reapProcesses(stamps, 5_000)).toEqual([]);
    expect(await exited).toEqual([0, null]); // it ended by itself, not killed
  });
});
