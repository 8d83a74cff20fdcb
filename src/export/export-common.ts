/**
 * What every export shares: the result it reports, where it writes (a file, a folder, or text
 * handed back for stdout), the roster whose members are the Core Group, and the applications
 * with the score select ranks by (selection/candidates.ts).
 */
import type { DB } from '../db/connection.js';
import { getRoster, listRosters, rosterEntries } from '../db/rosters.js';
import { OperationError } from '../errors.js';
import type { Callbacks } from '../reporting.js';
import type { Output } from './write.js';

/** What every export returns (and `export … --json` prints). */
export interface ExportResult {
  export: 'kumu' | 'contacts' | 'roster' | 'graphml' | 'map';
  format: string;
  /** Files written (absolute paths); empty for stdout or a dry run. */
  files: string[];
  stdout: boolean;
  dryRun: boolean;
  counts: Record<string, number>;
  ms: number;
}

/** Where and how an export writes. */
export interface ExportTarget {
  /** A path (relative to cwd), or "-" for the text to be handed back for stdout. */
  out: string;
  cwd: string;
  /** Replace existing files. */
  force?: boolean;
  /** Build and check everything, write nothing. */
  dryRun?: boolean;
}

/** An export done: its result, where it went, and for "-" the text to print. */
export interface ExportDone {
  result: ExportResult;
  output: Output;
  /** With --out -: the export's text, for the caller to write to stdout (nothing else is written). */
  text?: string;
}

/** The Core Group roster of a map or graph: its name and members. */
export interface CoreGroup {
  name: string;
  members: Set<number>;
}

/**
 * The roster whose members form the Core Group: the one named, else the latest saved (said in a
 * status line when there are several), else none.
 */
export function coreGroupRoster(db: DB, name: string | undefined, purpose: string, callbacks: Callbacks = {}): CoreGroup | null {
  let chosen = name;
  if (chosen === undefined) {
    const all = listRosters(db);
    if (all.length === 0) return null;
    chosen = all[all.length - 1].name;
    if (all.length > 1) callbacks.onStatus?.(`${purpose}: members of roster "${chosen}", the latest saved (--roster NAME to choose another)`);
  }
  if (!getRoster(db, chosen)) throw unknownRoster(db, chosen);
  const members = new Set(rosterEntries(db, chosen).filter((e) => e.role === 'member').map((e) => e.application.id));
  return { name: chosen, members };
}

export function unknownRoster(db: DB, name: string): OperationError {
  const names = listRosters(db).map((r) => r.name);
  return new OperationError(`no roster named "${name}"`, {
    hint: names.length ? `saved rosters: ${names.join(', ')} (skillsnet rosters)` : 'select one first: skillsnet select --size 25 --name core-2020',
  });
}

export function elapsed(start: number): number {
  return Math.round(performance.now() - start);
}
