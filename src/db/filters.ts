import type { DB } from './connection.js';
import { UsageError } from '../errors.js';
import type { ApplicationFilters } from '../model.js';
import { callNames } from './applications.js';
import { listRosters } from './rosters.js';

/**
 * A --call or --roster that names nothing in this database is a mistake, not an empty result:
 * say so and list what there is (as --region Narnia does).
 */
export function checkFilterNames(db: DB, filters: ApplicationFilters): void {
  if (filters.call !== undefined) {
    const calls = callNames(db);
    if (!calls.includes(filters.call)) {
      throw new UsageError(`no call named "${filters.call}" in this database`, {
        hint: calls.length ? `calls here: ${calls.join(', ')}` : 'import applications first: skillsnet import FILE --call NAME',
      });
    }
  }
  if (filters.roster !== undefined) {
    const rosters = listRosters(db).map((r) => r.name);
    if (!rosters.includes(filters.roster)) {
      throw new UsageError(`no roster named "${filters.roster}" in this database`, {
        hint: rosters.length ? `rosters here: ${rosters.join(', ')}` : 'select one first: skillsnet select --size 25 --name core-2020',
      });
    }
  }
}
