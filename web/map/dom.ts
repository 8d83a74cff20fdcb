/**
 * The page's only way to make DOM: text always goes in as text nodes (never innerHTML), so a
 * description holding "<script>" or "<img onerror=…>" is shown, not run.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  title?: string;
  type?: string;
  role?: string;
  for?: string;
  name?: string;
  value?: string;
  placeholder?: string;
  alt?: string;
  hidden?: boolean;
  tabindex?: string;
  /** 'auto' on every element holding text from the data: Arabic or Hebrew reads right to left. */
  dir?: 'auto' | 'ltr' | 'rtl';
  [attribute: `aria-${string}`]: string | undefined;
  [attribute: `data-${string}`]: string | undefined;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (name === 'value' && 'value' in el) (el as HTMLInputElement).value = String(value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** A link only for web, mail and phone addresses; anything else (javascript:, data:) stays text. */
export function safeLink(href: string, text: string): HTMLElement {
  let ok = false;
  try {
    const url = new URL(href);
    ok = ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol);
  } catch {
    ok = false;
  }
  if (!ok) return h('span', {}, text);
  const a = h('a', {}, text);
  a.href = href;
  if (href.startsWith('http')) {
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
  }
  return a;
}

/** Paragraphs (blank lines) and line breaks of a plain-text field, as text nodes. */
export function paragraphs(text: string): HTMLElement[] {
  return text.split(/\n\s*\n/).map((p) => {
    const lines = p.split('\n');
    // Each paragraph takes the direction of its own first letter, as a member typed it.
    const el = h('p', { dir: 'auto' });
    lines.forEach((line, i) => {
      if (i) el.append(h('br'));
      el.append(document.createTextNode(line));
    });
    return el;
  });
}

/**
 * Texts from the data set side by side (a list of target groups, a filter's option): each is
 * isolated, so a right-to-left name, or an RTL override (U+202E) typed into one of them, stays
 * inside it and cannot reorder its neighbours or the words around it.
 */
export function isolate(text: string): string {
  // Only where it matters (right-to-left letters, bidi controls), so plain text copies plainly.
  return RTL_OR_CONTROL.test(text) ? `\u2068${text}\u2069` : text;
}
/**
 * The direction of a text as dir="auto" finds it: that of its first strong letter (bidi
 * controls, digits, punctuation and emoji have none), right to left for Hebrew, Arabic, Syriac,
 * Thaana, N'Ko and the like; null when it has no letter. For what the page draws on a canvas.
 */
export function textDirection(text: string): 'rtl' | 'ltr' | null {
  const first = STRONG.exec(text);
  return first ? (RTL_LETTER.test(first[0]) ? 'rtl' : 'ltr') : null;
}
const RTL_LETTER = /^(?:[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]|\ud802[\udc00-\udfff]|\ud803[\udc00-\ude7f]|\ud83a[\udc00-\udfff]|\ud83b[\udc00-\udeff])$/;
const STRONG = /\p{L}/u;
const RTL_OR_CONTROL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]|\ud802[\udc00-\udfff]|\ud83a[\udc00-\udfff]/;

/** Values from the data joined by `separator`, each in its own <bdi> (see isolate). */
export function joined(values: string[], separator = ', '): Child[] {
  return values.flatMap((value, i) => [i ? separator : null, h('bdi', {}, value)]);
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}
