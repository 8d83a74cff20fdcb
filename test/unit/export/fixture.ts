import { openDatabase } from '../../../src/db/connection.js';
import { insertApplication, setCategories } from '../../../src/db/applications.js';
import { buildExportCall } from '../../fixtures/export-call.js';
import { tempDir } from '../support/run.js';

export { FORMULA_NAMES } from '../../fixtures/export-call.js';

/** The export tests' call (test/fixtures/export-call.ts) in a fresh folder, written with src/. */
export function exportFixture(): { dbPath: string; dir: string; ids: Record<string, number> } {
  return buildExportCall({ openDatabase, insertApplication, setCategories }, tempDir('skillsnet-export-'));
}
