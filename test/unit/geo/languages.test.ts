import { describe, expect, it } from 'vitest';
import { detectLanguage, languageName, resolveLanguage } from '../../../src/geo/languages.js';

describe('resolveLanguage', () => {
  it('reads language names in English, French, Spanish and the language itself', () => {
    const cases: [string, string][] = [
      ['English', 'en'], ['Anglais', 'en'], ['Inglés', 'en'], ['ingles', 'en'],
      ['French', 'fr'], ['Français', 'fr'], ['francais', 'fr'], ['Francés', 'fr'],
      ['Spanish', 'es'], ['Espagnol', 'es'], ['Español', 'es'], ['Castellano', 'es'],
      ['Portuguese', 'pt'], ['Portugais', 'pt'], ['Português', 'pt'],
      ['Arabic', 'ar'], ['Arabe', 'ar'], ['العربية', 'ar'],
      ['Russian', 'ru'], ['Ruso', 'ru'], ['Русский', 'ru'],
      ['Chinese', 'zh'], ['Chinois', 'zh'], ['中文', 'zh'],
      ['German', 'de'], ['Allemand', 'de'], ['Deutsch', 'de'],
      ['Italian', 'it'], ['Italien', 'it'], ['Italiano', 'it'],
    ];
    for (const [text, code] of cases) expect(resolveLanguage(text), text).toBe(code);
  });

  it('reads ISO 639-1, 639-2/3 codes and locale tags', () => {
    const cases: [string, string][] = [
      ['en', 'en'], ['FR', 'fr'], [' es ', 'es'], ['en-US', 'en'], ['fr_CA', 'fr'], ['es-419', 'es'],
      ['ENG', 'en'], ['spa', 'es'], ['fra', 'fr'], ['fre', 'fr'], ['por', 'pt'], ['ger', 'de'], ['zh-Hant-TW', 'zh'],
    ];
    for (const [text, code] of cases) expect(resolveLanguage(text), text).toBe(code);
  });

  it('keeps other recognisable languages', () => {
    expect(resolveLanguage('Swahili')).toBe('sw');
    expect(resolveLanguage('swa')).toBe('sw');
    expect(resolveLanguage('Kinyarwanda')).toBe('rw');
    expect(resolveLanguage('Wolof')).toBe('wo');
    expect(resolveLanguage('Quechua')).toBe('qu');
  });

  it('takes the first language of a bilingual answer', () => {
    expect(resolveLanguage('English / French')).toBe('en');
    expect(resolveLanguage('Español y Francés')).toBe('es');
  });

  it('returns null for what is not a language', () => {
    for (const text of ['', '  ', 'N/A', 'xx', 'Klingon', 'yes', 'Mexico', '1234']) {
      expect(resolveLanguage(text), text).toBeNull();
    }
  });

  it('names languages in the network languages', () => {
    expect(languageName('fr')).toBe('French');
    expect(languageName('es', 'fr')).toBe('Espagnol');
    expect(languageName('en', 'es')).toBe('Inglés');
    expect(languageName('sw', 'en')).toBe('Swahili');
  });
});

describe('detectLanguage', () => {
  it('detects English, French and Spanish proposals', () => {
    expect(detectLanguage('A mobile training school that brings welding and solar installation courses to rural youth.')).toBe('en');
    expect(detectLanguage('Un réseau de centres de formation qui certifie les compétences acquises sur le tas par les artisans.')).toBe('fr');
    expect(detectLanguage('Una plataforma que conecta a jóvenes aprendices con pequeñas empresas de su comunidad.')).toBe('es');
    expect(detectLanguage('Formation professionnelle des jeunes femmes dans les zones rurales')).toBe('fr');
    expect(detectLanguage('Programa de aprendizaje dual para jóvenes en situación de vulnerabilidad')).toBe('es');
  });

  it('keeps a clearly different language', () => {
    expect(detectLanguage('Um programa de formação profissional para jovens das periferias urbanas do Brasil')).toBe('pt');
    expect(detectLanguage('مشروع تدريب الشباب على المهارات الرقمية في المناطق الريفية')).toBe('ar');
  });

  it('says null when the text is too short to tell', () => {
    for (const text of ['', 'Hola', 'OK', 'Projet', '12345 67890 123456', '!!!']) expect(detectLanguage(text), text).toBeNull();
  });

  it('says null for a short title the detector cannot place, rather than a wrong language', () => {
    // tinyld scored these French, Dutch or Kirundi at under 0.1 (a sentence scores near 1)
    for (const text of ['Entrepreneurship bootcamps', 'Career guidance in schools', 'Apprenticeships in garages', 'Green apprenticeships']) {
      expect(detectLanguage(text), text).toBeNull();
    }
    // a short title whose small words or letters say it still gets its language
    expect(detectLanguage('Formation des jeunes')).toBe('fr');
    expect(detectLanguage('Escuela taller de construcción')).toBe('es');
  });
});
