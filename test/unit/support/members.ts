import { json, type CliRun } from './run.js';

/** The member ID of an application's organisation (as `members --json` lists it), asked through the CLI. */
export async function memberOfApplication(sk: (args: string[]) => Promise<CliRun>, applicationId: number): Promise<number> {
  const app = json(await sk(['show', String(applicationId), '--json']));
  return json(await sk(['members', '--json'])).find((m: { kumuId: string }) => m.kumuId === `org-${app.application.organizationId}`).id as number;
}
