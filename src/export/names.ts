/** Names for contact lists: the rule lives in geo/names.ts (shared with the events' invitation sheet). */
export { contactName, splitName, type ContactName, type NameContext, type NameParts, type PersonName } from '../geo/names.js';
