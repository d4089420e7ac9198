#!/usr/bin/env node
import { terminalLines } from '../reporters/sanitize.js';
import { createNodeIo } from './node-io.js';
import { runCli } from './program.js';

// A reader that stops early (`revops evaluate | head`) closes the pipe: stop quietly, as
// Unix tools do, instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const io = createNodeIo();
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // The message may quote a file or policy name: no control characters, no workflow commands.
    io.stderr(
      `revops: internal error: ${terminalLines(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`,
    );
    process.exitCode = 2;
  },
);
