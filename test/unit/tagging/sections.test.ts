import { describe, expect, it } from 'vitest';
import { descriptionSections, sectionWeight, type SectionRules } from '../../../src/tagging/sections.js';
import { Tagger } from '../../../src/tagging/tagger.js';
import { compileTerms, type TermFile } from '../../../src/tagging/terms.js';
import { plainText } from '../../../src/tagging/text.js';

const rules: SectionRules = {
  background: { weight: 0.5, labels: ['context', 'contexte', 'contexto', 'problem', 'background'] },
  aside: { weight: 0.3, labels: ['budget', 'monitoring', 'sustainability', 'durabilite', 'presupuesto'] },
  aim: { labels: ['innovation', 'solution'] },
};

describe('form labels in a description', () => {
  it.each([
    ['Context: many young people leave school. What we do: a course for them.', ['background', 'aim']],
    ['Contexte : 42 % des jeunes. Solution proposée : un atelier.', ['background', 'aim']],
    ['1. Problem: few jobs. 2. Innovation: a fund.', ['background', 'aim']],
    ['Background. Colleges have no data. Our innovation. A tracer study.', ['background', 'aim']],
    ['Contexto: pocas vacantes; muchos jóvenes. Resultados: 300 egresados.', ['background', 'aim']],
    ['A fund for apprentices. Monitoring and evaluation: a baseline survey. Budget: USD 90,000.', ['aim', 'aside', 'aside']],
    ['Durabilité : la mairie cofinance. Presupuesto: 20.000.', ['aside', 'aside']],
    ['1. What problem do you address? Few jobs. 2. Describe your innovation. A fund.', ['background', 'aim']],
    ['Why now? Few jobs in the valley. Problem: roads are closed.', ['aim', 'background']],
    ['Which trades will we lack in 2030? Context: nobody knows.', ['aim', 'background']],
  ])('splits %j at its labels', (text, kinds) => {
    expect(descriptionSections(text, rules).map((s) => s.kind)).toEqual(kinds);
  });

  it('keeps a text without labels, or with ordinary sentences ending in a full stop, whole', () => {
    expect(descriptionSections('A radio course on bookkeeping. Women meet in listening groups.', rules)).toEqual([
      { kind: 'aim', text: 'A radio course on bookkeeping. Women meet in listening groups.' },
    ]);
    // "Context" inside a sentence is not a label.
    expect(descriptionSections('We adapt the course to the local context: markets and seasons.', rules).map((s) => s.kind)).toEqual(['aim']);
  });

  const shippedKinds = async () => {
    const shipped = (await import('../../../data/category-terms.json', { with: { type: 'json' } })).default.sections as SectionRules;
    return (text: string) => descriptionSections(text, shipped).map((s) => s.kind);
  };

  it('reads a label naming both the scene and the idea as the one it names first (the shipped labels)', async () => {
    const kinds = await shippedKinds();
    expect(kinds('Context: few jobs. Our solution to the problem: a fund.')).toEqual(['background', 'aim']);
    expect(kinds('Contexto: pocos empleos. Solución al problema: un fondo.')).toEqual(['background', 'aim']);
    expect(kinds('Contexte : peu d\'emplois. Réponse au problème : un fonds.')).toEqual(['background', 'aim']);
    expect(kinds('Un fonds. Contexte du projet : peu d\'emplois.')).toEqual(['aim', 'background']);
    expect(kinds('A fund. 1. What problem does your solution address? Few jobs.')).toEqual(['aim', 'background']);
    expect(kinds('A fund. Sustainability of the solution: fees.')).toEqual(['aim', 'aside']);
  });

  // "other" and "additional" make an aside label only when the label opens with them: the form's
  // question on what is new, and an audience named as a label, are the proposal itself.
  it.each([
    ['A radio course. Other activities: a survey.', ['aim', 'aside']],
    ['A radio course. Any other information: a survey.', ['aim', 'aside']],
    ['Un cours. Activités complémentaires : une enquête.', ['aim', 'aside']],
    ['Un curso. Otras actividades: una encuesta.', ['aim', 'aside']],
    ['A fund. 2. How does your innovation differ from other approaches? Instructors teach by video.', ['aim', 'aim']],
    ['Secondary school dropouts: we place them with garages.', ['aim']],
    // a results framework's targets ("60% women") are how the project is run, not its audience
    ['Mentors coach founders. Indicators: 500 participants, 60% women.', ['aim', 'aside']],
    ['Des mentors. Indicateurs : 300 bénéficiaires dont 50 % de femmes.', ['aim', 'aside']],
    ['Mentores. Indicadores: 200 personas, 40 % migrantes.', ['aim', 'aside']],
    // The singular "other" words open asides too, when what follows names no field.
    ['Un cours. Autre activité : une enquête.', ['aim', 'aside']],
    ['Un curso. Otra actividad: una encuesta.', ['aim', 'aside']],
    ['A fund. Other organisations involved: the ministry runs job centres.', ['aim', 'aside']],
    // An "other, please specify" box and another value of a form's field are the applicant's own
    // answer, not a side remark.
    ['A fund. Other organisation name: Lanternfield Institute trains riders.', ['aim', 'aim']],
    ['A fund. Other - please specify: we train riders as mechanics.', ['aim', 'aim']],
    ['Un fonds. Autre nom de l\'organisation : Atelier Vert forme des jeunes.', ['aim', 'aim']],
    ['Un fonds. Autre - précisez : nous formons des jeunes.', ['aim', 'aim']],
    ['Un fondo. Otro - especifique: formamos jóvenes.', ['aim', 'aim']],
    ['Un fondo. Otra organización: Fundación Taller forma jóvenes.', ['aim', 'aim']],
    ['A fund. Other: we train riders.', ['aim', 'aim']],
    // a label may end in brackets, as a choice's "other" box's does: after an aside, the answer is
    // the proposal again (it stayed in the budget at x0.3)
    ['Budget: USD 20,000. Other (please specify): we train riders as mechanics.', ['aside', 'aim']],
    ['Budget : 20 000. Autre (précisez) : nous formons des jeunes.', ['aside', 'aim']],
    ['Presupuesto: 20.000. Otro (especifique): formamos jóvenes.', ['aside', 'aim']],
    ['A fund. Other (sources of funding): the ministry.', ['aim', 'aside']],
    ['A fund. Budget (USD): 20,000.', ['aim', 'aside']],
  ])('reads %j with the shipped labels', async (text, expected) => {
    expect((await shippedKinds())(text)).toEqual(expected);
  });

  it.each([
    ['**Contexte :** le chômage des jeunes.\n**Solution :** une plateforme', ['background', 'aim']],
    ['Mentors coach founders.\n- **Indicators:** 60% women', ['aim', 'aside']],
    ['<p><b>Problem</b></p><p>Few jobs</p><p>We place apprentices.</p>', ['aim', 'background']],
    // a sentence set in bold is no label, though a label word is in it
    ['**Notre équipe forme des mécaniciennes**\nDans trois garages', ['aim']],
  ])('reads %j, pasted with its Markdown or HTML, as it shows', async (text, expected) => {
    expect((await shippedKinds())(plainText(text))).toEqual(expected);
  });

  // A Spanish question opens with "¿": a form's question above its answer, or numbered, is a label
  // as "Problema:" is; one asked within a paragraph is the applicant's own text.
  it.each([
    ['¿Qué problema resuelve?\nPocos empleos.\n¿A quién beneficia?\nA jóvenes rurales.\n¿Cómo funciona?\nUn taller.', ['background', 'aim', 'aim']],
    ['Un taller.\n\n  ¿Qué problema resuelve?  \r\nPocos empleos.', ['aim', 'background']],
    ['1. ¿Qué problema resuelve? Pocos empleos. 2. ¿Cómo funciona? Un taller.', ['background', 'aim']],
    ['Un taller. 3) ¿Cuál es el presupuesto? 20.000.', ['aim', 'aside']],
    ['What problem do you solve?\nFew jobs.\nHow does it work?\nA workshop.', ['background', 'aim']],
    ['**¿Cuál es el problema?**\nPocos empleos.\n**Solución:** un taller', ['background', 'aim']],
    ['Un taller. ¿Cuál es el problema? Pocos empleos.', ['aim']],
    ['¿Cuál es el problema? Pocos empleos en el valle.', ['aim']],
    ['Why is this a problem? Few jobs.', ['aim']],
    // a question alone on its line in the applicant's own voice is their heading: the proposal itself
    ['How do we solve the skills problem?\nOur platform trains young people.', ['aim']],
    ['¿Cómo resolvemos nuestro problema?\nUna plataforma móvil.', ['aim']],
    ['Contexte : peu d\'emplois.\nQuel est notre problème ?\nUne plateforme.', ['background', 'aim']],
    ['What problem does your project address?\nFew jobs.', ['background']],
    ['1. What problem are we solving? Few jobs. 2. Solution: a fund.', ['background', 'aim']],
  ])('reads the question in %j as a label only where a form puts it', async (text, expected) => {
    expect((await shippedKinds())(plainText(text))).toEqual(expected);
  });

  it('counts the words of a "¿…?" question label at its section\'s weight, as those of "Problema:"', () => {
    const file: TermFile = {
      titleWeight: 1, beneficiariesWeight: 0.5, repeatWeight: 0, maxRepeats: 0, selfChoiceScore: 2,
      sections: { ...rules, background: { weight: 0.5, labels: ['problema'] } },
      categories: { 'research-data': { scale: 3, minTerms: 1, terms: { es: { problema: 2 } } } },
    };
    const score = (description: string) =>
      new Tagger({ terms: compileTerms(file) }).tag({ title: '', description, language: 'es' }).scores.find((s) => s.category === 'research-data')!.termScore;
    expect(score('¿Qué problema resuelve?\nPocos empleos en el valle.')).toBe(1);
    expect(score('Problema: pocos empleos en el valle.')).toBe(1);
    expect(score('Pocos empleos: ¿un problema?')).toBe(2);
  });

  it('weighs background at its weight and anything else fully', () => {
    expect(sectionWeight('background', rules)).toBe(0.5);
    expect(sectionWeight('aside', rules)).toBe(0.3);
    expect(sectionWeight('aim', rules)).toBe(1);
    expect(sectionWeight('background', undefined)).toBe(1);
  });
});

