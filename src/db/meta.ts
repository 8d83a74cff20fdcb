/**
 * The database's own facts (table meta, migration 30). database_uuid names this database in
 * calendar UIDs (skillsnet-event-3@<uuid>), so that two databases never hand out the same UID
 * and one database always hands out the same UID for the same event.
 */
import crypto from 'node:crypto';
import type { DB } from './connection.js';

export function getMeta(db: DB, key: string): string | null {
  const r = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return r?.value ?? null;
}

export function setMeta(db: DB, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** The database's UUID, made once (by the migration that creates the table). */
export function ensureDatabaseId(db: DB): string {
  const existing = getMeta(db, 'database_uuid');
  if (existing) return existing;
  const id = crypto.randomUUID();
  setMeta(db, 'database_uuid', id);
  return id;
}

/** The database's UUID; a database opened read-only before migration 30 has none yet. */
export function databaseId(db: DB): string {
  return getMeta(db, 'database_uuid') ?? ensureDatabaseId(db);
}
