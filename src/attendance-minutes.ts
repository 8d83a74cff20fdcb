/**
 * The minutes someone was at an event, from the connections its reports list.
 *
 * Within one report: the union of the connection intervals (two connections that overlap count
 * once), plus the stated minutes of connections without a usable interval ("loose" minutes). An
 * interval is usable when the connection's own minutes do not say it held breaks (Teams'
 * per-person row spans first join to last leave, its minutes are less).
 *
 * Across reports, by meeting (groupMeetings): reports of the same meeting (a Zoom report with and
 * without "show unique users", a participants report beside a duration-only one) describe the
 * same time, so within one meeting nothing is counted twice — the member's minutes there are the
 * union of its reports' intervals, or the largest that any one of its reports gives, whichever is
 * more; the reports' loose minutes are not added to each other or to the timed union. Different
 * meetings (the two days of a workshop, each with its report) add up; time connected to two of
 * them at once still counts once.
 *
 * Shared by the matching of a report (events/attendance/match.ts) and the merge of two members who
 * came to the same meeting (db/events.ts), so that both count alike.
 */
export interface Connection {
  joinTime: string | null;
  leaveTime: string | null;
  minutes: number | null;
  /** The report the connection is a row of; connections without one are all of one report. */
  report?: string | number;
  /** The meeting that report is of (groupMeetings); without one, the report is a meeting of its own. */
  meeting?: string | number;
}

type Interval = [number, number];

/** The connection's interval, when usable; else null (its minutes are loose). */
function intervalOf(c: Connection): Interval | null {
  const start = c.joinTime ? Date.parse(c.joinTime) : NaN;
  const end = c.leaveTime ? Date.parse(c.leaveTime) : NaN;
  const span = (end - start) / 60_000;
  return Number.isFinite(span) && span >= 0 && (c.minutes === null || c.minutes >= span - 1) ? [start, end] : null;
}

/** Minutes covered by the intervals, overlaps once. */
function unionMinutes(intervals: readonly Interval[]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let open: Interval | null = null;
  for (const [s, e] of sorted) {
    if (open && s <= open[1]) open[1] = Math.max(open[1], e);
    else {
      if (open) total += open[1] - open[0];
      open = [s, e];
    }
  }
  if (open) total += open[1] - open[0];
  return total / 60_000;
}

export interface MeetingMinutes {
  /** The minutes counted for the meeting: max(union of its intervals, the largest one report gives). */
  counted: number;
  /** What adding its reports' loose minutes to the union would give (the count before meetings were told apart). */
  summed: number;
  /** Reports of the meeting the member is in. */
  reports: number;
}

export interface MinutesDetail {
  /** Whole minutes. */
  minutes: number;
  /** Per meeting (key as given; connections without one are each their report's). */
  meetings: Map<string | number, MeetingMinutes>;
}

export function attendedMinutesDetail(connections: readonly Connection[]): MinutesDetail {
  const all: Interval[] = [];
  const meetings = new Map<string | number, Map<string | number, { intervals: Interval[]; loose: number }>>();
  for (const c of connections) {
    const report = c.report ?? '';
    const meeting = c.meeting ?? `report:${String(report)}`;
    if (!meetings.has(meeting)) meetings.set(meeting, new Map());
    const reports = meetings.get(meeting)!;
    if (!reports.has(report)) reports.set(report, { intervals: [], loose: 0 });
    const r = reports.get(report)!;
    const interval = intervalOf(c);
    if (interval) {
      r.intervals.push(interval);
      all.push(interval);
    } else r.loose += c.minutes ?? 0;
  }
  let extra = 0;
  const out = new Map<string | number, MeetingMinutes>();
  for (const [key, reports] of meetings) {
    const timed = unionMinutes([...reports.values()].flatMap((r) => r.intervals));
    let best = 0;
    let loose = 0;
    for (const r of reports.values()) {
      best = Math.max(best, unionMinutes(r.intervals) + r.loose);
      loose += r.loose;
    }
    const counted = Math.max(timed, best);
    extra += counted - timed;
    out.set(key, { counted, summed: timed + loose, reports: reports.size });
  }
  return { minutes: Math.round(unionMinutes(all) + extra), meetings: out };
}

export function attendedMinutes(connections: readonly Connection[]): number {
  return attendedMinutesDetail(connections).minutes;
}

// ------------------------------------------------------------------ which reports are one meeting

/** What a report says about the meeting it is of. */
export interface ReportPlace {
  key: string | number;
  /** The tool that wrote it (zoom, teams, meet, webex): reports of two tools are two meetings. */
  tool: string | null;
  meetingId: string | null;
  /** From the summary's start and end and the rows' joins and leaves (ms); null when it gives no time. */
  start: number | null;
  end: number | null;
  /** The officer's word for a report that gives no time: it is of the same meeting as this report (its key). */
  sameMeetingAs?: string | number | null;
}

export interface Meeting {
  /** The first report's key. */
  key: string | number;
  reports: (string | number)[];
  meetingId: string | null;
  start: number;
  end: number;
  /** None of its reports tells when it was: taken to be the event's own time. */
  assumed: boolean;
  /** Its reports that give no time, taken to be at the event's. */
  untimed: (string | number)[];
  /**
   * A report that gives no time and could be of any of several meetings (their keys): counted as
   * a meeting of its own until the officer says which (ReportPlace.sameMeetingAs).
   */
  undecided?: (string | number)[];
}

