/**
 * Language resolution: a column's value ("Français", "Spanish", "es", "ENG") or the
 * text itself -> ISO 639-1 code. The only place that knows languages.
 *
 * PROVISIONAL: minimal version so other modules compile; replaced by the full resolver.
 */
export function resolveLanguage(text: string): string | null {
  const t = text.trim().toLowerCase();
  return /^[a-z]{2}$/.test(t) ? t : null;
}

/** Detects the language of a free text (title + description); null when unsure. */
export function detectLanguage(_text: string): string | null {
  return null;
}
