import type { DB } from './connection.js';
import type { Application } from '../model.js';
import { getApplication } from './applications.js';

export interface RosterInfo {
  id: number;
  name: string;
  params: Record<string, unknown>;
  solverStatus: string;
  optimal: boolean;
  objective: number | null;
  solveMs: number | null;
  createdAt: string;
  members: number;
  alternates: number;
}

export interface RosterEntry {
  application: Application;
  role: 'member' | 'alternate';
  rank: number;
  reasons: string[];
}

interface RosterRow {
  id: number; name: string; params_json: string; solver_status: string; optimal: number;
  objective: number | null; solve_ms: number | null; created_at: string; members: number; alternates: number;
}

const SELECT_ROSTER = `
  SELECT r.*, (SELECT count(*) FROM roster_members m WHERE m.roster_id = r.id AND m.role = 'member') AS members,
              (SELECT count(*) FROM roster_members m WHERE m.roster_id = r.id AND m.role = 'alternate') AS alternates
    FROM rosters r`;

function toInfo(r: RosterRow): RosterInfo {
  return {
    id: r.id, name: r.name, params: JSON.parse(r.params_json) as Record<string, unknown>,
    solverStatus: r.solver_status, optimal: r.optimal === 1, objective: r.objective, solveMs: r.solve_ms,
    createdAt: r.created_at, members: r.members, alternates: r.alternates,
  };
}

export function listRosters(db: DB): RosterInfo[] {
  return (db.prepare(`${SELECT_ROSTER} ORDER BY r.created_at, r.id`).all() as RosterRow[]).map(toInfo);
}

export function getRoster(db: DB, name: string): RosterInfo | undefined {
  const r = db.prepare(`${SELECT_ROSTER} WHERE r.name = ?`).get(name) as RosterRow | undefined;
  return r ? toInfo(r) : undefined;
}

/** Members then alternates, each in rank order. */
export function rosterEntries(db: DB, name: string): RosterEntry[] {
  const rows = db
    .prepare(
      `SELECT m.application_id, m.role, m.rank, m.reasons_json FROM roster_members m JOIN rosters r ON r.id = m.roster_id
        WHERE r.name = ? ORDER BY CASE m.role WHEN 'member' THEN 0 ELSE 1 END, m.rank`,
    )
    .all(name) as { application_id: number; role: 'member' | 'alternate'; rank: number; reasons_json: string }[];
  return rows.map((r) => ({
    application: getApplication(db, r.application_id)!,
    role: r.role,
    rank: r.rank,
    reasons: JSON.parse(r.reasons_json) as string[],
  }));
}

/** application id -> names of the rosters it is a member (not alternate) of. */
export function rosterNamesByApplication(db: DB): Map<number, string[]> {
  const map = new Map<number, string[]>();
  const rows = db
    .prepare(`SELECT m.application_id AS id, r.name FROM roster_members m JOIN rosters r ON r.id = m.roster_id WHERE m.role = 'member' ORDER BY r.name`)
    .all() as { id: number; name: string }[];
  for (const r of rows) {
    const list = map.get(r.id) ?? [];
    list.push(r.name);
    map.set(r.id, list);
  }
  return map;
}
