import type { MapActorNode, MapPage } from '../../src/export/map-types.js';
import { clear, h, isolate } from './dom.js';
import { FILTERS, filterOptions, type FilterName, type FilterState } from './filters.js';
import { fold, type Text } from './text.js';

/** How many names the search suggests as one types. */
const SUGGESTIONS = 30;

export type ColourBy = 'region' | 'category' | 'language';
export type SizeBy = 'score' | 'degree';

export interface PanelEvents {
  filter(name: FilterName, value: string): void;
  /** pick: open the first match's card; fromKeyboard: and take the focus there (Enter). */
  search(text: string, pick: boolean, fromKeyboard?: boolean): void;
  clearFilters(): void;
  colourBy(mode: ColourBy): void;
  sizeBy(mode: SizeBy): void;
  showContext(on: boolean): void;
}

/** Legend groups by colour mode: the filter a legend entry sets when clicked. */
export const LEGEND_FILTER: Record<ColourBy, FilterName> = { region: 'region', category: 'category', language: 'language' };

function labelled(id: string, text: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, text), control);
}

/** The side panel: search, view options, filters and the legend's place. */
export function buildPanel(page: MapPage, actors: MapActorNode[], text: Text, events: PanelEvents) {
  const { t, label } = text;

  const search = h('input', { id: 'search', type: 'search', dir: 'auto', placeholder: t('searchPlaceholder'), 'aria-describedby': 'search-count' });
  search.setAttribute('list', 'search-names');
  search.autocomplete = 'off';
  // The suggestions are the first names that hold what was typed, not every name: a list of
  // 13,000 options took longer to build at load and to match at each key than the search itself.
  const names = h('datalist', { id: 'search-names' });
  const labels = new Set(actors.map((a) => a.label));
  const sortedNames = [...labels].sort().map((name) => ({ name, key: fold(name) }));
  let suggested = '';
  const suggest = (query: string) => {
    const wanted = fold(query.trim());
    if (wanted === suggested) return;
    suggested = wanted;
    const found: string[] = [];
    if (wanted) for (const n of sortedNames) { if (n.key.includes(wanted) && found.push(n.name) >= SUGGESTIONS) break; }
    clear(names);
    names.append(...found.map((name) => h('option', { value: name })));
  };
  const searchCount = h('p', { id: 'search-count', class: 'muted', 'aria-live': 'polite' });
  let timer: number | undefined;
  search.addEventListener('input', () => {
    window.clearTimeout(timer);
    suggest(search.value);
    // A name picked from the suggestions (or typed in full) opens its card at once; other
    // typing filters, in a big network after a pause.
    if (labels.has(search.value)) events.search(search.value, true);
    else timer = window.setTimeout(() => events.search(search.value, false), actors.length > 1500 ? 150 : 0);
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      window.clearTimeout(timer);
      events.search(search.value, true, true);
    }
  });

  const option = (value: string, textContent: string) => h('option', { value }, textContent);
  const colour = h('select', { id: 'colour-by', name: 'colourBy' },
    option('region', t('byRegion')), option('category', t('byCategory')), option('language', t('byLanguage')));
  colour.addEventListener('change', () => events.colourBy(colour.value as ColourBy));
  const size = h('select', { id: 'size-by', name: 'sizeBy' }, option('score', t('byScore')), option('degree', t('byDegree')));
  size.addEventListener('change', () => events.sizeBy(size.value as SizeBy));
  const context = h('input', { id: 'show-context', type: 'checkbox' });
  context.checked = true;
  context.addEventListener('change', () => events.showContext(context.checked));

  const selects = new Map<FilterName, HTMLSelectElement>();
  const filterFields: HTMLElement[] = [];
  for (const { name, text: key } of FILTERS) {
    const options = filterOptions(actors, name);
    if (name !== 'coreGroup' && options.length === 0) continue;
    const display = (value: string, raw: string) => {
      switch (name) {
        case 'region': return label('regions', value);
        case 'country': return label('countries', value);
        case 'language': return label('languages', value);
        case 'category': return label('categories', value);
        case 'role': return label('roles', value);
        case 'coreGroup': return value === 'yes' ? t('coreOnly') : t('notCore');
        default: return raw;
      }
    };
    const sorted = options
      .map((o) => ({ ...o, text: display(o.value, o.raw) }))
      .sort((a, b) => (name === 'coreGroup' ? b.value.localeCompare(a.value) : a.text.localeCompare(b.text, page.lang)));
    const select = h('select', { id: `filter-${name}`, name },
      option('', t('all')),
      ...sorted.map((o) => option(o.value, `${isolate(o.text)} (${text.number.format(o.count)})`)));
    select.addEventListener('change', () => events.filter(name, select.value));
    selects.set(name, select);
    filterFields.push(labelled(`filter-${name}`, t(key), select));
  }
  const clearButton = h('button', { type: 'button', id: 'clear-filters' }, t('clearFilters'));
  clearButton.addEventListener('click', () => events.clearFilters());

  const legend = h('div', { id: 'legend' });
  const panel = h('aside', { class: 'panel', 'aria-label': t('filters') },
    h('section', {},
      h('label', { for: 'search', class: 'heading' }, t('search')), search, names, searchCount),
    h('section', {},
      h('h2', {}, t('view')),
      labelled('colour-by', t('colourBy'), colour),
      labelled('size-by', t('sizeBy'), size),
      h('div', { class: 'field check' }, context, h('label', { for: 'show-context' }, t('showContext')))),
    h('section', {}, h('h2', {}, t('filters')), ...filterFields, clearButton),
    h('section', { class: 'legend' }, h('h2', {}, t('legend')), legend));

  return {
    panel,
    legend,
    /** Puts the controls back in line with the state (after "clear filters" or a legend click). */
    sync(state: FilterState) {
      for (const [name, select] of selects) select.value = state[name];
      if (search.value !== state.search) search.value = state.search;
    },
    searchCount(count: number | null) {
      clear(searchCount);
      if (count !== null) searchCount.append(t(count === 1 ? 'searchMatches' : 'searchMatchesMany', { count }));
    },
    /** The active filters in words, for the printed page. */
    describe(state: FilterState): string[] {
      const parts: string[] = [];
      for (const [name, select] of selects) {
        if (state[name] === '') continue;
        const chosen = select.selectedOptions[0]?.textContent?.replace(/ \([\d\s.,  ]+\)$/, '') ?? state[name];
        parts.push(`${t(FILTERS.find((f) => f.name === name)!.text)}: ${chosen}`);
      }
      if (state.search) parts.push(`${t('search')}: “${state.search}”`);
      return parts;
    },
  };
}
