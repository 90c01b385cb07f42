// Reads a CSV file as records without ever holding it whole: 1 MB blocks (the next one read while this one is
// parsed) are hashed (sha256), decoded (UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252) and tokenized.
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { isAscii } from 'node:buffer';
import { basename } from 'node:path';
import type { InvalidByteNote } from '../../../api/importNotes';
import { CsvSyntaxError } from './errors';
import { CsvParser, type LineHandler, type RecordHandler } from './parser';

export type { TextEncoding } from './previewTypes';
import type { TextEncoding } from './previewTypes';

// 64 KB: the decoded text of a chunk stays below V8's large-object size (128 KB), so it dies young instead of piling up
// until a full collection (1 MB chunks grew the process by ~100 MB on a 200 MB file).
const CHUNK_BYTES = 64 * 1024;
// Read 16 chunks at a time, the next block while this one is parsed: a read per 64 KB chunk left the thread idle
// for a tenth of a mixed table's first read, waiting on each read in turn.
const BLOCK_BYTES = 16 * CHUNK_BYTES;
const FIRST_SAMPLE_BYTES = 64 * 1024;
const MAX_SAMPLE_BYTES = 16 * 1024 * 1024;

/** Thrown by a record handler to stop reading early (a preview has seen enough). */
export class StopReading extends Error {
  constructor() {
    super('stop reading');
  }
}

/**
 * From the first bytes: a BOM decides (a UTF-8 one too, even when a stray byte follows: the file says what it is);
 * else UTF-8 if they decode as UTF-8, else Windows-1252 (old Excel exports).
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (hasUtf8Bom(bytes)) return 'utf-8';
  try {
    // stream: true tolerates a character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

export interface Sample {
  /** Decoded text of the first bytes (BOM removed). */
  text: string;
  /** True when the sample is the whole file. */
  complete: boolean;
  encoding: TextEncoding;
  fileBytes: number;
}

/**
 * The first bytes of the file: at least `minLines` line breaks' worth (for detecting the delimiter and the header),
 * doubling from 64 KB up to 16 MB for very wide rows.
 */
export function readSample(path: string, minLines = 25): Sample {
  const fileBytes = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    let size = FIRST_SAMPLE_BYTES;
    for (;;) {
      const bytes = new Uint8Array(Math.min(size, fileBytes));
      const read = readSync(fd, bytes, 0, bytes.length, 0);
      const view = bytes.subarray(0, read);
      const encoding = detectEncoding(view);
      const text = new TextDecoder(encoding).decode(view, { stream: true });
      const complete = read >= fileBytes;
      let lines = 0;
      for (let k = text.indexOf('\n'); k >= 0 && lines < minLines; k = text.indexOf('\n', k + 1)) lines++;
      if (complete || lines >= minLines || size >= MAX_SAMPLE_BYTES) return { text, complete, encoding, fileBytes };
      size *= 2;
    }
  } finally {
    closeSync(fd);
  }
}

const hasUtf8Bom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/**
 * The first byte of a UTF-8 file that is not UTF-8: the line it is on and its value. Such bytes are read as U+FFFD
 * (the replacement character) rather than refused: one odd character in a name should not stop an import, and a
 * number cell holding one is reported as text on its line anyway. The import says so, naming this line.
 */
export interface InvalidByte {
  line: number;
  byte: number;
  /** The file starts with a UTF-8 byte-order mark. */
  bom: boolean;
}

/** The import's note on the first byte that is not UTF-8: the file's name, the line and the byte in hex ("E9"). */
export function invalidByteNote(file: string, invalid: InvalidByte): InvalidByteNote {
  const values = {
    file: basename(file),
    line: invalid.line,
    byte: invalid.byte.toString(16).toUpperCase().padStart(2, '0'),
  };
  return invalid.bom ? { code: 'csv-invalid-byte-bom', values } : { code: 'csv-invalid-byte', values };
}

/** Where in `bytes` the first invalid UTF-8 sequence starts (`carried` bytes of a cut character lead), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const size =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (size === 0) return i;
    if (i + size > bytes.length) return -1; // cut at the end: the next chunk completes it
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + size));
    } catch {
      return i;
    }
    i += size;
  }
  return -1;
}

/**
 * Watches a UTF-8 stream for its first invalid byte. A fatal decoder runs alongside on the raw chunks only until it
 * throws, and skips chunks of ASCII (valid by themselves when no character is cut before them): clean files pay one
 * ASCII check, which runs at memory speed. Lines are only counted once an invalid byte is found, from the file.
 */
class Utf8Watch {
  private readonly check = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** The last chunk's cut character (its first bytes), which the decoder holds until the next chunk. */
  private tail = new Uint8Array(0);
  invalid: InvalidByte | null = null;
  /** `offset`: the file byte the first chunk starts at. */
  constructor(
    private readonly path: string,
    private readonly bom: boolean,
    private offset = 0,
  ) {}

