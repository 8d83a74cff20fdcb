/**
 * A choice's "other, please specify" box: the column after a field's own, which holds the answer
 * of a row whose own cell says only "Other". A general rule of forms in the three languages.
 */
import { describe, expect, it } from 'vitest';
import { isOtherBox, matchHeaders } from '../../../src/import/headers.js';
import { caseFile, importCase } from './support.js';

function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

describe("a choice's 'other' box", () => {
  it.each([
    ['Type of organisation', 'Other (please specify)'],
    ['Type of organisation', 'If other, please specify'],
    ['Type de structure', 'Si autre, précisez'],
    ['Tipo de organización', 'Otro, ¿cuál?'],
    ['Tipo de organización', 'En caso de otro, especifique'],
    // "préciser" as headers are read ("precizer", organisation's -ise spelt -ize) is a word of the list
    ['Type de structure', 'Autre (à préciser)'],
    ['Type de structure', 'Si autre, veuillez préciser ci-dessous'],
    ['Type of organisation', 'Other (please specify below)'],
  ])('%s then %s: the box is the field\'s second column', (field, box) => {
    expect(mapped(['Organisation', field, box, 'Email']).organizationType).toEqual([field, box]);
  });

  it("'Other' and the field's own words is the box of that field: 'Organisation name' then 'Other organisation name'", () => {
    expect(mapped(['Organisation name', 'Other organisation name:', 'Email']).organization).toEqual(['Organisation name', 'Other organisation name:']);
    expect(mapped(['Nom de l\'organisation', 'Autre nom de l\'organisation', 'Courriel']).organization).toEqual(['Nom de l\'organisation', 'Autre nom de l\'organisation']);
  });

  it('is no box where it names something else, stands apart, or follows a list of ticked options', () => {
    // another question with "other" in it
    expect(mapped(['Organisation', 'Type of organisation', 'Other activities', 'Email']).organizationType).toEqual(['Type of organisation']);
    expect(mapped(['Organisation', 'Type of organisation', 'Other partner organisations', 'Email']).organizationType).toEqual(['Type of organisation']);
    // not right after the field's column
    expect(mapped(['Type of organisation', 'Email', 'Other (please specify)', 'Organisation']).organizationType).toEqual(['Type of organisation']);
    // a field of several values takes every column it names already; a box alone is not one of them
    expect(mapped(['Organisation', 'Email', 'Beneficiaries', 'Other (please specify)']).beneficiaries).toEqual(['Beneficiaries']);
  });

  it('reads a cell that says only "Other" as the box does', () => {
    for (const cell of ['Other', 'Others', 'Autre', 'Otro', 'Otra', 'Other (please specify)', 'Autre (précisez)', 'Autre (préciser)', 'Autre, à préciser', 'Otro (especifique)']) expect(isOtherBox(cell), cell).toBe(true);
    for (const cell of ['Other Ways Foundation', 'Autre Regard', 'Cooperative', '']) expect(isOtherBox(cell), cell).toBe(false);
  });

  it('an import takes the box where the choice says "Other", and the choice wherever it says more', async () => {
    const csv = 'Organisation name,Other organisation name,Email,Type of organisation,Other (please specify)\n'
      + 'Atelier Vert,,a@example.org,Other,Cooperative\n'
      + 'Other,Taller Sur,b@example.org,NGO,Cooperative\n'
      + 'Lumen,,c@example.org,Autre (précisez),\n';
    const c = await importCase(caseFile('other-box.csv', csv));
    expect(c.report.rows).toBe(3);
    const byEmail = Object.fromEntries(c.apps.map((a) => [a.email, [a.organization, a.organizationType]]));
    expect(byEmail['a@example.org']).toEqual(['Atelier Vert', 'Cooperative']);
    expect(byEmail['b@example.org']).toEqual(['Taller Sur', 'NGO']);
    // a box left empty: the choice as written
    expect(byEmail['c@example.org']?.[0]).toBe('Lumen');
  });
});
