/**
 * Header recognition: which column of a sheet holds which application field, by meaning.
 * Synonyms (English, French, Spanish) and the evidence against a match live in
 * data/headers.json (header-data.ts reads it) so officers can add spellings.
 *
 * A header matches a synonym when it holds every word of the synonym as a whole word (or its
 * plural), after folding case, accents, punctuation and small words ("Name of your organization"
 * and "Nom de l'organisation" both reduce to two words); "pay" is never "pays". Every (column,
 * field) pair is scored: an exact match beats a partial one, more words beat fewer, and
 * data/headers.json's priority order breaks ties. A one-word synonym inside a longer header
 * counts only beside the words the field allows ("Country of residence", not "Type of meal").
 * Then the evidence against: a yes/no question, a rating, a count, a third party, a birth date,
 * a place that is not a country... removes the fields it rules out. Assignment is greedy from the
 * best pair down, one column per field; a question spread over several columns (SurveyMonkey)
 * and the applicant's other email questions are kept as fallbacks.
 */
import { anyWord, headerIndex, metadataKey, type Field, type HeaderIndex, type NegativeRule } from './header-data.js';
import { hasPhrase, headerTokens, isNumbering, keyWord, leftOver, questionTokens, wordMatches } from './header-words.js';
import { asksPersonsAttribute, BARE_NAMES as NAME_WORDS, isBareNameHeader, isBareTitleHeader, markedCriteria, numberedSeries, unmarkedCriteria, repeatedLists, resumesBesideCoverLetter } from './header-series.js';

export { FIELDS, requiredFields, headerKey, synonymKeys, type Field } from './header-data.js';

/** Fields whose values from several columns are combined (SurveyMonkey spreads one question over columns). */
export const MULTI_VALUE_FIELDS: ReadonlySet<Field> = new Set<Field>(['beneficiaries', 'selfCategories']);

/** The words that say which of a Spanish name's two family names a column holds (records systems
 * shorten "apellido paterno" to "apaterno", "ap_paterno"). */
const FAMILY_NAME_ORDER: ReadonlySet<string> = new Set(['paterno', 'materno', 'primer', 'segundo', 'primero', 'apaterno', 'amaterno']);

/** Field -> the columns (indexes) that feed it, best first. */
export type ColumnMapping = Partial<Record<Field, number[]>>;

/** How sure the import is that a column holds a field. */
export type Confidence = 'high' | 'medium' | 'low';

/** How a field's column was recognised from its header. */
export interface HeaderEvidence {
  column: number;
  /** the header names the field exactly (a synonym, all its words and nothing else) */
  exact: boolean;
  /** the column is one a form tool adds itself (the respondent's account, a timestamp) */
  metadata: boolean;
  /** matched by a one-word synonym among other words */
  single: boolean;
  confidence: Confidence;
}

interface Candidate {
  column: number;
  field: Field;
  score: number;
  exact: boolean;
  single: boolean;
  metadata: boolean;
  /** the header is the field's name (exact), a form tool's own column or not */
  named: boolean;
  /** the header names whoever filled in the form ("Name of the person completing this form") */
  submitter?: boolean;
  /** a whole-header stand-in ("Motivation", "School"): names the field only where nothing else does */
  standIn?: boolean;
  /** the field's word among words that say nothing of the applicant ("Your ChatGPT email"): another address of theirs, for something else */
  loose?: boolean;
}

/** The meaningful words of a header (folded, no stopwords, no one-letter bits). */
export function headerWords(header: string): string[] {
  const idx = headerIndex();
  return headerTokens(header).filter((w) => w.length >= 2 && !idx.stopwords.has(w));
}

/** "Lead partner", "partenaire chef de file": a partner's words that name the applicant. */
function namesLeadParty(words: readonly string[], idx: HeaderIndex): boolean {
  return idx.otherParties.unless.some((phrase) => leftOver(words, phrase) !== null);
}

/** "Email of the partner organisation", "Courriel du référent": someone other than the applicant. */
function namesOtherParty(words: readonly string[], idx: HeaderIndex): boolean {
  return anyWord(words, idx.otherParties.words) && !namesLeadParty(words, idx);
}

/** Words that may stand between a person word and what makes it another person ("contact du second", "co-applicant's"). */
const LINK_WORDS = new Set(['of', 'the', 'de', 'del', 'du', 'des', 'la', 'le', 'el', 'los', 'las', 'd', 'l', 's', 'do', 'da']);
/** A person's role in an organisation: its contact person, head, representative, owner. */
const ROLE_WORDS: ReadonlySet<string> = new Set(['referent', 'referente', 'responsable', 'responsavel', 'responsabile', 'representant', 'representante', 'rappresentante', 'representative',
  'contact', 'contacto', 'contato', 'contatto', 'director', 'directeur', 'directrice', 'directora', 'diretor', 'diretora', 'direttore', 'direttrice', 'manager', 'gerant', 'gerante', 'gerente',
  'dirigeant', 'dirigeante', 'dirigente', 'president', 'presidente', 'presidenta', 'coordinator', 'coordinateur', 'coordinatrice', 'coordinador', 'coordinadora', 'coordenador', 'coordenadora',
  'coordinatore', 'head', 'chef', 'leader', 'lider', 'titular', 'titulaire', 'owner', 'proprietaire', 'propietario', 'proprietario', 'founder', 'fondateur', 'fondatrice', 'fundador', 'fundadora', 'fondatore', 'ceo'].map(keyWord));
/** The nouns of an organisation a role belongs to ("entreprise", "company", "azienda", "structure"). */
const ORGANISATION_WORDS: ReadonlySet<string> = new Set(['entreprise', 'empresa', 'azienda', 'company', 'societe', 'sociedad', 'societa', 'business', 'firm', 'organisation', 'organization', 'organisme',
  'organizacion', 'organizacao', 'organizzazione', 'structure', 'estructura', 'estrutura', 'struttura', 'institution', 'institucion', 'instituicao', 'istituzione', 'association', 'asociacion',
  'associacao', 'associazione', 'ente', 'entity', 'entite', 'entidad', 'entidade', 'ngo', 'ong', 'agency', 'agence', 'agencia', 'cooperative', 'cooperativa', 'startup', 'school', 'ecole', 'escuela', 'escola', 'scuola'].map(keyWord));

/**
 * "Nom du référent de l'entreprise", "Nome do responsável pela empresa", "Nombre del representante
 * de la empresa", "Name of the company representative": the name of a person who holds a role in
 * the organisation, not the organisation's name. The role stands right after the name word (its
 * small words between) and the organisation after the role, or, in English, the role right after
 * the organisation ("company representative"). "Nom de l'organisme référent" (the organisation
 * first, the role word its adjective) and "Nom de l'entreprise du responsable" name the organisation.
 */
function namesRoleHolder(tokens: readonly string[]): boolean {
  const keys = tokens.map(keyWord);
  const nameAt = keys.findIndex((k) => NAME_WORDS.has(k));
  if (nameAt < 0) return false;
  if (nameThen(tokens, keys, nameAt, ROLE_WORDS, ORGANISATION_WORDS)) return true;
  if (keys[nameAt] !== keyWord('name')) return false;
  // ("Name of the company head office": a role word that goes on to another noun is no role)
  return keys.some((k, j) => {
    const r = tokens[j + 1] === 's' ? j + 2 : j + 1;
    return ORGANISATION_WORDS.has(k) && ROLE_WORDS.has(keys[r] ?? '') && (r === keys.length - 1 || NAME_WORDS.has(keys[r + 1]!) || tokens[r + 1] === 's');
  });
}

/**
 * "Nome da empresa do responsável", "Nom de l'entreprise du référent": the name word, then (its
 * small words between) the organisation, then the role: the organisation's name, whose role word
 * says whose organisation it is.
 */
function namesRoleHoldersOrganisation(tokens: readonly string[]): boolean {
  const keys = tokens.map(keyWord);
  const nameAt = keys.findIndex((k) => NAME_WORDS.has(k));
  return nameAt >= 0 && nameThen(tokens, keys, nameAt, ORGANISATION_WORDS, ROLE_WORDS);
}

/** Whether the name word at nameAt is followed (its small words between) by a `first` word, and a `then` word after it. */
function nameThen(tokens: readonly string[], keys: readonly string[], nameAt: number, first: ReadonlySet<string>, then: ReadonlySet<string>): boolean {
  let i = nameAt + 1;
  while (i < tokens.length && LINK_WORDS.has(tokens[i]!)) i++;
  return i < keys.length && first.has(keys[i]!) && keys.slice(i + 1).some((k) => then.has(k));
}

/** A supplier ("fornitore", "fournisseur", "supplier", "vendor"). */
const SUPPLIER_WORDS: ReadonlySet<string> = new Set(['supplier', 'vendor', 'fournisseur', 'fornitore'].map(keyWord));
/** A supplier word as written (for reading a call for suppliers' headers as the organisation's). */
const SUPPLIER_TEXT = /\b(?:suppliers?|vendors?|fournisseurs?|fornitor[ei])\b/giu;
/** The small words that say a supplier owns what the header asks ("del fornitore", "du fournisseur", "of the supplier"). */
const OWNER_LINKS: ReadonlySet<string> = new Set(['of', 'the', 'du', 'des', 'de', 'del', 'dello', 'della', 'dei', 'degli', 'al', 'do', 'da', 'dal']);

/**
 * "Ragione sociale del fornitore", "Email du fournisseur", "Supplier's phone": a supplier's
 * details, a third party's. A supplier word that qualifies the applicant ("Nom de l'entreprise
 * (fournisseur agréé)", "Supplier name" in a supplier's own registration) is not one: only a
 * supplier the header's words belong to counts.
 */