  push(chunk: Uint8Array): void {
    if (this.invalid) return;
    const start = this.offset;
    this.offset += chunk.length;
    if (this.tail.length === 0 && isAscii(chunk)) return;
    try {
      this.check.decode(chunk, { stream: true });
    } catch {
      const bytes = new Uint8Array(this.tail.length + chunk.length);
      bytes.set(this.tail);
      bytes.set(chunk, this.tail.length);
      const at = Math.max(firstInvalidUtf8(bytes), 0);
      this.invalid = { line: lineAt(this.path, start - this.tail.length + at), byte: bytes[at], bom: this.bom };
      return;
    }
    // A character cut at the chunk's end (at most 3 bytes) starts the next look, so its offset stays right.
    let cut = 0;
    while (cut < 3 && cut < chunk.length && (chunk[chunk.length - 1 - cut] & 0xc0) === 0x80) cut++;
    const lead = chunk.length - 1 - cut;
    const leadByte = lead >= 0 ? chunk[lead] : 0;
    const whole = leadByte < 0x80 ? 1 : leadByte >= 0xf0 ? 4 : leadByte >= 0xe0 ? 3 : 2;
    this.tail = lead >= 0 && whole > cut + 1 ? chunk.slice(lead) : new Uint8Array(0);
  }

  end(): void {
    if (this.invalid) return;
    try {
      this.check.decode();
    } catch {
      this.invalid = {
        line: lineAt(this.path, this.offset - this.tail.length),
        byte: this.tail[0] ?? 0,
        bom: this.bom,
      };
    }
  }
}

/** The 1-based line of the file holding the byte at `offset`, counted from the file (only when it is needed). */
function lineAt(path: string, offset: number): number {
  const fd = openSync(path, 'r');
  try {
    const block = new Uint8Array(Math.min(BLOCK_BYTES, Math.max(offset, 1)));
    let lines = 1;
    for (let at = 0; at < offset;) {
      const got = readSync(fd, block, 0, Math.min(block.length, offset - at), at);
      if (got === 0) break;
      for (let k = block.indexOf(10); k >= 0 && k < got; k = block.indexOf(10, k + 1)) lines++;
      at += got;
    }
    return lines;
  } finally {
    closeSync(fd);
  }
}

/**
 * Decodes chunk after chunk as one TextDecoder would. ASCII chunks of a UTF-8 or Windows-1252 file are the same
 * characters in Latin-1, which Node copies out at memory speed: TextDecoder took a tenth of a table's first read.
 * The decoder is only needed from the first chunk holding other bytes, and only while a character is cut.
 */
class ChunkDecoder {
  private decoder: InstanceType<typeof TextDecoder> | null = null;
  /** The decoder holds no cut character: the last chunk it decoded ended with an ASCII byte. */
  private clean = true;
  private bytes = 0;
  private readonly asciiCompatible: boolean;
  /** `atFileStart`: the first chunk is the file's first (a BOM there is dropped; anywhere else it is a character). */
  constructor(
    private readonly encoding: TextEncoding,
    private readonly atFileStart: boolean,
  ) {
    this.asciiCompatible = encoding === 'utf-8' || encoding === 'windows-1252';
  }

  decode(chunk: Uint8Array): string {
    const first = this.bytes === 0 && this.atFileStart;
    this.bytes += chunk.length;
    if (this.clean && this.asciiCompatible && isAscii(chunk))
      return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1');
    // A BOM is dropped only at the start of the file, as one decoder over the whole file does.
    this.decoder ??= new TextDecoder(this.encoding, { ignoreBOM: !first });
    this.clean = chunk.length > 0 && chunk[chunk.length - 1] < 0x80;
    return this.decoder.decode(chunk, { stream: true });
  }

  end(): string {
    return this.decoder?.decode() ?? '';
  }
}

export interface StreamOptions {
  encoding: TextEncoding;
  delimiter: string;
  onRecord: RecordHandler;
  /** Quote-free lines in place (see LineHandler); without it every record goes to onRecord. */
  onLine?: LineHandler;
  /** Bytes read so far, after each chunk. */
  onBytes?(bytesRead: number): void;
  signal?: AbortSignal;
}

export interface StreamResult {
  /** Null when a handler stopped early (or the stream does not hash). */
  sha256: string | null;
  bytes: number;
  /** UTF-8 files: the first byte that is not UTF-8 (read as U+FFFD), if any, among the bytes read. */
  invalidByte: InvalidByte | null;
}

/** Streams every record to `onRecord`; resolves with the file's sha256 (hex) unless a handler stopped early. */
export async function streamCsv(path: string, options: StreamOptions): Promise<StreamResult> {
  const stream = new CsvStream(path, options);
  try {
    await stream.parse(0, Number.POSITIVE_INFINITY);
    return stream.finish();
  } catch (error) {
    return stream.failed(error);
  }
}

