import { withWriteTransaction, type DB } from './connection.js';
import type { Application } from '../model.js';
import { getApplication } from './applications.js';

export interface RosterInfo {
  id: number;
  name: string;
  /** The selection's parameters as saved (selection/rosters.ts checks them into a typed record). */
  params: unknown;
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

/** The saved JSON, or its text when it is not JSON (selection/rosters.ts then says so, naming the roster). */
function parseParams(r: RosterRow): unknown {
  try {
    return JSON.parse(r.params_json);
  } catch {
    return r.params_json;
  }
}

function toInfo(r: RosterRow): RosterInfo {
  return {
    id: r.id, name: r.name, params: parseParams(r),
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

// ---- write side (selection) ----

export interface NewRosterEntry {
  applicationId: number;
  reasons: string[];
}

export interface NewRoster extends Pick<RosterInfo, 'name' | 'params' | 'solverStatus' | 'optimal' | 'objective' | 'solveMs'> {
  /** In rank order (rank 1 first). */
  members: NewRosterEntry[];
  alternates: NewRosterEntry[];
}

/**
 * Saves a roster in one transaction. An existing roster of the same name is replaced
 * only when `overwrite` is set (the command asks first); its change history goes with it.
 */
export function saveRoster(db: DB, roster: NewRoster, options: { overwrite?: boolean } = {}): number {
  return withWriteTransaction(db, () => {
    const alike = rosterNamedAlike(db, roster.name);
    if (alike !== undefined) throw new Error(`a roster named ${alike} already exists (${roster.name} differs only in case)`);
    const existing = db.prepare('SELECT id FROM rosters WHERE name = ?').get(roster.name) as { id: number } | undefined;
    if (existing) {
      if (!options.overwrite) throw new Error(`a roster named ${roster.name} already exists`);
      db.prepare('DELETE FROM rosters WHERE id = ?').run(existing.id);
    }
    const info = db
      .prepare(`INSERT INTO rosters (name, params_json, solver_status, optimal, objective, solve_ms) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(roster.name, JSON.stringify(roster.params), roster.solverStatus, roster.optimal ? 1 : 0, roster.objective, roster.solveMs);
    const rosterId = Number(info.lastInsertRowid);
    const insert = db.prepare(`INSERT INTO roster_members (roster_id, application_id, role, rank, reasons_json) VALUES (?, ?, ?, ?, ?)`);
    roster.members.forEach((m, i) => insert.run(rosterId, m.applicationId, 'member', i + 1, JSON.stringify(m.reasons)));
    roster.alternates.forEach((m, i) => insert.run(rosterId, m.applicationId, 'alternate', i + 1, JSON.stringify(m.reasons)));
    return rosterId;
  });
}

/**
 * The saved roster whose name is this one but for case ("core-2020" for "CORE-2020"), if any:
 * names are looked up as written, so a second one beside it would be two rosters an officer
 * cannot tell apart.
 */
export function rosterNamedAlike(db: DB, name: string): string | undefined {
  const folded = name.toLowerCase();
  const rows = db.prepare('SELECT name FROM rosters WHERE name <> ?').all(name) as { name: string }[];
  return rows.find((r) => r.name.toLowerCase() === folded)?.name;
}

export function rosterExists(db: DB, name: string): boolean {
  return db.prepare('SELECT 1 FROM rosters WHERE name = ?').get(name) !== undefined;
}

/** A free default name: roster-1, roster-2, ... */
export function nextRosterName(db: DB, prefix = 'roster'): string {
  for (let i = 1; ; i++) if (!rosterExists(db, `${prefix}-${i}`)) return `${prefix}-${i}`;
}

export interface RosterChange {
  removedApplicationId: number | null;
  addedApplicationId: number | null;
  note: string | null;
  changedAt: string;
}

export function rosterChanges(db: DB, name: string): RosterChange[] {
  return (
    db
      .prepare(
        `SELECT c.removed_application_id, c.added_application_id, c.note, c.changed_at FROM roster_changes c
           JOIN rosters r ON r.id = c.roster_id WHERE r.name = ? ORDER BY c.id`,
      )
      .all(name) as { removed_application_id: number | null; added_application_id: number | null; note: string | null; changed_at: string }[]
  ).map((r) => ({ removedApplicationId: r.removed_application_id, addedApplicationId: r.added_application_id, note: r.note, changedAt: r.changed_at }));
}

/**
 * A member declined: the alternate takes the member's place (and rank), or the seat is left
 * open; the member leaves the roster, the remaining alternates move up, the objective follows,
 * and the change is recorded. One transaction.
 */
export function swapRosterMember(
  db: DB,
  name: string,
  change: {
    removedId: number;
    /** Null: the seat is left open. */
    addedId: number | null;
    addedReasons: string[];
    objective: number | null;
    note: string;
    memberReasons?: Map<number, string[]>;
    /** The alternates' reasons recounted on the new members ("can replace …"). */
    alternateReasons?: Map<number, string[]>;
  },
): void {
  withWriteTransaction(db, () => {
    const roster = db.prepare('SELECT id FROM rosters WHERE name = ?').get(name) as { id: number } | undefined;
    if (!roster) throw new Error(`no roster named ${name}`);
    const removed = db
      .prepare(`SELECT rank FROM roster_members WHERE roster_id = ? AND application_id = ? AND role = 'member'`)
      .get(roster.id, change.removedId) as { rank: number } | undefined;
    if (!removed) throw new Error(`application ${change.removedId} is not a member of ${name}`);
    db.prepare('DELETE FROM roster_members WHERE roster_id = ? AND application_id IN (?, ?)').run(roster.id, change.removedId, change.addedId ?? change.removedId);
    if (change.addedId !== null) {
      db.prepare(`INSERT INTO roster_members (roster_id, application_id, role, rank, reasons_json) VALUES (?, ?, 'member', ?, ?)`).run(
        roster.id, change.addedId, removed.rank, JSON.stringify(change.addedReasons),
      );
    } else {
      // An open seat: the members below move up, as alternates do.
      const below = db.prepare(`SELECT application_id FROM roster_members WHERE roster_id = ? AND role = 'member' ORDER BY rank`).all(roster.id) as { application_id: number }[];
      const setMemberRank = db.prepare('UPDATE roster_members SET rank = ? WHERE roster_id = ? AND application_id = ?');
      below.forEach((m, i) => setMemberRank.run(-(i + 1), roster.id, m.application_id));
      below.forEach((m, i) => setMemberRank.run(i + 1, roster.id, m.application_id));
    }
    // The members who stay: their quota counts changed with the swap.
    const setReasons = db.prepare(`UPDATE roster_members SET reasons_json = ? WHERE roster_id = ? AND application_id = ? AND role = 'member'`);
    for (const [id, reasons] of change.memberReasons ?? []) if (id !== change.addedId) setReasons.run(JSON.stringify(reasons), roster.id, id);
    // The alternates who remain: whom they can replace changed with it.
    const setAlternate = db.prepare(`UPDATE roster_members SET reasons_json = ? WHERE roster_id = ? AND application_id = ? AND role = 'alternate'`);
    for (const [id, reasons] of change.alternateReasons ?? []) setAlternate.run(JSON.stringify(reasons), roster.id, id);
    // Close the gap in the alternates' ranks.
    const alternates = db
      .prepare(`SELECT application_id FROM roster_members WHERE roster_id = ? AND role = 'alternate' ORDER BY rank`)
      .all(roster.id) as { application_id: number }[];
    const setRank = db.prepare('UPDATE roster_members SET rank = ? WHERE roster_id = ? AND application_id = ?');
    alternates.forEach((a, i) => setRank.run(-(i + 1), roster.id, a.application_id));
    alternates.forEach((a, i) => setRank.run(i + 1, roster.id, a.application_id));
    // The amended roster is no longer the solver's proven optimum: say so wherever it is shown.
    db.prepare(`UPDATE rosters SET objective = ?, optimal = 0,
                  solver_status = CASE WHEN solver_status LIKE '%amended by roster replace%' THEN solver_status
                                       ELSE solver_status || ', amended by roster replace' END
                WHERE id = ?`).run(change.objective, roster.id);
    db.prepare('INSERT INTO roster_changes (roster_id, removed_application_id, added_application_id, note) VALUES (?, ?, ?, ?)').run(
      roster.id, change.removedId, change.addedId, change.note,
    );
  });
}

/** Deletes a roster with its members, alternates and change history. Returns false when there was none. */
export function deleteRoster(db: DB, name: string): boolean {
  return withWriteTransaction(db, () => db.prepare('DELETE FROM rosters WHERE name = ?').run(name).changes > 0);
}

/** The roster seats (roster_members rows) of an application. */
export function rosterSeatsOfApplication(db: DB, applicationId: number): { rowid: number; roster_id: number }[] {
  return db.prepare('SELECT rowid, roster_id FROM roster_members WHERE application_id = ?').all(applicationId) as { rowid: number; roster_id: number }[];
}

/** Whether the application has a seat in the roster. */
export function hasRosterSeat(db: DB, rosterId: number, applicationId: number): boolean {
  return db.prepare('SELECT 1 FROM roster_members WHERE roster_id = ? AND application_id = ?').get(rosterId, applicationId) !== undefined;
}
