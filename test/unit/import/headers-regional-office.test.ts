import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// A Spanish Google Forms export with the jury's marks added in Excel (a regional office's own call).
describe("a Spanish jury's mark", () => {
  it('"Puntaje del jurado", "Nota del comité" are the score, as "Note du jury" is', () => {
    const form = ['Marca temporal', 'Dirección de correo electrónico', 'Nombre de la organización', 'País', 'Título del proyecto', 'Describa su propuesta', '¿A quiénes beneficia?'];
    expect(mapped([...form, 'Puntaje del jurado']).score).toEqual(['Puntaje del jurado']);
    expect(mapped([...form, 'Nota del comité']).score).toEqual(['Nota del comité']);
    expect(mapped([...form, 'Puntuación del jurado']).score).toEqual(['Puntuación del jurado']);
  });

  it("the jury's name or email is still no applicant's", () => {
    expect(mapped(['Organización', 'Correo', 'Correo del jurado']).email).toEqual(['Correo']);
  });
});
