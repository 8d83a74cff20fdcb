/**
 * Which organisation a new application belongs to, across calls. Never a silent merge: a match
 * is made only on certain evidence; doubtful ones are listed for the officer to confirm
 * (skillsnet organizations --unconfirmed; organization link / unlink).
 */
import type { DB } from '../db/connection.js';
import { attachApplication } from '../db/organizations.js';

/** What linking did with one file's (or one call's) applications. */
export interface OrganizationLinks {
  /** Applications linked to an organisation known before (a returning organisation). */
  returning: number;
  /** Applications for which a new organisation was made. */
  created: number;
}

/** Links the applications an import batch wrote that have no organisation yet. */
export function linkImportedApplications(db: DB, batchId: number): OrganizationLinks {
  const links: OrganizationLinks = { returning: 0, created: 0 };
  const ids = (db.prepare('SELECT id FROM applications WHERE batch_id = ? AND organization_id IS NULL ORDER BY id').all(batchId) as { id: number }[]).map((r) => r.id);
  const before = (db.prepare('SELECT coalesce(max(id), 0) AS n FROM organizations').get() as { n: number }).n;
  for (const id of ids) {
    const org = attachApplication(db, id);
    if (org > before) links.created++;
    else links.returning++;
  }
  return links;
}
