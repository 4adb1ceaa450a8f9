/**
 * A bundle file read as a stream of pieces (bundle-pieces.ts), in constant memory whatever its size:
 * a bundle of a million claims is a few hundred MB of JSON, more than V8 can hold as one string.
 *
 * Only the top level is scanned here, byte by byte (strings are skipped with indexOf, which is
 * native); each entry of a list is then handed whole to JSON.parse, which is much faster than a
 * token-by-token streaming parser. A file that is not JSON fails with BundleFileError saying where,
 * in the same words as read-bundle-file.ts for any file small enough to read whole.
 */
import { isUtf8 } from 'node:buffer';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { isListName, type BundlePieces, type ListName, type Piece } from './bundle-pieces.ts';
import { BundleFileError, readBundleFile } from './read-bundle-file.ts';
import { childPath, type Problem } from './problems.ts';

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
        yield* scanBundle(new ByteReader(handle, file));
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
  /** File offset of the first byte that is not UTF-8 in the values decoded since it was last taken. */
  private badByte: number | null = null;
  private readonly handle: FileHandle;
  readonly file: string;

  constructor(handle: FileHandle, file: string) {
    this.handle = handle;
    this.file = file;
  }

  /**
   * The text of buf[start, end). Bytes that are not UTF-8 would silently become U+FFFD: they are
   * noted (takeBadByte) so the bundle is refused, saying where.
   */
  decode(start: number, end: number): string {
    const bytes = this.buf.subarray(start, end);
    if (this.badByte === null && !isUtf8(bytes)) this.badByte = this.base + start + firstInvalidByte(bytes);
    return bytes.toString('utf8');
  }

  takeBadByte(): number | null {
    const offset = this.badByte;
    this.badByte = null;
    return offset;
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
      this.pos = skipSpace(this.buf, this.pos);
      const byte = this.buf[this.pos];
      if (byte !== undefined) return byte;
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
          return JSON.parse(this.decode(start, end));
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
    const value = await reader.value();
    yield { kind: 'whole', value, problems: await encodingProblems(reader, '$', value) };
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
      const value = await reader.value();
      yield { kind: 'field', key, value, problems: await encodingProblems(reader, childPath('$', key), value) };
    }
  }
  reader.pos++;
  if ((await reader.peek()) !== -1) reader.fail();
}

async function* scanList(reader: ByteReader, list: ListName): AsyncGenerator<Piece> {
  let items: unknown[] = [];
  let start = 0;
  let index = 0;
  /** Entries of `items` with bytes that are not UTF-8, and the file offset of the first. */
  let bad: BadEntry[] = [];
  const piece = async (): Promise<Piece> => {
    const problems = await Promise.all(
      bad.slice(0, MAX_ENCODING_PROBLEMS).map(({ at, offset }) => encodingProblem(reader, childPath(childPath('$', list), start + at), items[at], offset)),
    );
    bad = [];
    return problems.length > 0 ? { kind: 'entries', list, start, items, problems } : { kind: 'entries', list, start, items };
  };
  if ((await reader.peek()) === 0x5d) {
    reader.pos++;
    yield { kind: 'entries', list, start: 0, items };
    return;
  }
  for (;;) {
    // Entries wholly inside the buffer are taken without awaiting: this loop runs once per claim.
    const taken = takeEntries(reader, items, bad);
    index += taken.count;
    if (taken.done) break;
    if (items.length >= PIECE_ENTRIES) {
      yield await piece();
      start = index;
      items = [];
    }
    if (taken.count === 0 && !(await reader.fill())) {
      // The last entry of the file may end exactly at its end.
      if (taken.needValue) {
        items.push(await reader.value());
        const offset = reader.takeBadByte();
        if (offset !== null) bad.push({ at: items.length - 1, offset });
        index++;
      }
      if ((await reader.peek()) !== 0x5d) reader.fail(reader.buf.length);
    }
  }
  if (items.length > 0 || start === 0) yield await piece();
}

/**
 * Parses the entries that lie wholly in the buffer, each followed by `,` or the closing `]`.
 * Stops at the first one that runs past the buffer (the caller reads more and calls again).
 */
