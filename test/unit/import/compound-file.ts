/**
 * A minimal Office compound file (CFB, version 3: 512-byte sectors), as Excel writes an old .xls
 * or an .xlsx saved with a password: a header, the FAT sectors, the directory, then each stream's
 * bytes in sectors of their own. Enough for a reader that lists the streams; the streams hold
 * what the test gives them (random bytes stand for an encrypted package).
 */
const END = 0xfffffffe;
const FREE = 0xffffffff;

export function compoundFile(streams: Record<string, Buffer>, directoryFirst = true): Buffer {
  const names = Object.keys(streams);
  const dirSectors = Math.ceil((1 + names.length) / 4);
  const dataSectors = names.map((n) => Math.ceil(streams[n]!.length / 512));
  const dataTotal = dataSectors.reduce((a, b) => a + b, 0);
  // FAT sectors first (each maps 128 sectors, itself included)
  let fatCount = 1;
  while (fatCount * 128 < fatCount + dirSectors + dataTotal) fatCount++;
  if (fatCount > 109) throw new Error('too large for the FAT list of the header');
  const fat = Buffer.alloc(fatCount * 512, 0xff);
  for (let i = 0; i < fatCount; i++) fat.writeUInt32LE(0xfffffffd, i * 4);
  // the directory first (as Excel) or after the data (as some writers)
  const dirStart = directoryFirst ? fatCount : fatCount + dataTotal;
  let next = directoryFirst ? fatCount + dirSectors : fatCount;
  const chain = (start: number, count: number) => {
    for (let i = 0; i < count; i++) fat.writeUInt32LE(i === count - 1 ? END : start + i + 1, (start + i) * 4);
  };
  chain(dirStart, dirSectors);
  const starts = dataSectors.map((count) => {
    const start = count ? next : END;
    if (count) chain(next, count);
    next += count;
    return start;
  });
  const header = Buffer.alloc(512);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(fatCount, 0x2c);
  header.writeUInt32LE(dirStart, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END, 0x3c);
  header.writeUInt32LE(END, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatCount ? i : FREE, 0x4c + i * 4);
  const dir = Buffer.alloc(dirSectors * 512);
  const entry = (i: number, name: string, type: number, start: number, size: number, child = FREE, right = FREE) => {
    const at = i * 128;
    dir.write(name, at, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, at + 64);
    dir[at + 66] = type;
    dir[at + 67] = 1;
    dir.writeUInt32LE(FREE, at + 68);
    dir.writeUInt32LE(right, at + 72);
    dir.writeUInt32LE(child, at + 76);
    dir.writeUInt32LE(start, at + 116);
    dir.writeUInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, END, 0, names.length ? 1 : FREE);
  names.forEach((n, i) => entry(i + 1, n, 2, starts[i]!, streams[n]!.length, FREE, i + 2 <= names.length ? i + 2 : FREE));
  const data = names.map((n, i) => {
    const b = Buffer.alloc(dataSectors[i]! * 512);
    streams[n]!.copy(b);
    return b;
  });
  return Buffer.concat(directoryFirst ? [header, fat, dir, ...data] : [header, fat, ...data, dir]);
}
