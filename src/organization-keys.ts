/**
 * What tells organisations apart, as pure functions: the key a name is compared by, a website's
 * domain and an email's. The database layer (db/organizations.ts) and the import's reading
 * thread (prepare-row.ts, which has no database) both use them.
 */
import { normaliseName } from './text.js';

/** The key organisations are compared by: "ACME Foundation " and "Acme foundation" are one. */
export function organizationKey(name: string): string {
  return normaliseName(name) || name.trim().toLowerCase();
}

/** A website's host, lower case, without "www." ("https://www.Example.org/about" -> "example.org"); null when it is not a web address. */
export function webDomain(website: string | null | undefined): string | null {
  const t = website?.trim();
  if (!t || /\s/.test(t)) return null;
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}`);
    const host = u.hostname.toLowerCase().replace(/^www\d*\./, '').replace(/\.$/, '');
    return host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

/** The domain of an email address ("ana@mail.example.org" -> "mail.example.org"). */
export function emailDomain(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf('@') ?? -1;
  return at > 0 ? email!.slice(at + 1).trim().toLowerCase() || null : null;
}