function namesSupplier(tokens: readonly string[]): boolean {
  return tokens.some((t, i) => SUPPLIER_WORDS.has(keyWord(t)) && ((i > 0 && OWNER_LINKS.has(tokens[i - 1]!)) || tokens[i + 1] === 's'));
}

/** Person words that also mean a person's details ("contact number", "Contacto teléfono"). */
const CONTACT_WORDS = new Set(['contact', 'contacto', 'contato']);

/**
 * "Co-applicant's email", "Joint applicant email", "Second contact email", "Email (contact 2)",
 * "Courriel du deuxième contact", "Correo del co-solicitante": another person named beside the
 * applicant, whose email, phone or name is not the applicant's. "Alternate contact number" is
 * the applicant's second number (contact details), and "Alternative email" or "Applicant's other
 * email" the applicant's other address: the ordinal must stand beside a person word, and not
 * after its possessive.
 */
function namesAnotherPerson(tokens: readonly string[], idx: HeaderIndex): boolean {
  const { people, prefixes, ordinals, details } = idx.otherPeople;
  const step = (from: number, by: number) => {
    let j = from + by;
    while (j >= 0 && j < tokens.length && LINK_WORDS.has(tokens[j]!)) j += by;
    return j;
  };
  // a digit opening the header numbers the question ("2. Contact person"), it is no ordinal
  const ordinal = (j: number) => j >= 0 && j < tokens.length && ordinals.has(tokens[j]!) && !(j === 0 && /^\d+$/.test(tokens[j]!));
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!;
    if (prefixes.some((p) => word.length > p.length + 3 && word.startsWith(p) && people.has(word.slice(p.length)))) return true;
    if (!people.has(word)) continue;
    if (CONTACT_WORDS.has(word) && details.has(tokens[i + 1] ?? '')) continue;
    const before = step(i, -1);
    if (before >= 0 && prefixes.includes(tokens[before]!)) return true;
    // after a possessive the ordinal qualifies what the person has: "Applicant's other email" is
    // the applicant's second address ("Other applicant's email" another applicant's); so does a
    // word ordinal with the field after it, the possessive left out ("Applicant other email",
    // "Applicants other email"), where a number ("Applicant 2 email") still counts applicants
    const after = step(i, 1);
    const qualifiesNext = (j: number) => /^\p{L}+$/u.test(tokens[j] ?? '') && j + 1 < tokens.length && !people.has(tokens[j + 1]!);
    if (ordinal(before) || (tokens[i + 1] !== 's' && ordinal(after) && !qualifiesNext(after))) return true;
  }
  return false;
}

/**
 * Prefixes that name what the columns are about, not the table ("orgName" is the organisation's
 * name, "compName" the company's, "teamName" the team's): read as written.
 */
const PARTY_PREFIXES: ReadonlySet<string> = new Set(['org', 'orga', 'comp', 'cmp', 'corp', 'co', 'biz', 'ent', 'emp', 'team', 'grp', 'proj', 'prj', 'inst', 'uni', 'sch', 'ref', 'ngo', 'ong']);
/**
 * "insId, insNome, insEmail, insTelCel": a web app's table writes its own short prefix before
 * every column name; it names the table (inscrições), not the field, and is read without it. Only
 * a lowercase prefix of two to four letters before a capital, on most of the file's columns.
 */
function withoutTablePrefix(headers: readonly string[]): readonly string[] {
  const counts = new Map<string, number>();
  for (const h of headers) {
    const m = /^([a-z]{2,4})(?=\p{Lu})/u.exec(h.trim());
    if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  const [prefix, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (n < 5 || n < headers.length * 0.6 || PARTY_PREFIXES.has(prefix)) return headers;
  return headers.map((h) => (h.trim().startsWith(prefix) && /^\p{Lu}/u.test(h.trim().slice(prefix.length)) ? h.trim().slice(prefix.length) : h));
}

/**
 * Words of a price or a payment ("FormaPagamento", "Prix", "Coupon", "Montant payé"): a list of
 * tickets or paid registrations. A bare amount is none: an application asks the amount requested
 * ("Montant demandé", "Monto solicitado", "Budget amount").
 */
const PAYMENT_WORDS: ReadonlySet<string> = new Set(['payment', 'paiement', 'pago', 'pagamento', 'paid', 'paye', 'payee', 'pagado', 'pagada', 'price', 'prix', 'precio', 'preco', 'coupon', 'cupom', 'cupon', 'boleto', 'invoice', 'facture', 'factura', 'fatura'].map(keyWord));
/**
 * A column of a paid list ("Ticket price", "Forma de pagamento", "Payment status"): a payment word
 * in a header of at most two words that asks nothing of the applicant. A question about a price
 * ("What is the price of your product?", "Precio de venta del producto") is an application's.
 */
function isPaymentColumn(header: string): boolean {
  const words = headerWords(header);
  return words.length <= 2 && !header.includes('?') && !/\b(?:your|votre|vos|su|sus|tu|tus|seu|sua)\b/i.test(header) && words.some((w) => PAYMENT_WORDS.has(keyWord(w)));
}
/** Words of a sum of money ("Amount", "Montant levé", "Valor pago"). */
const AMOUNT_WORDS: ReadonlySet<string> = new Set(['amount', 'montant', 'monto', 'importe', 'valor', 'sum', 'somme', 'suma', 'soma'].map(keyWord));
/** A column of a sum raised or paid: a bare "Amount", "Montant", "Valor", or a payment ("Total paid", "Price"). A sum asked for ("Montant demandé") is the application's. */
function isAmountColumn(header: string): boolean {
  const words = headerWords(header);
  return isPaymentColumn(header) || (words.length === 1 && AMOUNT_WORDS.has(keyWord(words[0]!)));
}
/** A header that is the word "date" and nothing else. */
const BARE_DATES: ReadonlySet<string> = new Set(['date', 'fecha', 'data', 'datum'].map(keyWord));
/** A header that is the word "category" and nothing else. */
const BARE_CATEGORIES: ReadonlySet<string> = new Set(['category', 'categorie', 'categoria', 'categories', 'categorias'].map(keyWord));

/** The words that say whose answer follows ("of", "de", "do", "da"). */
const WHOSE_WORDS: ReadonlySet<string> = new Set(['of', 'de', 'del', 'du', 'des', 'do', 'da', 'dos', 'das']);
/** The words that ask something of every one of several ("each", "cada", "chaque"). */
const EACH_WORDS: ReadonlySet<string> = new Set(['each', 'every', 'cada', 'chaque']);
/** People a form asks about one by one besides its person words (participants, dancers, players). */
const SEVERAL_PEOPLE: ReadonlySet<string> = new Set(['participant', 'participante', 'dancer', 'bailarin', 'bailarina', 'bailarino', 'danseur', 'danseuse', 'player', 'jugador', 'jugadora', 'jogador', 'jogadora', 'joueur', 'joueuse', 'student', 'estudiante', 'aluno', 'aluna', 'eleve', 'etudiant', 'etudiante', 'child', 'nino', 'nina', 'crianca', 'enfant'].map(keyWord));

/**
 * "Informe nome completo e idade de cada participante", "Name and age of each member", "Nom de
 * chaque joueur": the names (emails, phones) of everyone in a cast or a team, asked in one
 * answer; none of them is the applicant's own.
 */
function namesEachOfSeveral(tokens: readonly string[], idx: HeaderIndex): boolean {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!EACH_WORDS.has(tokens[i]!)) continue;
    // ("Name and age of each dancer", "Each member's email": whose answers; "Full name (one form
    // for each participant)", "una inscripción por cada participante" says how to fill the form)
    if (i > 0 && !WHOSE_WORDS.has(tokens[i - 1]!)) continue;
    let j = i + 1;
    while (j < tokens.length && LINK_WORDS.has(tokens[j]!)) j++;
    const next = tokens[j];
    if (next && (idx.otherPeople.people.has(next) || SEVERAL_PEOPLE.has(keyWord(next)))) return true;
  }
  return false;
}

/** "Correo electrónico del responsable del proyecto", "Alternative email": the applicant's side. */
function namesApplicantSide(words: readonly string[], idx: HeaderIndex): boolean {
  return !namesOtherParty(words, idx) && (anyWord(words, idx.applicantSide.words) || namesLeadParty(words, idx));
}

/**
 * "First name: 1st author", "Email: 2nd author", "Co-author's email", "Authors": a column about one
 * of a paper's several authors (an author word beside an ordinal, a co-author, authors in the
 * plural), who need not be the one who sent it.
 */
function namesOneAuthorOfSeveral(header: string, idx: HeaderIndex): boolean {
  const words = headerWords(header);
  if (!anyWord(words, idx.authors.words) || namesApplicantSide(words, idx)) return false;
  return headerTokens(header).some(isNumbering) || words.some((w) => /^co-?aut/.test(w) || (idx.authors.words.has(w) && /s$/.test(w)));
}

/** Small words that may stand between "name" and what it is the name of: "nombre del puesto", "name of the position". */
const OF_WORDS = new Set(['of', 'the', 'de', 'del', 'du', 'des', 'la', 'le', 'el', 'los', 'las', 'd', 'l']);

/**
 * "Nombre del puesto", "Name of the position", "Nombre de postes créés" (French: how many jobs):
 * a name word whose next word is a job word names the job (or counts jobs), not a person.
 */
