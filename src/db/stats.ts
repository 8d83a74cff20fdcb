import type { DB } from './connection.js';
import type { ApplicationFilters } from '../model.js';
import { filterClause } from './applications.js';

export const STAT_DIMENSIONS = ['region', 'country', 'category', 'language', 'type', 'call'] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

export interface StatGroup {
  /** null = not known (no country resolved, untagged, ...) */
  value: string | null;
  count: number;
}

const COLUMN: Record<Exclude<StatDimension, 'category'>, string> = {
  region: 'a.region',
  country: 'a.country',
  language: 'a.language',
  type: 'a.organization_type',
  call: 'c.name',
};

/**
 * Counts of applications per value of a dimension, largest first. For categories an
 * application counts once in each of its categories, and once under null when untagged.
 */
export function countBy(db: DB, by: StatDimension, filters: ApplicationFilters = {}): StatGroup[] {
  const { where, params } = filterClause(filters);
  const from = 'FROM applications a JOIN calls c ON c.id = a.call_id';
  if (by === 'category') {
    const sql = `
      WITH chosen AS (SELECT a.id ${from} ${where})
      SELECT ac.category AS value, count(*) AS count
        FROM chosen JOIN application_categories ac ON ac.application_id = chosen.id AND ac.state = 'on'
       GROUP BY ac.category
      UNION ALL
      SELECT NULL, count(*) FROM chosen
       WHERE NOT EXISTS (SELECT 1 FROM application_categories x WHERE x.application_id = chosen.id AND x.state = 'on')
      ORDER BY count DESC, value`;
    return (db.prepare(sql).all(params) as StatGroup[]).filter((g) => g.value !== null || g.count > 0);
  }
  const col = COLUMN[by];
  return db
    .prepare(`SELECT ${col} AS value, count(*) AS count ${from} ${where} GROUP BY ${col} ORDER BY count DESC, value`)
    .all(params) as StatGroup[];
}

/**
 * The calls the applications these filters keep belong to, by name (a total "in 2 calls" must be
 * of the applications counted, not of every call in the database: a roster or a country of one call).
 */
export function callsCountedBy(db: DB, filters: ApplicationFilters): string[] {
  const { where, params } = filterClause(filters);
  return db
    .prepare(`SELECT c.name FROM applications a JOIN calls c ON c.id = a.call_id ${where} GROUP BY c.id ORDER BY c.id`)
    .pluck()
    .all(params) as string[];
}

