#!/usr/bin/env node
import { describeError, exitCodeFor } from './exit-codes.js';
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
    // runCli reports every error itself; this is the last resort, printed the same way.
    process.stderr.write(describeError(error, { isDebug: process.argv.includes('--debug') }));
    process.exitCode = exitCodeFor(error);
  },
);