function namesAJob(header: string, idx: HeaderIndex): boolean {
  const tokens = headerTokens(header);
  // "Contact person (name, role)": a comma ends the phrase
  const breaks = header.split(/[,;:()/]/).length > 1 ? breakPositions(header) : new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (!idx.notNames.nameWords.has(tokens[i]!) || breaks.has(i)) continue;
    let j = i + 1;
    while (j < tokens.length && OF_WORDS.has(tokens[j]!)) j++;
    if (j < tokens.length && idx.notNames.words.has(tokens[j]!)) return true;
  }
  return false;
}

/** Token positions followed by punctuation that ends a phrase. */
function breakPositions(header: string): Set<number> {
  const out = new Set<number>();
  let n = 0;
  for (const piece of header.split(/([,;:()/])/)) {
    if (/^[,;:()/]$/.test(piece)) out.add(n - 1);
    else n += headerTokens(piece).length;
  }
  return out;
}

/**
 * "Nombre de postes", "Número de beneficiarios", "N° participants": the French and Spanish count,
 * told from the Spanish name ("Nombre de la organización") and from a number that identifies
 * ("Numéro de participant") by the plural that follows.
 */
function countsSomething(tokens: readonly string[]): boolean {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!['nombre', 'numero', 'nro', 'nb', 'nbre'].includes(tokens[i]!)) continue;
    let j = i + 1;
    // ("N° participants", "Nº inscripciones": the number sign without its "de" counts too)
    if (['de', 'd', 'of', 'del', 'des'].includes(tokens[j]!)) j++;
    else if (tokens[i] === 'nombre') continue;
    while (j < tokens.length && ['la', 'le', 'les', 'los', 'las', 'el', 'l', 'the'].includes(tokens[j]!)) j++;
    const next = tokens[j];
    if (next && next.length > 3 && /[sx]$/.test(next) && !/(?:ss|is|us)$/.test(next)) return true;
  }
  return false;
}

/** "Question [row]": a line of a rating grid (Google Forms, Microsoft Forms), never a field. */
const GRID_ITEM = /\S.*\[[^\]]+\]\s*$/;

/**
 * "Motivation (1-5)", "Motivación (de 1 a 5)", "Skills (1 = low, 5 = high)", "Motivation (out of
 * 10)", "Motivation /5": a rating on a scale, whatever word it rates ("Children (0-5 years)" is
 * an age range: the range must fill the brackets).
 */
const SCALE = /\(\s*(?:from\s+|de\s+|del\s+)?[01]\s*(?:-|\u2013|\u2014|to|à|a|al|até|ate)\s*(?:[3-9]|10|100)\s*\)|\(\s*[01]\s*=|\b(?:out of|sur|sobre|de)\s+(?:5|10|20|100)\s*\)|\/\s*(?:5|10|20|100)\s*\)?\s*$/i;

/** A form tool's own column ("Email", "Response ID"); a preferred column is an answer (SurveyMonkey's), never the tool's own. */
function isToolColumn(header: string, idx: HeaderIndex, bonus: number): boolean {
  return bonus === 0 && idx.metadata.has(metadataKey(headerTokens(header).filter((w) => w.length >= 2 && !idx.stopwords.has(w))));
}

/**
 * The first sentence of a header that goes on with further sentences ("Please enter your e-mail.
 * We will not use it…"), or null: a sentence ends with ".", "?" or "!" before a capital letter,
 * and has words of its own ("3. Email" is numbering, not a sentence).
 */
function firstSentence(header: string): string | null {
  const m = /^(.*?\p{L}.*?[.?!])\s+(?=\p{Lu})/u.exec(header);
  if (!m) return null;
  const sentence = m[1]!.trim();
  return questionTokens(headerTokens(sentence)).some((w) => w.length >= 2) ? sentence : null;
}

/**
 * A summary of the proposal ("Résumé de l'innovation", "Project summary", "Abstract"): the
 * description where no other column is, below any other header naming it ("Description",
 * "Description du projet"), the fuller text the tagging reads. By its words it beat a bare
 * "Description" beside it, and a short summary was all the tagging had.
 */
function summarises(s: { field: Field; words: readonly string[] }): boolean {
  return s.field === 'description' && s.words.some((w) => SUMMARY_WORDS.has(w));
}
const SUMMARY_WORDS: ReadonlySet<string> = new Set(['summary', 'resume', 'resumen', 'resumo', 'abstract', 'synthese', 'sintesis', 'sintese', 'sinopsis', 'sumario']);

/** A stand-in's score (data/headers.json standIns): below any other header naming the field (one word of it scores 1), above a form tool's own column. */
const STAND_IN_SCORE = 0.9;

/** How far a column naming the form's sender outranks the other columns of the same field (an exact header scores 101). */
const SUBMITTER_BONUS = 50;

/**
 * The header before a clause naming whoever filled in the form ("School name" of "School name of
 * the individual who submitted this form"), without the person noun the clause follows; null when
 * the header names no such clause.
 */
function submitterHead(tokens: readonly string[], idx: HeaderIndex): string | null {
  const { phrases, people, forms } = idx.submitter;
  for (let i = 0; i < tokens.length; i++) {
    const phrase = phrases.find((p) => p.every((w, k) => tokens[i + k] === w));
    if (!phrase) continue;
    let end = i;
    let person = false;
    while (end > 0 && (LINK_WORDS.has(tokens[end - 1]!) || people.has(tokens[end - 1]!))) {
      end--;
      if (people.has(tokens[end]!)) person = true;
    }
    // "Names of students who completed the program", "Nombre de la empresa que completa el
    // programa": the clause names other people, unless it follows a person noun ("the individual
    // who…"), is a pronoun ("de quien diligencia") or names the form ("… completing this form")
    const pronoun = WHOEVER.has(phrase[0]!);
    if (!person && !pronoun && !tokens.slice(i).some((w) => forms.has(w))) continue;
    return tokens.slice(0, end).join(' ');
  }
  return null;
}

/** Words of an organisation's founding ("establishment_time", "Year founded", "Année de fondation", "Año de fundación"). */
const FOUNDING_WORDS: ReadonlySet<string> = new Set(['establishment', 'established', 'founded', 'founding', 'incorporation', 'incorporated', 'fondation', 'fondee', 'fundacion', 'fundada', 'fundado', 'fundacao', 'fondazione', 'costituzione', 'costituita', 'costituito'].map(keyWord));

/** A team ("Team name", "Nombre del equipo", "Nom de l'équipe", "Nome da equipe"). */
const TEAM_WORDS: ReadonlySet<string> = new Set(['team', 'equipo', 'equipe', 'equipa'].map(keyWord));

/** Words that ask when ("Date submitted?", "¿Cuándo lo envió?"): a question with one of them asks for a date. */
const WHEN_WORDS: ReadonlySet<string> = new Set(['date', 'time', 'when', 'timestamp', 'day', 'fecha', 'hora', 'cuando', 'dia', 'data', 'quando', 'quand', 'heure', 'jour', 'moment', 'momento', 'year', 'annee', 'ano']);

/** A question with no word of when ("Submitted?", "Is your business incorporated?"): answered yes or no, not with a date. */
function asksYesNo(header: string): boolean {
  return /\?\s*$/.test(header) && !headerTokens(header).some((t) => WHEN_WORDS.has(t));
}

/** The pronouns that say "whoever" ("de quien diligencia", "de quem preencheu"). */
const WHOEVER = new Set(['quien', 'quem']);

/**
 * How much of a header is read for its field: a question with its help note is a few hundred
 * characters (the corpus's longest, 433); a pasted essay or a broken export's first row can be
 * hundreds of thousands, and some rules' patterns take time growing with the square of the text.
 */
export const HEADER_READ_LIMIT = 2000;

/** The part of a header that is read for its field: all of it, or its first HEADER_READ_LIMIT characters cut at a space (the whole header is kept for display). */
export function readPart(header: string): string {
  if (header.length <= HEADER_READ_LIMIT) return header;
  const cut = header.slice(0, HEADER_READ_LIMIT);
  const space = cut.search(/\s\S*$/);
  return space > 0 ? cut.slice(0, space) : cut;
}

/** Which rule, if any, rules the field out for this header. */
function ruledOut(rule: NegativeRule, field: Field): boolean {
  return rule.fields ? rule.fields.has(field) : !rule.except.has(field);
}

function ruleApplies(rule: NegativeRule, tokens: readonly string[], question: readonly string[], metadata: boolean): boolean {
  if (metadata && !rule.formTools) return false;
  if (tokens.some((w) => w.length > 1 && rule.unless.has(w))) return false;
  if (rule.unlessPhrases.some((p) => hasPhrase(tokens, p))) return false;
  if (rule.starts.some((s) => s.length <= question.length && s.every((w, i) => question[i] === w))) return true;
  if (rule.phrases.some((p) => hasPhrase(tokens, p))) return true;
  return tokens.some((w) => w.length > 1 && rule.words.has(w));
}

/** Why each field was ruled out for one header, for `explainHeader`. */
type Explanation = Map<Field, string>;

