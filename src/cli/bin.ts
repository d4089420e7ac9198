#!/usr/bin/env node
import { createNodeIo } from './node-io.js';
import { runCli } from './program.js';

const io = createNodeIo();
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    io.stderr(`revops: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
