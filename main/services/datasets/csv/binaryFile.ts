// Appends typed values to a binary file through a 1 MB buffer (little-endian, as the engine reads them).
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

const BUFFER_BYTES = 1 << 20;

export class Float32FileWriter {
  private readonly fd: number;
  private readonly buffer = new Float32Array(BUFFER_BYTES / 4);
  private used = 0;
  /** Values written so far. */
  count = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(values: Float32Array): void {
    if (this.used + values.length < this.buffer.length) {
      // A row at a time (the CSV spool): no view per call.
      this.buffer.set(values, this.used);
      this.used += values.length;
      this.count += values.length;
      return;
    }
    let from = 0;
    while (from < values.length) {
      const take = Math.min(values.length - from, this.buffer.length - this.used);
      this.buffer.set(values.subarray(from, from + take), this.used);
      this.used += take;
      from += take;
      if (this.used === this.buffer.length) this.drain();
    }
    this.count += values.length;
  }

  /** Writes what is buffered, flushes to disk (unless `sync` is false: a scratch file) and closes the file. */
  close(sync = true): void {
    try {
      this.drain();
      if (sync) fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
  }

  /** Closes without caring about the contents (the import failed; the folder will be removed). */
  abandon(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
  }

  private drain(): void {
    const bytes = new Uint8Array(this.buffer.buffer, 0, this.used * 4);
    let at = 0;
    while (at < bytes.length) at += writeSync(this.fd, bytes, at, bytes.length - at);
    this.used = 0;
  }
}

export function writeInt32File(path: string, values: Int32Array): void {
  const fd = openSync(path, 'w');
  try {
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
