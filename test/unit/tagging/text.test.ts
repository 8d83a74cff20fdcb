import { describe, expect, it } from 'vitest';
import { BREAK, NEGATED, SERVED, compiledPatterns, firstMatch, foldAccents, foldedWordsKept, guessLanguage, maskPlaceNames, nameKey, plainText, stem, stemWords, stems, textLanguage, typoVariants, words } from '../../../src/tagging/text.js';

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

  it('marks the words a proposal says it is not, up to the end of the clause or a "but"', () => {
    const neg = (s: string) => NEGATED + s;
    expect(stems('This is not an apprenticeship programme: learners stay in class', 'en'))
      .toEqual([neg(stem('apprenticeship', 'en')), neg(stem('programme', 'en')), BREAK, stem('learners', 'en'), stem('stay', 'en'), stem('class', 'en')]);
    expect(stems('It is not a classroom course but an apprenticeship', 'en')).toContain(stem('apprenticeship', 'en'));
    expect(stems('It is not a classroom course but an apprenticeship', 'en')).toContain(neg(stem('classroom', 'en')));
    expect(stems("Il ne s'agit pas d'une nouvelle formation", 'fr')).toContain(neg(stem('formation', 'fr')));
    expect(stems('aquí no se trata de montar un negocio propio', 'es')).toContain(neg(stem('negocio', 'es')));
    expect(stems('learning on the job rather than in classrooms', 'en')).toContain(neg(stem('classrooms', 'en')));
  });

  it('leaves barriers and "not only" alone: they are not denials', () => {
    for (const [text, lang] of [
      ['young people who are not in employment, education or training', 'en'],
      ['women who cannot attend daytime classes', 'en'],
      ["leur expérience n'est pas reconnue, ils travaillent sans diplôme", 'fr'],
      ['no es solo un curso de costura', 'es'],
    ] as const) expect(stems(text, lang).some((s) => s.startsWith(NEGATED)), text).toBe(false);
  });

  it('reads "not only" in French and Spanish as it reads it in English: an addition, not a denial', () => {
    for (const [text, lang] of [
      ["Il ne s'agit pas seulement de formation, mais aussi d'apprentissage", 'fr'],
      ["Il ne s'agit pas uniquement d'une formation en ligne", 'fr'],
      ["Il ne s'agit pas que de formation", 'fr'],
      ["Il ne s'agit pas simplement de former des jeunes", 'fr'],
      ['No se trata solo de formación, también de inserción laboral', 'es'],
      ['No se trata sólo de formación', 'es'],
      ['No se trata solamente de capacitar a los jóvenes en oficios', 'es'],
      ['No se trata únicamente de capacitación técnica', 'es'],
      ['This is not just about training', 'en'],
    ] as const) expect(stems(text, lang).some((s) => s.startsWith(NEGATED)), text).toBe(false);
  });

  it('leaves alone what is lacking ("there is not a …") and figures of speech ("it is no secret")', () => {
    for (const [text, lang] of [
      ['There is not a single vocational training centre in the district', 'en'],
      ['There are not a lot of apprenticeships for girls', 'en'],
      ['It is not a secret that apprenticeships work', 'en'],
      ['No es un secreto que la formación dual funciona', 'es'],
      ["Ce n'est pas un hasard si l'apprentissage fonctionne", 'fr'],
      ["Ce n'est pas un secret : l'apprentissage fonctionne", 'fr'],
    ] as const) expect(stems(text, lang).some((s) => s.startsWith(NEGATED)), text).toBe(false);
    // the denials themselves still count
    expect(stems("Il ne s'agit pas d'une formation en ligne", 'fr')).toContain(NEGATED + stem('formation', 'fr'));
    expect(stems('It is not a classroom course', 'en')).toContain(NEGATED + stem('classroom', 'en'));
  });

  it('marks what the applicant says it does not do itself ("we do not offer training", "no damos capacitación")', () => {
    const neg = (w: string, lang: 'en' | 'fr' | 'es') => NEGATED + stem(w, lang);
    expect(stems('We do not offer training; we build a job-matching platform', 'en')).toEqual([neg('offer', 'en'), neg('training', 'en'), BREAK, stem('build', 'en'), stem('job', 'en'), stem('matching', 'en'), stem('platform', 'en')]);
    expect(stems("We don't issue certificates", 'en')).toContain(neg('certificates', 'en'));
    expect(stems("Nous ne proposons pas de formation. Nous formons", 'fr')).toContain(neg('formation', 'fr'));
    expect(stems("Le programme n'enseigne aucun métier", 'fr')).toContain(neg('métier', 'fr'));
    expect(stems('No ofrecemos certificaciones ni bolsa de empleo. Talleres', 'es')).toEqual(expect.arrayContaining([neg('certificaciones', 'es'), neg('empleo', 'es'), stem('talleres', 'es')]));
    expect(stems('No buscamos que monten un negocio propio', 'es')).toContain(neg('negocio', 'es'));
    // the preposition after a Spanish verb is no French "a" (has): the denial holds
    expect(stems('No capacitamos a los jóvenes en oficios', 'es')).toContain(neg('oficios', 'es'));
    expect(stems('Not another course: a training fund', 'en')).toContain(neg('course', 'en'));
  });

  it('leaves alone what the applicant lacks or does besides ("we do not have a training centre", "no solo")', () => {
    for (const [text, lang] of [
      ['We do not have a training centre in the district', 'en'],
      ['We do not only train people, we also place them', 'en'],
      ["Nous n'avons pas de centre de formation", 'fr'],
      ["Nous ne pouvons pas former tout le monde", 'fr'],
      ['Nous ne faisons pas que former des jeunes', 'fr'],
      ["Le programme n'a pas de financement", 'fr'],
      ['No tenemos centros de formación en la zona', 'es'],
      ['No ofrecemos solo capacitación', 'es'],
      ['El programa no solo capacita', 'es'],
      ['If we do not train young people in trades, employers hire abroad', 'en'],
      ['Si nous ne formons pas les jeunes aux métiers, les entreprises recrutent ailleurs', 'fr'],
      ['Si no capacitamos a los jóvenes en oficios, las empresas contratan afuera', 'es'],
      ['We do not limit ourselves to vocational training', 'en'],
      ['Le projet ne se limite pas à la formation professionnelle', 'fr'],
      ['Nous ne limitons pas notre action à la formation', 'fr'],
      ['El programa no se limita a la formación profesional', 'es'],
      ['No limitamos el programa a la formación', 'es'],
    ] as const) expect(stems(text, lang).some((s) => s.startsWith(NEGATED)), text).toBe(false);
  });

  it('marks a refusal phrased as a wish or an aim ("we dont want to", "on ne veut pas", "our aim is not to")', () => {
    const neg = (w: string, lang: 'en' | 'fr' | 'es') => NEGATED + stem(w, lang);
    expect(stems("We don't want to run another course", 'en')).toContain(neg('course', 'en'));
    expect(stems('We dont want to run another course', 'en')).toContain(neg('course', 'en'));
    expect(stems('We are not going to build another training centre', 'en')).toContain(neg('training', 'en'));
    expect(stems('Our aim is not to certify workers but to place them', 'en')).toEqual(expect.arrayContaining([neg('certify', 'en'), stem('place', 'en')]));
    expect(stems("The app doesnt replace counsellors", 'en')).toContain(neg('counsellors', 'en'));
    expect(stems('Nous ne voulons pas créer un énième centre de formation', 'fr')).toContain(neg('formation', 'fr'));
    expect(stems('On ne veut pas créer une énième formation', 'fr')).toContain(neg('formation', 'fr'));
    expect(stems('No queremos crear otra incubadora de empresas', 'es')).toContain(neg('incubadora', 'es'));
    expect(stems('Nuestro objetivo no es certificar sino emplear', 'es')).toEqual(expect.arrayContaining([neg('certificar', 'es'), stem('emplear', 'es')]));
    expect(stems('La aplicación no reemplaza a los orientadores', 'es')).toContain(neg('orientadores', 'es'));
  });

  it.each([
    ['en', 'We have no intention of turning farmers into entrepreneurs', 'entrepreneurs'],
    ['fr', "Nous n'avons pas l'intention de créer des entreprises", 'entreprises'],
    ['fr', "Nous n'avons pas vocation à certifier", 'certifier'],
    ['es', 'No tenemos la intención de crear empresas', 'empresas'],
    // the applicant's own app, service or model, and "on" with a verb of intent
    ['en', 'The app does not offer courses', 'courses'],
    ['en', 'Our new platform does not replace counsellors', 'counsellors'],
    ['fr', 'Le projet dure deux ans. Notre service ne délivre pas de diplômes', 'diplômes'],
    ['fr', 'On ne va pas créer un centre de formation', 'formation'],
    ['es', 'Este modelo no certifica a nadie', 'nadie'],
    ['es', 'No vamos a dar certificados', 'certificados'],
  ] as const)('reads having no intention, and the applicant\'s own app or "on ne va pas", as a refusal (%s: %s)', (lang, text, word) => {
    expect(stems(text, lang)).toContain(NEGATED + stem(word, lang));
  });

  it.each([
    ['en', 'We do not want young people to drop out of training'],
    ['en', "We don't want anyone to be left behind in the green transition"],
    ['en', 'Our aim is not only to certify workers'],
    ['en', 'We are not certified yet'],
    ['fr', "Nous ne voulons pas que les jeunes quittent l'apprentissage"],
    ['fr', 'On ne peut pas former tout le monde'],
    ['fr', "On n'a pas de centre de formation"],
    ['es', 'No queremos que los jóvenes abandonen la capacitación'],
    ['es', 'No queremos que nadie se quede atrás en la capacitación'],
    ['en', 'We dont want dropouts in our apprenticeships'],
    ['fr', 'On ne veut laisser personne sur le bord de la route'],
    ['es', 'No queremos más deserción en la formación dual'],
    ['es', 'Nuestro objetivo no es solo certificar'],
    ['en', 'We have no training centre'],
    ['fr', "Nous n'avons pas de centre de formation"],
    ['es', 'No tenemos centros de formación'],
    // what someone else does not do: a named actor that is not the applicant's, "on" as anyone
    ['en', 'The public employment service does not reach rural youth in remote villages'],
    ['en', 'The traditional apprenticeship model does not recognise the skills women gain in informal work'],
    ['en', 'The national cooperative network does not offer any training to its members'],
    ['fr', "Aujourd'hui, on ne reconnaît pas les compétences des artisans du secteur informel"],
    ['fr', "En Afrique de l'Ouest, on ne valorise pas l'apprentissage traditionnel"],
  ] as const)('leaves alone a wish that others lose nothing, an addition, what is lacking and what someone else does not do (%s: %s)', (lang, text) => {
    expect(stems(text, lang).filter((s) => s.startsWith(NEGATED))).toEqual([]);
  });

  it('keeps the spellings a Spanish word might have had few, however many letters in it sound alike', () => {
    // real slips: two or three swaps ("capasitasion", "sertificasion")
    expect(typoVariants('capasitasion', 'es')).toContain('capacitacion');
    expect(typoVariants('sertificasion', 'es')).toContain('certificacion');
    // a hostile word made 6,197 spellings with three rounds of swaps (70 ms a word)
    expect(typoVariants('sasasasasasasasasasascion', 'es').size).toBeLessThan(1000);
    expect(typoVariants('zesezesezesezesezeze', 'es').size).toBeLessThan(1000);
  });

  it('reads a clause opening with "not" / "pas" as set against what came before ("Jobs, not courses")', () => {
    expect(stems('Well-being, not certificates', 'en')).toEqual([stem('well', 'en'), stem('being', 'en'), BREAK, NEGATED + stem('certificates', 'en')]);
    expect(stems('Des emplois, pas des cours', 'fr')).toContain(NEGATED + stem('cours', 'fr'));
    for (const [text, lang] of [
      ['young people, not in school', 'en'],
      ['experienced, not yet certified', 'en'],
      ['Not only training', 'en'],
      ['des jeunes, pas encore diplômés', 'fr'],
      ['the workers are not certified', 'en'],
      ['Not-for-profit training provider offering apprenticeships', 'en'],
      ["Pas à pas vers l'emploi", 'fr'],
    ] as const) expect(stems(text, lang).some((s) => s.startsWith(NEGATED)), text).toBe(false);
  });

  it.each([
    // the items of a denied list, up to its "or" / "ou" / "o"
    ['en', 'Our programme does not cover placements, certificates, market research or loans to start a business.', ['certificates', 'research', 'business']],
    ['fr', "Nous ne proposons pas de stages, de diplômes ou de microcrédit.", ['diplômes', 'microcrédit']],
    ['es', 'No ofrecemos pasantías, certificados o crédito para emprender.', ['certificados', 'emprender']],
    // a clause that goes on denying: "ni", "nor", French "ne" with its subject left out
    ['es', 'Este programa no entrega certificados, ni hace intermediación laboral, ni da microcréditos.', ['intermediación', 'microcréditos']],
    ['es', 'No es un programa de pasantías, ni de certificación, ni de emprendimiento.', ['certificación', 'emprendimiento']],
    ['fr', "Le projet ne délivre pas de diplômes, ne crée pas d'entreprises et ne fait pas d'enquête.", ['entreprises', 'enquête']],
    // the proposal and the bodies a title names are actors too (tagging6)
    ['en', 'This proposal does not produce statistics or surveys.', ['statistics', 'surveys']],
    ['fr', "Notre incubateur n'accompagne pas la création d'entreprise.", ['création', 'entreprise']],
    ['es', 'Nuestro observatorio no publica encuestas.', ['encuestas']],
    // what a title says and the text does not: the clause that says so (tagging6)
    ['es', 'Aunque el nombre hable de emprender, hacemos prácticas en empresas.', ['emprender']],
    ['en', 'Although the name speaks of certification, we run online classes.', ['certification']],
    ['fr', "Même si le nom parle d'orientation, nous formons des formateurs.", ['orientation']],
    ['fr', "Ce n'est ni un centre de formation, ni un service d'orientation.", ['formation', 'orientation']],
    ['en', 'The service does not place apprentices, nor does it certify them.', ['certify']],
    // a writer of English as a second language leaves out the "do"
    ['en', 'We not give certificate to the childrens.', ['certificate']],
    // "we are not doing / offering / running …" refuses as "we do not do" does
    ['en', 'We are not doing entrepreneurship and not doing certification.', ['entrepreneurship', 'certification']],
    ['en', "We're not offering loans.", ['loans']],
    // "ni à…" after a clause with the same preposition is one more item, not to whom; a reflexive verb refuses too
    ['fr', 'Nous ne nous consacrons pas à la formation, ni à la certification.', ['formation', 'certification']],
    ['es', 'No nos dedicamos a la formación, ni a la certificación, ni al empleo.', ['formación', 'certificación', 'empleo']],
    ['en', 'We do not contribute to training, nor to certification.', ['certification']],
  ] as const)('carries a denial over the items of its list and the clauses that go on denying (%s: %s)', (lang, text, deniedWords) => {
    const stemmed = stems(text, lang);
    for (const w of deniedWords) expect(stemmed, w).toContain(NEGATED + stem(w, lang));
  });

  it.each([
    // a new sentence, or a clause that says what is done instead, is no item of the denied list
    ['en', 'We do not charge fees. Learners choose online or evening classes.', 'online'],
    ['en', 'We do not run courses, we place apprentices in firms or cooperatives.', 'apprentices'],
    ['es', 'No cobramos matrícula. Los jóvenes eligen cursos en línea o presenciales.', 'cursos'],
    ['fr', "Nous ne faisons pas de cours, les apprentis sont placés en entreprise ou en coopérative.", 'apprentis'],
    // "ni" / "ne" with no denial before them describe people and their barriers
    ['es', 'Los jóvenes de la zona, ni estudian ni trabajan.', 'estudian'],
    ['es', 'Ni los jóvenes ni las mujeres tienen acceso a la formación.', 'formación'],
    ['fr', "Les femmes du quartier, n'ont pas de diplôme ou de formation.", 'formation'],
    ['en', 'We not only train, we certify or place them.', 'certify'],
    // what is done instead, after a "but" / "sino" / "mais" / "instead" or a semicolon, is no item of the denied list
    ['en', "We don't give certificates, but apprenticeships in garages or workshops.", 'apprenticeships'],
    ['en', 'We do not run classroom courses; instead, apprentices learn in bakeries or small restaurants.', 'apprentices'],
    ['es', 'No otorgamos diplomas, sino prácticas en talleres o cooperativas.', 'prácticas'],
    ['fr', 'Nous ne délivrons pas de diplômes, mais des stages en entreprise ou en coopérative.', 'stages'],
    ['es', 'No certificamos; los aprendices aprenden en talleres o cooperativas.', 'aprendices'],
    // "ni a…" / "ni aux…" / "nor to…" says to whom the denial holds: the people served are not refused
    ['es', 'No cobramos matrícula, ni a las mujeres rurales ni a los jóvenes indígenas.', 'mujeres'],
    ['fr', 'Nous ne demandons aucun frais, ni aux femmes déplacées ni aux jeunes sans papiers.', 'femmes'],
    ['en', 'We do not charge fees, nor to refugee women.', 'refugee'],
    // "n° 2", "No 4": the sign of a number, not "ne" / "no"
    ['fr', 'Le dispositif n°2 place des apprentis chez des artisans.', 'apprentis'],
    ['es', 'El proyecto No 4 coloca aprendices en empresas de construcción.', 'aprendices'],
    ['es', 'El proyecto No. 4: aprendices en empresas de construcción.', 'aprendices'],
    // a promise that no one is lost is the need answered, as a wish is
    ['en', 'We are not going to leave migrant youth behind in their first job.', 'migrant'],
    ['es', 'No vamos a dejar solos a los jóvenes migrantes.', 'migrantes'],
    ['fr', 'Nous n’allons pas abandonner les apprentis migrants.', 'migrants'],
    // "no más de 15", "not more than 15": a quantity, not a contrast
    ['es', 'Grupos pequeños: no más de 15 aprendices por maestro artesano.', 'aprendices'],
    ['en', 'Small groups: not more than 15 apprentices per master craftsman.', 'apprentices'],
  ] as const)('leaves alone what follows a denial in another sentence or another clause (%s: %s)', (lang, text, word) => {
    expect(stems(text, lang)).toContain(stem(word, lang));
    expect(stems(text, lang)).not.toContain(NEGATED + stem(word, lang));
  });

  it('reads text pasted with its HTML or Markdown as the text it shows', () => {
    // character references are the letters they stand for
    expect(plainText('Formaci&oacute;n dual para j&oacute;venes, comp&eacute;tences, &Ntilde;uble, fran&ccedil;ais')).toBe('Formación dual para jóvenes, compétences, Ñuble, français');
    // block tags part items as line ends do; inline tags are spaces
    expect(words(plainText('<ul><li>Online</li><li>learning for <strong>apprentices</strong></li></ul>'))).toEqual(['online', BREAK, 'learning', 'for', 'apprentices', BREAK]);
    expect(words(plainText('Online<br/>learning'))).toEqual(['online', BREAK, 'learning']);
    // a heading or a bold line alone is a form label; table pipes part cells
    expect(plainText('## Problem\nFew jobs.\n**Budget**\nUSD 5')).toBe('Problem:\nFew jobs.\nBudget:\nUSD 5');
    expect(plainText('<h2>Contexte</h2><p>Les jeunes</p>')).toContain('Contexte:');
    expect(words(plainText('| Online | learning |'))).toEqual(['online', BREAK, 'learning', BREAK]);
    // a longer bold line or heading is a sentence set in bold, not a label
    expect(plainText('**Notre équipe forme des mécaniciennes**\nDans trois garages')).toBe('Notre équipe forme des mécaniciennes\nDans trois garages');
    expect(plainText('## El presupuesto no alcanza para todos\nPor eso')).toBe('El presupuesto no alcanza para todos\nPor eso');
    expect(plainText('### Monitoring and evaluation\nA survey')).toBe('Monitoring and evaluation:\nA survey');
    // bold inside a line, an HTML bold line and a bullet's mark: a label opens its line as in plain text
    expect(plainText('**Contexte :** le chômage\n- **Budget:** USD 5\n• Risks: none')).toBe('Contexte : le chômage\nBudget: USD 5\nRisks: none');
    expect(plainText('<p><b>Problem</b></p><p>Few jobs</p>')).toContain('\nProblem:\n');
    expect(plainText('We train <b>apprentices</b> in **garages** and __bakeries__.')).toBe('We train apprentices in garages and bakeries.');
    // text without markup is left as it is, and so are an ampersand and angle brackets that are no markup
    expect(plainText('R&D, AT&T; 5 < 6 > 2')).toBe('R&D, AT&T; 5 < 6 > 2');
    expect(plainText('Online learning')).toBe('Online learning');
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
    // the aliases that name no country ("Other", "Autre", "Otro", "None") are no places: a form label stays whole
    for (const text of ['Other activities: a survey', 'Autre activité : une enquête', 'Otro: una encuesta', 'None of them']) expect(maskPlaceNames(text), text).toBe(text);
  });

  describe('clause patterns indexed by the word they start with (compiledPatterns, firstMatch)', () => {
    const match = (patterns: string[][], text: string) => {
      const ws = words(text);
      return firstMatch(ws, ws.map(foldAccents), 0, ws.length, compiledPatterns({ en: patterns, fr: [], es: [] }).en);
    };

    it('tries a pattern that can start with any word (an ending, a number, "~") wherever it stands', () => {
      expect(match([['we', 'ran'], ['*ing', 'ended']], 'the training ended')).toEqual({ at: 1, end: 3 });
      expect(match([['we', 'ran'], ['#', 'ended']], 'in 2021 ended')).toEqual({ at: 1, end: 3 });
      expect(match([['we', 'ran'], ['~', 'programme', 'ended']], 'our old programme ended')).toEqual({ at: 0, end: 4 });
      // a condition on the word before reads no word: the pattern starts with the word after it
      expect(match([['<!who', 'has', 'ended']], 'it has ended')).toEqual({ at: 1, end: 3 });
      expect(match([['<!who', 'has', 'ended']], 'who has ended')).toBeUndefined();
    });

    it('keeps the order of the list where several patterns start at one word', () => {
      expect(match([['we', 'ran'], ['we', 'ran', 'it']], 'we ran it')).toEqual({ at: 0, end: 2 });
      expect(match([['we', 'ran', 'it'], ['we', 'ran']], 'we ran it')).toEqual({ at: 0, end: 3 });
      expect(match([['*e', 'ran'], ['we', 'ran', 'it']], 'we ran it')).toEqual({ at: 0, end: 2 });
      expect(match([['we', 'ran', 'it'], ['*e', 'ran']], 'we ran it')).toEqual({ at: 0, end: 3 });
    });

    it('reads words with their accents folded, and finds nothing where no pattern can start', () => {
      expect(match([['deja', 'fini']], 'Déjà fini')).toEqual({ at: 0, end: 2 });
      expect(match([['we', 'ran']], 'they ran')).toBeUndefined();
    });

    it('keeps short accented words folded for the next text, not a sentence written without spaces', () => {
      // a Chinese or Thai sentence is one word of words(); an import of a million would keep them all
      const sentence = '我们不提供培训课程而是在合作车间里培养学徒'.repeat(20);
      const long = `Déjà${'é'.repeat(500)}`;
      const before = foldedWordsKept();
      stemWords(words(`${sentence}. ${long} ; nous n'avons jamais arrêté`), 'fr');
      const after = foldedWordsKept();
      expect(after.characters - before.characters).toBeLessThanOrEqual('arrêté'.length);
    });
  });

  describe('activities that have ended (pastWords)', () => {
    it.each([
      ['en', 'Our former mentoring programme for apprentices stopped in 2018. We now certify welders.', ['apprentices'], ['certify']],
      ['en', 'The internship scheme was discontinued last year; we build a job portal.', ['internship'], ['portal']],
      ['en', 'We used to run evening classes for drivers, now closed, and test mechanics instead.', ['classes'], ['test']],
      ['en', 'For six years we placed interns in banks; that is over. This project trains assessors.', ['interns'], ['assessors']],
      ['fr', "Notre ancien dispositif d'apprentissage s'est arrêté en 2019. Nous formons des conseillers.", ['apprentissage'], ['conseillers']],
      ['fr', "Le stage en mairie a pris fin. Nous proposons des bilans de compétences.", ['stage'], ['bilans']],
      ['fr', "Une étude des métiers (terminée en 2021), puis une plateforme d'orientation.", ['étude'], ['plateforme']],
      ['es', 'Antes dábamos cursos por radio, pero ahora certificamos a los albañiles.', ['cursos'], ['certificamos']],
      ['es', 'El programa anterior de becas terminó. Abrimos una oficina de empleo.', ['becas'], ['oficina']],
      ['es', 'Hicimos una encuesta, ya publicada, y creamos una incubadora.', ['encuesta'], ['incubadora']],
      // what already exists is the given a proposal builds on
      ['en', 'Radio lessons for fishers already exist; we add a licence exam.', ['radio'], ['licence']],
      ['fr', "Des cours en ligne existent déjà ; nous créons un jury de validation.", ['cours'], ['jury']],
      ['es', 'Ya existen cursos por radio; creamos un examen práctico.', ['cursos'], ['examen']],
      // what the proposal says it leaves out, and what a partner also does (tagging11)
      ['en', 'We survey 600 firms; career guidance is not part of this project.', ['guidance'], ['survey']],
      ['fr', "Nous enquêtons auprès des entreprises ; l'orientation ne fait pas partie de ce projet.", ['orientation'], ['entreprises']],
      ['es', 'Encuestamos a 600 empresas; la orientación no forma parte de este proyecto.', ['orientación'], ['empresas']],
      ['en', 'Our partner, a university, also does research on care work. We train carers.', ['research'], ['carers']],
      ['en', 'The chamber also carries out surveys of members. We place apprentices.', ['surveys'], ['apprentices']],
      ['fr', "Notre partenaire, qui mène aussi des recherches sur l'emploi, forme les tuteurs.", ['recherches'], ['tuteurs']],
      ['es', 'Nuestro socio, que también hace investigación sobre empleo juvenil, forma a los tutores.', ['investigación'], ['tutores']],
      // a relative clause saying what is left out speaks of the clause before it (rv-tag11)
      ['en', 'Career guidance, which is not part of this project, is offered by the ministry. We certify welders.', ['guidance'], ['certify']],
      ['fr', "L'orientation, qui ne fait pas partie de ce projet, est assurée par le ministère.", ['orientation'], []],
      ['es', 'La orientación, que no forma parte de este proyecto, la ofrece el ministerio.', ['orientación'], []],
      // a partner named beside the applicant's possessive is still the partner (rv-tag11)
      ['en', 'Our partner also does research on care work, and we train carers.', ['research'], ['carers']],
      ['es', 'Nuestro aliado también realiza encuestas de empleo; formamos tutores.', ['encuestas'], ['tutores']],
    ] as const)('reads a clause about what has ended as denied (%s: %s)', (lang, text, ended, current) => {
      const stemmed = stems(text, lang);
      for (const w of ended) expect(stemmed, w).toContain(NEGATED + stem(w, lang));
      for (const w of current) expect(stemmed, w).toContain(stem(w, lang));
    });

    it.each([
      // what learners have finished, or what will end, is no ended activity of the applicant
      ['en', 'Young people who finished their apprenticeship get career advice.', 'apprenticeship'],
      ['en', 'The course will end with a practical test.', 'test'],
      ['fr', "Les jeunes qui ont terminé leur apprentissage reçoivent un conseil.", 'apprentissage'],
      ['es', 'Los jóvenes que terminaron la escuela reciben orientación.', 'orientación'],
      ['en', 'In the first phase we survey 300 firms.', 'survey'],
      ['en', 'The dropout rate is over 40% in the district.', 'dropout'],
      // the applicant's own research, and a part of the project (tagging11)
      ['en', 'We also do research on care work with the carers.', 'research'],
      ['fr', 'Nous menons aussi des recherches sur le travail domestique.', 'recherches'],
      ['en', 'A tracer survey is part of this project.', 'tracer'],
      // a short clause on what a partner also does denies only itself
      ['en', 'We train 200 apprentices with the university, which also does research.', 'apprentices'],
      ['es', 'Formamos 200 aprendices con la universidad, que también investiga.', 'aprendices'],
      // the applicant's own research under another subject than "we" (rv-tag11)
      ['en', 'Our team also does research on the skills employers need in logistics.', 'research'],
      ['en', 'Our institute also conducts surveys of graduates.', 'surveys'],
      ['fr', 'Notre équipe mène aussi des recherches sur les métiers verts.', 'recherches'],
      ['es', 'Nuestro equipo también realiza encuestas a egresados.', 'encuestas'],
      // standing outside another body's programme is no part of the proposal left out (rv-tag11)
      ['en', 'Our apprenticeship scheme places 200 young people in garages and is not part of any government programme.', 'apprenticeship'],
      ['fr', "Notre dispositif place 200 apprentis dans les garages et ne fait pas partie d'un programme de l'État.", 'apprentis'],
      ['es', 'Nuestro programa coloca a 200 aprendices en talleres y no forma parte de ningún programa del gobierno.', 'aprendices'],
      // what the proposal does instead, in the clause of what it leaves out (rv-tag11)
      ['en', 'Career guidance is not part of this project but we run a tracer study.', 'tracer'],
      ['fr', 'La construction ne fait pas partie de ce projet mais nous certifions les soudeurs.', 'certifions'],
      ['es', 'La compra de equipos no forma parte de este proyecto pero certificamos a los soldadores.', 'certificamos'],
      ['es', 'La orientación no forma parte de este proyecto sino la certificación de soldadores.', 'certificación'],
    ] as const)('leaves other past tenses and numbers alone (%s: %s)', (lang, text, word) => {
      expect(stems(text, lang)).toContain(stem(word, lang));
    });

    it.each([
      // revived or scaled up by the proposal: the clause itself, or the next one taking it up by a pronoun
      ['en', 'Our radio pilot ended in 2022 and we now scale it up to five regions.', ['radio'], []],
      ['en', 'Our apprenticeship scheme ended in 2021; we now scale it up.', ['apprenticeship'], []],
      ['fr', "Notre programme d'apprentissage s'est arrêté en 2020 et nous voulons le relancer.", ['apprentissage'], []],
      ['fr', 'Le dispositif de stages en entreprise, terminé en 2021, reprend cette année.', ['stages'], []],
      ['es', 'Antes organizábamos pasantías en hoteles y este año las retomamos.', ['pasantías'], []],
      ['es', 'El programa anterior de pasantías terminó; lo retomamos con 40 hoteles.', ['pasantías'], []],
      // "and now" opens the present: what follows it is the proposal
      ['es', 'Antes certificábamos a albañiles y ahora evaluamos a electricistas.', ['electricistas'], ['albañiles']],
      ['en', 'Our former radio programme stopped and now we test mechanics.', ['test'], ['radio']],
      // someone who finished something is no activity that ended
      ['en', 'Graduates who have finished school do an internship in a bank.', ['internship'], []],
      ['en', 'Each apprentice has finished his training and takes a trade test.', ['test'], []],
      ['fr', "Chaque apprenti qui a terminé sa formation passe un examen pratique.", ['examen'], []],
      ['fr', "Le gouvernement a arrêté un plan national d'apprentissage.", ['apprentissage'], []],
      // what ended for the people served is their situation, not the applicant's past
      ['es', 'Formamos en soldadura a jóvenes que ya no estudian ni trabajan.', ['soldadura'], []],
      ['es', 'Capacitamos a mujeres rurales que ya no pueden viajar mediante clases por radio.', ['radio'], []],
      ['en', 'Young people whose schooling was discontinued by the war get apprenticeships.', ['apprenticeships'], []],
      ['fr', "Des jeunes dont la scolarité s'est arrêtée trop tôt vont en apprentissage.", ['apprentissage'], []],
      ['en', 'The project ended up placing 300 interns in banks.', ['interns'], []],
      // a programme's relative clause still ends it
      ['es', 'El programa que se cerró en 2020 ofrecía pasantías.', [], ['pasantías']],
      // a distance or an amount is no end
      ['en', 'It is over 200 km to the nearest college so we teach welding by radio.', ['radio'], []],
      // what is missing is no given: how little exists is the gap a proposal fills
      ['en', 'No online courses in Somali already exist for health workers.', ['online'], []],
      ['fr', 'Peu de cours en ligne existent déjà pour les couturières rurales.', ['couturières'], []],
      ['es', 'Ya existen pocas opciones de formación en línea para mujeres rurales.', ['mujeres'], []],
      // what people no longer have to do is what the proposal spares them
      ['es', 'Las trabajadoras rurales ya no tienen que viajar porque reciben clases en línea.', ['clases'], []],
      ['es', 'Ya no organizamos pasantías; creamos una bolsa de empleo.', ['bolsa'], ['pasantías']],
      // taken up without a pronoun, the next clause is another activity
      ['en', 'Our earlier apprenticeship scheme ended in 2021; we now scale up career counselling.', ['counselling'], ['apprenticeship']],
      ['fr', "Notre ancien programme de stages s'est arrêté ; nous voulons étendre le conseil aux lycées.", ['conseil'], ['stages']],
      ['es', 'El programa anterior de becas terminó; ahora ampliamos la orientación.', ['orientación'], ['becas']],
    ] as const)('reads the present, the revived and the missing as the proposal (%s: %s)', (lang, text, current, ended) => {
      const stemmed = stems(text, lang);
      for (const w of current) expect(stemmed, w).toContain(stem(w, lang));
      for (const w of ended) expect(stemmed, w).toContain(NEGATED + stem(w, lang));
    });
  });

  describe('an ended pilot beside a new programme, and a track record carried on (tagging10)', () => {
    it.each([
      // the pilot's tense ends where a conjunction opens a clause that starts something new
      ['en', 'Our earlier pilot was over in 2022 while the new apprenticeship programme starts now.', ['apprenticeship'], ['pilot']],
      ['en', 'The previous pilot closed in 2023 and this year we launch internships in ten hotels.', ['internships'], ['pilot']],
      ['fr', "Notre projet pilote s'est terminé en 2022 et un nouveau programme de stages démarre cette année.", ['stages'], ['pilote']],
      ['fr', "Notre ancien projet pilote a pris fin, tandis que le programme de tutorat commence maintenant.", ['tutorat'], ['pilote']],
      ['es', 'Nuestro piloto anterior terminó en 2022 y este año comienza un programa nuevo de pasantías.', ['pasantías'], ['piloto']],
      ['es', 'El proyecto anterior de radio terminó, mientras que abrimos una oficina de empleo.', ['oficina'], ['radio']],
      // what the organisation did before, carried on by the new project (a pronoun or "that" after the verb, across a full stop)
      ['en', 'Our previous project trained 300 women and persons with disabilities. This project continues that work in two districts.', ['women', 'disabilities'], []],
      ['en', 'Our former programme trained 300 refugees until 2020. The new project builds on that work.', ['refugees'], []],
      ['fr', "Notre ancien projet a formé 300 femmes et personnes handicapées. Ce projet prolonge ce travail dans deux districts.", ['femmes', 'handicapées'], []],
      ['fr', "Notre ancien programme a formé 200 réfugiés jusqu'en 2020. Le nouveau projet poursuit ce travail.", ['réfugiés'], []],
      ['es', 'Nuestro proyecto anterior capacitó a 300 mujeres y personas con discapacidad. Este proyecto continúa ese trabajo.', ['mujeres', 'discapacidad'], []],
      ['es', 'Nuestro antiguo programa formó a 200 refugiados. Este proyecto da continuidad a esa labor.', ['refugiados'], []],
      // "not only … but" revives all the more (rv-tag10)
      ['en', 'Our radio lessons pilot ended in 2023; we will not only continue it but take it to five provinces.', ['radio'], []],
      ['fr', "Notre projet pilote de cours par radio s'est terminé en 2023 ; nous n'allons pas seulement le relancer.", ['radio'], []],
      ['es', 'Nuestro programa piloto de clases por radio terminó en 2023; no solo lo retomamos.', ['radio'], []],
    ] as const)('reads the new programme and the work carried on as the proposal (%s: %s)', (lang, text, current, ended) => expectReading(lang, text, current, ended));

    it.each([
      // the programme's name stands between it and its end
      ['en', 'Our pilot of internships for students ended in 2023. We train operators on simulators.', ['internships'], ['simulators']],
      ['en', 'The internship programme for students was closed in 2023. We train operators on simulators.', ['internship'], ['simulators']],
      ['es', 'Nuestro programa piloto de pasantías para estudiantes terminó en 2023. Formamos operadores con simuladores.', ['pasantías'], ['simuladores']],
      // a name of two parts, or one said with "by" or "por" (rv-tag10)
      ['en', 'Our pilot of radio lessons for fishers ended in 2023. Now we open a guidance office.', ['radio'], ['guidance']],
      ['en', 'Our pilot of lessons by radio ended in 2023. Now we open a guidance office.', ['radio'], ['guidance']],
      ['es', 'Nuestro programa de capacitación por radio para pescadores terminó en 2023. Ahora abrimos una oficina de orientación.', ['radio'], ['orientación']],
      ['es', 'Nuestro programa piloto de clases por radio terminó en 2023. Ahora abrimos una oficina de orientación.', ['radio'], ['orientación']],
      // a revival the text denies is none
      ['en', 'Our simulation pilot ended in 2023 and will not be continued. We place graduates on wards.', ['simulation'], ['graduates']],
      ['fr', "Notre ancien programme de cours par radio s'est arrêté et ne sera pas relancé. Nous formons des tuteurs.", ['radio'], ['tuteurs']],
      ['es', 'El programa anterior de cursos por radio terminó y no se retomará. Formamos tutores.', ['radio'], ['tutores']],
      // after a full stop, only a pronoun or "that" takes the ended work up: "this" names something new
      ['en', 'Our earlier radio scheme ended in 2020. We now expand this mentoring service.', ['radio'], ['mentoring']],
      ['es', 'El programa anterior de becas terminó. Ahora ampliamos la orientación.', ['becas'], ['orientación']],
    ] as const)('still reads what ended as denied (%s: %s)', (lang, text, ended, current) => expectReading(lang, text, current, ended));
  });

  describe('the people of the place a proposal works in (contextWords, tagging10)', () => {
    it.each([
      ['en', 'In a region with many refugees, our college offers evening welding courses.', ['refugees'], ['welding', 'region']],
      ['en', 'The service runs 14 centres in a province where youth unemployment is high.', ['youth'], ['centres', 'province']],
      ['en', 'We work in districts with a high share of persons with disabilities, teaching bookkeeping online.', ['disabilities'], ['bookkeeping']],
      ['fr', 'Dans une région où le chômage des jeunes est élevé, notre centre propose des cours du soir.', ['jeunes'], ['cours']],
      ['fr', 'La ville, qui accueille de nombreux réfugiés, finance notre centre.', [], ['finance']],
      ['fr', 'Dans une région qui accueille de nombreux réfugiés, nous formons des soudeurs.', ['réfugiés'], ['soudeurs']],
      ['es', 'En una región con muchos refugiados, el instituto ofrece cursos nocturnos.', ['refugiados'], ['cursos']],
      ['es', 'En una provincia donde el desempleo juvenil es alto, abrimos una oficina de empleo.', ['juvenil'], ['oficina']],
    ] as const)('reads who lives in the place as its setting (%s: %s)', (lang, text, setting, proposal) => expectReading(lang, text, proposal, setting));

    it.each([
      // the same people named where the proposal serves them, and "or" in French
      ['en', 'We train 200 refugee women as tailors in a region with many refugees.', ['women']],
      ['en', 'Mobile lessons reach rural communities where there is no internet.', ['rural', 'mobile']],
      ['fr', 'Dans chaque région ou dans chaque ville, nous formons des femmes réfugiées.', ['réfugiées']],
      ['es', 'Formamos a mujeres refugiadas de la región que llegaron en 2019.', ['refugiadas']],
    ] as const)('leaves the people served alone (%s: %s)', (lang, text, served) => expectReading(lang, text, served, []));

    it.each([
      // a "where" clause that says what is done in the place, not what the place is or has, is the proposal's work (rv-tag10)
      ['en', 'We will open three centres in rural districts where out-of-school girls train as solar technicians.', ['girls', 'solar']],
      ['en', 'We run a bakery in the town where apprentices learn on the job from master bakers.', ['apprentices']],
      ['fr', 'Nous ouvrons des centres mobiles dans les villages où les femmes rurales suivent des cours par radio.', ['femmes', 'radio']],
      ['es', 'Abrimos aulas móviles en los municipios donde las mujeres indígenas aprenden por radio.', ['indígenas', 'radio']],
      // the setting ends where the applicant speaks of itself, comma or not
      ['en', 'In districts where youth unemployment is high we place young people in apprenticeships.', ['apprenticeships']],
      ['fr', 'Dans les quartiers où le chômage est élevé nous plaçons des jeunes en apprentissage.', ['apprentissage']],
      ['es', 'En una zona donde hay pocas empresas formamos aprendices en talleres.', ['aprendices', 'talleres']],
    ] as const)('reads what the proposal does in the place as its own (%s: %s)', (lang, text, own) => expectReading(lang, text, own, []));

    it.each([
      ['en', 'In districts where youth unemployment is high we place young people in apprenticeships.', ['youth']],
      ['en', 'They live in a region where many refugees settled after the war.', ['refugees']],
      ['fr', 'Dans les régions où vivent de nombreux réfugiés, nous formons des soudeurs.', ['réfugiés']],
      ['es', 'En una zona donde hay pocas empresas formamos aprendices en talleres.', ['empresas']],
      // what the place lacks is its setting too, with no verb of being
      ['fr', 'Dans les quartiers où les jeunes traînent sans occupation, un club de basket anime des séances.', ['jeunes']],
      ['es', 'En los barrios donde los jóvenes no encuentran trabajo, un club de fútbol organiza talleres.', ['jóvenes']],
    ] as const)('still reads what the place is or has as its setting (%s: %s)', (lang, text, setting) => expectReading(lang, text, [], setting));
  });

  describe('whom a proposal serves (servedWords)', () => {
    it.each([
      ['en', 'Yoga and sleep workshops for apprentices', 'apprentices'],
      ['en', 'A reading club for the young trainees of the bakery school', 'trainees'],
      ['fr', 'Des ateliers de prise de parole pour les apprentis', 'apprentis'],
      ['fr', 'Un module de nutrition destiné aux stagiaires', 'stagiaires'],
      ['es', 'Un taller de autoestima para aprendices de cocina', 'aprendices'],
      ['es', 'Charlas de salud dirigidas a los pasantes', 'pasantes'],
      // what a study looks at is its object
      ['en', 'We will survey 500 former apprentices by phone', 'apprentices'],
      ['en', 'A study of unpaid internships in banks', 'internships'],
      ['fr', 'Nous allons interroger des artisans sur la façon dont ils forment leurs apprentis', 'apprentis'],
      ['fr', "Une enquête sur les stages en entreprise", 'stages'],
      ['es', 'Encuestaremos a los pasantes de 40 empresas', 'pasantes'],
      ['es', 'Un estudio de las pasantías en hoteles', 'pasantías'],
      // workshops or talks for learners at a workplace are about something else
      ['en', 'Yoga and sleep workshops for apprentices in car repair garages', 'apprentices'],
      ['fr', 'Des ateliers de gestion du stress pour les apprentis en entreprise', 'apprentis'],
      ['es', 'Talleres de autoestima para aprendices en empresas de construcción', 'aprendices'],
      ['en', 'A survey of interns in banks', 'interns'],
    ] as const)('marks a learner noun after "for" or a study word as whom a proposal serves or studies (%s: %s)', (lang, text, word) => {
      expect(stems(text, lang)).toContain(SERVED + stem(word, lang));
    });

    it.each([
      // a clause of its own after the study
      ['en', 'After the survey, apprentices are placed in firms.', 'apprentices'],
      ['es', 'Con los resultados del estudio. Los pasantes trabajan en hoteles.', 'pasantes'],
      ['en', 'Hotels take apprentices for two years.', 'apprentices'],
      ['fr', 'Les apprentis passent trois jours chez le patron.', 'apprentis'],
      ['es', 'Buscamos empresas para aprendices y tutores.', 'tutores'],
      // the study is over: the proposal goes on to place them
      ['en', 'We survey 50 hotels and then place 120 interns in them.', 'interns'],
      ['fr', "Nous menons une enquête auprès de 60 ateliers et y plaçons ensuite 150 jeunes en apprentissage.", 'apprentissage'],
      // where learners study is no study of anything
      ['en', 'Students study at the polytechnic and do internships in hotels.', 'internships'],
      ['fr', "Les jeunes peuvent étudier au lycée professionnel et faire leur stage dans une entreprise.", 'stage'],
      ['es', 'Pueden estudiar en el instituto por la mañana y hacer prácticas en empresas.', 'prácticas'],
      // what is provided for them is the placement itself: places, stipends, insurance, host firms
      ['en', 'Monthly stipends and tools for apprentices', 'apprentices'],
      ['en', '200 places for interns in banks', 'interns'],
      ['fr', 'Des indemnités mensuelles pour les apprentis', 'apprentis'],
      ['es', 'Bonos de transporte y seguro para aprendices', 'aprendices'],
    ] as const)('leaves the noun as a term where it does something or stands elsewhere (%s: %s)', (lang, text, word) => {
      expect(stems(text, lang)).toContain(stem(word, lang));
    });
  });
});

/** The words a text's stems read as the proposal's (as they are) and as denied (NEGATED). */
function expectReading(lang: 'en' | 'fr' | 'es', text: string, affirmed: readonly string[], denied: readonly string[]): void {
  const stemmed = stems(text, lang);
  for (const w of affirmed) expect(stemmed, w).toContain(stem(w, lang));
  for (const w of denied) expect(stemmed, w).toContain(NEGATED + stem(w, lang));
}
