import { describe, expect, it } from 'vitest';
import { WarningLog, RowNormaliser } from '../../../src/import/normalise.js';
import { matchHeaders } from '../../../src/import/headers.js';

describe('import warnings carry no personal data', () => {
  it('a value that looks like an address or a phone number is replaced by its data row number', () => {
    const log = new WarningLog();
    log.add('country not recognised', 'Ruritania', 1);
    log.add('country not recognised', 'someone@example.org', 7);
    log.add('country not recognised', '+41 22 799 61 11', 9);
    const [line] = log.lines();
    expect(line).toContain('"Ruritania"');
    expect(line).toContain('(data rows 7, 9)');
    expect(line).not.toMatch(/example\.org|799/);
  });

  it('a shifted column (an email in the country column) is warned about without the address', () => {
    const headers = ['Organization', 'Email', 'Country'];
    const n = new RowNormaliser(matchHeaders(headers).mapping);
    n.normalise(['Org', 'a@example.org', 'b@example.org'], 3);
    expect(n.warnings.lines().join('\n')).not.toContain('example.org');
    expect(n.warnings.lines().join('\n')).toContain('data row 3');
  });
});