/** The best score of each field for one header (exact matches score above 100). */
function scoreHeader(header: string, column: number, idx: HeaderIndex, bonus: number, why?: Explanation, toolColumn?: boolean): Candidate[] {
  const trimmed = readPart(header).replace(/\u0000/g, '').trim();
  if (idx.ignored.has(trimmed.toLowerCase())) return [];
  const special = idx.exactHeaders.get(trimmed);
  if (special) return [{ column, field: special, score: 101 + bonus, exact: true, single: false, metadata: false, named: true }];
  // "Please enter your e-mail. We will not disclose it to third parties.": a question followed by
  // a help note is read by its first sentence, when that sentence names a field
  const first = firstSentence(trimmed);
  if (first) {
    const found = scoreHeader(first, column, idx, bonus, why, isToolColumn(trimmed, idx, bonus));
    if (found.length) return found;
  }
  const tokens = headerTokens(trimmed);
  // "Name of the individual who submitted this form", "School name of the person completing this
  // form": the form's sender, read as "Name", "School name", first for the person's fields
  const head = submitterHead(tokens, idx);
  if (head !== null) {
    const found = head ? scoreHeader(head, column, idx, bonus, why, false) : [];
    for (const c of found) {
      if (!idx.submitter.fields.has(c.field)) continue;
      c.score += SUBMITTER_BONUS;
      c.submitter = true;
    }
    return found;
  }
  const words = tokens.filter((w) => w.length >= 2 && !idx.stopwords.has(w));
  if (!words.length) return [];
  // "Nome do Grupo / Escola", "Group/School name": two words side by side in one phrase, each
  // asked with the rest of it ("Nome do Grupo" or "Nome da Escola"); read as either when the
  // phrase as written names no field.
  // (Only a phrase that names nothing at all: one whose field a rule ruled out, "Quel était le nom
  // de votre entreprise / projet ?", a past organisation, is no title either.)
  const either = eitherReading(trimmed);
  if (either) {
    const ruled: Explanation = new Map();
    const found = scoreOne(tokens, words, trimmed, column, idx, bonus, ruled, toolColumn);
    for (const [f, reason] of ruled) why?.set(f, reason);
    if (found.length || ruled.size) return found;
    // (the organisation, a title: what a group or a school is called; two roles, "Team
    // Leader/Member", ask which one the person is, and name no person)
    for (const reading of either) {
      const read = scoreHeader(reading, column, idx, bonus, why, toolColumn).filter((c) => !PERSON_FIELDS.has(c.field));
      if (read.length) return read;
    }
    return [];
  }
  return scoreOne(tokens, words, trimmed, column, idx, bonus, why, toolColumn);
}

/**
 * The two readings of a phrase with one slash between two words ("Nome do Grupo / Escola" ->
 * "Nome do Grupo", "Nome do Escola"), the second first. Only text with spaces around a word
 * before or after the pair: an identifier path ("group_org/org_name") or a bare "Ville / Pays"
 * is no phrase.
 */
export function eitherReading(header: string): string[] | null {
  const slash = header.indexOf('/');
  if (slash < 0 || header.includes('/', slash + 1) || !/\s/.test(header)) return null;
  // (the words on either side found by walking from the slash: a pattern that tries every start
  // takes seconds on a header of a few thousand characters)
  let aEnd = slash;
  while (aEnd > 0 && SPACE.test(header[aEnd - 1]!)) aEnd--;
  let aStart = aEnd;
  while (aStart > 0 && LETTER.test(header[aStart - 1]!)) aStart--;
  let bStart = slash + 1;
  while (bStart < header.length && SPACE.test(header[bStart]!)) bStart++;
  let bEnd = bStart;
  while (bEnd < header.length && LETTER.test(header[bEnd]!)) bEnd++;
  if (aStart === aEnd || bStart === bEnd) return null;
  const before = header.slice(0, aStart);
  const after = header.slice(bEnd);
  // (nor text over several lines)
  if (LINE_BREAK.test(before) || LINE_BREAK.test(after)) return null;
  if (!LETTER.test(before) && !LETTER.test(after)) return null;
  const [a, b] = [header.slice(aStart, aEnd), header.slice(bStart, bEnd)];
  return [`${before}${b}${after}`, `${before}${a}${after}`];
}
const LETTER = /\p{L}/u;
const SPACE = /\s/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** The best score of each field for one header's words, as written. */
function scoreOne(tokens: readonly string[], words: readonly string[], trimmed: string, column: number, idx: HeaderIndex, bonus: number, why?: Explanation, toolColumn?: boolean): Candidate[] {
  const metadata = toolColumn ?? isToolColumn(trimmed, idx, bonus);
  const best = new Map<Field, Candidate>();
  const asksJob = anyWord(words, idx.notNames.words);
  // "Structure / Service", "Company or department": the header offers two answers, either of which names the field
  const alternative = ALTERNATIVES.test(trimmed) || spanishAlternative(tokens, idx);
  const standInWords = new Map<Field, readonly string[]>(); // a whole-header stand-in's own words, by field
  let listAt = Infinity; // where the first word naming a list field (beneficiaries, categories) stands
  for (const s of idx.synonyms) {
    // "Job title", "Titre du poste", "Full name and job title": the lone title word is the job's
    if (asksJob && s.words.length === 1 && idx.notNames.jobTitleFields.has(s.field)) continue;
    const left = leftOver(words, s.words);
    if (!left) continue;
    if (s.phrase && !hasPhrase(tokens, s.phrase)) continue;
    const exact = left.length === 0;
    if (s.exactOnly && !exact) continue;
    const single = !exact && s.words.length === 1;
    // ("ChatGPT email address": a phrase of the field's among a few words that say nothing of the
    // applicant is, like one word of it, another account's address; more words still name the field)
    const fit = single ? singleWordFit(s.field, left, idx, alternative) : !exact && singleWordFit(s.field, left, idx, alternative) === 'loose' ? 'loose' : 'yes';
    if (fit === 'no') continue;
    // (a list's own record number, "Member ID", is the row's id only where no column is the application's: it loses a tie)
    const listId = s.exactOnly && s.field === 'externalId' ? 0.5 : 0;
    // ("Motivation", "School", "Skills" alone name the field where no other column does: below any
    // other header naming it; and a question about one ("referência para sua área de pesquisa") below it)
    const score = (s.standIn ? (exact ? STAND_IN_SCORE : STAND_IN_SCORE / 2) : exact ? 100 + (summarises(s) ? 0.5 : s.words.length) - listId : s.words.length) + bonus;
    if (idx.counts.fields.has(s.field)) {
      for (const sw of s.words) {
        const at = words.findIndex((w) => wordMatches(w, sw));
        if (at >= 0) listAt = Math.min(listAt, at);
      }
    }
    const prev = best.get(s.field);
    if (exact && s.standIn) standInWords.set(s.field, s.words);
    if (!prev || score > prev.score) best.set(s.field, { column, field: s.field, score, exact, single, metadata, named: exact, ...(exact && s.standIn ? { standIn: true } : {}), ...(fit === 'loose' ? { loose: true } : {}) });
  }
  const drop = (fields: Iterable<Field>, reason: string) => {
    for (const f of fields) {
      if (best.delete(f)) why?.set(f, reason);
    }
  };
  // "Email of the contact person" names an email: it is never the contact's name.
  // "Fonction de la personne de contact" asks for a job, not a name; "Name and position of the
  // contact person", "Nombre y cargo" ask for both, and the answer holds the name.
  const asksName = anyWord(words, idx.notNames.nameWords) && !namesAJob(trimmed, idx);
  if ([...best.keys()].some((f) => idx.notNames.fields.has(f)) || (asksJob && !asksName)) drop(idx.notNames.excluded, 'an email, phone or job question');
  // "First and last name of the contact person", "Full name (first and last)": a header that
  // names both parts of the name asks for the whole name, never one part.
  if (best.has('contactName') && (best.has('firstName') || best.has('lastName')) && (best.has('firstName') && best.has('lastName') || namesBothParts(words))) {
    drop(['firstName', 'lastName'], 'both parts of the name: the whole name');
  }
  // A partner's, a referee's e-mail, phone or name is personal data of someone who did not apply;
  // so is a co-applicant's or a second contact's.
  if (namesOtherParty(words, idx)) drop(idx.otherParties.fields, 'someone other than the applicant');
  else if (namesAnotherPerson(tokens, idx)) drop(idx.otherParties.fields, 'another person than the applicant (a co-applicant, a second contact)');
  else if (namesEachOfSeveral(tokens, idx)) drop(idx.otherParties.fields, 'each of several people (a cast, a team), not the applicant');
  else if (namesSupplier(tokens)) drop(idx.otherParties.fields, 'a supplier, not the applicant');
  // "Nom du référent de l'entreprise": a person holding a role in the organisation, named
  if (best.has('organization') && namesRoleHolder(tokens)) {
    drop(['organization'], 'the name of a person holding a role in the organisation');
    if (!best.has('contactName')) best.set('contactName', { column, field: 'contactName', score: 2, exact: false, single: false, metadata, named: false });
  } else if (best.has('organization') && best.has('contactName') && namesRoleHoldersOrganisation(tokens)) {
    // "Nome da empresa do responsável": the organisation's name, of the person who answers for it
    drop(['contactName'], 'the name of the organisation a person holds a role in, not the person\'s');
  }
  // "Target group (number and type)" names the groups: its "type" is theirs, not the organisation's;
  // "Nom de votre entreprise / projet" names the organisation: the answer is no project title.
  for (const rule of idx.excludes) {
    if ([...rule.fields].some((f) => best.has(f))) drop(rule.excluded, rule.why);
  }
  // "Nombre de bénéficiaires" asks how many, not which groups (nor, for the Spanish "nombre", whose
  // name). "Who are your beneficiaries and how many?", "Groupes cibles et nombre de bénéficiaires",
  // "Bénéficiaires (nombre et profil)" ask which groups first, or as well: they are the list.
  const countAt = words.findIndex((w) => idx.counts.words.has(w));
  if (countAt >= 0 && [...idx.counts.fields].some((f) => best.has(f))) {
    drop(idx.notNames.excluded, 'a count');
    if (countAt < listAt && !anyWord(words, idx.counts.askWhich)) drop(idx.counts.fields, 'a count');
  }
  if (countsSomething(tokens)) drop([...best.keys()].filter((f) => !idx.counts.fields.has(f)), 'a count');
  // "Submitted?", "Submission Submitted?": whether it was sent (a yes/no answer), not when
  if (asksYesNo(trimmed)) drop(['submittedAt'], 'whether it was sent (yes/no), not when');
  if (GRID_ITEM.test(trimmed)) drop([...best.keys()], 'a line of a rating grid');
  if (SCALE.test(trimmed)) drop([...best.keys()].filter((f) => f !== 'score'), 'a rating on a scale');
  const question = questionTokens(tokens);
  // (A stand-in that is the whole header, "Last updated", "FechaModifica", "Última Atualização",
  // is what a list with nothing better records: a rule about its own words, a later edit beside
  // the submission date, leaves it, as it names the field only where no other column does; a rule
  // about the header's other words still applies: "Updated by" is who, not when.)
  for (const rule of idx.rules) {
    if (!best.size) break;
    if (!ruleApplies(rule, tokens, question, metadata)) continue;
    const byOtherWords = (f: Field) => {
      const own = standInWords.get(f);
      if (!own) return true;
      const isOwn = (t: string) => own.some((w) => wordMatches(t, w));
      if (rule.phrases.some((p) => hasPhrase(tokens, p) && !p.every(isOwn))) return true;
      const rest = tokens.filter((t) => !isOwn(t));
      return ruleApplies(rule, rest, questionTokens(rest), metadata);
    };
    const ruled = [...best.keys()].filter((f) => ruledOut(rule, f));
    drop(ruled.filter(byOtherWords), rule.why);
    for (const f of ruled.filter((f) => best.has(f))) best.set(f, { ...best.get(f)!, score: STAND_IN_SCORE + bonus, exact: true, named: true, standIn: true });
  }
  // A form tool's own column (the respondent's account, "Email", "Name") loses to any question
  // column for the same field, and is not kept as a fallback when one exists. Its time of
  // submission ("Timestamp", "Completion time") is the one the tool recorded, and a question
  // merely called "Date" (of an event, of birth) does not beat it.
  if (metadata) {
    for (const c of best.values()) {
      if (c.field === 'submittedAt') continue;
      c.score /= 1000; // below any question's score, in the same order among themselves
      c.exact = false;
    }
  }
  return [...best.values()];
}

