/**
 * Files outside the database: how skillsnet reads its inputs (input.ts: pipes and stdin copied
 * once, devices refused) and writes its outputs.
 *
 * The one way skillsnet writes what it produces — exports, backups, saved mappings, anything on
 * stdout — so that no output is ever half-written, silently truncated, world-readable or written
 * over a device. Commands that write a file use it like this:
 *
 *   import { writeFileAtomic } from '../files/index.js';
 *   writeFileAtomic(path, text, { force: flags.force });            // one file
 *   writeFilesAtomic([{ path: a, data }, { path: b, data }], { force }); // files that belong together
 *
 *   const pending = openPendingFile(path, { force });               // streamed: chunk by chunk
 *   try { for (const chunk of chunks) pending.write(chunk); pending.commit(); }
 *   catch (e) { pending.abort(); throw e; }
 *
 * What every call guarantees: the destination is a new path or (with force) an existing regular
 * file, never a device, FIFO, socket or folder; the file is born 0600 and its folder, when
 * created, 0700; every byte is checked as written, the file and its folder are synced, and the
 * file is renamed into place; on any failure the temporary file is removed, the earlier file is
 * kept, and the error is an OperationError (exit 1) saying what happened and what to do
 * ("cannot write contacts.csv: the disk is full (ENOSPC); the earlier contacts.csv was kept as
 * it was"). Expected faults met elsewhere (reading, SQLite) turn into the same words through
 * faultError(e, { action: 'read call.csv' }).
 *
 * stdout: commands write their data to `io.stdout`, which the CLI makes a CheckedOutput on
 * file descriptor 1: synchronous, checked (a full disk is exit 1), a closed pipe ends the command
 * quietly with exit 0 (OutputClosedError). Before personal data goes there, call
 * `personalOutput(io)` (ui/io.ts) so a file the shell just created for it is made 0600.
 */
export { writeAllSync, openPendingFile, writeFileAtomic, writeFilesAtomic, type PendingFile, type WriteOptions } from './write.js';
export { asNamed, MAX_PIPED_INPUT_BYTES, openInput, readFailure, readSmallInput, type InputFile } from './input.js';
export { checkTarget, kindOf, makePrivateFolder, makePrivateTempFolder, syncFolder, type TargetState } from './target.js';
export { faultError, faultMessage, faultOf, isClosedPipe, type Fault, type FaultContext } from './faults.js';
export { CheckedOutput } from './stdout.js';
