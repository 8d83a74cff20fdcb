import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../../../src/import/headers.js';

/** field -> header names, for readable expectations */
function mapped(headers: string[]): Record<string, string[]> {
  const { mapping } = matchHeaders(headers);
  return Object.fromEntries(Object.entries(mapping).map(([f, cols]) => [f, cols!.map((c) => headers[c]!)]));
}

// The fifteenth trial's rules, and the known misses it mended, tried on wordings beyond its files.
describe("another account's email address", () => {
  it("written with the field's phrase, gives way to the form tool's own email column and is no fallback", () => {
    for (const h of ['ChatGPT email address', 'GitHub email address', 'Your Slack e-mail address', 'Dirección de correo electrónico de GitHub']) {
      const head = h.startsWith('Dirección') ? ['Marca temporal', 'Dirección de correo electrónico'] : ['Timestamp', 'Email Address'];
      expect(mapped([...head, 'Name', h, 'Organisation']).email, h).toEqual([head[1]]);
    }
  });

  it("still comes first where its words name the applicant's side, or where it is the file's only email", () => {
    expect(mapped(['Timestamp', 'Email Address', 'Name', 'Organisation email address']).email?.[0]).toBe('Organisation email address');
    expect(mapped(['Timestamp', 'Email Address', 'Name', 'Contact person email address']).email?.[0]).toBe('Contact person email address');
    expect(mapped(['Timestamp', 'Name', 'ChatGPT email address']).email).toEqual(['ChatGPT email address']);
  });
});

describe('the Spanish "o" between two answers', () => {
  it('offers the organisation beside its department, as "or", "ou" and a slash do', () => {
    for (const h of ['Empresa o departamento', 'Institución o unidad', 'Entidad o división']) {
      expect(mapped(['Nombre', 'Correo', h]).organization, h).toEqual([h]);
    }
  });

  it('is not the Portuguese article after a verb or a question word', () => {
    for (const h of ['Qual o departamento da empresa?', 'Informe o departamento da empresa', 'Departamento de la empresa']) {
      expect(mapped(['Nome', 'Email', h]), h).not.toHaveProperty('organization');
    }
  });
});

describe('a judging grid without marks', () => {
  it('holds ratings in each criterion, "Structure" included, in any of the four languages', () => {
    expect(mapped(['Timestamp', 'Name', 'Email', 'Project title', 'Structure', 'Clarity', 'Originality'])).not.toHaveProperty('organization');
    expect(mapped(['Nom', 'Courriel', 'Titre du projet', 'Clarté', 'Structure', 'Pertinence', 'Total'])).not.toHaveProperty('organization');
    expect(mapped(['Nombre', 'Correo', 'Estructura', 'Claridad', 'Originalidad'])).not.toHaveProperty('organization');
  });

  it('needs three criteria side by side: one "Structure" among questions is the organisation', () => {
    expect(mapped(['N°', 'Pays', 'Structure', 'Contact', 'Tel/WhatsApp', 'Observations']).organization).toEqual(['Structure']);
    expect(mapped(['Nom', 'Prénom', 'Structure', 'Clarté', 'Pays']).organization).toEqual(['Structure']);
    expect(mapped(['Nom', 'Courriel', 'Structure', 'Pertinence du projet', 'Originalité du projet', 'Clarté du projet']).organization).toEqual(['Structure']);
  });

  it('needs one criterion that names nothing else: "Structure, Qualité, Contenu" may be a list\'s organisation, role and text', () => {
    expect(mapped(['Nom', 'Prénom', 'Structure', 'Qualité', 'Contenu', 'Email']).organization).toEqual(['Structure']);
    expect(mapped(['Nom', 'Structure', 'Contenu', 'Qualité', 'Pertinence'])).not.toHaveProperty('organization');
  });
});

describe("an event platform's guest id", () => {
  it('is the row\'s id as the whole header ("api_id"), nothing inside a question', () => {
    expect(mapped(['api_id', 'name', 'email', 'approval_status']).externalId).toEqual(['api_id']);
    expect(mapped(['Product', 'API ID of the service you use', 'email'])).not.toHaveProperty('externalId');
  });
});

// The rules the fifteenth trial's files asked for, on wordings beyond them.
describe('a question about each of several people', () => {
  it("asks for a cast's or a team's names, none of them the applicant's", () => {
    for (const h of ['ELENCO - Informe nome completo e idade de cada participante', 'Name and age of each team member', 'Nom et âge de chaque danseur', 'Nombre completo de cada integrante']) {
      expect(mapped(['Carimbo de data/hora', 'Endereço de e-mail', 'Nome do grupo', h]), h).not.toHaveProperty('contactName');
    }
    expect(mapped(['Timestamp', 'Email', 'Name of each team member']).contactName ?? []).toEqual([]);
  });

  it("leaves a person's own name alone", () => {
    expect(mapped(['Timestamp', 'Email', 'Full name', 'Team name']).contactName).toEqual(['Full name']);
  });

  it('leaves the name alone where "each" says how to fill the form, not whose name it is', () => {
    for (const h of ['Full name (one form for each participant)', 'Nombre completo (una inscripción por cada participante)', 'Nom complet (un formulaire pour chaque participant)', 'Nome completo (uma inscrição para cada participante)']) {
      expect(mapped(['Email', h]).contactName, h).toEqual([h]);
    }
  });
});

