import type { ProgressEvent } from '../reporting.js';
import type { IO } from './io.js';

export interface Progress {
  /** Sets the amount done (same unit as total). */
  update(done: number): void;
  stop(): void;
}

const NOOP: Progress = { update() {}, stop() {} };

/**
 * A progress bar on stderr, only when stderr is a terminal and not --quiet.
 * Redraws at most ~10 times a second so it never slows the work it reports on.
 */
export function startProgress(io: IO, label: string, total: number, unit = ''): Progress {
  if (!io.stderrIsTTY || io.quiet || total <= 0) return NOOP;
  let last = 0;
  const width = 30;
  const draw = (done: number) => {
    const ratio = Math.min(1, done / total);
    const filled = Math.round(ratio * width);
    const pct = (ratio * 100).toFixed(0).padStart(3);
    io.stderr.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}% ${unit}`);
  };
  return {
    update(done) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done);
    },
    stop() {
      io.stderr.write('\r\x1b[2K');
    },
  };
}

/**
 * A library function's onProgress drawn as bars on stderr: a bar per label, started by its
 * first event and cleared when it finishes. Undefined when nothing would be drawn (stderr is not
 * a terminal, or --quiet), so the library can skip counting what nobody will see. Steps with
 * fewer than `minTotal` units get no bar: it would only flicker.
 */
export function progressBars(io: IO, options: { minTotal?: number } = {}): ((event: ProgressEvent) => void) | undefined {
  if (!io.stderrIsTTY || io.quiet) return undefined;
  let current: { label: string; bar: Progress } | undefined;
  return (event) => {
    if (current && current.label !== event.label) {
      current.bar.stop();
      current = undefined;
    }
    if (event.finished) {
      current?.bar.stop();
      current = undefined;
      return;
    }
    if (!current) {
      const total = event.total >= (options.minTotal ?? 0) ? event.total : 0;
      current = { label: event.label, bar: startProgress(io, event.label, total, event.unit) };
    }
    current.bar.update(event.done);
  };
}
