import { describe, expect, it } from 'vitest';
import { categoryChoices, categoryCodes, categoryName, nearestCategoryCode, parseCategoryCode, revisedCodesFor, revisedCodesForAll, taxonomy } from '../../../src/tagging/taxonomy.js';

describe('taxonomy data', () => {
  it('has nine revised and eight original categories, names in en/fr/es, every mapping to a revised code', () => {
    const t = taxonomy();
    expect(t.revised).toHaveLength(9);
    expect(t.original).toHaveLength(8);
    for (const c of [...t.revised, ...t.original]) for (const l of ['en', 'fr', 'es'] as const) expect(c.name[l]).toBeTruthy();
    for (const o of t.original) for (const r of o.revised) expect(categoryCodes()).toContain(r);
  });

  it('maps applicants\' choices in either taxonomy and any language to revised codes', () => {
    expect(revisedCodesFor('Sectoral approach')).toEqual(['skills-ecosystem']);
    expect(revisedCodesFor('Enfoque sectorial')).toEqual(['skills-ecosystem']);
    expect(revisedCodesFor("Services d'orientation, d'entrepreneuriat et d'emploi").sort()).toEqual(['career-guidance', 'entrepreneurship']);
    expect(revisedCodesFor('Career, entrepreneurship and employment services').sort()).toEqual(['career-guidance', 'entrepreneurship']);
    expect(revisedCodesFor('Inclusión social')).toEqual(['social-inclusion']);
    expect(revisedCodesFor('life-skills')).toEqual(['life-skills']);
    expect(revisedCodesFor('Compétences de vie')).toEqual(['life-skills']);
    expect(revisedCodesFor('Assessment, certification and recognition of skills')).toEqual(['recognition-of-skills']);
    expect(revisedCodesFor('Apprentisage en milieu de travail')).toEqual(['work-based-learning']); // typo
    expect(revisedCodesFor('Something else entirely')).toEqual([]);
  });

  it('reads several choices in one cell, each with its own codes', () => {
    expect(categoryChoices('Training delivery; Social inclusion')).toEqual([['training-delivery'], ['social-inclusion']]);
    expect(categoryChoices('2. Recognition of skills, Life skills')).toEqual([['recognition-of-skills'], ['life-skills']]);
    const all = revisedCodesForAll(['Emprendimiento y autoempleo', 'Data analysis for skills development', '???']);
    expect(all).toEqual({ codes: ['research-data', 'entrepreneurship'], unrecognised: ['???'] });
  });

  it('suggests the nearest code on a typo', () => {
    expect(nearestCategoryCode('life-skill')).toBe('life-skills');
    expect(nearestCategoryCode('carrer-guidance')).toBe('career-guidance');
    expect(nearestCategoryCode('zzz')).toBeUndefined();
    // the rule of every "did you mean" (suggest.ts): a few letters off, a swap, the case, a beginning
    for (const [typed, code] of [['entreprenuership', 'entrepreneurship'], ['socal-inclusion', 'social-inclusion'], ['Life-Skils', 'life-skills'], ['recognition', 'recognition-of-skills'], ['work based learning', 'work-based-learning']]) {
      expect(nearestCategoryCode(typed!), typed).toBe(code);
    }
    for (const far of ['banana', 'agriculture', 'budget', 'skills-data', 'e-learning', 'x']) expect(nearestCategoryCode(far), far).toBeUndefined();
  });
});

