/**
 * Reads a bundle file as JSON, failing with one line that says what is wrong: the file is missing,
 * or the JSON is broken at a given line and column (V8's own messages do not always say where).
 */
import { readFile } from 'node:fs/promises';

export class BundleFileError extends Error {
  override name = 'BundleFileError';
}

export async function readBundleFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new BundleFileError(`cannot read ${file}: ${why}`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const reason = (error as Error).message.replace(/\s*\(line \d+ column \d+\)/, '').split('\n')[0];
    throw new BundleFileError(`${file} is not valid JSON: ${describeOffset(text, offset)}: ${reason}`);
  }
}

function describeOffset(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return offset >= text.length ? `unexpected end at line ${line} column ${column} (position ${offset})` : `line ${line} column ${column} (position ${offset})`;
}

/**
 * The offset of the first character where `text` stops being JSON (RFC 8259). Iterative, with the
 * open arrays and objects on a stack of its own: an unterminated array nested 100,000 deep is
 * reported at its end, not as "Maximum call stack size exceeded".
 */
export function jsonErrorOffset(text: string): number {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (): never => {
    throw new RangeError(String(i));
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const expect = (char: string) => {
    if (text[i] !== char) fail();
    i++;
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (i >= text.length || text.charCodeAt(i) < 0x20) fail();
      const char = text[i++];
      if (char === '"') return;
      if (char === '\\') {
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 5;
        } else if ('"\\/bfnrt'.includes(text[i] ?? 'x')) i++;
        else fail();
      }
    }
  };
  const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  /** The closing character of each array or object still open. */
  const open: string[] = [];
  /** Starts a value: a scalar or an empty array or object is read whole; another is opened (true), its first key read. */
  const begin = (): boolean => {
    space();
    const char = text[i];
    if (char === '{' || char === '[') {
      i++;
      open.push(char === '{' ? '}' : ']');
      space();
      if (text[i] === open.at(-1)) {
        i++;
        open.pop();
        return false;
      }
      if (char === '{') key();
      return true;
    }
    if (char === '"') string();
    else {
      literal.lastIndex = i;
      if (!literal.test(text)) fail();
      i = literal.lastIndex;
    }
    return false;
  };
  const key = () => {
    space();
    string();
    space();
    expect(':');
  };
  try {
    let needValue = true;
    for (;;) {
      // An opened array or object wants its first value next.
      if (needValue && begin()) continue;
      needValue = false;
      const innermost = open.at(-1);
      if (innermost === undefined) break;
      // After a value inside the innermost open array or object: a comma and the next, or its end.
      space();
      if (text[i] === ',') {
        i++;
        if (innermost === '}') key();
        needValue = true;
      } else {
        expect(innermost);
        open.pop();
      }
    }
    space();
    if (i < text.length) fail();
    return text.length;
  } catch (error) {
    if (error instanceof RangeError && /^\d+$/.test(error.message)) return Number(error.message);
    throw error;
  }
}