/**
 * Two answers side by side: a slash, "or", "ou" as written (not "où", nor the Spanish "o", which
 * is the Portuguese "the": "Qual o departamento da empresa?").
 */
const ALTERNATIVES = /\S\s*\/\s*\S|(?:^|[\s(])(?:or|ou)(?=[\s)]|$)/i;

/**
 * The Spanish "o" between a field's word and a word the field allows only as an alternative to it
 * ("Empresa o departamento"): two answers side by side. The Portuguese article stands after a verb
 * or a question word, not after the field's own word ("Qual o departamento da empresa?").
 */
function spanishAlternative(tokens: readonly string[], idx: HeaderIndex): boolean {
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (tokens[i] !== 'o') continue;
    for (const [field, policy] of idx.single.fields) {
      if (idx.fieldWords.get(field)?.has(tokens[i - 1]!) && policy.alternatives.has(tokens[i + 1]!)) return true;
    }
  }
  return false;
}

/**
 * A one-word synonym among other words: the other words must be ones the field allows beside
 * it ("Country of residence", "Email du terrain"), or few enough for a field that allows any
 * beside one of those ("Email we will reply to"): 'yes'; only few enough: 'loose' ("Your ChatGPT
 * email"). Some words are allowed only in a header that offers them
 * as an alternative to the field (`alternative`: "Structure / Service"), not as what it asks for
 * ("Department of the organisation").
 */
function singleWordFit(field: Field, left: readonly string[], idx: HeaderIndex, alternative: boolean): 'yes' | 'loose' | 'no' {
  const policy = idx.single.fields.get(field);
  if (!policy) return 'no';
  const own = idx.fieldWords.get(field);
  const foreign = left.filter((w) => !isNumbering(w) && !idx.single.neutral.has(w) && !policy.context.has(w) && !own?.has(w) && !(alternative && policy.alternatives.has(w)));
  if (foreign.length === 0) return 'yes';
  if (policy.anyUpTo < 0 || left.length > policy.anyUpTo) return 'no';
  // ("Email we will reply to": a word of the field's context among them still says whose it is)
  return left.some((w) => policy.context.has(w) && !own?.has(w)) ? 'yes' : 'loose';
}

export interface HeaderMatch {
  mapping: ColumnMapping;
  /** columns no field took: kept in the raw row only */
  unmatched: number[];
  /** how each mapped field's first column was recognised */
  evidence: Partial<Record<Field, HeaderEvidence>>;
  /**
   * Other columns whose header names a field, best first, that no field took: what the cells
   * may choose instead when the chosen column's values are not the field's (an empty
   * "confirmEmail" beside the "email" a web app wrote).
   */
  alternatives: Partial<Record<Field, HeaderEvidence[]>>;
  /**
   * Columns set aside as the choice among the field's other columns (Salesforce's "Preferred
   * Email" of "Work" or "Personal"): the cells may still show one to hold the field's values (a
   * form's "Preferred email" of addresses beside an "Alternative email").
   */
  choices: Partial<Record<Field, HeaderEvidence[]>>;
}

/** How sure a header match is, before any cell is looked at. */
function headerConfidence(c: Candidate): Confidence {
  if (c.metadata) return 'medium';
  if (c.exact) return 'high';
  return c.single ? 'low' : 'medium';
}

/** Fields a form caps with a word or choice limit in brackets ("Project summary (300)", "Keywords (5)"). */
const LIMITED_TEXTS: ReadonlySet<Field> = new Set(['title', 'description', 'beneficiaries', 'selfCategories']);

/** A header as compared with another: spacing and case do not matter. */
const fold = (header: string | undefined) => (header ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Maps the file's headers to fields. `preferred` columns (SurveyMonkey answer columns, as
 * opposed to its respondent metadata) win ties against the others.
 */

