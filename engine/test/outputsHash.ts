// The SHA-256 of a kernel's outputs on each thread count in turn: what the *Bits.ts files print as a child process
// and compare in their own, so that two paths (packed and in place) are shown to give the same bits.
import { createHash } from 'node:crypto';

export function outputsHash(threadCounts: number[], outputs: (threads: number) => Float32Array[]): string {
  const hash = createHash('sha256');
  for (const threads of threadCounts) {
    for (const a of outputs(threads)) hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  return hash.digest('hex');
}
