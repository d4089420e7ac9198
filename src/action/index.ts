/** The bundle's start: run the action in this process and leave its exit code to the runner. */
import { runAction } from './main.js';

process.exitCode = await runAction(process.env, (text) => void process.stdout.write(text));
