/**
 * What a failed import had recognised, carried on the error itself: for each file read so far,
 * the columns each field was taken from and the columns no field took. `import --json` prints
 * it with the error (CONTRACT: "Failed imports under --json"), so a script sees what was found.
 */

/** One file's columns, headers written in full as in the file. */
export interface FileColumns {
  file: string;
  columns: Record<string, string[]>;
  unmappedColumns: string[];
}

const FILES = Symbol('skillsnet.importFiles');

/** The files an import had read when it failed, with their columns (empty when none). */
export function filesOfFailure(e: unknown): FileColumns[] {
  if (!e || typeof e !== 'object') return [];
  return (e as { [FILES]?: FileColumns[] })[FILES] ?? [];
}

/** The error, carrying these files. */
export function withFiles<E>(e: E, files: FileColumns[]): E {
  if (e && typeof e === 'object') Object.defineProperty(e, FILES, { value: files, configurable: true, enumerable: false });
  return e;
}
