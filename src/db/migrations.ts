import type Database from 'better-sqlite3';
import { OperationError } from '../errors.js';
import { backfillNetwork } from './organizations.js';
import { NETWORK_SQL } from './schema-network.js';
import { EVENTS_SQL } from './schema-events.js';
import { ensureDatabaseId } from './meta.js';
import { recountMeetingMinutes } from './attendance.js';

/**
 * Schema history, keyed on PRAGMA user_version. Append new migrations at the end;
 * never edit one that has shipped. A newer tool opens an older file by applying the rest.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** What SQL alone cannot compute (a backfill), run after `sql` in the same transaction. */
  run?: (db: Database.Database) => void;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'calls, applications, import batches, rejected rows, versions, tags, rosters, reviewer scores',
    sql: `
      CREATE TABLE calls (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );

      -- One row per imported file (also for files that were fully unchanged).
      CREATE TABLE import_batches (
        id           INTEGER PRIMARY KEY,
        call_id      INTEGER NOT NULL REFERENCES calls(id),
        file_name    TEXT NOT NULL,
        file_size    INTEGER NOT NULL,
        sha256       TEXT NOT NULL,
        format       TEXT NOT NULL,            -- csv | xlsx
        encoding     TEXT,
        delimiter    TEXT,
        headers_json TEXT NOT NULL DEFAULT '[]', -- the file's column names, in order
        mapping_json TEXT NOT NULL DEFAULT '{}', -- field -> column used
        imported_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        rows         INTEGER NOT NULL DEFAULT 0,
        inserted     INTEGER NOT NULL DEFAULT 0,
        updated      INTEGER NOT NULL DEFAULT 0,
        unchanged    INTEGER NOT NULL DEFAULT 0,
        rejected     INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE applications (
        id                  INTEGER PRIMARY KEY,
        call_id             INTEGER NOT NULL REFERENCES calls(id),
        identity_key        TEXT NOT NULL,     -- 'id:<external id>' or 'contact:<email>|<organisation>'
        external_id         TEXT,
        organization        TEXT NOT NULL,
        organization_type   TEXT,
        contact_name        TEXT,
        email               TEXT,
        phone               TEXT,
        website             TEXT,
        country_raw         TEXT,              -- as written in the file
        country             TEXT,              -- ISO 3166-1 alpha-2, NULL when unresolved
        region              TEXT,              -- one of the five ILO regions, NULL when unresolved
        language            TEXT,              -- ISO 639-1
        title               TEXT,
        description         TEXT,
        beneficiaries_json  TEXT NOT NULL DEFAULT '[]',
        self_categories_json TEXT NOT NULL DEFAULT '[]', -- applicant's own category choice, as written
        score               REAL,              -- score given in the application file
        submitted_at        TEXT,
        raw_json            TEXT NOT NULL,     -- the whole source row, header -> value; nothing dropped
        content_hash        TEXT NOT NULL,     -- of the normalised fields, to tell unchanged from updated
        batch_id            INTEGER REFERENCES import_batches(id),
        source_row          INTEGER,           -- 1-based data row number in that batch's file
        created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        UNIQUE (call_id, identity_key)
      );
      CREATE INDEX applications_region ON applications(region);
      CREATE INDEX applications_country ON applications(country);
      CREATE INDEX applications_email ON applications(email);

      -- The version an update replaced, so nothing an applicant sent is lost.
      CREATE TABLE application_versions (
        id              INTEGER PRIMARY KEY,
        application_id  INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        replaced_by_batch_id INTEGER REFERENCES import_batches(id),
        replaced_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        data_json       TEXT NOT NULL      -- the applications row as it was
      );
      CREATE INDEX application_versions_app ON application_versions(application_id);

      CREATE TABLE rejected_rows (
        id            INTEGER PRIMARY KEY,
        batch_id      INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
        row_number    INTEGER NOT NULL,     -- 1-based data row number in the file
        raw_json      TEXT NOT NULL,        -- header -> value, in the file's column order
        reasons_json  TEXT NOT NULL         -- ["missing organisation", ...]
      );
      CREATE INDEX rejected_rows_batch ON rejected_rows(batch_id);

      -- Skills categories on an application (revised-taxonomy codes).
      -- An officer's decision is kept as source 'officer'; state 'removed' records
      -- that an officer took a category off, so automatic tagging never puts it back.
      CREATE TABLE application_categories (
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        category       TEXT NOT NULL,
        source         TEXT NOT NULL CHECK (source IN ('auto', 'officer', 'applicant')),
        state          TEXT NOT NULL DEFAULT 'on' CHECK (state IN ('on', 'removed')),
        confidence     REAL,
        evidence_json  TEXT NOT NULL DEFAULT '[]',
        updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        PRIMARY KEY (application_id, category)
      );
      CREATE INDEX application_categories_category ON application_categories(category, state);

      CREATE TABLE rosters (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE,
        params_json   TEXT NOT NULL,
        solver_status TEXT NOT NULL,
        optimal       INTEGER NOT NULL,
        objective     REAL,
        solve_ms      REAL,
        created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );

      CREATE TABLE roster_members (
        roster_id      INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        role           TEXT NOT NULL CHECK (role IN ('member', 'alternate')),
        rank           INTEGER NOT NULL,
        reasons_json   TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (roster_id, application_id)
      );

      CREATE TABLE roster_changes (
        id                 INTEGER PRIMARY KEY,
        roster_id          INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
        removed_application_id INTEGER,
        added_application_id   INTEGER,
        note               TEXT,
        changed_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );

      CREATE TABLE reviewer_scores (
        id             INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        reviewer       TEXT NOT NULL,
        score          REAL NOT NULL,
        file_name      TEXT,
        imported_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        UNIQUE (application_id, reviewer)
      );
    `,
  },
  {
    version: 3,
    name: 'reviewer score scales (scores on different scales made comparable)',
    sql: `
      -- The scale each score was given on (e.g. 1-5, 0-10, 0-100), so scores from
      -- different files can be put on one scale before reviewers are normalised.
      ALTER TABLE reviewer_scores ADD COLUMN scale_min REAL;
      ALTER TABLE reviewer_scores ADD COLUMN scale_max REAL;
      ALTER TABLE reviewer_scores ADD COLUMN raw_text TEXT;   -- the cell as written ("7,5")
      CREATE INDEX reviewer_scores_reviewer ON reviewer_scores(reviewer);
    `,
  },
  {
    version: 4,
    name: 'tagging: find officer decisions quickly',
    sql: `
      -- tag auto trains on the applications officers decided on, and tag review skips them:
      -- both ask "which applications have an officer row" of tables with 100,000s of tags.
      CREATE INDEX application_categories_source ON application_categories(source, application_id);
    `,
  },
  {
    version: 5,
    name: 'applications: the preferred working language, apart from the language of the text',
    sql: `ALTER TABLE applications ADD COLUMN working_language TEXT;`,
  },
  {
    version: 10,
    name: 'the network: organisations and people across calls, members with roles and consent, history of changes, export log',
    sql: NETWORK_SQL,
    // Existing applications get their organisation (same name and country: one organisation),
    // contact person and member; doubtful matches are left for the officer (organizations --unconfirmed).
    run: (db) => backfillNetwork(db),
  },
  {
    version: 20,
    name: 'applications: the contact\'s given and family names as the form gave them in columns of their own',
    sql: `
      -- Forms that ask "first name" and "last name" apart say which part is which; the import
      -- joined them into contact_name. Kept apart now (contacts, mail merges), and filled in for
      -- applications imported before from the raw row and the columns the import mapped.
      ALTER TABLE applications ADD COLUMN given_name TEXT;
      ALTER TABLE applications ADD COLUMN family_name TEXT;
      UPDATE applications SET
        given_name = (SELECT nullif(trim(json_extract(applications.raw_json, '$.' || json_quote(h.header))), '')
                        FROM (SELECT json_extract(b.mapping_json, '$.firstName[0]') AS header FROM import_batches b WHERE b.id = applications.batch_id) h
                       WHERE h.header IS NOT NULL AND instr(h.header, '"') = 0 AND instr(h.header, '\\') = 0),
        family_name = (SELECT nullif(trim(json_extract(applications.raw_json, '$.' || json_quote(h.header))), '')
                        FROM (SELECT json_extract(b.mapping_json, '$.lastName[0]') AS header FROM import_batches b WHERE b.id = applications.batch_id) h
                       WHERE h.header IS NOT NULL AND instr(h.header, '"') = 0 AND instr(h.header, '\\') = 0)
       WHERE batch_id IS NOT NULL AND json_valid(raw_json);
    `,
  },
  {
    version: 21,
    name: "people: the given and family names their applications' forms gave",
    sql: `
      -- Contact people made before their applications kept the form's first and last names apart
      -- (migrations 10 and 20) get them from their latest application that has them.
      UPDATE people SET
        given_name = (SELECT a.given_name FROM applications a WHERE a.person_id = people.id AND a.given_name IS NOT NULL ORDER BY a.id DESC LIMIT 1),
        family_name = coalesce(family_name, (SELECT a.family_name FROM applications a WHERE a.person_id = people.id AND a.family_name IS NOT NULL ORDER BY a.id DESC LIMIT 1))
       WHERE given_name IS NULL AND EXISTS (SELECT 1 FROM applications a WHERE a.person_id = people.id AND a.given_name IS NOT NULL);
    `,
  },
  {
    version: 30,
    name: "the network's events: meetings and their invitations, breakout groups, attendance from Zoom and Teams reports, the database's own ID",
    sql: EVENTS_SQL,
    run: (db) => ensureDatabaseId(db),
  },
  {
    version: 31,
    name: 'imports: dates as written, where each language came from, how each column was read, rejects a later import fixed, likely-duplicate keys',
    sql: `
      -- The submission date as the file wrote it; submitted_at holds it in ISO 8601 when it could be read.
      ALTER TABLE applications ADD COLUMN submitted_at_raw TEXT;
      -- Where language and working_language came from: 'column' (the file said), 'detected'
      -- (from the text), 'officer' (corrected by hand: an import keeps it).
      ALTER TABLE applications ADD COLUMN language_source TEXT;
      ALTER TABLE applications ADD COLUMN working_language_source TEXT;
      -- The likely-duplicate rules' keys (import/duplicates.ts), hashed, written by the import.
      -- dup_keys_version is NULL when they are to be computed: a row written some other way, or
      -- whose organisation, email, title or country changed while its keys did not (the trigger:
      -- a writer that knows the keys, the import, writes them with the row).
      ALTER TABLE applications ADD COLUMN dup_keys_version INTEGER;
      ALTER TABLE applications ADD COLUMN dup_email_org INTEGER;
      ALTER TABLE applications ADD COLUMN dup_org_title INTEGER;
      ALTER TABLE applications ADD COLUMN dup_email_title INTEGER;
      CREATE INDEX applications_dup_email_org ON applications(call_id, dup_email_org) WHERE dup_email_org IS NOT NULL;
      CREATE INDEX applications_dup_org_title ON applications(call_id, dup_org_title) WHERE dup_org_title IS NOT NULL;
      CREATE INDEX applications_dup_email_title ON applications(call_id, dup_email_title) WHERE dup_email_title IS NOT NULL;
      CREATE INDEX applications_dup_pending ON applications(call_id) WHERE dup_keys_version IS NULL;
      CREATE TRIGGER applications_dup_stale AFTER UPDATE OF organization, email, title, country, call_id ON applications
        WHEN new.dup_keys_version IS NOT NULL AND new.dup_email_org IS old.dup_email_org
         AND new.dup_org_title IS old.dup_org_title AND new.dup_email_title IS old.dup_email_title
         AND (new.organization IS NOT old.organization OR new.email IS NOT old.email OR new.title IS NOT old.title
              OR new.country IS NOT old.country OR new.call_id IS NOT old.call_id)
        BEGIN UPDATE applications SET dup_keys_version = NULL WHERE id = new.id; END;
      CREATE INDEX applications_batch ON applications(batch_id);
      -- Per field: the columns it was read from, how sure the import was and why.
      ALTER TABLE import_batches ADD COLUMN fields_json TEXT NOT NULL DEFAULT '{}';
      -- A rejected row that a later import of its fixed copy (rejects --csv) accepted.
      ALTER TABLE rejected_rows ADD COLUMN resolved_batch_id INTEGER REFERENCES import_batches(id);
    `,
  },
  {
    version: 32,
    name: "an index of each organisation's people by address, which linking reads for every imported row",
    sql: `
      -- An organisation's person by address (what linking an application asks for every row): read
      -- along the organisation's people alone, a large organisation's thousands were read one by one.
      CREATE INDEX people_organization_email ON people(organization_id, email);
    `,
  },
  {
    version: 33,
    name: 'attendance reports: the tool that wrote each one (Google Meet and Webex are read as Zoom reports)',
    sql: `
      -- zoom, teams, meet or webex; NULL for a report read before this column (its source says zoom or teams).
      ALTER TABLE attendance_imports ADD COLUMN tool TEXT;
    `,
  },
  {
    version: 34,
    name: 'attendance: minutes counted again where an event has several reports, the same meeting\'s once',
    sql: '',
    // Two reports of one meeting (Zoom's participants report and its unique users) had their
    // minutes added; the stored matches are counted again by the rule of attendance-minutes.ts.
    run: (db) => recountMeetingMinutes(db),
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export function migrate(db: Database.Database, options: { dryCheck?: boolean } = {}): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new OperationError(
      `this database was written by a newer skillsnet (schema ${current}, this tool knows ${SCHEMA_VERSION})`,
      { hint: 'update skillsnet (git pull && npm install) before using this database' },
    );
  }
  if (options.dryCheck || current === SCHEMA_VERSION) return;
  const apply = db.transaction(() => {
    // Read again under the write lock: another process may have migrated while we waited.
    const now = db.pragma('user_version', { simple: true }) as number;
    for (const m of MIGRATIONS) {
      if (m.version <= now) continue;
      db.exec(m.sql);
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  apply.immediate();
}
