/**
 * Migration 30's SQL (migrations.ts): the Network's events and who came to them. Like every
 * shipped migration, never edit it once released — add a new one.
 *
 *   meta                 the database's own identity (database_uuid: calendar UIDs stay unique per database)
 *   events               meetings, webinars, clinics and workshops; `sequence` counts edits for the .ics
 *   event_invitations    who is invited to which event, and how they were chosen
 *   event_group_runs     the last breakout-group plan of an event (what was asked, how it was solved)
 *   event_groups         each invitee's breakout group
 *   attendance_imports   one row per Zoom / Teams report read into an event
 *   attendance_rows      every participant row of those reports, matched to a member or not (and why)
 *   event_attendance     per event and member: minutes and joins, recomputed from the rows
 *   attendance_links     the officer's decisions for rows that did not match: this email or name is
 *                        that member, or is to be ignored (member_id NULL)
 *
 * Personal data lives in attendance_rows (name, email as the report wrote them) and
 * attendance_links (email, name key): db/attendance.ts's eraseAttendanceOf removes them.
 * `reason` never holds a name or an address: the kind of problem and member IDs only.
 */
export const EVENTS_SQL = `
  CREATE TABLE meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
  );

  -- AUTOINCREMENT: an ID is never given again after a delete, so no new event inherits the
  -- calendar UID (skillsnet-event-ID@database) of one already in people's calendars.
  CREATE TABLE events (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    title            TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('meeting', 'webinar', 'clinic', 'workshop')),
    start_local      TEXT NOT NULL,           -- 'YYYY-MM-DDTHH:MM' on the organiser's clock (+offset when the hour repeats)
    time_zone        TEXT NOT NULL,           -- IANA
    start_utc        TEXT NOT NULL,           -- the same instant, for ordering and "last attended"
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    languages_json   TEXT NOT NULL DEFAULT '[]',
    presenter_id     INTEGER REFERENCES members(id) ON DELETE SET NULL,
    topic_category   TEXT,
    location         TEXT,                    -- meeting link or place, for the calendar file
    cancelled        INTEGER NOT NULL DEFAULT 0,
    sequence         INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  );
  CREATE INDEX events_start ON events(start_utc);

  CREATE TABLE event_invitations (
    event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    source      TEXT NOT NULL,                -- 'roster core-2020', 'role core-group 2020', 'filters', 'member'
    invited_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    PRIMARY KEY (event_id, member_id)
  );
  CREATE INDEX event_invitations_member ON event_invitations(member_id);

  CREATE TABLE event_group_runs (
    event_id     INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    by           TEXT NOT NULL DEFAULT 'language',
    spec         TEXT NOT NULL,               -- 'en=2,fr=1,es=1'
    optimal      INTEGER NOT NULL,
    solve_ms     REAL,
    summary_json TEXT NOT NULL DEFAULT '{}',  -- per language: members, status, deviations; the unassigned by member ID
    made_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  );

  CREATE TABLE event_groups (
    event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    group_id   TEXT NOT NULL,                 -- 'en-1'
    language   TEXT NOT NULL,
    PRIMARY KEY (event_id, member_id)
  );

  CREATE TABLE attendance_imports (
    id            INTEGER PRIMARY KEY,
    event_id      INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    file          TEXT NOT NULL,              -- the file's name as given
    sha256        TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('zoom', 'teams')),
    language      TEXT,
    encoding      TEXT,
    delimiter     TEXT,
    time_zone     TEXT NOT NULL,              -- the zone the report's clock times were read in
    date_order    TEXT,                       -- month-first | day-first
    date_basis    TEXT,
    meeting_json  TEXT NOT NULL DEFAULT '{}', -- the report's summary block (meeting ID, title, times)
    rows          INTEGER NOT NULL DEFAULT 0,
    matched       INTEGER NOT NULL DEFAULT 0,
    unmatched     INTEGER NOT NULL DEFAULT 0,
    warnings_json TEXT NOT NULL DEFAULT '[]',
    imported_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  );
  CREATE INDEX attendance_imports_event ON attendance_imports(event_id);

  CREATE TABLE attendance_rows (
    id            INTEGER PRIMARY KEY,
    import_id     INTEGER NOT NULL REFERENCES attendance_imports(id) ON DELETE CASCADE,
    row_number    INTEGER NOT NULL,           -- line in the file, as a text editor counts
    name          TEXT NOT NULL DEFAULT '',
    names_json    TEXT NOT NULL DEFAULT '[]', -- the names the row may go by (Zoom: display and original)
    email         TEXT,
    join_time     TEXT,
    leave_time    TEXT,
    minutes       REAL,
    guest         INTEGER,
    waiting_room  INTEGER NOT NULL DEFAULT 0,
    role          TEXT,
    problems_json TEXT NOT NULL DEFAULT '[]',
    member_id     INTEGER REFERENCES members(id) ON DELETE SET NULL,
    matched_by    TEXT CHECK (matched_by IN ('email', 'name', 'link')),
    problem       TEXT CHECK (problem IN ('ignored', 'email-shared', 'name-shared', 'empty', 'unknown')),  -- unmatched: why
    candidates_json TEXT NOT NULL DEFAULT '[]',  -- unmatched: the members a shared email or name fits
    reason        TEXT,                       -- unmatched: the problem in words, never a name or address
    ignored       INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX attendance_rows_import ON attendance_rows(import_id);
  CREATE INDEX attendance_rows_member ON attendance_rows(member_id);
  CREATE INDEX attendance_rows_email ON attendance_rows(email);

  CREATE TABLE event_attendance (
    event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    minutes     INTEGER NOT NULL,
    joins       INTEGER NOT NULL,
    first_join  TEXT,
    last_leave  TEXT,
    PRIMARY KEY (event_id, member_id)
  );
  CREATE INDEX event_attendance_member ON event_attendance(member_id);

  CREATE TABLE attendance_links (
    id          INTEGER PRIMARY KEY,
    email       TEXT,                         -- lower case; set when the row had an address
    name_key    TEXT,                         -- nameKey() of the row's name; used when it had none
    member_id   INTEGER REFERENCES members(id) ON DELETE CASCADE,  -- NULL: ignore such rows
    decided_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    CHECK (email IS NOT NULL OR name_key IS NOT NULL)
  );
  CREATE UNIQUE INDEX attendance_links_email ON attendance_links(email) WHERE email IS NOT NULL;
  CREATE UNIQUE INDEX attendance_links_name ON attendance_links(name_key) WHERE email IS NULL;
`;
