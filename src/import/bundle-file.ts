/**
 * A bundle file read as a stream of pieces (bundle-pieces.ts), in constant memory whatever its size:
 * a bundle of a million claims is a few hundred MB of JSON, more than V8 can hold as one string.
 *
 * Only the top level is scanned here, byte by byte (strings are skipped with indexOf, which is
 * native); each entry of a list is then handed whole to JSON.parse, which is much faster than a
 * token-by-token streaming parser. A file that is not JSON fails with BundleFileError saying where,
 * in the same words as read-bundle-file.ts for any file small enough to read whole.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import { isListName, type BundlePieces, type ListName, type Piece } from './bundle-pieces.ts';
import { BundleFileError, readBundleFile } from './read-bundle-file.ts';

const CHUNK_BYTES = 8 * 1024 * 1024;
/** Entries handed on at a time: big enough to batch writes, small enough to stay light. */
const PIECE_ENTRIES = 2000;
/** Up to this size a broken file is read whole to say exactly where it breaks (line, column, reason). */
const EXPLAIN_WHOLE_BYTES = 64 * 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

class NotJson extends Error {
  readonly offset: number;
  constructor(offset: number) {
    super(`not JSON at byte ${offset}`);
    this.offset = offset;
  }
}

/** Opens a bundle file for streaming; fails with BundleFileError when it cannot be read. */
export async function bundleFilePieces(file: string): Promise<BundlePieces> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new BundleFileError(`cannot read ${file}: it is a directory`);
  } catch (error) {
    if (error instanceof BundleFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new BundleFileError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  return {
    async *pieces() {
      const handle = await open(file, 'r');
      try {
        yield* scanBundle(new ByteReader(handle));
      } catch (error) {
        if (error instanceof NotJson) throw await explainBrokenFile(file, error.offset);
        throw error;
      } finally {
        await handle.close();
      }
    },
  };
}

/** Bytes of the file with a cursor; `fill` appends the next chunk, keeping what is not consumed yet. */
class ByteReader {
  buf = Buffer.alloc(0);
  pos = 0;
  /** File offset of buf[0]. */
  base = 0;
  eof = false;
  private readonly handle: FileHandle;

  constructor(handle: FileHandle) {
    this.handle = handle;
  }

  async fill(): Promise<boolean> {
    if (this.eof) return false;
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    const { bytesRead } = await this.handle.read(chunk, 0, CHUNK_BYTES, null);
    if (bytesRead === 0) {
      this.eof = true;
      return false;
    }
    const rest = this.buf.subarray(this.pos);
    this.base += this.pos;
    this.buf = rest.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([rest, chunk.subarray(0, bytesRead)]);
    this.pos = 0;
    return true;
  }

  fail(at = this.pos): never {
    throw new NotJson(this.base + at);
  }

  /** The next byte that is not white space, filling as needed; -1 at the end of the file. */
  async peek(): Promise<number> {
    for (;;) {
      const { buf } = this;
      while (this.pos < buf.length) {
        const byte = buf[this.pos]!;
        if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return byte;
        this.pos++;
      }
      if (!(await this.fill())) return -1;
    }
  }

  /** Parses the JSON value at the cursor (after white space) and moves past it. */
  async value(): Promise<unknown> {
    await this.peek();
    for (;;) {
      const end = valueEnd(this.buf, this.pos, this.eof);
      if (end >= 0) {
        const start = this.pos;
        this.pos = end;
        try {
          return JSON.parse(this.buf.toString('utf8', start, end));
        } catch {
          this.fail(start);
        }
      }
      if (end === -2 || !(await this.fill())) this.fail(this.buf.length);
    }
  }
}

async function* scanBundle(reader: ByteReader): AsyncGenerator<Piece> {
  await reader.fill();
  if (reader.buf[0] === 0xef && reader.buf[1] === 0xbb && reader.buf[2] === 0xbf) reader.pos = 3;
  if ((await reader.peek()) !== 0x7b) {
    yield { kind: 'whole', value: await reader.value() };
    if ((await reader.peek()) !== -1) reader.fail();
    return;
  }
  reader.pos++;
  let first = true;
  for (;;) {
    let next = await reader.peek();
    if (next === 0x7d && first) break;
    if (!first) {
      if (next === 0x7d) break;
      if (next !== 0x2c) reader.fail();
      reader.pos++;
      next = await reader.peek();
    }
    first = false;
    if (next !== QUOTE) reader.fail();
    const key = await reader.value();
    if (typeof key !== 'string' || (await reader.peek()) !== 0x3a) reader.fail();
    reader.pos++;
    if (isListName(key) && (await reader.peek()) === 0x5b) {
      reader.pos++;
      yield* scanList(reader, key);
    } else {
      yield { kind: 'field', key, value: await reader.value() };
    }
  }
  reader.pos++;
  if ((await reader.peek()) !== -1) reader.fail();
}

async function* scanList(reader: ByteReader, list: ListName): AsyncGenerator<Piece> {
  let items: unknown[] = [];
  let start = 0;
  let index = 0;
  if ((await reader.peek()) === 0x5d) {
    reader.pos++;
    yield { kind: 'entries', list, start: 0, items };
    return;
  }
  for (;;) {
    // Entries wholly inside the buffer are taken without awaiting: this loop runs once per claim.
    const taken = takeEntries(reader, items);
    index += taken.count;
    if (taken.done) break;
    if (items.length >= PIECE_ENTRIES) {
      yield { kind: 'entries', list, start, items };
      start = index;
      items = [];
    }
    if (taken.count === 0 && !(await reader.fill())) {
      // The last entry of the file may end exactly at its end.
      if (taken.needValue) {
        items.push(await reader.value());
        index++;
      }
      if ((await reader.peek()) !== 0x5d) reader.fail(reader.buf.length);
    }
  }
  if (items.length > 0 || start === 0) yield { kind: 'entries', list, start, items };
}

/**
 * Parses the entries that lie wholly in the buffer, each followed by `,` or the closing `]`.
 * Stops at the first one that runs past the buffer (the caller reads more and calls again).
 */
function takeEntries(reader: ByteReader, items: unknown[]): { count: number; done: boolean; needValue: boolean } {
  const { buf } = reader;
  let count = 0;
  for (;;) {
    const valueStart = skipSpace(buf, reader.pos);
    if (valueStart >= buf.length) return { count, done: false, needValue: true };
    const end = valueEnd(buf, valueStart, false);
    if (end === -2) reader.fail(valueStart);
    if (end < 0) return { count, done: false, needValue: true };
    const after = skipSpace(buf, end);
    if (after >= buf.length) return { count, done: false, needValue: true };
    const separator = buf[after];
    if (separator !== 0x2c && separator !== 0x5d) reader.fail(after);
    try {
      items.push(JSON.parse(buf.toString('utf8', valueStart, end)));
    } catch {
      reader.fail(valueStart);
    }
    count++;
    reader.pos = after + 1;
    if (separator === 0x5d) return { count, done: true, needValue: false };
    const nextStart = skipSpace(buf, reader.pos);
    if (nextStart < buf.length && buf[nextStart] === 0x5d) reader.fail(nextStart);
    if (items.length >= PIECE_ENTRIES) return { count, done: false, needValue: false };
  }
}

function skipSpace(buf: Buffer, from: number): number {
  let i = from;
  while (i < buf.length) {
    const byte = buf[i]!;
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return i;
    i++;
  }
  return i;
}

/**
 * Where the JSON value starting at `start` (not white space) ends: an offset, -1 when the buffer
 * ends first (read more), -2 when it cannot be JSON. Checks structure only; JSON.parse checks the rest.
 */
function valueEnd(buf: Buffer, start: number, eof: boolean): number {
  const first = buf[start];
  if (first === undefined) return -1;
  if (first === QUOTE) return stringEnd(buf, start);
  if (first !== 0x7b && first !== 0x5b) {
    let i = start;
    while (i < buf.length) {
      const byte = buf[i]!;
      if (byte === 0x2c || byte === 0x5d || byte === 0x7d || byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x3a) {
        return i === start ? -2 : i;
      }
      i++;
    }
    return eof ? (i === start ? -2 : i) : -1;
  }
  let depth = 0;
  let i = start;
  while (i < buf.length) {
    const byte = buf[i]!;
    if (byte === QUOTE) {
      i = stringEnd(buf, i);
      if (i < 0) return i;
      continue;
    }
    if (byte === 0x7b || byte === 0x5b) depth++;
    else if (byte === 0x7d || byte === 0x5d) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return -1;
}

/** Offset just past the string starting at `start` (a quote), or -1 when the buffer ends first. */
function stringEnd(buf: Buffer, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = buf.indexOf(QUOTE, i);
    if (quote < 0) return -1;
    let slashes = 0;
    while (buf[quote - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/** The error for a file that stops being JSON at `offset`: exact for files read whole, by byte offset for the rest. */
async function explainBrokenFile(file: string, offset: number): Promise<BundleFileError> {
  const { size } = await stat(file);
  if (size <= EXPLAIN_WHOLE_BYTES) {
    try {
      await readBundleFile(file);
    } catch (error) {
      if (error instanceof BundleFileError) return error;
      throw error;
    }
  }
  const { line, column } = await lineAndColumn(file, offset);
  const where = offset >= size ? `unexpected end at line ${line} column ${column}` : `line ${line} column ${column}`;
  return new BundleFileError(`${file} is not valid JSON: ${where} (byte ${offset})`);
}

async function lineAndColumn(file: string, offset: number): Promise<{ line: number; column: number }> {
  const handle = await open(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let line = 1;
    let lineStart = 0;
    for (let read = 0; read < offset; ) {
      const { bytesRead } = await handle.read(chunk, 0, Math.min(CHUNK_BYTES, offset - read), read);
      if (bytesRead === 0) break;
      for (let i = chunk.indexOf(0x0a, 0); i >= 0 && i < bytesRead; i = chunk.indexOf(0x0a, i + 1)) {
        line++;
        lineStart = read + i + 1;
      }
      read += bytesRead;
    }
    return { line, column: offset - lineStart + 1 };
  } finally {
    await handle.close();
  }
}
