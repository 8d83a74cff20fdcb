import type { Command } from 'commander';
import { invocation, printJson, withDatabase, type CliContext } from './context.js';
import { info, type IO } from './io.js';
import type { EditResult, FieldSet } from '../network/edit.js';

export interface EditOptions {
  dbPath: string;
  id: string;
  sets: FieldSet[];
  dryRun?: boolean;
  json?: boolean;
}

export async function runEdit(opts: EditOptions, io: IO): Promise<EditResult> {
  const { parseSubject } = await import('../network/subjects.js');
  const { editRecord } = await import('../network/edit.js');
  const subject = parseSubject(opts.id, undefined, { what: 'edit' });
  const result = await withDatabase(opts.dbPath, { io, write: true, dryRun: opts.dryRun }, (db) => editRecord(db, subject, opts.sets, { dryRun: opts.dryRun }));
  if (result.mergedFrom) info(io, `${result.mergedFrom} was merged into ${result.subject}: ${opts.dryRun ? 'checked' : 'edited'} ${result.subject} instead (skillsnet unmerge ${result.mergedFrom} undoes the merge).`);
  if (opts.json) printJson(io, result);
  else {
    if (result.changed.length) io.stdout.write(`${opts.dryRun ? 'Dry run: would change' : 'Changed'} ${result.subject}: ${result.changed.join(', ')}.\n`);
    if (result.unchanged.length) io.stdout.write(`Already so: ${result.unchanged.join(', ')}.\n`);
    if (result.historyId) info(io, `The previous values are in the history (change ${result.historyId}); skillsnet show ${opts.id} shows the record.`);
    const place = result.organizationCountry;
    if (place?.followed) info(io, `${place.organization} ${opts.dryRun ? 'would move' : 'moved'} with it: its country came from this application (now ${place.country ?? 'none'}).`);
    else if (place) {
      const also = place.applications.length ? `, as application${place.applications.length === 1 ? '' : 's'} ${place.applications.join(', ')} ${place.applications.length === 1 ? 'does' : 'do'}` : '';
      info(io, `${place.organization} still says ${place.country ?? 'no country'}${also}. To move the organisation too: skillsnet edit ${place.organization} --set country=${place.applicationCountry ?? ''}`);
    }
    if (result.retag) info(io, 'The text changed: its automatic categories were dropped. Tag it again with: skillsnet tag auto');
    if (opts.dryRun) info(io, 'Nothing was saved.');
  }
  return result;
}

export function registerEdit(program: Command, ctx: CliContext): void {
  program
    .command('edit')
    .description('correct a field of an application, organisation (org-N), member (member-N) or person (person-N); the old value is kept')
    .argument('<id>', 'an application ID, org-N, member-N or person-N')
    .option('--set <field=value>', 'the field and its new value (repeat for several; an empty value clears the field)', (v: string, all: string[] = []) => [...all, v])
    .option('--dry-run', 'check the values and say what would change, save nothing')
    .option('--json', 'print {"subject", "changed", "unchanged", "historyId", "retag"}')
    .addHelpText('after', `
Fields — application: organization, organizationType, contactName, email, phone, website, country,
language, workingLanguage, title, description, beneficiaries, score, externalId, submittedAt;
organisation: name, organizationType, country, website, beneficiaries, notes; member: status,
workingLanguage, consentMap, consentContact, notes, country; person: name, givenName, familyName,
email, phone, workingLanguage, timeZone. Countries and languages are given by name or code.

Examples:
  skillsnet edit 17 --set country=Peru --set "contactName=Ana María Ruiz"
  skillsnet edit 17 --set workingLanguage=fr
  skillsnet edit org-4 --set "name=Fundación Andes" --set website=example.org
  skillsnet edit member-9 --set consentMap=no
  skillsnet edit person-3 --set timeZone=America/Lima --dry-run`)
    .action(async (id: string, flags: { set?: string[]; dryRun?: boolean; json?: boolean }, command: Command) => {
      const { io, dbPath } = invocation(ctx, command);
      const { parseAssignment } = await import('../network/edit.js');
      await runEdit({ dbPath, id, sets: (flags.set ?? []).map(parseAssignment), dryRun: flags.dryRun, json: flags.json }, io);
    });
}
