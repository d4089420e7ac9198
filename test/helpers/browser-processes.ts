import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** A process, told apart from a later one that reuses its id by its start time. */
export interface ProcessStamp {
  pid: number;
  startTime: string;
  command: string;
}

interface ProcStat {
  ppid: number;
  state: string;
  startTime: string;
}

/** `/proc/<pid>/stat`: the command name is in parentheses and may hold spaces, so fields count after the last `)`. */
function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', ppid: Number(fields[1]), startTime: fields[19] ?? '' };
  } catch {
    return null;
  }
}

function readCommand(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/**
 * The living processes this test process started (its descendants) whose command line matches
 * `command` (by default Chromium's), read from `/proc`; empty where there is no `/proc`.
 */
export function listDescendants(command = /chrom/i, root = process.pid): ProcessStamp[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return [];
  }
  const stats = new Map<number, ProcStat>();
  for (const pid of pids) {
    const stat = readStat(pid);
    if (stat !== null) stats.set(pid, stat);
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = stats.get(pid)?.ppid, hops = 0; p !== undefined && p > 1 && hops < 64; hops++) {
      if (p === root) return true;
      p = stats.get(p)?.ppid;
    }
    return false;
  };
  return [...stats.entries()]
    .filter(([pid, stat]) => stat.state !== 'Z' && isDescendant(pid))
    .map(([pid, stat]) => ({ pid, startTime: stat.startTime, command: readCommand(pid) }))
    .filter((p) => command.test(p.command));
}

/** Whether the process still runs (a zombie has exited: it only waits for its parent to reap it). */
function isAlive(stamp: ProcessStamp): boolean {
  const stat = readStat(stamp.pid);
  return stat !== null && stat.startTime === stamp.startTime && stat.state !== 'Z' && stat.state !== 'X';
}

/**
 * Waits up to `ms` for the processes to exit, then kills (by id) any that did not and returns
 * them, so a browser that hung on close never outlives the test run.
 */
export async function reapProcesses(stamps: ProcessStamp[], ms: number): Promise<ProcessStamp[]> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && stamps.some(isAlive)) await sleep(100);
  const left = stamps.filter(isAlive);
  for (const stamp of left) {
    try {
      process.kill(stamp.pid, 'SIGKILL');
    } catch {
      // Gone between the check and the kill.
    }
  }
  return left;
}
