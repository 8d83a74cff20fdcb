/**
 * A second thread for a large delimited file (row-worker.ts reads and prepares its rows while
 * this thread writes them): when to use it, where its script is, and the writing side.
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { InterruptedError, OperationError } from '../errors.js';
import type { Layout } from './layout.js';
import type { PreparedRow, PreparedSummary } from './prepare-row.js';
import type { CsvSettings } from './readers.js';
import type { RowWriter } from './row-writer.js';

/**
 * Rows per message. A batch's rows live as objects on each thread, from the first row prepared
 * to the batch's sending, and from its arrival to the last row written: 500 of them outlived
 * the young generation's collections and were copied into the old one, which V8 then swept
 * every 0.3 s. At 50, the collector's helper threads use about half the processor time (0.9–1.1 s
 * instead of 1.7–1.9 s of a 100,000-row import, bench/RESULTS.md).
 */
export const BATCH_ROWS = 50;
/** Batches the writer may be behind before the reader waits (4,000 rows, serialized, as before batches were made smaller). */
export const MAX_IN_FLIGHT = 80;
/**
 * A reader waiting for the writer is woken when the writer is this many batches behind, not at
 * every batch written: it then prepares a run of batches instead of one at a time.
 */
export const RESUME_IN_FLIGHT = MAX_IN_FLIGHT / 2;

/**
 * Files at least this large are read and prepared on another thread while this one writes:
 * below it, starting the thread costs more than it saves.
 */
export const WORKER_MIN_BYTES = 2 * 1024 * 1024;

/**
 * Beyond this size one thread reads and writes: a second thread's heap is the price of its
 * speed, and a file of millions of rows is imported in flat memory instead.
 */
export const WORKER_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Whether a second thread prepares the rows: for a file of WORKER_MIN_BYTES to WORKER_MAX_BYTES,
 * on a machine of two processors or more, however busy. (The load average once decided it, but
 * it still counts a command that has just ended, and two threads win even when every processor
 * is taken: the system shares the processors out by thread. Measured on two processors kept
 * busy by two other programs, 100,000 rows took 22 and 26 s on two threads, 29 and 33 s on one.)
 */
export function useWorker(threads: 'auto' | 'always' | 'never', size: number, processors = os.availableParallelism()): boolean {
  if (threads !== 'auto') return threads === 'always';
  if (size < WORKER_MIN_BYTES || size > WORKER_MAX_BYTES) return false;
  return processors >= 2;
}

/** The worker's script beside this module, when it is there (the compiled package; not the TypeScript sources tests run). */
export function workerScript(): URL | null {
  const url = new URL('./row-worker.js', import.meta.url);
  return fs.existsSync(fileURLToPath(url)) ? url : null;
}

/**
 * Writes the rows another thread reads and prepares (row-worker.ts), batch by batch, telling it
 * how far the writing has come so it never runs far ahead.
 */
export async function writeFromWorker(
  script: URL,
  file: string,
  csv: CsvSettings,
  layout: Layout,
  batchId: number,
  rejectRefColumn: number,
  replacedBytes: boolean,
  writer: RowWriter,
  progress: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<PreparedSummary> {
  const { MessageChannel, Worker, receiveMessageOnPort } = await import('node:worker_threads');
  const flow = new SharedArrayBuffer(8);
  const counters = new Int32Array(flow);
  const channel = new MessageChannel();
  const input = { file, csv, layout: { skip: layout.skip, headers: layout.headers, mapping: layout.mapping, dateOrderHint: layout.dateOrderHint }, batchId, rejectRefColumn, replacedBytes, flow, rows: channel.port2 };
  // a small young generation: the worker's rows are short-lived, and its heap adds to the import's memory
  const worker = new Worker(script, { workerData: input, transferList: [channel.port2], resourceLimits: { maxYoungGenerationSizeMb: 16 } });
  let onAbort = () => {};
  try {
    return await new Promise<PreparedSummary>((resolve, reject) => {
      // Batches are written one per turn of the event loop, not as they arrive: Node hands a
      // thread every message already waiting (up to a thousand) before anything else runs, and
      // the worker keeps some waiting, so Ctrl-C waited for the whole file (60,000 rows). Each
      // batch waits in its own channel, serialized, until it is written (as objects in this
      // thread's heap, eight waiting batches outlived the young generation: 540 MB at the peak
      // of 100,000 rows instead of 390).
      let arrived = 0;
      let written = 0;
      let summary: PreparedSummary | null = null;
      let scheduled = false;
      let stopped = false;
      const fail = (e: unknown) => {
        stopped = true;
        reject(e);
      };
      onAbort = () => fail(new InterruptedError());
      const writeNext = () => {
        scheduled = false;
        if (stopped) return;
        if (written < arrived) {
          try {
            const next = receiveMessageOnPort(channel.port1)?.message as { rows: PreparedRow[]; bytes?: number } | undefined;
            if (!next) throw new Error('a batch the import thread announced is missing');
            for (const row of next.rows) writer.write(row);
            written++;
            // (Atomics.add returns the count before this batch)
            if (Atomics.load(counters, 0) - Atomics.add(counters, 1, 1) - 1 <= RESUME_IN_FLIGHT) Atomics.notify(counters, 1);
            if (next.bytes) progress(next.bytes);
          } catch (e) {
            fail(e);
            return;
          }
        }
        if (written < arrived) schedule();
        else if (summary) resolve(summary);
      };
      const schedule = () => {
        if (scheduled || stopped) return;
        scheduled = true;
        setImmediate(writeNext);
      };
      if (signal?.aborted) {
        fail(new InterruptedError());
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('message', (m: 'batch' | { summary?: PreparedSummary; error?: { message: string; hint?: string; unexpected?: boolean } }) => {
        // (the summary comes after the last batch's word: every batch has arrived by then)
        if (m === 'batch') arrived++;
        else if (m.summary) summary = m.summary;
        else if (m.error) {
          fail(m.error.unexpected ? new Error(m.error.message) : new OperationError(m.error.message, { hint: m.error.hint }));
          return;
        }
        schedule();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        // (its work done, the thread ends while the last batches may still wait here)
        if (code !== 0 || summary === null) fail(new Error(`the import thread stopped (exit ${code})`));
      });
    });
  } finally {
    // (the signal is the process's: a listener left on it would keep this file's rows alive)
    signal?.removeEventListener('abort', onAbort);
    channel.port1.close();
    await worker.terminate();
  }
}
