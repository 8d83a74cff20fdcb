import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkpoint } from '../../src/reporting.js';

/**
 * checkpoint() is where long work lets Ctrl-C in: signals reach JavaScript only in the event
 * loop's poll phase, so a checkpoint must let one poll phase pass, wherever it is called from.
 */
describe('checkpoint', () => {
  it('lets a signal that arrived during synchronous work be handled, even when called from the poll phase', async () => {
    let handled = false;
    const onSignal = () => {
      handled = true;
    };
    process.on('SIGUSR2', onSignal);
    try {
      // Work started from an I/O callback (the poll phase), as after a streamed read: one
      // setImmediate alone then ran in the same loop turn's check phase, before any poll phase,
      // and the signal waited until the command had finished (scores import ignored Ctrl-C).
      await new Promise<void>((resolve, reject) => {
        fs.readFile(import.meta.filename, () => {
          process.kill(process.pid, 'SIGUSR2');
          const until = Date.now() + 50;
          while (Date.now() < until) {
            /* synchronous work */
          }
          checkpoint().then(() => {
            try {
              expect(handled).toBe(true);
              resolve();
            } catch (e) {
              reject(e);
            }
          }, reject);
        });
      });
    } finally {
      process.off('SIGUSR2', onSignal);
    }
  });
});
