import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { openDatabase } from '../../../src/db/connection.js';
import { importFiles } from '../../../src/import/importer.js';
import { isSecretHeader } from '../../../src/import/secrets.js';
import { tempDir } from '../support/run.js';

const dir = tempDir('skillsnet-secrets-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a column of secrets', () => {
  it('is a password or PIN column in any of the network\'s languages, with its own qualifiers', () => {
    for (const h of ['Password', 'Mot de passe', 'Contraseña', 'Senha', 'Code PIN', 'Código PIN', 'PIN number', 'Confirm password', 'Confirmation du mot de passe',
      'Repetir contraseña', 'Confirme sua senha', 'Palavra-passe', 'user_password', 'LoginPassword', 'Passwort', 'Code secret', 'Your password (8 characters)', 'Senha (mínimo 6 caracteres)']) {
      expect(isSecretHeader(h), h).toBe(true);
    }
  });

  it('is not an Indian postal PIN code, which a form asks for as part of an address', () => {
    for (const h of ['PIN', 'PIN code', 'Pin Code', 'Pincode', 'PIN Code (6 digits)', 'Pin']) expect(isSecretHeader(h), h).toBe(false);
  });

  it('is not a question or a header that merely mentions one', () => {
    for (const h of ['Did you receive the password email?', '¿Recibió la contraseña?', 'Password reset date', 'PIN code of the office', 'Login', 'Username',
      'Token', 'Email', 'Pinterest', 'Passport number', 'Pays', 'Avez-vous reçu le mot de passe ?', 'Code postal']) {
      expect(isSecretHeader(h), h).toBe(false);
    }
  });
});

describe('importing a form export with a password column', () => {
  it('keeps no password in the database, names the column in the report, and keeps the rest of the row', async () => {
    const file = path.join(dir, 'accounts.csv');
    fs.writeFileSync(file, stringify([
      ['Organisation', 'Email', 'Login', 'Mot de passe', 'Did you receive the password email?', 'Country'],
      ['Atelier des Métiers', 'awa@example.org', 'awa', 'S3cret-Awa!', 'Oui', 'Senegal'],
      ['', '', '', 'S3cret-Nobody!', '', ''],
      ['Tbilisi Crafts College', 'nino@example.com', 'nino', '', 'No', 'Georgia'],
    ]));
    const db = openDatabase(path.join(dir, 'a.db'), { create: true });
    const r = await importFiles(db, [file], { call: '2025' }, {});
    const raws = db.prepare('SELECT raw_json FROM applications ORDER BY id').pluck().all() as string[];
    expect(raws).toHaveLength(2);
    expect(JSON.parse(raws[0]!)).toEqual({ Organisation: 'Atelier des Métiers', Email: 'awa@example.org', Login: 'awa', 'Did you receive the password email?': 'Oui', Country: 'Senegal' });
    const everything = JSON.stringify(db.prepare('SELECT raw_json FROM applications UNION ALL SELECT raw_json FROM rejected_rows').pluck().all());
    expect(everything).not.toMatch(/S3cret/);
    // (the rejected row too: nothing of it but the password, which is not kept)
    const warnings = r.files[0]!.warnings.join('\n');
    expect(warnings).toMatch(/2 data rows \(1, 2\).*Mot de passe.*password or PIN: not kept/);
    db.close();
  });
});
