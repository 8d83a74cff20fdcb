/**
 * Submission dates written again once the whole column settled their order: a file whose first
 * dates could be read either way ("03/04/2020") and whose later rows showed the day first
 * ("26/06/2022") has its early dates read again, from the text as written.
 */
import type { DB } from '../db/connection.js';
import { batchDates, setSubmittedAt } from '../db/imports.js';
import { isoDate, parseDate, type DateOrder } from './dates.js';

export function rewriteDates(db: DB, batchId: number, order: DateOrder): number {
  const set = setSubmittedAt(db);
  let n = 0;
  for (const { id, raw } of batchDates(db, batchId)) {
    const parts = parseDate(raw);
    if (!parts?.ambiguous) continue;
    set(id, isoDate(parts, order));
    n++;
  }
  return n;
}
