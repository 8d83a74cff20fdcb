import type { MapActorNode, MapPage } from '../../src/export/map-types.js';
import { h } from './dom.js';
import type { FilterName, FilterState } from './filters.js';
import { LEGEND_FILTER, type ColourBy, type SizeBy } from './panel.js';
import type { Text } from './text.js';

export interface LegendInput {
  page: MapPage;
  text: Text;
  actors: MapActorNode[];
  visible: Set<string>;
  colourBy: ColourBy;
  sizeBy: SizeBy;
  filters: FilterState;
  colours: { none: string; edges: Record<string, string>; event?: string };
  /** Hub connections are drawn for the selected dot only (a large map). */
  hubsOnSelection?: boolean;
  /** A legend entry was clicked: filter on its value (again: drop the filter). */
  pick(name: FilterName, value: string): void;
}

export function swatch(color: string, className = 'swatch'): HTMLElement {
  const s = h('span', { class: className, 'aria-hidden': 'true' });
  s.style.background = color;
  return s;
}

/** What the colours, the ring, the sizes and the lines mean, with counts shown / all per colour. */
export function legend(input: LegendInput): HTMLElement[] {
  const { page, text, actors, visible, colourBy } = input;
  const { t, label, number } = text;
  const group = colourBy === 'region' ? page.vocabulary.regions : colourBy === 'category' ? page.vocabulary.categories : page.vocabulary.languages;
  const valueOf = (a: MapActorNode) => (colourBy === 'region' ? a.region : colourBy === 'category' ? a.categories[0] : a.language);
  const total = new Map<string, number>();
  const shown = new Map<string, number>();
  let missingTotal = 0;
  let missingShown = 0;
  for (const a of actors) {
    const value = valueOf(a);
    if (!value) { missingTotal++; if (visible.has(a.id)) missingShown++; continue; }
    total.set(value, (total.get(value) ?? 0) + 1);
    if (visible.has(a.id)) shown.set(value, (shown.get(value) ?? 0) + 1);
  }
  const count = (s: number, all: number) => h('span', { class: 'legend-count' }, `${number.format(s)} / ${number.format(all)}`);
  const filter = LEGEND_FILTER[colourBy];
  const items = group.filter((term) => total.has(term.value)).map((term) => {
    const button = h('button', { type: 'button', class: 'legend-item', 'aria-pressed': input.filters[filter] === term.value ? 'true' : 'false' },
      swatch(term.color ?? input.colours.none), h('span', { class: 'legend-label' }, term.label), count(shown.get(term.value) ?? 0, total.get(term.value) ?? 0));
    button.addEventListener('click', () => input.pick(filter, term.value));
    return h('li', {}, button);
  });
  if (missingTotal) {
    items.push(h('li', {}, h('span', { class: 'legend-item' }, swatch(input.colours.none), h('span', { class: 'legend-label' }, t('unknown')), count(missingShown, missingTotal))));
  }
  if (actors.some((a) => a.coreGroup)) {
    items.push(h('li', {}, h('span', { class: 'legend-item' }, swatch('#ffffff', 'swatch ring'), h('span', { class: 'legend-label' }, t('legendCoreGroup')))));
  }
  if (input.colours.event && page.nodes.some((n) => n.kind === 'event')) {
    items.push(h('li', {}, h('span', { class: 'legend-item' }, swatch(input.colours.event), h('span', { class: 'legend-label' }, label('kinds', 'event')))));
  }
  const edgeKinds = ['works-on', 'based-in', 'serves', 'peer', 'attended', 'member-of'].filter((k) => page.edges.some((e) => e.kind === k));
  const parts: (HTMLElement | null)[] = [
    h('ul', { class: 'plain' }, ...items),
    // (the colon is the language's: "Taille selon : Note")
    h('p', { class: 'muted' }, t('sizeByLegend', { what: input.sizeBy === 'score' ? t('byScore') : t('byDegree') })),
    h('ul', { class: 'plain edges' }, ...edgeKinds.map((k) => h('li', {}, swatch(input.colours.edges[k] ?? input.colours.none, 'edge-swatch'), label('edgeKinds', k)))),
    input.hubsOnSelection ? h('p', { id: 'hub-edges-note', class: 'muted' }, t('hubEdgesOnSelection')) : null,
  ];
  return parts.filter((el): el is HTMLElement => el !== null);
}
