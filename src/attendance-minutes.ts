/**
 * The minutes someone was at a meeting, from the connections a report lists: the union of the
 * connection intervals (two connections that overlap count once), plus the stated minutes of
 * connections without a usable interval. An interval is usable when the connection's own minutes
 * do not say it held breaks (Teams' per-person row spans first join to last leave, its minutes
 * are less). Shared by the matching of a report (events/attendance/match.ts) and the merge of
 * two members who came to the same meeting (db/events.ts), so that both count alike.
 */
export interface Connection {
  joinTime: string | null;
  leaveTime: string | null;
  minutes: number | null;
}

export function attendedMinutes(connections: readonly Connection[]): number {
  const intervals: [number, number][] = [];
  let loose = 0;
  for (const c of connections) {
    const start = c.joinTime ? Date.parse(c.joinTime) : NaN;
    const end = c.leaveTime ? Date.parse(c.leaveTime) : NaN;
    const span = (end - start) / 60_000;
    if (Number.isFinite(span) && span >= 0 && (c.minutes === null || c.minutes >= span - 1)) intervals.push([start, end]);
    else loose += c.minutes ?? 0;
  }
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let open: [number, number] | null = null;
  for (const [s, e] of intervals) {
    if (open && s <= open[1]) open[1] = Math.max(open[1], e);
    else {
      if (open) total += open[1] - open[0];
      open = [s, e];
    }
  }
  if (open) total += open[1] - open[0];
  return Math.round(total / 60_000 + loose);
}
