import type { MapActorNode } from '../../src/export/map-types.js';
import { fold } from './text.js';

export interface Peer {
  actor: MapActorNode;
  categories: string[];
  beneficiaries: string[];
}

/**
 * Organisations a member could learn from or work with: those sharing at least one skills
 * category and at least one target group. An actor that named no target group is matched on
 * categories alone (`byCategoryOnly`). Most shared first, then best score, then name.
 */
export function peersOf(actor: MapActorNode, candidates: Iterable<MapActorNode>): { peers: Peer[]; byCategoryOnly: boolean } {
  const groups = new Map(actor.beneficiaries.map((b) => [fold(b), b]));
  const byCategoryOnly = groups.size === 0;
  const peers: Peer[] = [];
  for (const other of candidates) {
    if (other.id === actor.id) continue;
    const categories = other.categories.filter((c) => actor.categories.includes(c));
    if (!categories.length) continue;
    const theirs = new Set(other.beneficiaries.map(fold));
    const beneficiaries = [...groups].filter(([key]) => theirs.has(key)).map(([, spelling]) => spelling);
    if (!byCategoryOnly && !beneficiaries.length) continue;
    peers.push({ actor: other, categories, beneficiaries });
  }
  peers.sort((a, b) =>
    b.categories.length + b.beneficiaries.length - (a.categories.length + a.beneficiaries.length) ||
    (b.actor.score ?? -1e9) - (a.actor.score ?? -1e9) ||
    a.actor.label.localeCompare(b.actor.label));
  return { peers, byCategoryOnly };
}
