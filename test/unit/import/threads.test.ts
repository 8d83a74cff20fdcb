import { describe, expect, it } from 'vitest';
import { WORKER_MAX_BYTES, WORKER_MIN_BYTES, useWorker } from '../../../src/import/threads.js';

describe('when a second thread prepares the rows', () => {
  const size = WORKER_MIN_BYTES * 4;
  it('not for a small file, nor for one past the limit (flat memory), whatever the machine', () => {
    expect(useWorker('auto', WORKER_MIN_BYTES - 1, 8)).toBe(false);
    expect(useWorker('auto', WORKER_MAX_BYTES + 1, 8)).toBe(false);
  });
  it('on two processors or more, not on one', () => {
    expect(useWorker('auto', size, 2)).toBe(true);
    expect(useWorker('auto', size, 1)).toBe(false);
  });
  it('as asked, when asked', () => {
    expect(useWorker('always', 10, 1)).toBe(true);
    expect(useWorker('never', size, 8)).toBe(false);
  });
});