function takeEntries(reader: ByteReader, items: unknown[], bad: BadEntry[]): { count: number; done: boolean; needValue: boolean } {
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
      items.push(JSON.parse(reader.decode(valueStart, end)));
    } catch {
      reader.fail(valueStart);
    }
    const offset = reader.takeBadByte();
    if (offset !== null) bad.push({ at: items.length - 1, offset });
    count++;
    reader.pos = after + 1;
    if (separator === 0x5d) return { count, done: true, needValue: false };
    const nextStart = skipSpace(buf, reader.pos);
    if (nextStart < buf.length && buf[nextStart] === 0x5d) reader.fail(nextStart);
    if (items.length >= PIECE_ENTRIES) return { count, done: false, needValue: false };
  }
}

/** The offset of the first byte from `from` on that is not JSON white space; the buffer's length when all are. */
function skipSpace(buf: Buffer, from: number): number {
  for (let i = from; ; i++) {
    const byte = buf[i];
    if (byte === undefined || (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09)) return i;
  }
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
    for (let i = start; ; i++) {
      const byte = buf[i];
      if (byte === undefined) return eof ? (i === start ? -2 : i) : -1;
      if (byte === 0x2c || byte === 0x5d || byte === 0x7d || byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x3a) {
        return i === start ? -2 : i;
      }
    }
  }
  let depth = 0;
  let i = start;
  for (;;) {
    const byte = buf[i];
    if (byte === undefined) return -1;
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

interface BadEntry {
  /** Index in the piece's items. */
  at: number;
  /** File offset of its first byte that is not UTF-8. */
  offset: number;
}

/** Problems of this kind reported per piece: enough to show that the file is not UTF-8, and where. */
const MAX_ENCODING_PROBLEMS = 20;

/** The problem of a value parsed just now, if its bytes were not all UTF-8. */
async function encodingProblems(reader: ByteReader, path: string, value: unknown): Promise<Problem[] | undefined> {
  const offset = reader.takeBadByte();
  return offset === null ? undefined : [await encodingProblem(reader, path, value, offset)];
}

/**
 * Names the field whose text holds the bytes (the first string in the value, key or text, that
 * decoded to U+FFFD) and where they are in the file, by byte, line and column.
 */
async function encodingProblem(reader: ByteReader, path: string, value: unknown, offset: number): Promise<Problem> {
  const { line, column } = await lineAndColumn(reader.file, offset);
  const byte = await byteAt(reader.file, offset);
  return {
    path: replacedStringPath(path, value),
    message: `is not valid UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at byte ${offset} (line ${line}, column ${column}) is not part of a UTF-8 character; save the file as UTF-8 (it would otherwise be stored as \uFFFD)`,
  };
}

/** The path of the first string in `value` (a key or a text) holding U+FFFD; `path` itself when none does. */
function replacedStringPath(path: string, value: unknown): string {
  const stack: [string, unknown][] = [[path, value]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [at, current] = next;
    if (typeof current === 'string') {
      if (current.includes('\uFFFD')) return at;
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    const children: [string, unknown][] = Array.isArray(current)
      ? current.map((item, index) => [childPath(at, index), item])
      : Object.entries(current).map(([key, item]) => [childPath(at, key), key.includes('\uFFFD') ? '\uFFFD' : item]);
    // Reversed so the first child is looked at first.
    stack.push(...children.reverse());
  }
  return path;
}

/** Offset in `bytes` of the first byte that does not belong to a well-formed UTF-8 character (RFC 3629). */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  for (let lead = bytes[0]; lead !== undefined; lead = bytes[i]) {
    const size = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (size === 0) return i;
    if (size > 1) {
      const second = bytes[i + 1];
      // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
      const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
      const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
      if (second === undefined || second < low || second > high) return i;
      for (let k = 2; k < size; k++) {
        const next = bytes[i + k];
        if (next === undefined || next < 0x80 || next > 0xbf) return i;
      }
    }
    i += size;
  }
  return bytes.length;
}

async function byteAt(file: string, offset: number): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const one = Buffer.alloc(1);
    await handle.read(one, 0, 1, offset);
    return one.readUInt8(0);
  } finally {
    await handle.close();
  }
}
