/**
 * The Microsoft Teams attendance list of 2020–2021 ("Full Name", "User Action", "Timestamp"):
 * one line per action — "Joined", "Joined before" (already in when the list began), "Left" — not
 * one per connection. Its lines are paired here into connections (a join and the leave that
 * ends it), so that the list reads as the other reports do: one row per join, a re-join a row of
 * its own, minutes from the join to the leave.
 *
 * Pure: lines in, connections out; report.ts reads the cells and the times.
 */
import type { UserAction } from './headers.js';

export interface ActionLine {
  /** Line of the action in the file. */
  line: number;
  /** Who acted (their email, else their name, as the report's other tables key people). */
  person: string;
  /** Null when the User Action cell is none of the known values. */
  action: UserAction | null;
  /** The timestamp as milliseconds since the epoch; null when it cannot be read. */
  at: number | null;
}

export interface Connection {
  /** The "Joined" or "Joined before" line; null for a "Left" that no join before it opens. */
  join: ActionLine | null;
  /** The "Left" line that ends it; null when the person was still in when the list was saved. */
  leave: ActionLine | null;
  /** A line that could not be paired (unknown action or unreadable time): a row of its own. */
  unread?: ActionLine;
}

/**
 * Pairs each person's joins with their leaves in time order: a leave ends the earliest join of
 * that person still open (two devices give two open joins, each closed in turn). Every line ends
 * up in exactly one connection: joins with their leave, a leave with no join before it alone,
 * and a line whose action or time cannot be read alone too. Connections are in the order of
 * their first line in the file.
 */
export function pairActions(lines: readonly ActionLine[]): Connection[] {
  const connections: Connection[] = [];
  const open = new Map<string, Connection[]>();
  const timed = lines.filter((l) => l.action !== null && l.at !== null).sort((a, b) => a.at! - b.at! || a.line - b.line);
  for (const l of lines) if (l.action === null || l.at === null) connections.push({ join: null, leave: null, unread: l });
  for (const l of timed) {
    const mine = open.get(l.person) ?? [];
    if (l.action === 'left') {
      const c = mine.shift();
      if (c) c.leave = l;
      else connections.push({ join: null, leave: l });
    } else {
      const c: Connection = { join: l, leave: null };
      connections.push(c);
      mine.push(c);
    }
    open.set(l.person, mine);
  }
  const first = (c: Connection) => (c.join ?? c.leave ?? c.unread)!.line;
  return connections.sort((a, b) => first(a) - first(b));
}