describe('hostile texts', () => {
  const timed = (text: string) => {
    const started = performance.now();
    const sections = descriptionSections(text, rules);
    return { sections, ms: performance.now() - started };
  };

  it('splits a text of 100,000 empty lines in linear time (a run of line breaks was backtracked from each one: 24 s)', () => {
    const { sections, ms } = timed('\n'.repeat(100_000) + '--');
    expect(sections.map((s) => s.kind)).toEqual(['aim']);
    expect(ms).toBeLessThan(1500);
    expect(timed('\n'.repeat(100_000) + 'Context: few jobs.').sections.map((s) => s.kind)).toEqual(['aim', 'background']);
  });

  // (80,000: looking for each question's line ends took a second at 20,000 and grows with the square,
  // about 16 s here; linear reading takes a few hundred ms, so the bound holds on a loaded machine)
  it('reads 80,000 questions on one line in linear time (each looked for its line\'s ends: a second at 20,000)', () => {
    for (const question of ['Why now? ', '¿Por qué? ']) {
      const { sections, ms } = timed(question.repeat(80_000));
      expect(sections.map((s) => s.kind)).toEqual(['aim']);
      expect(ms).toBeLessThan(4000);
    }
  });

  it('finds a label after blank lines and indentation as before', () => {
    expect(descriptionSections('A fund.\n\n   \n\t Budget: USD 9,000.', rules).map((s) => s.kind)).toEqual(['aim', 'aside']);
    expect(descriptionSections('A fund.\r\n\r\nBudget: USD 9,000.', rules).map((s) => s.kind)).toEqual(['aim', 'aside']);
  });

  it('keeps to linear time on 100,000 labels, lines of spaces and random runs of punctuation', () => {
    expect(timed('Context: '.repeat(100_000)).ms).toBeLessThan(3000);
    expect(timed(('\n' + ' '.repeat(50)).repeat(20_000)).ms).toBeLessThan(1500);
    const pieces = [' ', '\n', '.', ':', '?', 'a', 'Context', '1', ')', '\t'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const random = Array.from({ length: 200_000 }, () => pieces[next() % pieces.length]).join('');
    expect(timed(random).ms).toBeLessThan(1500);
  });
});

describe('tagging with sections', () => {
  const file: TermFile = {
    titleWeight: 1, beneficiariesWeight: 0.5, repeatWeight: 0, maxRepeats: 0, selfChoiceScore: 2,
    categories: {
      'career-guidance': { scale: 3, minTerms: 1, terms: { en: { unemployment: 2.5 } } },
      'entrepreneurship': { scale: 3, minTerms: 1, terms: { en: { 'own business': 3 } } },
    },
  };
  const text = { title: '', description: 'Context: unemployment is high in the valley. Solution: young people start their own business.', language: 'en' };

  it('counts a term of the background for less than the same term in the proposal itself', () => {
    const withSections = new Tagger({ terms: compileTerms({ ...file, sections: rules }) }).tag(text);
    const without = new Tagger({ terms: compileTerms(file) }).tag(text);
    const points = (r: typeof without, code: string) => r.scores.find((s) => s.category === code)!.termScore;
    expect(points(without, 'career-guidance')).toBe(2.5);
    expect(points(withSections, 'career-guidance')).toBe(1.25);
    expect(points(withSections, 'entrepreneurship')).toBe(3);
    // 1 - e^(-2.5/3) = 0.57 is tagged; 1 - e^(-1.25/3) = 0.34 is not.
    expect(without.selected).toContain('career-guidance');
    expect(withSections.selected).toEqual(['entrepreneurship']);
  });
});

describe('how the project is run', () => {
  it('counts a baseline survey in a monitoring answer for little beside the proposal itself', () => {
    const file: TermFile = {
      titleWeight: 1, beneficiariesWeight: 0.5, repeatWeight: 0, maxRepeats: 0, selfChoiceScore: 2,
      sections: rules,
      categories: {
        'research-data': { scale: 3, minTerms: 1, terms: { en: { 'baseline survey': 3 } } },
        'work-based-learning': { scale: 3, minTerms: 1, terms: { en: { apprentices: 3 } } },
      },
    };
    const text = { title: '', description: 'Garages take apprentices for two years. Monitoring and evaluation: a baseline survey and a final one.', language: 'en' };
    const r = new Tagger({ terms: compileTerms(file) }).tag(text);
    expect(r.scores.find((s) => s.category === 'research-data')!.termScore).toBeCloseTo(0.9);
    expect(r.selected).toEqual(['work-based-learning']);
    const { sections: _, ...without } = file;
    expect(new Tagger({ terms: compileTerms(without) }).tag(text).selected).toContain('research-data');
  });
});

describe('a partners answer that only names its partners (tagging10)', () => {
  const partnerRules: SectionRules = { ...rules, partners: { weight: 0.2, labels: ['partners', 'partenaires', 'socios', 'aliados'], listItemWords: 6 } };
  const sections = (text: string) => descriptionSections(text, partnerRules).map((s) => [s.kind, s.text.trim()]);

  it.each([
    ["Welding by video. Partners: the Ministry of Labour, the employers' federation, TVET colleges.", ['aim', 'partners']],
    ['Soudure en vidéo. Partenaires : le ministère du Travail, la fédération des employeurs et les lycées professionnels.', ['aim', 'partners']],
    ['Soldadura en video. Socios: el Ministerio de Trabajo / la cámara de comercio / los institutos técnicos', ['aim', 'partners']],
    // the list is the first sentence; what the answer says after it is the proposal
    ['A fund. Partners: the ministry, the chamber of commerce. Employers pay a levy into the fund.', ['aim', 'partners', 'aim']],
  ] as const)('reads a list of names as a partners section (%s)', (text, kinds) => {
    expect(sections(text).map(([k]) => k)).toEqual(kinds);
  });

  it.each([
    // how the partnership works, or one partner alone, is the proposal itself
    ['A course. Partners: twelve employers co-write the curriculum with our teachers and pay into a training fund.'],
    ['Un cours. Partenaires : la chambre de commerce.'],
    ['Un curso. Aliados: las empresas del sector definen las normas de competencia, y el instituto las enseña en sus talleres.'],
  ] as const)('reads an answer that says how the partners work together as the proposal (%s)', (text) => {
    expect(sections(text).map(([k]) => k)).toEqual(['aim', 'aim']);
  });

  it('weighs a partners list as the rules say', () => {
    expect(sectionWeight('partners', partnerRules)).toBe(0.2);
    expect(sectionWeight('partners', rules)).toBe(1);
  });

  it.each([
    ['en', 'Welding lessons on the phone', "Our college teaches welding through short videos on the phone and evening practice sessions in the workshop. Partners: the Ministry of Labour, the employers' federation, the sector skills council."],
    ['fr', 'Soudure sur téléphone', "Notre centre enseigne la soudure par de courtes vidéos sur téléphone et des séances pratiques le soir à l'atelier. Partenaires : le ministère du Travail, la fédération des employeurs, le conseil sectoriel."],
    ['es', 'Soldadura en el celular', 'Nuestro instituto enseña soldadura con videos cortos en el celular y prácticas nocturnas en el taller. Socios: el Ministerio de Trabajo, la federación de empleadores, el consejo sectorial.'],
  ] as const)('does not tag skills ecosystem on a partners list alone (shipped terms, %s)', (language, title, description) => {
    const r = new Tagger().tag({ language, title, description });
    expect(r.selected).toContain('training-delivery');
    expect(r.selected).not.toContain('skills-ecosystem');
  });
});
