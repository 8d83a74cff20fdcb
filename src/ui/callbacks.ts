import type { Callbacks } from '../reporting.js';
import { info, warn, type IO } from './io.js';
import { progressBars } from './progress.js';

/**
 * The library's callbacks rendered on a terminal: status lines and warnings on stderr (status
 * silenced by --quiet, warnings never), progress as bars.
 */
export function callbacksFor(io: IO, options: { minProgressTotal?: number } = {}): Required<Pick<Callbacks, 'onStatus' | 'onWarning'>> & Callbacks {
  return {
    onStatus: (message) => info(io, message),
    onWarning: (w) => warn(io, w.message),
    onProgress: progressBars(io, { minTotal: options.minProgressTotal }),
  };
}