describe('a category named in a filter or a quotas file', () => {
  it('is a code, or a name of either taxonomy in English, French or Spanish', () => {
    expect(parseCategoryCode('life-skills')).toBe('life-skills');
    expect(parseCategoryCode('Social inclusion')).toBe('social-inclusion');
    expect(parseCategoryCode('Inclusion sociale')).toBe('social-inclusion');
    expect(parseCategoryCode('Emprendimiento')).toBe('entrepreneurship');
    expect(parseCategoryCode('Orientation professionnelle')).toBe('career-guidance');
    expect(parseCategoryCode('Sectoral approach')).toBe('skills-ecosystem');
  });

  it('is also the head of a full name, before its colon or parenthesis, in every language', () => {
    for (const c of taxonomy().revised) {
      for (const name of Object.values(c.name)) expect(parseCategoryCode(name.split(/\s*[:(]/)[0]!)).toBe(c.code);
    }
    expect(parseCategoryCode('Aprendizaje en el lugar de trabajo')).toBe('work-based-learning');
    expect(parseCategoryCode('Inclusion et interaction sociales')).toBe('social-inclusion');
    // the revised name without its "for skills development"
    expect(parseCategoryCode('Research, data and analysis')).toBe('research-data');
    expect(parseCategoryCode('Recherche, données et analyse')).toBe('research-data');
    expect(parseCategoryCode('Investigación, datos y análisis')).toBe('research-data');
  });

  it('is a code written without its hyphens, as a script or camel case runs it together', () => {
    for (const c of categoryCodes()) {
      const joined = c.replace(/-/g, '');
      expect(parseCategoryCode(joined), joined).toBe(c);
      const camel = c.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
      expect(parseCategoryCode(camel), camel).toBe(c);
    }
    // (the letters must be the code's, all of them: a word short stays a typo, with its nearest code)
    expect(() => parseCategoryCode('lifeskill')).toThrow(/did you mean "life-skills"/);
  });

  it('is no code run together when more than its hyphens is changed: a number, a sign, a break inside a word', () => {
    // (these were read as life-skills: every sign but a letter was dropped before comparing)
    for (const text of ['life-skills 2020', 'life-skills2', '2lifeskills', 'life-skills (2)', 'lifeskills!!', 'l-i-f-e-s-k-i-l-l-s', 'lifes-kills']) {
      expect(() => parseCategoryCode(text), text).toThrow(/unknown category/);
    }
    // a space, an underscore or a hyphen where the code has one, or none, is still the code
    for (const text of ['Work Based Learning', 'work_based-learning', 'work-basedlearning', 'WorkBased Learning']) expect(parseCategoryCode(text), text).toBe('work-based-learning');
  });

  // (a template's drop-down list writes each choice as its code and its name: "research-data:
  // Research, data and analysis" was refused as an unknown category, in a quotas file and --category)
  it("is a code beside its own name, as a template's drop-down list writes a choice", () => {
    for (const c of categoryCodes()) {
      const name = categoryName(c, 'en');
      for (const text of [`${c}: ${name}`, `${name} (${c})`, `${c} – ${name}`, `${c} - ${name}`, `${c} (${name})`]) expect(parseCategoryCode(text), text).toBe(c);
    }
    expect(parseCategoryCode('Research and data (research-data)')).toBe('research-data');
    expect(parseCategoryCode('research-data: Recherche, données et analyse')).toBe('research-data');
    // a code beside something that is not its name stays refused: a count, a short form, another category
    for (const text of ['life-skills (2)', 'research-data (R&D)']) {
      expect(() => parseCategoryCode(text), text).toThrow(/unknown category/);
    }
    // (a code beside another category's name, in any of the three languages, was "unknown category"
    // with the list of codes: both are named, and neither is chosen)
    for (const text of ['research-data (life-skills)', 'research-data: Life skills', 'Life skills (research-data)', 'Compétences de vie (research-data)']) {
      expect(() => parseCategoryCode(text), text).toThrow(/^category ".*" names two categories: (research-data and life-skills|life-skills and research-data) \(a code beside another category's name\)$/);
    }
  });

  it('is refused when the name stands for two categories, naming both', () => {
    expect(() => parseCategoryCode('Career, entrepreneurship and employment services')).toThrow(/names 2 categories of the revised taxonomy: career-guidance, entrepreneurship/);
  });

  it('is refused when mistyped, with the nearest code (also for a mistyped name)', () => {
    expect(() => parseCategoryCode('entrepreneurhsip')).toThrow(/unknown category "entrepreneurhsip"; did you mean "entrepreneurship"\?/);
    expect(() => parseCategoryCode('Écosystème de compétences')).toThrow(/did you mean "skills-ecosystem"\?/);
    expect(() => parseCategoryCode('Green skills')).toThrow(/^unknown category "Green skills"$/);
  });
});