export function matchHeaders(written: readonly string[], preferred?: ReadonlySet<number>): HeaderMatch {
  const idx = headerIndex();
  const headers = withoutTablePrefix(written).map(readPart);
  const candidates: Candidate[] = [];
  headers.forEach((h, i) => candidates.push(...scoreHeader(h, i, idx, preferred?.has(i) ? 50 : 0)));
  // Salesforce's "Preferred Email" and "Preferred Phone" beside "Personal Email", "Work Email"…
  // say which of those columns is preferred ("Work"), not an address: a bare "preferred" column
  // with two or more other columns for its field is that choice.
  const choiceOfColumns = (c: Candidate) => {
    if (c.field !== 'email' && c.field !== 'phone') return false;
    const words = headerWords(headers[c.column] ?? '');
    if (words.length !== 2 || !PREFERRED_WORDS.has(words[0]!)) return false;
    return new Set(candidates.filter((o) => o.field === c.field && o.column !== c.column).map((o) => o.column)).size >= 2;
  };
  // Typeform ends its export with its own "Network ID" and "Tags": the tags an officer puts on
  // responses in the tool, not the categories the applicant chose. A bare "Tags" right after a
  // survey tool's own column (not a plain list's "Email") is that column, among the tool's
  // closing columns: a Google Form's first question "Tags", after its "Timestamp", is the applicant's.
  const toolColumnAt = (i: number) => i >= 0 && (idx.ignored.has((headers[i] ?? '').replace(/\u0000/g, '').trim().toLowerCase()) || surveyToolColumn(headers[i] ?? '', idx, preferred?.has(i) ? 50 : 0));
  const closing = (i: number) => headers.every((_, k) => k <= i || toolColumnAt(k));
  const toolTags = (c: Candidate) => c.field === 'selfCategories' && TOOL_LABEL_HEADERS.has(headerWords(headers[c.column] ?? '').join(' ')) && toolColumnAt(c.column - 1) && closing(c.column);
  candidates.splice(0, candidates.length, ...candidates.filter((c) => !toolTags(c)));
  // A bare "Categoria" in a registration list that records a price, a payment or a coupon: the
  // kind of ticket or registration bought (adult, child, full congress), not categories the
  // applicant chose. A category question ("Categoría de su innovación") stays.
  const paid = headers.some(isPaymentColumn);
  const ticketKind = (c: Candidate) => c.field === 'selfCategories' && paid && BARE_CATEGORIES.has(headerWords(headers[c.column] ?? '').map(keyWord).join(' '));
  candidates.splice(0, candidates.length, ...candidates.filter((c) => !ticketKind(c)));
  // "Volontario", "Voluntario": a sign-up list's bare role word for the person names the contact
  // only where no other column names the person, a form tool's own "Name" or "Nom" included
  const NAME_FIELDS: readonly Field[] = ['contactName', 'firstName', 'lastName'];
  const personNamed = (c: Candidate) => candidates.some((o) => o.column !== c.column && NAME_FIELDS.includes(o.field) && !o.standIn);
  candidates.splice(0, candidates.length, ...candidates.filter((c) => !(c.field === 'contactName' && c.standIn && personNamed(c))));
  // A call for suppliers ("Nom du fournisseur de formation", "Email du fournisseur"): where no
  // column names the applicant's own organisation or email, the supplier is the applicant, and
  // its details are read as the organisation's
  const supplierAt = headers.flatMap((h, i) => (namesSupplier(headerTokens(h)) ? [i] : []));
  if (supplierAt.length && !candidates.some((c) => c.field === 'organization' || c.field === 'email')) {
    for (const i of supplierAt) candidates.push(...scoreHeader(headers[i]!.replace(SUPPLIER_TEXT, 'organisation'), i, idx, preferred?.has(i) ? 50 : 0));
  }
  // LimeSurvey's participants table numbers its rows "tid" beside their "token": elsewhere a bare
  // "TID" (a tax or terminal ID) is no response's id
  const tokenTable = headers.some((h) => fold(h) === 'token');
  candidates.splice(0, candidates.length, ...candidates.filter((c) => !(c.field === 'externalId' && fold(headers[c.column]) === 'tid' && !tokenTable)));
  // "Amount, Date": a bare date right after a sum of money dates that sum (a payment, a funding
  // round), which may come days after the response or have nothing to do with one
  const amountDate = (c: Candidate) => c.field === 'submittedAt' && c.column > 0 && BARE_DATES.has(headerWords(headers[c.column] ?? '').map(keyWord).join(' ')) && isAmountColumn(headers[c.column - 1] ?? '');
  candidates.splice(0, candidates.length, ...candidates.filter((c) => !amountDate(c)));
  // "Referencia 1", "Referencia 2", "Referencia 3": one question asked several times (three links);
  // none of them is the application's own number, which a row has once
  const series = numberedSeries(headers);
  if (series.size) candidates.splice(0, candidates.length, ...candidates.filter((c) => c.field !== 'externalId' || !series.has(c.column)));
  // "Nome do curso, Tipo de curso, Instituição, Ano de conclusão" asked for each degree: the
  // institutions of the applicant's degrees, not the organisation the application names once.
  // (A group asked again in a later section, for a partner, is no list: see repeatedLists.) A list
  // with an email or phone asks about people (the lead applicant then each partner, or a branch of
  // the form asking its questions again): its first copy is the applicant's, unless the form asks
  // the field once elsewhere (the applicant's organisation beside referees' ones).
  const lists = repeatedLists(headers);
  if (lists.length) {
    const runOf = new Map(lists.flatMap((run, r) => run.map((column) => [column, r] as const)));
    const runsOfPeople = new Set(candidates.filter((c) => CONTACT_CHANNELS.has(c.field) && runOf.has(c.column)).map((c) => runOf.get(c.column)));
    const askedOnce = new Set(candidates.filter((c) => !runOf.has(c.column)).map((c) => c.field));
    const askedOfOthers = (c: Candidate) => ASKED_ONCE.has(c.field) && runOf.has(c.column) && (!runsOfPeople.has(runOf.get(c.column)) || askedOnce.has(c.field));
    candidates.splice(0, candidates.length, ...candidates.filter((c) => !askedOfOthers(c)));
  }
  // "Name of the person completing this form" beside "Name of the project lead / contact person":
  // the form names its contact apart from whoever typed it (an assistant, a secretary), and the
  // sender's columns come after every other column of those fields, not first.
  const namesTheContact = (c: Candidate) => !c.submitter && PERSON_FIELDS.has(c.field) && anyWord(headerWords(headers[c.column] ?? ''), idx.submitter.contactRoles);
  if (candidates.some(namesTheContact)) {
    for (const c of candidates) if (c.submitter) c.score = (c.score - SUBMITTER_BONUS) / 1000;
  }
  const choices = new Set(candidates.filter(choiceOfColumns));
  if (choices.size) candidates.splice(0, candidates.length, ...candidates.filter((c) => !choices.has(c)));
  // "Avis" then "Note", "Rating" beside "Review": a review of something (a product, an event)
  // the respondent rates, not the application's score, which a jury gives ("Note du jury").
  const bare = (i: number, words: ReadonlySet<string>) => {
    const w = headerWords(headers[i] ?? '');
    return w.length === 1 && words.has(w[0]!);
  };
  const reviewRating = (c: Candidate) => c.field === 'score' && bare(c.column, REVIEW_RATINGS) && (bare(c.column - 1, REVIEW_OPINIONS) || bare(c.column + 1, REVIEW_OPINIONS));
  candidates.splice(0, candidates.length, ...candidates.filter((c) => !reviewRating(c)));
  // "Math (82)", "Structure (50)": a marking sheet's criteria hold marks, whatever their words
  // name; but a text question's word limit is written alike ("Project summary (300)", "Keywords
  // (5)"), so the texts keep their field (a column of marks under them is told by its cells).
  // "resume" beside "cover_letter": the applicant's CV, not the application's summary.
  // "Title" right beside "First name" or "Last name" in a file that describes no proposal: the
  // person's courtesy title (Mr, Dr). Beside an abstract it is the proposal's.
  const criteria = markedCriteria(headers);
  // (a bare "Resume" in a file that names no proposal's title is a person's CV too: a HackerEarth
  // export's link beside "College", "Graduation Year"; an accented "Résumé" is a summary)
  const resumes = resumesBesideCoverLetter(headers, !candidates.some((c) => c.field === 'title'));
  const nameParts = candidates.filter((c) => c.field === 'firstName' || c.field === 'lastName').map((c) => c.column);
  const unmarked = unmarkedCriteria(headers);
  const marked = (c: Candidate) => (criteria.has(c.column) || unmarked.has(c.column)) && c.field !== 'score' && !LIMITED_TEXTS.has(c.field);
  // (a "Motivation" letter is the person's, no proposal's description)
  const describesProposal = candidates.some((c) => c.field === 'description' && !c.standIn && !marked(c) && !resumes.has(c.column));
  const courtesyTitle = (c: Candidate) => c.field === 'title' && !describesProposal && isBareTitleHeader(headerWords(headers[c.column] ?? '')) && nameParts.some((col) => Math.abs(col - c.column) === 1);
  const saysOtherwise = (c: Candidate) => marked(c) || (resumes.has(c.column) && c.field === 'description') || courtesyTitle(c);
  candidates.splice(0, candidates.length, ...candidates.filter((c) => !saysOtherwise(c)));
  // "Math (82)", "Crisis (7)", "Total": on a marking sheet a bare "Total" right after the marked
  // criteria is their sum, the applicant's score, when no column names the score. (A "Total"
  // elsewhere, of a budget or of people, is no one's mark, even further along the same sheet:
  // "Clarity (20)", "Impact (30)", "Budget (USD)", "Total".)
  if (criteria.size && !candidates.some((c) => c.field === 'score')) {
    headers.forEach((h, column) => {
      if (headerWords(h).join(' ') !== 'total') return;
      let before = column - 1;
      while (before >= 0 && headerWords(headers[before] ?? '').length === 0) before--;
      if (criteria.has(before)) candidates.push({ column, field: 'score', score: 1, exact: false, single: true, metadata: false, named: false });
    });
  }
  // "id, name, class, establishment_time, address": a directory of organisations (NGOs, companies)
  // names each one by a bare "name" when a column says when it was founded, no other column names
  // the organisation and none asks for a person's email, phone or name part, age, gender, birth
  // date or nationality; a person has no year of establishment. ("Name, Email, Startup name, Year
  // founded": the founder and the startup; "Name, Gender, Year business established": an
  // entrepreneur. A yes/no question, "Is your business incorporated?", says no when.)
  // A directory that names each organisation's contact person in a column of its own ("Name,
  // Address, Date founded, Contact person, Contact email") gives the email and phone to that
  // person: the bare "name" is still the organisation's. (Name parts or a person's attribute
  // beside it say the rows are people.)
  const whenFounded = (h: string) => headerWords(h).some((w) => FOUNDING_WORDS.has(keyWord(w))) && !asksYesNo(h);
  const contactPerson = candidates.some((c) => c.field === 'contactName' && headerWords(headers[c.column] ?? '').some((w) => CONTACT_PERSON_WORDS.has(keyWord(w))));
  const personDetails = candidates.some((c) => contactPerson ? c.field === 'firstName' || c.field === 'lastName' : PERSON_DETAILS.has(c.field));
  const personColumns = personDetails || headers.some((h) => asksPersonsAttribute(headerWords(h)));
  const namedOrganization = candidates.some((c) => c.field === 'organization');
  if (headers.some(whenFounded) && !personColumns && !namedOrganization) {
    for (const c of candidates) {
      if (c.field === 'contactName' && isBareNameHeader(headerWords(headers[c.column] ?? ''))) c.field = 'organization';
    }
  }
  // "Team name, School", "Nombre del equipo, Colegio": a team's name is the organisation only where
  // no other column names one, a school's or an account's stand-in included (below them all).
  const teamName = (c: Candidate) => c.field === 'organization' && c.standIn === true && headerWords(headers[c.column] ?? '').some((w) => TEAM_WORDS.has(keyWord(w)));
  if (candidates.some((c) => c.field === 'organization' && !teamName(c))) {
    for (const c of candidates) if (teamName(c)) c.score /= 4;
  }
  const prio = (f: Field) => idx.priority.get(f) ?? 99;
  // Among equally good columns for a person's details, one naming one author of several (the
  // first, the second, the co-authors) comes last: "Submitter first name" before "First name:
  // 1st author", whatever their order. (ConfTool's "author_firstname" is the row's own author.)
  const side = new Map<number, number>();
  const sideOf = (c: Candidate) => {
    if (!idx.authors.fields.has(c.field)) return 0;
    let rank = side.get(c.column);
    if (rank === undefined) {
      rank = namesOneAuthorOfSeveral(headers[c.column] ?? '', idx) ? 1 : 0;
      side.set(c.column, rank);
    }
    return rank;
  };
  candidates.sort((a, b) => b.score - a.score || sideOf(a) - sideOf(b) || prio(a.field) - prio(b.field) || a.column - b.column);

  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  const primary = new Map<Field, Candidate>();
  for (const c of candidates) {
    if (taken.has(c.column) || mapping[c.field]) continue;
    mapping[c.field] = [c.column];
    primary.set(c.field, c);
    taken.add(c.column);
  }
  // Second pass, fallbacks used when the chosen column is empty in a row: the other columns of
  // a question spread over several (SurveyMonkey's ticked options, all scored alike), and a
  // weaker email question when it names the applicant's side ("Correo electrónico del
  // responsable del proyecto" behind a Microsoft Forms "Correo electrónico" saying "anonymous"):
  // a row takes the first valid address of its email columns. Another column that merely names
  // the field (a former employer's country, an ILO officer's email) may hold someone else's
  // data: it never stands in for the applicant's.
  // The same header repeated (Google Forms' "Email Address" three times, one per form section)
  // is the same question: every copy is read, the first non-empty cell of a row wins.
  const sameHeader = (a: number, b: number) => fold(headers[a]) !== '' && fold(headers[a]) === fold(headers[b]);
  for (const c of candidates) {
    if (taken.has(c.column) || !mapping[c.field]) continue;
    if (sameHeader(c.column, mapping[c.field]![0]!)) {
      mapping[c.field]!.push(c.column);
      taken.add(c.column);
      continue;
    }
    if (c.score < 1) continue;
    const sameQuestion = MULTI_VALUE_FIELDS.has(c.field) && c.score === primary.get(c.field)?.score;
    // "Phone" beside "Mobile Phone" (a Salesforce contact, a HubSpot export): each header is a
    // phone and nothing else, so both are the contact's lines; the row takes the first it fills
    // (the CRM's mobile column is often empty where the office phone is not).
    const anotherLine = c.field === 'phone' && c.exact && primary.get('phone')?.exact === true;
    if (sameQuestion || anotherLine || (idx.applicantSide.fields.has(c.field) && namesApplicantSide(headerWords(headers[c.column] ?? ''), idx))) {
      mapping[c.field]!.push(c.column);
      taken.add(c.column);
    }
  }
  // "Prénom" + "Nom", "Nombre" + "Apellidos", "Prénom du contact" + "Nom du contact": a bare
  // name column beside a first-name column is the family name, beside a last-name column the
  // given name.
  // A form tool's own "Apellido"/"Prénom" column (the respondent's) pairs with no question, nor
  // a question column with it.
  const partner: Field = mapping.firstName ? 'firstName' : 'lastName';
  const isMetadata = (f: Field) => (primary.get(f)?.score ?? 0) < 1;
  const bareName = (col: number) => {
    const words = headerWords(headers[col] ?? '').filter((w) => !idx.nameQualifiers.has(w));
    return words.length === 1 && ['nom', 'nombre', 'nome', 'name'].includes(keyWord(words[0]!));
  };
  // The parts of a split name sit side by side: a bare name column next to "Apellido" is its
  // given names even when another name column came first ("Name", a full name added before
  // the form's "Apellido", "Nombres"); the first stays the contact name.
  if (mapping.contactName && Boolean(mapping.firstName) !== Boolean(mapping.lastName)) {
    const at = mapping[partner]![0]!;
    const beside = candidates.find((c) => c.field === 'contactName' && !taken.has(c.column) && Math.abs(c.column - at) === 1 && bareName(c.column));
    if (beside) {
      const moved: Field = mapping.firstName ? 'lastName' : 'firstName';
      mapping[moved] = [beside.column];
      primary.set(moved, beside);
      taken.add(beside.column);
    }
  }
  // "name" + "surname", "Apellido paterno, Apellido materno, Nombre(s)": a bare name right beside a
  // question column for the other part is that part even when a form tool names its own column
  // so ("Name", "Nombre"), unless it stands among the tool's columns (Microsoft Forms' "Email, Name").
  const besidePartner = (col: number) =>
    !(col > 0 && isToolColumn(headers[col - 1] ?? '', idx, preferred?.has(col - 1) ? 50 : 0)) &&
    candidates.some((c) => c.field === partner && c.score >= 1 && Math.abs(c.column - col) === 1);
  if (mapping.contactName && Boolean(mapping.firstName) !== Boolean(mapping.lastName) && (isMetadata(partner) === isMetadata('contactName') || besidePartner(mapping.contactName[0]!))) {
    const col = mapping.contactName[0]!;
    if (bareName(col)) {
      const moved: Field = mapping.firstName ? 'lastName' : 'firstName';
      mapping[moved] = mapping.contactName;
      primary.set(moved, primary.get('contactName')!);
      delete mapping.contactName;
      primary.delete('contactName');
    }
  }
  // "email" and "email (secondary)": the column named plainly for the field comes first, even a
  // form tool's own one, and the second one (for the applicant's other emails) fills the rows it
  // leaves empty; the cells may still put the second first (layout.ts). So does a column naming the
  // field with words that say whose it is ("Email referente" before an organisation's certified
  // "Posta elettronica certificata").
  // "Your ChatGPT email" (a word that says nothing of the applicant) beside Luma's own "email": the
  // address of another account, for something else: the plain column is the contact's, and the
  // qualified one no fallback. A form tool's own column counts as plain however the tool words it
  // (Google Forms' Spanish "Dirección de correo electrónico" beside "Correo electrónico de GitHub").
  const secondary = (col: number) => anyWord(headerWords(headers[col] ?? ''), idx.secondary);
  const otherAccount = (c: Candidate) => c.loose === true && idx.applicantSide.fields.has(c.field) && !secondary(c.column) && !namesApplicantSide(headerWords(headers[c.column] ?? ''), idx);
  for (const [field, c] of primary) {
    if (!secondary(c.column) && !otherAccount(c)) continue;
    const plain = candidates.find((p) => p.field === field && (p.named || p.metadata || (p.score >= 1 && !p.loose)) && !taken.has(p.column) && !secondary(p.column));
    if (!plain) continue;
    const keep = idx.applicantSide.fields.has(field) && !otherAccount(c) ? mapping[field]! : mapping[field]!.filter((col) => col !== c.column);
    if (keep.length < mapping[field]!.length) taken.delete(c.column);
    mapping[field] = [plain.column, ...keep];
    primary.set(field, plain);
    taken.add(plain.column);
  }
  // "Apellido paterno", "Apellido materno" (or "Primer apellido", "Segundo apellido"): a Spanish
  // name has two family names, asked side by side; the second is the family name too, not a
  // column to leave out (the contact would lose it). Only headers that say which one they are.
  const whichFamilyName = (col: number) => headerWords(headers[col] ?? '').map(keyWord).some((w) => FAMILY_NAME_ORDER.has(w));
  if (mapping.lastName?.length === 1 && whichFamilyName(mapping.lastName[0]!)) {
    const at = mapping.lastName[0]!;
    const second = candidates.find((c) => c.field === 'lastName' && c.score >= 1 && !taken.has(c.column) && Math.abs(c.column - at) === 1 && whichFamilyName(c.column));
    if (second) {
      mapping.lastName = [Math.min(at, second.column), Math.max(at, second.column)];
      taken.add(second.column);
    }
  }
  // "Authors" beside "Submitter first name" and "Submitter last name": an abstract's authors are
  // several people, the split name is the one who sent it. So is a poster's "Autor" (its authors,
  // however the header says it) beside the form's own "firstname" and "lastname". (A row's own
  // "author_name" beside "author_firstname" and "author_lastname" stays.)
  const namesAuthor = (col: number) => anyWord(headerWords(headers[col] ?? ''), idx.authors.words);
  const authorsBesideOwnName = (col: number) => namesAuthor(col) && !namesAuthor(mapping.firstName![0]!) && !namesAuthor(mapping.lastName![0]!);
  if (mapping.contactName && mapping.firstName && mapping.lastName && (namesOneAuthorOfSeveral(headers[mapping.contactName[0]!] ?? '', idx) || authorsBesideOwnName(mapping.contactName[0]!))) {
    taken.delete(mapping.contactName[0]!);
    delete mapping.contactName;
    primary.delete('contactName');
  }
  // "DateDebut", "DateFin", "Start date", "Fecha de inicio" and nothing else of a form tool's: a
  // project's or a contract's period, not the response's start and end, which survey tools write
  // beside their own response number, collector or IP address (SurveyMonkey, Qualtrics). A time
  // ("Start time", "Heure de fin"), another tool column or a survey tool's answer rows under the
  // questions (SurveyMonkey's "Response") keep them for the cells to decide.
  if (!preferred?.size && mapping.submittedAt?.every((col) => periodDate(headers[col] ?? '')) && !headers.some((h, i) => !mapping.submittedAt!.includes(i) && surveyToolColumn(h, idx, preferred?.has(i) ? 50 : 0))) {
    for (const col of mapping.submittedAt) taken.delete(col);
    delete mapping.submittedAt;
    primary.delete('submittedAt');
  }
  // A bare "Name" ("nom", "Nombre") beside a description, in a file where no column names a
  // person's email, phone or name parts, is the name of what the rows describe (innovations,
  // products, projects): left for the officer to say, never taken for the contact. (A list of
  // people, "Nom, Affiliation, Rôle", describes no item: its bare name stays the person's; nor
  // does a file whose item has a title of its own, "Name, Organisation, Project title, Project
  // description": the name there is the applicant's; nor a file that asks a person's age, gender
  // or birth date.)
  if (mapping.contactName && mapping.description && !mapping.title && isBareNameHeader(headerWords(headers[mapping.contactName[0]!] ?? '')) && !candidates.some((c) => PERSON_DETAILS.has(c.field)) && !headers.some((h) => asksPersonsAttribute(headerWords(h)))) {
    for (const col of mapping.contactName) taken.delete(col);
    delete mapping.contactName;
    primary.delete('contactName');
  }
  // A choice's "other, please specify" box right after a field's own column ("Type of
  // organisation" then "Other (please specify)", "Organisation name" then "Other organisation
  // name"): the answer of a row whose own cell says only "Other" (RowNormaliser takes it then).
  for (const field of primary.keys()) {
    const own = mapping[field]![0]!;
    const box = own + 1;
    if (MULTI_VALUE_FIELDS.has(field) || box >= headers.length || taken.has(box)) continue;
    if (isOtherBox(headers[box] ?? '', headers[own] ?? '')) {
      mapping[field]!.push(box);
      taken.add(box);
    }
  }
  const evidence: Partial<Record<Field, HeaderEvidence>> = {};
  for (const [field, c] of primary) {
    evidence[field] = { column: c.column, exact: c.exact, metadata: c.metadata, single: c.single, confidence: headerConfidence(c) };
  }
  const unmatched = headers.map((_, i) => i).filter((i) => !taken.has(i));
  const alternatives: Partial<Record<Field, HeaderEvidence[]>> = {};
  for (const c of candidates) {
    if (taken.has(c.column) || !mapping[c.field] || MULTI_VALUE_FIELDS.has(c.field)) continue;
    (alternatives[c.field] ??= []).push({ column: c.column, exact: c.exact, metadata: c.metadata, single: c.single, confidence: headerConfidence(c) });
  }
  const choiceColumns: Partial<Record<Field, HeaderEvidence[]>> = {};
  for (const c of choices) {
    if (taken.has(c.column) || choiceColumns[c.field]?.some((e) => e.column === c.column)) continue;
    (choiceColumns[c.field] ??= []).push({ column: c.column, exact: c.exact, metadata: c.metadata, single: c.single, confidence: headerConfidence(c) });
  }
  return { mapping, unmatched, evidence, alternatives, choices: choiceColumns };
}

