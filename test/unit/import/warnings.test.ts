import { describe, expect, it } from 'vitest';
import { WarningLog, RowNormaliser } from '../../../src/import/normalise.js';
import { matchHeaders } from '../../../src/import/headers.js';

describe('import warnings carry no personal data', () => {
  it('names the rows and the column, never what the cells hold', () => {
    const log = new WarningLog();
    const country = { header: 'Country', index: 4 };
    log.add('not a country skillsnet knows', 1, country);
    log.add('not a country skillsnet knows', 7, country);
    log.add('not a country skillsnet knows', 9, country);
    expect(log.lines()).toEqual(['3 data rows (1, 7, 9), column “Country”: not a country skillsnet knows']);
    const one = new WarningLog();
    one.add('not a number (the score was left empty)', 12, { header: 'Score', index: 2 });
    expect(one.lines()).toEqual(['data row 12, column “Score”: not a number (the score was left empty)']);
  });

  it('a header that looks like data (no header row) is named by its position', () => {
    const log = new WarningLog();
    log.add('not a country skillsnet knows', 2, { header: 'someone@example.org', index: 2 });
    expect(log.lines()).toEqual(['data row 2, column 3: not a country skillsnet knows']);
  });

  it('the values of unresolved country, language and score cells never appear', () => {
    const headers = ['Organization', 'Email', 'Country', 'Language', 'Score'];
    const n = new RowNormaliser(matchHeaders(headers).mapping, { headers });
    n.normalise(['Org', 'a@example.org', '12 Rue Secrète, Lyon', 'Quentin Zorblatt', 'Wilhelmina'], 3);
    const text = n.warnings.lines().join('\n');
    expect(text).not.toMatch(/Secrète|Zorblatt|Wilhelmina/);
    expect(text).toContain('data row 3, column “Country”');
    expect(text).toContain('data row 3, column “Language”');
    expect(text).toContain('data row 3, column “Score”');
  });

  it('a shifted column (an email in the country column) is warned about without the address', () => {
    const headers = ['Organization', 'Email', 'Country'];
    const n = new RowNormaliser(matchHeaders(headers).mapping, { headers });
    n.normalise(['Org', 'a@example.org', 'b@example.org'], 3);
    expect(n.warnings.lines().join('\n')).not.toContain('example.org');
    expect(n.warnings.lines().join('\n')).toContain('data row 3');
  });
});
