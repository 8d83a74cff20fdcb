/**
 * Which standard streams were terminals at start, and whether one of them is a terminal gone: its
 * window closed or its SSH session dropped. The one test for the three places that ask (signals.ts:
 * an uncaught EIO and the streams released on the way out; stdout.ts: a report written to it).
 */
import fs from 'node:fs';
import tty from 'node:tty';

/** Each descriptor that was a terminal when first seen, and which terminal (device and inode). */
const terminals = new Map<number, { dev: number; ino: number } | undefined>();

/** Notes `fd` if it is a terminal now (the first time asked: a later call keeps what was seen). */
export function rememberTerminal(fd: number): void {
  if (terminals.has(fd) || !tty.isatty(fd)) return;
  try {
    const { dev, ino } = fs.fstatSync(fd);
    terminals.set(fd, { dev, ino });
  } catch {
    // (a terminal not known again: never taken for a gone one)
    terminals.set(fd, undefined);
  }
}

/** The descriptors noted as terminals. */
export function rememberedTerminals(): number[] {
  return [...terminals.keys()];
}

/**
 * A descriptor that was a terminal when noted and is still that terminal, closed: it answers isatty
 * no. (One closed and reused for a file answers no as well, but its terminal did not go: an EIO
 * writing that file is the disk's, and the file is not to be closed on the way out.)
 */
export function isGoneTerminal(fd: number): boolean {
  const was = terminals.get(fd);
  if (!was || tty.isatty(fd)) return false;
  try {
    const now = fs.fstatSync(fd);
    return now.dev === was.dev && now.ino === was.ino;
  } catch {
    return false;
  }
}
