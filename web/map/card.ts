import type { MapActorNode, MapContextNode } from '../../src/export/map-types.js';
import { h, isolate, joined, paragraphs, safeLink, type Child } from './dom.js';
import { swatch } from './legend.js';
import type { Peer } from './peers.js';
import type { Text } from './text.js';

/**
 * The card of a node. Every value from the data goes in as text. Emails and phones are shown
 * only when the file holds them (exported --with-contact-details, with consent).
 */

export interface CardActions {
  close(): void;
  togglePeers(): void;
  open(id: string): void;
}

function row(term: string, ...values: Child[]): HTMLElement[] {
  const shown = values.filter((v) => v !== null && v !== undefined && v !== false && v !== '');
  if (!shown.length) return [];
  return [h('dt', {}, term), h('dd', {}, ...shown)];
}

function list(items: Child[]): HTMLElement | null {
  return items.length ? h('ul', { class: 'plain' }, ...items.map((i) => h('li', {}, i))) : null;
}

export function actorCard(actor: MapActorNode, text: Text, peers: { peers: Peer[]; byCategoryOnly: boolean } | null, degree: number, actions: CardActions): HTMLElement {
  const { t, label, terms, number } = text;
  const country = actor.countryCode ? label('countries', actor.countryCode) : actor.country;
  const close = h('button', { type: 'button', class: 'close', 'aria-label': t('close'), title: t('close') }, '×');
  close.addEventListener('click', actions.close);

  const projects = actor.projects.map((p) =>
    h('section', { class: 'project' },
      p.title ? h('h3', { dir: 'auto' }, p.title) : null,
      ...(p.description ? paragraphs(p.description) : []),
      p.call ? h('p', { class: 'muted' }, t('cardCall', { call: p.call })) : null));

  const emails = actor.emails ?? [];
  const phones = actor.phones ?? [];
  const peerButton = h('button', { type: 'button', class: 'peers-button', 'aria-pressed': peers ? 'true' : 'false' }, peers ? t('hidePeers') : t('showPeers'));
  peerButton.addEventListener('click', actions.togglePeers);

  const card = h('article', { class: 'card', 'data-id': actor.id },
    close,
    h('p', { class: 'kind' }, label('kinds', actor.kind), actor.coreGroup ? h('span', { class: 'badge' }, t('coreGroup')) : null),
    h('h2', { tabindex: '-1', dir: 'auto' }, actor.label),
    h('dl', {},
      ...row(t('cardCountry'), country ?? t('unknown')),
      ...row(t('cardRegion'), actor.region ? label('regions', actor.region) : t('unknown')),
      ...row(t('cardLanguage'), actor.language ? label('languages', actor.language) : null),
      ...row(t('cardType'), ...joined(actor.organizationTypes)),
      ...row(t('cardCategories'), list(actor.categories.map((c) => h('span', {}, swatch(terms.categories.get(c)?.color ?? '#9e9e9e'), label('categories', c))))),
      ...row(t('cardBeneficiaries'), ...joined(actor.beneficiaries)),
      ...row(t('cardRoles'), actor.roles.map((r) => label('roles', r)).join(', ')),
      ...row(t('cardScore'), actor.score === null ? null : number.format(actor.score)),
      ...row(t('cardConnections'), number.format(degree)),
      ...row(t('cardContact'), ...joined(actor.contactNames)),
      ...row(t('cardEmail'), list(emails.map((e) => safeLink(`mailto:${e}`, e)))),
      ...row(t('cardPhone'), list(phones.map((p) => safeLink(`tel:${p.replace(/[^\d+]/g, '')}`, p)))),
      ...row(t('cardWebsite'), actor.url ? h('bdi', {}, safeLink(actor.url, actor.url)) : null)),
    projects.length ? h('h3', { class: 'section' }, t('cardProjects')) : null,
    ...projects,
    peerButton,
    peers ? peerList(actor, peers, text, actions) : null);
  return card;
}

function peerList(actor: MapActorNode, result: { peers: Peer[]; byCategoryOnly: boolean }, text: Text, actions: CardActions): HTMLElement {
  const { t, label } = text;
  if (!result.peers.length) return h('p', { class: 'peers muted' }, t('noPeers'));
  const shown = result.peers.slice(0, 50);
  return h('section', { class: 'peers' },
    h('h3', {}, t(result.byCategoryOnly ? 'peersTitleCategories' : 'peersTitle', { count: result.peers.length })),
    h('ol', {}, ...shown.map((p) => {
      const b = h('button', { type: 'button', class: 'link', dir: 'auto' }, p.actor.label);
      b.addEventListener('click', () => actions.open(p.actor.id));
      const what = [...p.categories.map((c) => label('categories', c)), ...p.beneficiaries].map(isolate).join(', ');
      return h('li', {}, b, h('span', { class: 'muted' }, ` — ${t('peerShares', { what })}`));
    })),
    result.peers.length > shown.length ? h('p', { class: 'muted' }, `… +${result.peers.length - shown.length}`) : null);
}

export function contextCard(node: MapContextNode, text: Text, actorsLinked: number, close: () => void): HTMLElement {
  const { t, label, terms } = text;
  const button = h('button', { type: 'button', class: 'close', 'aria-label': t('close'), title: t('close') }, '×');
  button.addEventListener('click', close);
  const name = node.kind === 'region' ? label('regions', node.key) : node.kind === 'category' ? label('categories', node.key) : node.label;
  return h('article', { class: 'card', 'data-id': node.id },
    button,
    h('p', { class: 'kind' }, label('kinds', node.kind)),
    h('h2', { tabindex: '-1', dir: 'auto' }, name),
    h('p', { dir: 'auto' }, (node.kind === 'category' ? terms.categories.get(node.key)?.detail : null) ?? node.detail),
    h('p', { class: 'muted' }, t('cardOrganisations', { count: actorsLinked })));
}
