/**
 * Another thread for a large delimited file: it reads the file and prepares its rows
 * (prepare-row.ts: normalised, hashed, keyed) while the importer's thread writes the rows it
 * has already sent. The two go at the same pace: the worker waits when the writer is
 * MAX_IN_FLIGHT batches behind, so memory stays flat whatever the size of the file.
 *
 * Each batch goes to `rows` ({ rows, bytes }), and a 'batch' to the importer's port says it is
 * there: the importer takes it when it is ready to write it, so a batch waits serialized instead
 * of as objects in the importer's heap. Then { summary } at the end, or { error } when the file
 * cannot be read (an OperationError's message and hint).
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { CliError } from '../errors.js';
import { RowPreparer, type PreparedRow, type PrepareLayout } from './prepare-row.js';
import { readCsvFile, type CsvSettings } from './readers.js';
import { BATCH_ROWS, MAX_IN_FLIGHT } from './threads.js';

export interface WorkerInput {
  file: string;
  csv: CsvSettings;
  layout: PrepareLayout;
  batchId: number;
  rejectRefColumn: number;
  /** whether a "\uFFFD" in a row is a byte the decoding replaced (RowPreparer) */
  replacedBytes: boolean;
  /** Int32Array over a SharedArrayBuffer: [0] batches sent, [1] batches written */
  flow: SharedArrayBuffer;
  /** where the batches go (the importer reads them with receiveMessageOnPort) */
  rows: MessagePort;
}

async function run(input: WorkerInput): Promise<void> {
  const port = parentPort!;
  const flow = new Int32Array(input.flow);
  const preparer = new RowPreparer(input.layout, input.batchId, { rejectRefColumn: input.rejectRefColumn, replacedBytes: input.replacedBytes });
  let batch: PreparedRow[] = [];
  let bytes = 0;
  const send = () => {
    if (!batch.length) return;
    for (;;) {
      const written = Atomics.load(flow, 1);
      if (Atomics.load(flow, 0) - written < MAX_IN_FLIGHT) break;
      Atomics.wait(flow, 1, written, 1000);
    }
    input.rows.postMessage({ rows: batch, bytes });
    port.postMessage('batch');
    Atomics.add(flow, 0, 1);
    batch = [];
  };
  await readCsvFile(
    input.file,
    input.csv,
    (cells) => {
      const row = preparer.prepare(cells);
      if (!row) return;
      batch.push(row);
      if (batch.length >= BATCH_ROWS) send();
    },
    (b) => (bytes = b),
  );
  send();
  port.postMessage({ summary: preparer.summary(), bytes });
}

if (parentPort && workerData) {
  run(workerData as WorkerInput).catch((e: unknown) => {
    const error = e instanceof CliError ? { message: e.message, hint: e.hint } : { message: (e as Error)?.message ?? String(e), unexpected: true };
    parentPort!.postMessage({ error });
  });
}
