import { afterAll, beforeAll } from 'vitest';
import { setFastPath } from '../../src/core/fast-path.js';

/**
 * Runs the tests of the calling `describe` with the fast path on (or off) whatever the
 * suite's setting (`REVOPS_FAST_PATH`): for tests of a speed-only twin itself, or of its speed.
 */
export function useFastPath(on: boolean): void {
  let previous = true;
  beforeAll(() => {
    previous = setFastPath(on);
  });
  afterAll(() => {
    setFastPath(previous);
  });
}