/**
 * A choice's "other" box or answer: "Other", "Autre (précisez)", "Otro, ¿cuál?", "If other, please
 * specify"; beside a column, also "Other" and that column's own words ("Other organisation name"
 * beside "Organisation name").
 */
export function isOtherBox(text: string, beside = ''): boolean {
  const { others, specify } = headerIndex().otherBox;
  const words = headerWords(text);
  if (!words.some((w) => others.has(w))) return false;
  const own = new Set(headerWords(beside));
  return words.every((w) => others.has(w) || specify.has(w) || own.has(w) || isNumbering(w));
}

/** A start or end date without a time of day ("DateFin", "End Date", "Fecha de inicio"), which a project's period shares with a survey tool's response. */
function periodDate(header: string): boolean {
  const words = headerWords(header);
  return leftToCells(header, 'submittedAt') && words.some((w) => DATE_WORDS.has(w)) && !words.some((w) => TIME_WORDS.has(w));
}
const DATE_WORDS = new Set(['date', 'fecha', 'data']);
const TIME_WORDS = new Set(['time', 'heure', 'hora', 'timestamp', 'horodateur']);

/** A form tool's own column that a plain table of projects or people does not have too ("Respondent ID", "IP Address", "Collector ID", "_uuid"). */
function surveyToolColumn(header: string, idx: HeaderIndex, bonus: number): boolean {
  if (!isToolColumn(header, idx, bonus) || periodDate(header)) return false;
  return !GENERIC_TOOL_HEADERS.has(headerWords(header).join(' '));
}
const GENERIC_TOOL_HEADERS = new Set([
  'id', 'email', 'email address', 'name', 'first name', 'last name', 'status', 'created', 'created at', 'updated at', 'published', 'published at', 'progress', 'start', 'end',
  // (the same columns of a French, Spanish or Portuguese list)
  'nom', 'prenom', 'nombre', 'apellido', 'adresse email', 'adresse messagerie', 'direccion correo electronico', 'endereco email',
]);

