// Every test file runs with the fast path as REVOPS_FAST_PATH asks (`.ci/run` runs the suite both ways).
import { readFastPathSwitch, setFastPath } from '../../src/core/fast-path.js';

setFastPath(readFastPathSwitch(process.env.REVOPS_FAST_PATH));
