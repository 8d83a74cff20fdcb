/** faultError: the same fault said in the words of what was being done (reading is not writing). */
import { describe, expect, it } from 'vitest';
import { OperationError } from '../../../src/errors.js';
import { faultError } from '../../../src/files/faults.js';

const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });

describe('faultError', () => {
  it('a file that may not be read gets a hint about reading it, not about a place to write to', () => {
    for (const action of ['read the quotas file q.csv', 'open report.csv']) {
      const e = faultError(denied, { action }) as OperationError;
      expect(e).toBeInstanceOf(OperationError);
      expect(e.message).toBe(`cannot ${action}: permission denied (EACCES)`);
      expect(e.hint).toMatch(/^check that you may read the file/);
      expect(e.hint).not.toMatch(/write to/);
    }
  });

  it('a file that may not be written keeps the hint about a place to write to', () => {
    const e = faultError(denied, { action: 'write contacts.csv', elsewhere: 'choose another place with --out' }) as OperationError;
    expect(e.hint).toBe('choose a place you may write to, or ask whoever owns it for access; or choose another place with --out');
  });
});