/**
 * Whether a rule against `field` would rule this header out were it not a form tool's own column
 * ("Start Date", "DateFin", "Fecha de inicio": a survey tool's start and end of the response, or a
 * project's start and end): the cells decide (a response's times carry a time of day).
 */
export function leftToCells(header: string, field: Field): boolean {
  const idx = headerIndex();
  const tokens = headerTokens(header.replace(/\u0000/g, '').trim());
  const question = questionTokens(tokens);
  return idx.rules.some((rule) => !rule.formTools && ruledOut(rule, field) && ruleApplies(rule, tokens, question, false));
}

/**
 * Whether an application-ID column numbers a form tool's responses rather than applications:
 * Typeform's "#", Microsoft Forms' "Id", KoboToolbox's "_id" and "_uuid", SurveyMonkey's
 * "Respondent ID", Qualtrics' "ResponseId", Jotform's "Submission ID". An applicant who sends
 * the form again gets a new number; an officer's own file number ("N° de dossier") stays the
 * application's, whatever the rows under it.
 */
export function isResponseNumberColumn(header: string): boolean {
  const trimmed = header.replace(/\u0000/g, '').trim();
  if (headerIndex().exactHeaders.get(trimmed) === 'externalId') return true;
  const words = headerWords(trimmed);
  const number = words.filter((w) => w === 'id' || w === 'uuid' || w === 'token');
  if (number.length !== 1) return false;
  const rest = words.filter((w) => w !== number[0]);
  return rest.length === 0 || isFormToolColumn(trimmed) || (rest.length === 1 && RESPONSE_WORDS.has(rest[0]!));
}

/** A form tool's labels on its responses, when they follow its own columns (Typeform's "Tags"). */
const TOOL_LABEL_HEADERS = new Set(['tags', 'tag', 'etiquettes', 'etiquetas', 'etiquetes']);

/** What an application names once, never in a group of questions asked again for each item of a list. */
const ASKED_ONCE: ReadonlySet<Field> = new Set<Field>(['organization', 'organizationType', 'website', 'title', 'description']);

/** How a person is reached: a group of questions that asks it is about people, not things. */
const CONTACT_CHANNELS: ReadonlySet<Field> = new Set<Field>(['email', 'phone']);

/** What shows that a file's rows are people: their email, phone or name parts. */
const PERSON_DETAILS: ReadonlySet<Field> = new Set<Field>(['firstName', 'lastName', 'email', 'phone']);

/** Words of a header naming an organisation's contact person ("Contact person", "Personne de contact", "Responsable"). */
const CONTACT_PERSON_WORDS: ReadonlySet<string> = new Set(['contact', 'contacto', 'contato', 'person', 'personne', 'persona', 'pessoa', 'responsable', 'responsavel', 'representative', 'representant', 'representante', 'focal', 'referente', 'contatto'].map(keyWord));

/** A person's own details, for which a header naming the contact outranks the form's sender. */
const PERSON_FIELDS: ReadonlySet<Field> = new Set<Field>(['contactName', 'firstName', 'lastName', 'email', 'phone']);

const PREFERRED_WORDS = new Set(['preferred', 'prefere', 'preferee', 'preferido', 'preferida']);

/** A review's two bare columns: the rating and the opinion ("Note" and "Avis", "Rating" and "Review"). */
const REVIEW_RATINGS = new Set(['note', 'rating', 'nota', 'calificacion', 'stars', 'etoiles', 'estrellas', 'estrelas']);
const REVIEW_OPINIONS = new Set(['avis', 'review', 'opinion', 'opiniao', 'resena', 'critique']);

/** What a form tool numbers ("Submission ID", "Entry Id", "Instance ID"), in its three languages. */
const RESPONSE_WORDS = new Set(['submission', 'response', 'respondent', 'entry', 'instance', 'soumission', 'reponse', 'repondant', 'respuesta', 'encuestado', 'envio']);

/** A given-name word beside a family-name word ("Prénom & Nom", "Nombre y apellido", "First and last name"). */
// (not "name" with "surname": "Last name / surname" and "Surname (family name)" are the family name)
const NAME_PART_PAIRS: [string, string][] = [['prenom', 'nom'], ['first', 'last'], ['first', 'surname'], ['nombre', 'apellido'], ['nombre', 'apellidos'], ['given', 'family'], ['forename', 'surname'], ['nome', 'sobrenome'], ['nome', 'cognome']];
function namesBothParts(words: readonly string[]): boolean {
  return NAME_PART_PAIRS.some(([a, b]) => words.includes(a) && words.includes(b));
}

/** Whether a header is one a form tool adds itself ("Respondent ID", "Start Date", "Timestamp"). */
export function isFormToolColumn(header: string): boolean {
  const idx = headerIndex();
  const words = headerWords(header);
  return words.length > 0 && idx.metadata.has(metadataKey(words));
}

/** Whether a text names a field on its own ("Email Address", "Company", "Country"), as a whole header would. */
export function namesFieldExactly(text: string): boolean {
  return scoreHeader(text, 0, headerIndex(), 1).some((c) => c.exact);
}

/** How many fields a row of cells would map to if it were the header row (to find that row). */
export function headerLikeness(cells: readonly string[]): number {
  const idx = headerIndex();
  const fields = new Set<Field>();
  cells.forEach((h, i) => {
    if (h.length > 300) return;
    for (const c of scoreHeader(h, i, idx, 0)) fields.add(c.field);
  });
  return fields.size;
}

/** What one header is taken for, and why other fields it names were ruled out (for people tuning data/headers.json). */
export function explainHeader(header: string): { fields: { field: Field; score: number; exact: boolean }[]; ruledOut: Record<string, string> } {
  const why: Explanation = new Map();
  const found = scoreHeader(header, 0, headerIndex(), 0, why);
  return { fields: found.map((c) => ({ field: c.field, score: c.score, exact: c.exact })), ruledOut: Object.fromEntries(why) };
}

