import { ELEMENT_TYPES, type Network, type NetworkNode } from './network.js';
import { xmlEscape } from './escape.js';
import { mapInSteps } from '../reporting.js';

/**
 * GraphML with typed attributes, as Gephi, Cytoscape and NetworkX read it. The graph is
 * undirected: NetworkX refuses a file mixing directed and undirected edges, and the links
 * ("works on", "based in", peers) read naturally both ways; the edge attribute `type` says
 * which kind each link is. Multiple values are joined with "|".
 */

type AttrType = 'string' | 'double' | 'boolean' | 'int';
interface Key { id: string; name: string; type: AttrType }

const NODE_KEYS: Key[] = [
  { id: 'label', name: 'label', type: 'string' },
  // Cytoscape labels nodes by "name"; Gephi by "label".
  { id: 'name', name: 'name', type: 'string' },
  { id: 'type', name: 'type', type: 'string' },
  { id: 'country', name: 'country', type: 'string' },
  { id: 'countryCode', name: 'countryCode', type: 'string' },
  { id: 'region', name: 'region', type: 'string' },
  { id: 'language', name: 'language', type: 'string' },
  { id: 'organizationType', name: 'organizationType', type: 'string' },
  { id: 'beneficiaries', name: 'beneficiaries', type: 'string' },
  { id: 'categories', name: 'categories', type: 'string' },
  { id: 'contactPerson', name: 'contactPerson', type: 'string' },
  { id: 'url', name: 'url', type: 'string' },
  { id: 'coreGroup', name: 'coreGroup', type: 'boolean' },
  { id: 'call', name: 'call', type: 'string' },
  { id: 'score', name: 'score', type: 'double' },
  { id: 'applications', name: 'applications', type: 'int' },
  { id: 'roles', name: 'roles', type: 'string' },
  { id: 'status', name: 'status', type: 'string' },
  { id: 'organization', name: 'organization', type: 'string' },
];
const EDGE_KEYS: Key[] = [
  { id: 'edgeType', name: 'type', type: 'string' },
  { id: 'weight', name: 'weight', type: 'double' },
  { id: 'sharedCategories', name: 'sharedCategories', type: 'string' },
];

function nodeData(node: NetworkNode): Record<string, string | number | boolean | null> {
  switch (node.kind) {
    case 'organization':
      return {
        label: node.label, name: node.label, type: ELEMENT_TYPES.organization, country: node.country, countryCode: node.countryCode, region: node.region,
        language: node.language, organizationType: node.organizationTypes.join('|') || null, beneficiaries: node.beneficiaries.join('|') || null,
        categories: node.categories.join('|') || null, contactPerson: node.contactPersons.join('|') || null, url: node.url,
        coreGroup: node.coreGroup, call: node.calls.join('|'), score: node.score, applications: node.applicationIds.length,
        roles: node.roles.join('|') || null, status: node.status,
      };
    case 'person':
      return {
        label: node.label, name: node.label, type: ELEMENT_TYPES.person, country: node.country, countryCode: node.countryCode, region: node.region,
        language: node.language, organization: node.organization, roles: node.roles.join('|') || null, status: node.status,
      };
    case 'category':
      return { label: node.label, name: node.label, type: ELEMENT_TYPES.category };
    case 'region':
      return { label: node.label, name: node.label, type: ELEMENT_TYPES.region, region: node.region };
    case 'target-group':
      return { label: node.label, name: node.label, type: ELEMENT_TYPES.targetGroup };
  }
}

function data(key: string, value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return `      <data key="${key}">${xmlEscape(String(value))}</data>\n`;
}

/** The network as GraphML. */
export function networkGraphml(network: Network): string {
  return graphmlText(network, (items, f) => items.map(f));
}

/** networkGraphml with `pause` called now and then (a network of thousands takes a while): Ctrl-C is answered there. */
export async function networkGraphmlInSteps(network: Network, pause?: () => Promise<void>): Promise<string> {
  const parts: string[][] = [];
  // The same text as networkGraphml: its loops run here, in steps, and are then put in place.
  let k = 0;
  const pieces: { items: readonly unknown[]; f: (x: never) => string }[] = [];
  graphmlText(network, (items, f) => {
    pieces.push({ items, f: f as (x: never) => string });
    return [];
  });
  for (const p of pieces) parts.push(await mapInSteps(p.items as never[], p.f, pause));
  return graphmlText(network, () => parts[k++]!);
}

/** The GraphML text, its two long loops (nodes, edges) run by `each`. */
function graphmlText(network: Network, each: <T>(items: readonly T[], f: (item: T) => string) => string[]): string {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.push('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n');
  out.push('    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n');
  for (const k of NODE_KEYS) out.push(`  <key id="${k.id}" for="node" attr.name="${k.name}" attr.type="${k.type}"/>\n`);
  for (const k of EDGE_KEYS) out.push(`  <key id="${k.id}" for="edge" attr.name="${k.name}" attr.type="${k.type}"/>\n`);
  out.push('  <graph id="skillsnet" edgedefault="undirected">\n');
  const nodes: NetworkNode[] = [...network.organizations, ...network.persons, ...network.categories, ...network.regions, ...network.targetGroups];
  const nodeXml = each(nodes, (node) => {
    let xml = `    <node id="${xmlEscape(node.id)}">\n`;
    for (const [key, value] of Object.entries(nodeData(node))) xml += data(key, typeof value === 'boolean' ? String(value) : value);
    return xml + '    </node>\n';
  });
  for (const n of nodeXml) out.push(n);
  const edgeXml = each(network.links, (link) =>
    `    <edge id="${xmlEscape(link.id)}" source="${xmlEscape(link.from)}" target="${xmlEscape(link.to)}">\n` +
    data('edgeType', link.type) + data('weight', link.strength) + data('sharedCategories', link.shared?.join('|')) + '    </edge>\n');
  for (const e of edgeXml) out.push(e);
  out.push('  </graph>\n</graphml>\n');
  return out.join('');
}
