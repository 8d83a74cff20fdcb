/**
 * Migration 10's SQL (migrations.ts): the network beyond applications. Kept in its own file
 * because it is long; like every shipped migration, never edit it — add a new one.
 *
 *   organizations   one row per organisation across calls; applications point to it
 *   people          the contact people of organisations (and individual members)
 *   members         who belongs to the network: every applicant organisation, and stakeholders,
 *                   partners and ILO staff who never applied; status, consent, working language
 *   member_roles    a member's roles (core-group with its cohort, member, stakeholder, partner, ilo)
 *   organization_pairs  organisations an officer said are different (never suggested again)
 *   history, history_values  every officer change (edit, merge, withdraw, ...) and the values it replaced
 *   export_log      which exports were written, when, where and with what kind of personal data (never the data)
 */
export const NETWORK_SQL = `
  CREATE TABLE organizations (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL,
    name_key           TEXT NOT NULL,         -- normaliseName(name): what identity compares
    organization_type  TEXT,
    country            TEXT,                  -- ISO 3166-1 alpha-2
    country_raw        TEXT,
    region             TEXT,
    website            TEXT,
    web_domain         TEXT,                  -- the website's host, lower case, without www.
    beneficiaries_json TEXT NOT NULL DEFAULT '[]',
    notes              TEXT,                  -- the officer's
    merged_into        INTEGER REFERENCES organizations(id),  -- set when merged into another
    created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  );
  CREATE INDEX organizations_name_key ON organizations(name_key, country);
  CREATE INDEX organizations_web_domain ON organizations(web_domain);

  CREATE TABLE people (
    id               INTEGER PRIMARY KEY,
    organization_id  INTEGER REFERENCES organizations(id),
    name             TEXT,
    given_name       TEXT,
    family_name      TEXT,
    email            TEXT,                    -- lower case
    phone            TEXT,
    working_language TEXT,                    -- ISO 639-1
    time_zone        TEXT,                    -- IANA, when the person gave it
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  );
  CREATE INDEX people_email ON people(email);
  CREATE INDEX people_email_domain ON people(substr(email, instr(email, '@') + 1));
  CREATE INDEX people_organization ON people(organization_id);

  ALTER TABLE applications ADD COLUMN organization_id INTEGER REFERENCES organizations(id);
  ALTER TABLE applications ADD COLUMN person_id INTEGER REFERENCES people(id);
  ALTER TABLE applications ADD COLUMN withdrawn_at TEXT;
  ALTER TABLE applications ADD COLUMN merged_into INTEGER REFERENCES applications(id);
  CREATE INDEX applications_organization ON applications(organization_id);
  CREATE INDEX applications_person ON applications(person_id);

  CREATE TABLE members (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('organization', 'person')),
    organization_id  INTEGER REFERENCES organizations(id),
    person_id        INTEGER REFERENCES people(id),   -- the contact person; the person for kind 'person'
    country          TEXT,                    -- kind 'person': where they work (an organisation's is its own)
    region           TEXT,
    status           TEXT NOT NULL DEFAULT 'active'
                     CHECK (status IN ('invited', 'active', 'declined', 'withdrawn', 'alumni')),
    working_language TEXT,                    -- ISO 639-1, when the officer or the member said
    consent_map      TEXT NOT NULL DEFAULT 'unknown' CHECK (consent_map IN ('yes', 'no', 'unknown')),
    consent_contact  TEXT NOT NULL DEFAULT 'unknown' CHECK (consent_contact IN ('yes', 'no', 'unknown')),
    notes            TEXT,
    source           TEXT NOT NULL DEFAULT 'added' CHECK (source IN ('application', 'added', 'import')),
    merged_into      INTEGER REFERENCES members(id),
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  );
  -- One member per organisation (a person member may work for an organisation that is one too).
  CREATE UNIQUE INDEX members_organization ON members(organization_id) WHERE kind = 'organization';
  CREATE INDEX members_person ON members(person_id);

  CREATE TABLE member_roles (
    member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('core-group', 'member', 'stakeholder', 'partner', 'ilo')),
    cohort     TEXT NOT NULL DEFAULT '',      -- core-group: the cohort ('2020'); '' otherwise
    roster_id  INTEGER REFERENCES rosters(id) ON DELETE SET NULL,  -- core-group: the roster accepted
    since      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    PRIMARY KEY (member_id, role, cohort)
  );
  CREATE INDEX member_roles_role ON member_roles(role, cohort);

  -- Two organisations that looked alike and that an officer said are different.
  CREATE TABLE organization_pairs (
    organization_id INTEGER NOT NULL REFERENCES organizations(id),
    other_id        INTEGER NOT NULL REFERENCES organizations(id),
    decision        TEXT NOT NULL DEFAULT 'apart' CHECK (decision IN ('apart')),
    decided_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    PRIMARY KEY (organization_id, other_id),
    CHECK (organization_id < other_id)
  );

  -- One officer action (edit, merge, unmerge, withdraw, member set, roster accept, ...). The
  -- subject names IDs only ("application 17", "org-4"), never a person's name or address.
  CREATE TABLE history (
    id         INTEGER PRIMARY KEY,
    action     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    detail_json TEXT NOT NULL DEFAULT '{}',
    made_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    undone_by  INTEGER REFERENCES history(id)
  );
  -- What an action wrote, with the value it replaced, so it can be shown and undone.
  -- column_name NULL: the whole row was inserted (old_value NULL) or deleted (old_value: the row as JSON).
  CREATE TABLE history_values (
    id          INTEGER PRIMARY KEY,
    history_id  INTEGER NOT NULL REFERENCES history(id) ON DELETE CASCADE,
    table_name  TEXT NOT NULL,
    row_id      INTEGER NOT NULL,
    column_name TEXT,
    old_value,
    new_value
  );
  CREATE INDEX history_values_history ON history_values(history_id);
  CREATE INDEX history_values_row ON history_values(table_name, row_id);

  -- Every export written: when, by which command, where, and what kind of personal data it
  -- carried; the organisations and people in it as ID ranges ("1-40,42"), never the data itself.
  CREATE TABLE export_log (
    id                   INTEGER PRIMARY KEY,
    exported_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    command              TEXT NOT NULL,       -- 'export contacts'
    format               TEXT NOT NULL,
    path                 TEXT,                -- NULL: written to stdout
    records              INTEGER NOT NULL DEFAULT 0,  -- rows, contacts or elements written
    contacts             INTEGER NOT NULL DEFAULT 0,  -- people named in it
    with_names           INTEGER NOT NULL DEFAULT 0,  -- contact persons' names in it
    with_contact_details INTEGER NOT NULL DEFAULT 0,  -- email addresses or phone numbers in it
    organizations        TEXT NOT NULL DEFAULT '',
    people               TEXT NOT NULL DEFAULT ''
  );
`;
