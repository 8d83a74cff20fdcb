import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepTypedKeys, replayTypedKeys, typedKeysKept } from '../../../src/ui/typeahead.js';

/** A terminal's input as keepTypedKeys sees it: raw mode, paused or flowing. */
function fakeTerminal() {
  const t = Object.assign(new EventEmitter(), {
    isTTY: true, isRaw: false, paused: true,
    setRawMode(on: boolean) { t.isRaw = on; return t; },
    resume() { t.paused = false; return t; },
    pause() { t.paused = true; return t; },
    isPaused() { return t.paused; },
  });
  return t;
}

afterEach(() => vi.restoreAllMocks());

describe('keys typed while a command waits between questions', () => {
  it('are read in raw mode, kept, and given to the next question after its first turn', async () => {
    const terminal = fakeTerminal();
    const stop = keepTypedKeys(terminal as never);
    expect([terminal.isRaw, terminal.paused]).toEqual([true, false]);
    terminal.emit('data', Buffer.from('\x1b[B\x1b[B'));
    terminal.emit('data', Buffer.from('\r'));
    stop();
    expect([terminal.isRaw, terminal.paused]).toEqual([false, true]);
    expect(typedKeysKept()).toBe(7);

    const question = new EventEmitter();
    const got: string[] = [];
    question.on('data', (b: Buffer) => got.push(b.toString()));
    replayTypedKeys(question);
    // (not at once: the question drops what comes before it listens)
    expect(got).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(got.join('')).toBe('\x1b[B\x1b[B\r');
    expect(typedKeysKept()).toBe(0);
  });

  it('turn Ctrl-C back into SIGINT (raw mode makes it a byte), keeping the keys before it', () => {
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    const terminal = fakeTerminal();
    const stop = keepTypedKeys(terminal as never);
    terminal.emit('data', Buffer.from('a\x03'));
    stop();
    expect(kill).toHaveBeenCalledWith(process.pid, 'SIGINT');
    expect(typedKeysKept()).toBe(1);
    replayTypedKeys(new EventEmitter());
  });

  it('keep nothing off a terminal', () => {
    const terminal = Object.assign(fakeTerminal(), { isTTY: false });
    keepTypedKeys(terminal as never)();
    expect([terminal.isRaw, terminal.paused]).toEqual([false, true]);
  });
});
