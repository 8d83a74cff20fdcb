import { describe, expect, it } from 'vitest';
import { BREAK, foldAccents, guessLanguage, maskPlaceNames, nameKey, stem, stems, textLanguage, words } from '../../../src/tagging/text.js';

describe('text processing', () => {
  it('folds accents after stemming, so French endings are still recognised', () => {
    expect(foldAccents('Économie réfugiés')).toBe('Economie refugies');
    expect(stem('compétences', 'fr')).toBe(stem('compétence', 'fr'));
    expect(stem('formación', 'es')).toBe('formacion');
    expect(stem('apprenticeships', 'en')).toBe(stem('apprenticeship', 'en'));
  });

  it('drops function words of the language and keeps clause breaks', () => {
    expect(stems("La formation en cours d'emploi", 'fr')).toEqual(['format', 'cour', 'emploi']);
    expect(stems('Training of trainers. Online courses', 'en')).toEqual(['train', 'trainer', BREAK, 'onlin', 'cours']);
    expect(stems('los jóvenes y las mujeres', 'es')).toEqual([stem('jóvenes', 'es'), stem('mujeres', 'es')]);
  });

  it('keeps "on the job" as one token (its small words carry the meaning)', () => {
    expect(words('On-the-job training and on the job learning')).toEqual(['onthejob', 'training', 'and', 'onthejob', 'learning']);
  });

  it('tells English, French and Spanish apart from function words', () => {
    expect(guessLanguage(words('We train the young people of our district with employers'))).toBe('en');
    expect(guessLanguage(words('Nous formons les jeunes du quartier avec des entreprises'))).toBe('fr');
    expect(guessLanguage(words('Formamos a los jóvenes del barrio con las empresas para el empleo'))).toBe('es');
    expect(guessLanguage(words('xyz'), 'fr')).toBe('fr');
    expect(textLanguage('es', words('the and of'))).toBe('es');
    expect(textLanguage('pt', words('les des et du pour'))).toBe('fr');
  });

  it('normalises names typed by people', () => {
    expect(nameKey('  Éducation & Formation — (en ligne) ')).toBe('education and formation en ligne');
  });

  it('takes capitalised place names out of a text, but not the same words in lower case', () => {
    expect(words(maskPlaceNames('Talleres en La Paz sobre la paz'))).toEqual(['talleres', 'en', 'sobre', 'la', 'paz']);
    expect(words(maskPlaceNames('Privados de libertad en La Libertad'))).toEqual(['privados', 'de', 'libertad', 'en']);
    expect(words(maskPlaceNames("Youth of San Pedro Sula and Côte d'Ivoire train"))).toEqual(['youth', 'of', 'and', 'train']);
    expect(words(maskPlaceNames('Refugees in Kenya'))).toEqual(['refugees', 'in']);
    expect(maskPlaceNames('Lapaz paz')).toBe('Lapaz paz');
  });
});
