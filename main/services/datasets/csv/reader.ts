// Reads a CSV file as records without ever holding it whole: a 1 MB chunk at a time is hashed (sha256),
// decoded (UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252) and tokenized.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { CsvImportError, CsvSyntaxError } from './errors';
import { CsvParser, type RecordHandler } from './parser';

export type { TextEncoding } from './previewTypes';
import type { TextEncoding } from './previewTypes';

// 64 KB: the decoded text of a chunk stays below V8's large-object size (128 KB), so it dies young instead of piling up
// until a full collection (1 MB chunks grew the process by ~100 MB on a 200 MB file).
const CHUNK_BYTES = 64 * 1024;
const FIRST_SAMPLE_BYTES = 64 * 1024;
const MAX_SAMPLE_BYTES = 16 * 1024 * 1024;

/** Thrown by a record handler to stop reading early (a preview has seen enough). */
export class StopReading extends Error {
  constructor() {
    super('stop reading');
  }
}

/** From the first bytes: a BOM decides; else UTF-8 if they decode as UTF-8, else Windows-1252 (old Excel exports). */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
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

export interface StreamOptions {
  encoding: TextEncoding;
  delimiter: string;
  onRecord: RecordHandler;
  /** Bytes read so far, after each chunk. */
  onBytes?(bytesRead: number): void;
  signal?: AbortSignal;
}

/** Streams every record to `onRecord`; resolves with the file's sha256 (hex) unless a handler stopped early. */
export async function streamCsv(path: string, options: StreamOptions): Promise<{ sha256: string | null; bytes: number }> {
  const decoder = new TextDecoder(options.encoding);
  const hash = createHash('sha256');
  const parser = new CsvParser(options.delimiter, options.onRecord);
  let bytes = 0;
  try {
    const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      options.signal?.throwIfAborted();
      hash.update(chunk);
      bytes += chunk.length;
      parser.push(decoder.decode(chunk, { stream: true }));
      options.onBytes?.(bytes);
    }
    parser.push(decoder.decode());
    parser.end();
    return { sha256: hash.digest('hex'), bytes };
  } catch (error) {
    if (error instanceof StopReading) return { sha256: null, bytes };
    if (error instanceof CsvSyntaxError) throw new CsvImportError(path, error.detail, error.line);
    throw error;
  }
}
