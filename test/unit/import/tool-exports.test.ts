/**
 * Exports of the form tools issue 11 names, laid out as each tool writes them (header rows
 * copied from the real exports of test/fixtures/real-headers, cells invented), import without a
 * mapping file when they hold the fields: Qualtrics (three header rows, the ImportId row),
 * Typeform, Jotform, a KoboToolbox label export in Spanish, and SurveyMonkey's contact block.
 */
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { accounted, caseFile, importCase } from './support.js';

describe('form tools import without a mapping file', () => {
  it('Qualtrics: three header rows, data from the fourth', async () => {
    const csv = stringify([
      ['StartDate', 'EndDate', 'Status', 'IPAddress', 'Progress', 'Duration (in seconds)', 'Finished', 'RecordedDate', 'ResponseId', 'RecipientLastName', 'RecipientFirstName', 'RecipientEmail', 'ExternalReference', 'UserLanguage', 'Q1', 'Q2'],
      ['Start Date', 'End Date', 'Response Type', 'IP Address', 'Progress', 'Duration (in seconds)', 'Finished', 'Recorded Date', 'Response ID', 'Recipient Last Name', 'Recipient First Name', 'Recipient Email', 'External Data Reference', 'User Language', 'Name of your organisation', 'Describe your innovation'],
      ['{"ImportId":"startDate"}', '{"ImportId":"endDate"}', '{"ImportId":"status"}', '{"ImportId":"ipAddress"}', '{"ImportId":"progress"}', '{"ImportId":"duration"}', '{"ImportId":"finished"}', '{"ImportId":"recordedDate"}', '{"ImportId":"_recordId"}', '{"ImportId":"recipientLastName"}', '{"ImportId":"recipientFirstName"}', '{"ImportId":"recipientEmail"}', '{"ImportId":"externalDataReference"}', '{"ImportId":"userLanguage"}', '{"ImportId":"QID1_TEXT"}', '{"ImportId":"QID2_TEXT"}'],
      ['2024-03-05 10:00:00', '2024-03-05 10:20:00', 'IP Address', '203.0.113.5', '100', '1200', 'True', '2024-03-05 10:20:01', 'R_1abc', 'Diallo', 'Awa', 'awa@example.org', '', 'FR', 'Atelier Thiès', 'Une formation en alternance pour les jeunes du quartier, avec des artisans.'],
      ['2024-03-06 11:00:00', '2024-03-06 11:30:00', 'IP Address', '203.0.113.9', '100', '1800', 'True', '2024-03-06 11:30:02', 'R_2def', 'Soto', 'Luis', 'luis@example.net', '', 'ES', 'Red Andina', 'Un observatorio del mercado laboral para los jóvenes de la región.'],
    ]);
    const { report, apps } = await importCase(caseFile('qualtrics.csv', csv), ['--call', 'q']);
    expect(report).toMatchObject({ rows: 2, inserted: 2, rejected: 0 });
    expect(report.files[0].columns).toMatchObject({ organization: ['Q1'], email: ['RecipientEmail'], externalId: ['ResponseId'], language: ['UserLanguage'], submittedAt: ['EndDate'] });
    expect(apps[0]).toMatchObject({ organization: 'Atelier Thiès', contactName: 'Awa Diallo', language: 'fr', submittedAt: '2024-03-05T10:20:00', externalId: 'R_1abc' });
  });

  it('Typeform: "#" is the response token, <strong> tags in questions', async () => {
    const csv = stringify([
      ['#', 'What is the name of your <strong>organisation</strong>?', 'Your email', 'What country do you <strong>work</strong> in?', 'Start Date (UTC)', 'Submit Date (UTC)', 'Network ID'],
      ['a1b2c3', 'Dhaka Green Jobs', 'info@example.org', 'Bangladesh', '2024-01-05 10:00:00', '2024-01-05 10:12:00', 'n1'],
      ['d4e5f6', 'Tbilisi Skills', 'ge@example.org', 'Georgia', '2024-01-06 09:00:00', '2024-01-06 09:30:00', 'n2'],
    ]);
    const { report, apps } = await importCase(caseFile('typeform.csv', csv), ['--call', 't']);
    expect(report).toMatchObject({ rows: 2, inserted: 2 });
    expect(report.files[0].columns).toMatchObject({ externalId: ['#'], country: ['What country do you <strong>work</strong> in?'], submittedAt: ['Submit Date (UTC)'] });
    expect(apps[0]).toMatchObject({ externalId: 'a1b2c3', country: 'BD', submittedAt: '2024-01-05T10:12:00' });
  });

  it('Jotform: "Submission Date", a split name, the organisation question', async () => {
    const csv = stringify([
      ['Submission Date', 'First Name', 'Last Name', 'E-mail', 'Phone Number', 'Organization Name', 'Country', 'Type of Organization', 'Submission ID'],
      ['Mar 5, 2024', 'Grace', 'Auma', 'grace@example.org', '(256) 700-000001', 'Kampala Youth Skills', 'Uganda', 'NGO', '5801234567890123456'],
      ['Mar 6, 2024', 'Pedro', 'Quispe', 'pedro@example.com', '(51) 900-000002', 'Instituto Técnico Andino', 'Peru', 'TVET institution', '5801234567890123457'],
    ]);
    const { report, apps } = await importCase(caseFile('jotform.csv', csv), ['--call', 'j']);
    expect(report).toMatchObject({ rows: 2, inserted: 2 });
    expect(apps[0]).toMatchObject({ contactName: 'Grace Auma', organizationType: 'NGO', submittedAt: '2024-03-05', externalId: '5801234567890123456' });
    expect(apps[1]).toMatchObject({ organizationType: 'Training provider' });
  });

  it('KoboToolbox label export in Spanish: group paths, its own columns', async () => {
    const csv = stringify([
      ['start', 'end', 'Nombre de la organización', 'Correo electrónico de contacto', 'País', 'Idioma de trabajo preferido', 'Tipo de organización', '_id', '_uuid', '_submission_time', '_index'],
      ['2024-03-05T10:00:00.000-05:00', '2024-03-05T10:30:00.000-05:00', 'Cooperativa Tejiendo Futuro', 'maria@example.org', 'Colombia', 'Español', 'Cooperativa', '101', 'uuid-1', '2024-03-05T15:31:00', '1'],
      ['2024-03-06T09:00:00.000-05:00', '2024-03-06T09:40:00.000-05:00', 'Escuela de Oficios del Sur', 'lucia@example.net', 'Chile', 'Inglés', 'Centro de formación', '102', 'uuid-2', '2024-03-06T14:41:00', '2'],
    ]);
    const { report, apps } = await importCase(caseFile('kobo.csv', csv), ['--call', 'k']);
    expect(report).toMatchObject({ rows: 2, inserted: 2 });
    expect(accounted(report)).toBe(true);
    expect(report.files[0].columns).toMatchObject({ externalId: ['_id'], workingLanguage: ['Idioma de trabajo preferido'] });
    expect(apps[0]).toMatchObject({ country: 'CO', workingLanguage: 'es', organizationType: 'Cooperative' });
    expect(apps[1]).toMatchObject({ workingLanguage: 'en', organizationType: 'Training provider' });
  });

  it('SurveyMonkey contact block: its sub-fields are the fields; its options stay options', async () => {
    const csv = stringify([
      ['RespondentID', 'StartDate', 'EndDate', 'Contact Information', '', '', '', 'Who are your main beneficiaries?', '', '', 'What are your requirements for clients?', '', 'What is the title of your project?'],
      ['', '', '', 'Name', 'Name of Organization', 'Email Address', 'Country', 'Youth', 'Women', 'Refugees', 'ID', 'Other (please specify)', 'Open-Ended Response'],
      ['1001', '03/04/2024 10:00:00', '03/04/2024 10:20:00', 'Grace Auma', 'Kampala Youth Skills', 'grace@example.org', 'Uganda', 'Youth', '', 'Refugees', 'ID', '', 'Skills on wheels'],
    ]);
    const { report, apps } = await importCase(caseFile('sm.csv', csv), ['--call', 's']);
    expect(report).toMatchObject({ rows: 1, inserted: 1 });
    expect(report.files[0].columns.externalId).toEqual(['RespondentID']);
    expect(apps[0]).toMatchObject({
      contactName: 'Grace Auma', organization: 'Kampala Youth Skills', email: 'grace@example.org', country: 'UG', beneficiaries: ['Youth', 'Refugees'],
      title: 'Skills on wheels', submittedAt: '2024-03-04T10:20:00',
    });
  });
});
