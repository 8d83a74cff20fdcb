/**
 * A role, status, consent or member kind as an officer types it in a flag (--role stakeholder,
 * --status declined, --consent-map no) or writes it in a stakeholder list ("Partie prenante",
 * "Sí"): the codes, or a spelling from data/network.json. Flags that name nothing are usage
 * errors that list the codes.
 */
import { UsageError } from '../errors.js';
import { CONSENT_VALUES, MEMBER_ROLES, MEMBER_STATUSES, type Consent, type MemberKind, type MemberRole, type MemberStatus } from '../model.js';
import { networkVocabulary } from '../import/network-vocabulary.js';
import { normaliseName } from '../text.js';
import { didYouMean } from '../suggest.js';

/** The role a text names, or null. */
export function roleOf(text: string): MemberRole | null {
  const key = normaliseName(text);
  if (!key) return null;
  return (MEMBER_ROLES as readonly string[]).includes(text.trim().toLowerCase()) ? (text.trim().toLowerCase() as MemberRole) : networkVocabulary().roles.get(key) ?? null;
}

export function statusOf(text: string): MemberStatus | null {
  const key = normaliseName(text);
  if (!key) return null;
  return (MEMBER_STATUSES as readonly string[]).includes(text.trim().toLowerCase()) ? (text.trim().toLowerCase() as MemberStatus) : networkVocabulary().statuses.get(key) ?? null;
}

/** yes / no / unknown from "Yes", "oui", "Sí", "x", "0", "unknown"...; null when it says none of them. */
export function consentOf(text: string): Consent | null {
  const key = normaliseName(text);
  if (!key) return null;
  if (key === 'unknown' || key === 'inconnu' || key === 'desconocido' || key === '?') return 'unknown';
  const v = networkVocabulary();
  if (v.yes.has(key)) return 'yes';
  if (v.no.has(key)) return 'no';
  return null;
}

export function kindOf(text: string): MemberKind | null {
  const key = normaliseName(text);
  const v = networkVocabulary();
  if (v.person.has(key)) return 'person';
  if (v.organization.has(key)) return 'organization';
  return null;
}

export function parseRole(input: string, flag = '--role'): MemberRole {
  const role = roleOf(input);
  if (!role) throw new UsageError(`${flag}: "${input}" is not a role${didYouMean(input, MEMBER_ROLES)}`, { hint: `roles: ${MEMBER_ROLES.join(', ')}` });
  return role;
}

export function parseStatus(input: string, flag = '--status'): MemberStatus {
  const status = statusOf(input);
  if (!status) throw new UsageError(`${flag}: "${input}" is not a status${didYouMean(input, MEMBER_STATUSES)}`, { hint: `statuses: ${MEMBER_STATUSES.join(', ')}` });
  return status;
}

export function parseConsent(input: string, flag: string): Consent {
  const consent = consentOf(input);
  if (!consent) throw new UsageError(`${flag} takes yes, no or unknown, got "${input}"`, { hint: `e.g. ${flag} no (unknown: nobody asked yet)` });
  return consent;
}

export { CONSENT_VALUES };
