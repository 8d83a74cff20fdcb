import { describe, expect, it } from 'vitest';
import { WORKER_MAX_BYTES, WORKER_MIN_BYTES, useWorker } from '../../../src/import/threads.js';

describe('when a second thread prepares the rows', () => {
  const size = WORKER_MIN_BYTES * 4;
  it('not for a small file, nor for one past the limit (flat memory), whatever the machine', () => {
    expect(useWorker('auto', WORKER_MIN_BYTES - 1, 0, 8)).toBe(false);
    expect(useWorker('auto', WORKER_MAX_BYTES + 1, 0, 8)).toBe(false);
  });
  it('on two processors still busy with the command just ended, but not when every processor is taken', () => {
    // the last minute's load counts the import that has just finished
    expect(useWorker('auto', size, 1.4, 2)).toBe(true);
    expect(useWorker('auto', size, 2.1, 2)).toBe(false);
    expect(useWorker('auto', size, 0, 1)).toBe(false);
  });
  it('as asked, when asked', () => {
    expect(useWorker('always', 10, 9, 1)).toBe(true);
    expect(useWorker('never', size, 0, 8)).toBe(false);
  });
});
