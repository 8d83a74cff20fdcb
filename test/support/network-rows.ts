/**
 * Rows of applications made to hit every rule of organisation matching (src/import/organizations.ts):
 * one organisation spelled apart, numbered look-alikes, shared websites, addresses and domains
 * shared by a few organisations or by more than the rules' limits, people without an address,
 * upper-case addresses, and now and then an application repeated with a changed phone (an update
 * within the file). Deterministic for a seed. And network(): what linking wrote, table by table,
 * to compare two databases. Shared by the unit tier (in process) and the e2e tier (the built
 * code): it imports nothing.
 */

/** A small seeded generator (the same rows on every run). */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const HEADER = ['Application ID', 'Organization', 'Contact name', 'Email', 'Phone', 'Country', 'Website', 'Type of organization', 'Title'];
const BASES = ['Taller Abierto', 'Atelier Vert', 'Skills Kenya', 'Fundación Andes', 'Youth Works', 'Green Jobs Lab', 'Red Cross', 'Centre de formation', 'Digital Bridge', 'Women in Trades'];
const COUNTRIES = ['Kenya', 'Senegal', 'Mexico', ''];
const FIRST = ['Ana', 'Awa', 'Jo', 'Luis', 'Eva', 'Omar', 'Lin', 'Sara'];

/** Rows that exercise every rule of organizations.ts, and some beyond its limits. */
export function rows(seed: number, count: number, prefix: string): string[][] {
  const r = random(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const out: string[][] = [];
  for (let i = 0; i < count; i++) {
    const base = pick(BASES);
    const k = Math.floor(r() * 40);
    // the same organisation spelled apart (case, spaces, "&"), or one of many numbered ones
    const name = r() < 0.5 ? pick([base, base.toUpperCase(), ` ${base}  `, base.replace(' ', ' & ')]) : `${base} ${k}`;
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '');
    const first = pick(FIRST);
    const e = r();
    const email =
      e < 0.1 ? '' // no address: the person is found by name
        : e < 0.2 ? 'consultant@agency.example' // one address for many organisations (past MAX_SHARING_ADDRESS)
          : e < 0.27 ? `team@shared${k % 3}.example` // an address a few organisations share
            : e < 0.6 ? `${first.toLowerCase()}${k}@bigmail.example` // a domain past MAX_SHARING
              : e < 0.7 ? `${first.toUpperCase()}@${slug}.example` // upper case
                : `${first.toLowerCase()}@${slug}.example`;
    const w = r();
    const website = w < 0.3 ? '' : w < 0.4 ? 'https://www.shared-host.example/' : w < 0.45 ? 'n/a' : w < 0.8 ? `www.${slug}.example` : `https://${slug}.example/about`;
    out.push([`${prefix}-${i}`, name, email ? '' : `${first} Example`, email, `+1 555 ${1000 + i}`, pick(COUNTRIES), website, pick(['NGO', '', 'University']), `Project ${i}`]);
    // now and then the same application again, its phone changed: an update within the file
    if (r() < 0.05) out.push([...out.at(-1)!.slice(0, 4), `+1 555 ${9000 + i}`, ...out.at(-1)!.slice(5)]);
  }
  return out;
}

/** What linking wrote, table by table, to compare two databases (any connection with prepare()). */
export function network(db: { prepare(sql: string): { all(): unknown[] } }) {
  return {
    organizations: db.prepare('SELECT id, name, name_key, organization_type, country, country_raw, region, website, web_domain, beneficiaries_json, merged_into FROM organizations ORDER BY id').all(),
    people: db.prepare('SELECT id, organization_id, name, given_name, family_name, email, phone, working_language FROM people ORDER BY id').all(),
    members: db.prepare('SELECT id, kind, organization_id, person_id, status, source FROM members ORDER BY id').all(),
    roles: db.prepare('SELECT member_id, role, cohort FROM member_roles ORDER BY 1, 2, 3').all(),
    applications: db.prepare('SELECT id, organization_id, person_id FROM applications ORDER BY id').all(),
  };
}
