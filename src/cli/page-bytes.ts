/**
 * From a path (or stdin) to the page's raw bytes, refusing early what can
 * never be an HTML page: missing or unreadable files, directories, empty
 * files, files over the size limit, broken gzip, and binary formats. Each
 * refusal is a CliError with a message a reader can act on.
 */
import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { CliError } from './errors.ts';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

function fsMessage(err: unknown, path: string): string {
  const code = err instanceof Error && 'code' in err ? String((err as NodeJS.ErrnoException).code) : '';
  switch (code) {
    case 'ENOENT':
      return `${path}: no such file`;
    case 'EACCES':
    case 'EPERM':
      return `${path}: permission denied`;
    case 'EISDIR':
      return `${path}: is a directory`;
    default:
      return `${path}: cannot read (${code || (err instanceof Error ? err.message : String(err))})`;
  }
}

async function readStdin(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += buf.length;
    if (total > maxBytes) throw new CliError(`stdin: input too large (over ${megabytes(maxBytes)}; raise --max-size)`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Magic numbers of formats people pass by mistake, for a precise message. */
const SIGNATURES: ReadonlyArray<readonly [string, number[]]> = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['an ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['a bzip2 archive', [0x42, 0x5a, 0x68]],
  ['an xz archive', [0xfd, 0x37, 0x7a, 0x58, 0x5a]],
  ['a WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
];

function startsWith(buf: Buffer, sig: number[]): boolean {
  return buf.length >= sig.length && sig.every((b, i) => buf[i] === b);
}

const isGzip = (buf: Buffer): boolean => startsWith(buf, [0x1f, 0x8b]);
const hasUtf16Bom = (buf: Buffer): boolean => startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff]);

/** ASCII-heavy UTF-16 has a zero in every other byte: "<\0h\0t\0m\0l\0". */
function looksLikeBomlessUtf16(sample: Buffer): boolean {
  if (sample.length < 16) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? even++ : odd++;
  const half = sample.length / 2;
  return (odd > half * 0.7 && even < half * 0.05) || (even > half * 0.7 && odd < half * 0.05);
}

/** Why these bytes are not text, or null if they may be. */
export function binaryReason(buf: Buffer): string | null {
  for (const [name, sig] of SIGNATURES) if (startsWith(buf, sig)) return `looks like ${name}, not an HTML page`;
  if (hasUtf16Bom(buf)) return null;
  const sample = buf.subarray(0, 8192);
  if (looksLikeBomlessUtf16(sample)) return 'looks like UTF-16 text without a byte-order mark; save it as UTF-8 (or add a BOM)';
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return 'binary data (contains NUL bytes), not an HTML page';
    // tab, LF, FF, CR and ESC occur in real text; other C0 controls do not
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  if (sample.length > 0 && controls / sample.length > 0.05) return 'binary data (control bytes), not an HTML page';
  return null;
}

function gunzip(buf: Buffer, label: string, maxBytes: number): Buffer {
  try {
    return gunzipSync(buf, { maxOutputLength: maxBytes });
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String((err as NodeJS.ErrnoException).code) : '';
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new CliError(`${label}: too large once decompressed (over ${megabytes(maxBytes)}; raise --max-size)`);
    }
    const why = code === 'Z_BUF_ERROR' ? 'truncated' : 'corrupt';
    throw new CliError(`${label}: ${why} gzip data (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** Read a page's bytes ("-" is stdin), decompressing gzip (recognised by its magic number, not the file name). */
export async function readPageBytes(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Buffer> {
  const label = path === '-' ? 'stdin' : path;
  let raw: Buffer;
  if (path === '-') {
    raw = await readStdin(maxBytes);
  } else {
    let size: number;
    try {
      const st = await stat(path);
      if (st.isDirectory()) throw new CliError(`${path}: is a directory`);
      size = st.size;
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(fsMessage(err, path));
    }
    if (size > maxBytes) throw new CliError(`${path}: file too large (${megabytes(size)}; limit ${megabytes(maxBytes)}, raise --max-size)`);
    try {
      raw = await readFile(path);
    } catch (err) {
      throw new CliError(fsMessage(err, path));
    }
  }
  const bytes = isGzip(raw) ? gunzip(raw, label, maxBytes) : raw;
  if (bytes.length === 0) throw new CliError(`${label}: empty ${bytes === raw ? 'file' : 'after decompression'}`);
  const why = binaryReason(bytes);
  if (why) throw new CliError(`${label}: ${why}`);
  return bytes;
}