/** A meeting ID as the tools write it: Zoom's "852 1848 6288" is 85218486288. */
export function meetingIdKey(id: string | null | undefined): string | null {
  const k = (id ?? '').trim().toLowerCase().replace(/[\s-]/g, '');
  return k || null;
}

/** A report's time span (ms): the summary's start and end and every join and leave it has; null when none. */
export function reportSpan(meeting: { startTime?: string | null; endTime?: string | null } | null | undefined, rows: readonly { joinTime: string | null; leaveTime: string | null }[]): { start: number; end: number } | null {
  // (a loop, not Math.min(...times): a year of daily meetings is more arguments than a call takes)
  let start = Infinity;
  let end = -Infinity;
  const add = (t: string | null | undefined) => {
    const ms = t ? Date.parse(t) : NaN;
    if (!Number.isFinite(ms)) return;
    if (ms < start) start = ms;
    if (ms > end) end = ms;
  };
  add(meeting?.startTime);
  add(meeting?.endTime);
  for (const r of rows) {
    add(r.joinTime);
    add(r.leaveTime);
  }
  return Number.isFinite(start) ? { start, end } : null;
}

/**
 * The event's reports grouped by meeting. Two reports that give times are of one meeting when the
 * same tool wrote them, their meeting IDs do not differ (one missing is no difference), and their
 * times overlap — a recurring Zoom meeting keeps its ID from one session to the next, so the same
 * ID on another day is another meeting. A meeting never holds two different IDs.
 *
 * A report that gives no time at all (Zoom's "show unique users" exported without the meeting
 * data, a bare participant list) is placed by what it can be: of the one meeting of its tool (and
 * ID) when the others make exactly one, whenever that was; with the other reports without times
 * when there is none (all taken to be at the event's own time); and when there are several, a
 * meeting of its own, `undecided` between them, unless the officer said which (sameMeetingAs).
 * It used to join whichever meeting overlapped the event's time: the first day of a two-day
 * workshop, whatever day the list was of.
 */
export function groupMeetings(reports: readonly ReportPlace[], event: { start: number; end: number }): Meeting[] {
  const placed = reports.map((r, index) => ({
    ...r, index, id: meetingIdKey(r.meetingId),
    assumed: r.start === null || r.end === null,
    s: r.start ?? event.start, e: r.end ?? event.end,
  }));
  type Placed = (typeof placed)[number];
  const overlap = (a: Placed, b: Placed) => (a.s < b.e && b.s < a.e) || (a.s === b.s && a.e === b.e);
  const alike = (a: readonly Placed[], b: readonly Placed[]) => a.every((x) => b.every((y) => x.tool === y.tool && (!x.id || !y.id || x.id === y.id)));
  // (merged until no two groups fit: a report that spans two others' times joins them all, whatever the order)
  const groups: Placed[][] = placed.filter((r) => !r.assumed).map((r) => [r]);
  const fit = (a: Placed[], b: Placed[]) => alike(a, b) && a.some((x) => b.some((y) => overlap(x, y)));
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 0; i < groups.length && !merged; i++) {
      for (let j = i + 1; j < groups.length && !merged; j++) {
        if (fit(groups[i]!, groups[j]!)) {
          groups[i]!.push(...groups.splice(j, 1)[0]!);
          merged = true;
        }
      }
    }
  }
  const timed = [...groups];
  // (the candidate groups themselves: another report may still join one, and change its first report)
  const undecided = new Map<Placed[], Placed[][]>();
  const untimed = placed.filter((r) => r.assumed);
  // (the officer's word last: it may name a report without times placed before it)
  for (const u of [...untimed.filter((r) => r.sameMeetingAs == null), ...untimed.filter((r) => r.sameMeetingAs != null)]) {
    const named = u.sameMeetingAs == null ? undefined : groups.find((g) => g.some((x) => x.key === u.sameMeetingAs));
    if (named) {
      named.push(u);
      continue;
    }
    const candidates = timed.filter((g) => alike([u], g));
    const sameId = u.id ? candidates.filter((g) => g.some((x) => x.id === u.id)) : [];
    const choice = sameId.length ? sameId : candidates;
    if (choice.length === 1) choice[0]!.push(u);
    else if (choice.length > 1) {
      const own = [u];
      groups.push(own);
      undecided.set(own, choice);
    } else {
      const other = groups.find((g) => !timed.includes(g) && !undecided.has(g) && alike([u], g));
      if (other) other.push(u);
      else groups.push([u]);
    }
  }
  return groups.map((group) => {
    const g = [...group].sort((a, b) => a.index - b.index);
    const withTimes = g.filter((x) => !x.assumed);
    const over = withTimes.length ? withTimes : g;
    const choices = undecided.get(group)?.map((c) => Math.min(...c.map((x) => x.index))).sort((a, b) => a - b).map((i) => placed[i]!.key);
    return {
      key: g[0]!.key,
      reports: g.map((x) => x.key),
      meetingId: g.find((x) => x.id)?.meetingId?.trim() ?? null,
      start: Math.min(...over.map((x) => x.s)),
      end: Math.max(...over.map((x) => x.e)),
      assumed: !withTimes.length,
      untimed: g.filter((x) => x.assumed).map((x) => x.key),
      ...(choices ? { undecided: choices } : {}),
      first: g[0]!.index,
    };
  }).sort((a, b) => a.first - b.first).map(({ first: _first, ...m }) => m);
}
