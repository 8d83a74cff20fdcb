/**
 * Columns of secrets: a form tool or web app's export may carry each account's password or PIN
 * ("Password", "Mot de passe", "Contraseña", "Senha", "Code PIN"). skillsnet keeps every source
 * row whole (raw_json, shown by `show ID --raw`), so such a column would put passwords in the
 * database; its cells are left out of the source row instead, and the import report names it.
 */
import { headerTokens } from './header-words.js';

/** The words (as headerTokens folds them) that name a secret; "mot de passe" and "palavra-passe" are phrases. */
const SECRET_WORDS: ReadonlySet<string> = new Set(['password', 'passwort', 'passcode', 'passphrase', 'passwd', 'pwd', 'contrasena', 'senha', 'kennwort', 'otp']);
const SECRET_PHRASES: readonly (readonly string[])[] = [
  ['mot', 'de', 'passe'], ['palavra', 'passe'], ['code', 'secret'], ['codigo', 'secreto'], ['clave', 'de', 'acceso'],
  // A PIN only where the words say it is one ("Code PIN", "Código PIN", "PIN number", "Secret PIN"): in India a "PIN
  // code", "Pincode" or bare "PIN" is the postal code, an address a form asks for and the source row must keep.
  ['code', 'pin'], ['codigo', 'pin'], ['pin', 'number'], ['numero', 'pin'], ['secret', 'pin'], ['pin', 'secret'], ['pin', 'secreto'],
];
/**
 * The words that may stand beside one, as the secret's own qualifiers ("Confirm password",
 * "Confirmation du mot de passe", "Repetir contraseña", "Confirme sua senha", "Code PIN",
 * "Login password"). Any other word makes the header about something else ("Did you receive the
 * password email?", "PIN code of the office", "Password reset date").
 */
const QUALIFIERS: ReadonlySet<string> = new Set([
  'confirm', 'confirmation', 'confirmer', 'confirmez', 'confirmar', 'confirme', 'confirma', 'confirmacao', 'confirmacion', 'conferma', 'repeat', 'repeter', 'repetir', 'repita', 'retype',
  'new', 'nouveau', 'nueva', 'nuevo', 'nova', 'novo', 'nuova', 'your', 'votre', 'su', 'sua', 'seu', 'tu', 'tua', 'il', 'user', 'utilisateur', 'usuario', 'utente', 'account', 'compte',
  'cuenta', 'conta', 'login', 'de', 'du', 'la', 'le', 'el', 'da', 'do', 'the', 'of', 'a', 'code', 'codigo', 'access', 'acces', 'acceso', 'acesso', 'accesso', 'security', 'securite',
  'seguridad', 'seguranca', 'sicurezza', 'one', 'time', 'number', 'numero', 'digit', 'digits', 'chiffres', 'digitos', 'characters', 'caracteres', 'caratteri', 'minimum', 'minimo', 'min', 'max',
]);

/** Whether a column's header names a secret its cells hold (a password, a PIN), not a question that mentions one. */
export function isSecretHeader(header: string): boolean {
  if (header.includes('?') || header.includes('¿')) return false;
  const tokens = headerTokens(header);
  if (tokens.length === 0 || tokens.length > 6) return false;
  const rest = [...tokens];
  let found = false;
  for (const phrase of SECRET_PHRASES) {
    const at = rest.findIndex((_, i) => phrase.every((w, j) => rest[i + j] === w));
    if (at >= 0) { rest.splice(at, phrase.length); found = true; }
  }
  for (let i = rest.length - 1; i >= 0; i--) if (SECRET_WORDS.has(rest[i]!)) { rest.splice(i, 1); found = true; }
  return found && rest.every((w) => QUALIFIERS.has(w) || /^\d+$/.test(w));
}