describe('a bare category in a list of paid registrations', () => {
  it('is the kind of ticket bought, not the categories chosen', () => {
    expect(mapped(['insId', 'Categoria', 'FormaPagamento', 'Nome', 'Email'])).not.toHaveProperty('selfCategories');
    expect(mapped(['Name', 'Email', 'Category', 'Price', 'Coupon'])).not.toHaveProperty('selfCategories');
    expect(mapped(['Nom', 'Courriel', 'Catégorie', 'Montant payé'])).not.toHaveProperty('selfCategories');
  });

  it("stays the categories beside an application's amount requested or a question about a price", () => {
    for (const h of ['Amount requested', 'Montant demandé', 'Monto solicitado', 'Budget amount', 'What is the price of your product?', 'Precio de venta del producto']) {
      const m = mapped(['Name', 'Email', 'Category', h, 'Project description']);
      expect(m.selfCategories, h).toEqual(['Category']);
    }
    expect(mapped(['Nome', 'Email', 'Categoria', 'Forma de pagamento'])).not.toHaveProperty('selfCategories');
    expect(mapped(['Name', 'Email', 'Category', 'Payment status'])).not.toHaveProperty('selfCategories');
  });

  it('stays the categories where nothing is paid, or where the question says whose they are', () => {
    expect(mapped(['Nom', 'Courriel', 'Catégorie']).selfCategories).toEqual(['Catégorie']);
    expect(mapped(['Name', 'Email', 'Category of your innovation', 'Registration fee paid']).selfCategories).toEqual(['Category of your innovation']);
  });
});

describe('the organisation one belongs to', () => {
  it('is the organisation in Portuguese, Spanish, English and French', () => {
    for (const h of ['Organização/Empresa a que pertence:', 'Organización a la que pertenece', 'Organisation you belong to', 'Organisme auquel vous appartenez']) {
      expect(mapped(['Nome', 'Email', h]).organization, h).toEqual([h]);
    }
  });

  it('is not a yes/no question that opens with the verb', () => {
    for (const h of ['Appartenez-vous à une organisation ?', 'Appartiens-tu à une association ?', 'Pertence a uma organização?', 'Belong to an organisation?']) {
      expect(mapped(['Nome', 'Email', h]), h).not.toHaveProperty('organization');
    }
  });
});

describe("a ticket's purchase date", () => {
  it('is when a ticket list was registered, as a whole header', () => {
    for (const h of ['DATA DA COMPRA', "Date d'achat", 'Fecha de compra']) {
      expect(mapped(['Nome', 'E-mail', h]).submittedAt, h).toEqual([h]);
    }
    expect(mapped(['Nome', 'E-mail', 'Data da compra do equipamento financiado'])).not.toHaveProperty('submittedAt');
    expect(mapped(['Organisation', 'Email', 'Purchase order date'])).not.toHaveProperty('submittedAt');
  });
});

describe("a web app's table prefix", () => {
  it('is read without it when most columns carry it ("insNome", "insEmail")', () => {
    const m = mapped(['insId', 'insSituacao', 'insNome', 'insEmpresa', 'insEmail', 'insCidade', 'insDataHora', 'insRespNome']);
    expect(m.externalId).toEqual(['insId']);
    expect(m.contactName).toEqual(['insNome']);
    expect(m.organization).toEqual(['insEmpresa']);
  });

  it("is kept where it names what the columns are about: an organisation's, a company's or a team's", () => {
    expect(mapped(['orgName', 'orgEmail', 'orgPhone', 'orgCountry', 'orgWebsite', 'contactName']).organization).toEqual(['orgName']);
    expect(mapped(['compName', 'compEmail', 'compWebsite', 'compCountry', 'compSector']).contactName ?? []).toEqual([]);
    expect(mapped(['teamName', 'teamEmail', 'teamSize', 'teamCountry', 'teamLead']).contactName ?? []).toEqual([]);
  });

  it('is left alone on a few columns or on ordinary words', () => {
    expect(mapped(['insNome', 'Email', 'Telefone', 'Cidade', 'Empresa', 'Curso'])).not.toHaveProperty('contactName');
    expect(mapped(['appName', 'Email', 'Organisation']).contactName ?? []).toEqual([]);
  });
});