/** Where a CsvStream starts when it does not start at the file's first byte (a later part read by another thread). */
export interface StreamStart {
  /** The byte the stream's first parse starts at: just after a line break, outside any quote. */
  offset: number;
  /** The file starts with a UTF-8 byte-order mark (for the invalid-byte notice). */
  bom: boolean;
}

/**
 * One reader of a file's bytes in order: parse(from, to) tokenizes a range (ranges follow one another), hashRest
 * only adds the rest of the file to the sha256. A stream given a `start` does not hash: another thread reads the file's
 * beginning, so only that one can.
 */
export class CsvStream {
  private readonly decoder: ChunkDecoder;
  private hasher: Hash | null;
  /** The file's sha256, once hashRest hashed it to the end. */
  private sha256: string | null = null;
  readonly parser: CsvParser;
  private watch: Utf8Watch | null = null;
  /** Bytes read (parsed or hashed) so far, from the stream's first byte. */
  bytes = 0;

  constructor(
    private readonly path: string,
    private readonly options: StreamOptions,
    private readonly start?: StreamStart,
  ) {
    this.decoder = new ChunkDecoder(options.encoding, start === undefined);
    this.hasher = start === undefined ? createHash('sha256') : null;
    this.parser = new CsvParser(options.delimiter, options.onRecord, options.onLine);
  }

  /** Tokenizes bytes [from, to) of the file (to past the end: up to the end); returns the bytes read. */
  async parse(from: number, to: number): Promise<number> {
    const { options } = this;
    let read = 0;
    for await (const block of readBlocks(this.path, from, to)) {
      // Chunk by chunk, as views: Utf8Watch copies the few bytes it keeps, so the block can be read into again.
      for (let at = 0; at < block.length; at += CHUNK_BYTES) {
        const chunk = block.subarray(at, Math.min(at + CHUNK_BYTES, block.length));
        options.signal?.throwIfAborted();
        this.hasher?.update(chunk);
        if (options.encoding === 'utf-8') {
          this.watch ??= this.start
            ? new Utf8Watch(this.path, this.start.bom, this.start.offset)
            : new Utf8Watch(this.path, this.bytes === 0 && hasUtf8Bom(chunk));
          this.watch.push(chunk);
        }
        this.bytes += chunk.length;
        read += chunk.length;
        this.parser.push(this.decoder.decode(chunk));
        options.onBytes?.(this.bytes);
      }
    }
    return read;
  }

  /**
   * Adds the bytes from `from` to the end of the file to the sha256 without parsing them (another thread parses
   * them); a later parse no longer hashes.
   */
  async hashRest(from: number): Promise<void> {
    const hasher = this.hasher;
    if (!hasher) return;
    this.hasher = null;
    for await (const block of readBlocks(this.path, from, Number.POSITIVE_INFINITY)) {
      this.options.signal?.throwIfAborted();
      hasher.update(block);
    }
    this.sha256 = hasher.digest('hex');
  }

  /** Ends the input: the last record, then the file's sha256 (null without hashing). */
  finish(): StreamResult {
    this.watch?.end();
    this.parser.push(this.decoder.end());
    this.parser.end();
    return { sha256: this.hasher?.digest('hex') ?? this.sha256, bytes: this.bytes, invalidByte: this.invalid };
  }

  /** The first byte that is not UTF-8 among those parsed so far. */
  get invalid(): InvalidByte | null {
    return this.watch?.invalid ?? null;
  }

  /** What a parse's error becomes: a stop (no sha256), a CsvImportError naming the file, or itself. */
  failed(error: unknown): StreamResult {
    if (error instanceof StopReading) return { sha256: null, bytes: this.bytes, invalidByte: this.invalid };
    if (error instanceof CsvSyntaxError) throw error.inFile(this.path);
    throw error;
  }
}

/**
 * The file's bytes [from, to) in blocks of up to BLOCK_BYTES, the next block read while the caller works on this
 * one. Two buffers take turns, so a block is only valid until the caller asks for the next.
 */
async function* readBlocks(path: string, from: number, to: number): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r');
  const buffers = [new Uint8Array(BLOCK_BYTES), new Uint8Array(BLOCK_BYTES)];
  let position = from;
  const fill = async (buffer: Uint8Array): Promise<number> => {
    const want = Math.min(buffer.length, to - position);
    let got = 0;
    for (let n = -1; n !== 0 && got < want; got += n)
      n = (await file.read(buffer, got, want - got, position + got)).bytesRead;
    position += got;
    return got;
  };
  let next: Promise<number> | null = fill(buffers[0]);
  try {
    for (let turn = 0; next; turn ^= 1) {
      const got: number = await next;
      next = got === BLOCK_BYTES && position < to ? fill(buffers[turn ^ 1]) : null;
      if (got > 0) yield buffers[turn].subarray(0, got);
    }
  } finally {
    await next?.catch(() => undefined); // a read still under way when the caller stopped
    await file.close();
  }
}
