// Streaming a CSV file: the records are those of the whole file decoded at once, whatever its bytes look like at
// the reader's chunk edges (ASCII chunks are copied out, others decoded).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CsvParser } from './parser';
import { streamCsv } from './reader';
import { tempFolder, type TempFolder } from '../testHelpers';

let temp: TempFolder;
beforeEach(() => {
  temp = tempFolder();
});
afterEach(() => temp.remove());

const CHUNK = 64 * 1024;

/** ASCII lines up to `length` bytes, padded so the next byte falls at `length` exactly. */
function asciiUpTo(length: number): string {
  const line = 'a,1.5,some text\n';
  let text = line.repeat(Math.floor((length - 2) / line.length));
  text += `${'b'.repeat(length - text.length - 1)}\n`;
  return text;
}

async function records(bytes: Uint8Array, encoding: 'utf-8' | 'windows-1252' = 'utf-8') {
  const path = join(temp.dir, 'table.csv');
  writeFileSync(path, bytes);
  const streamed: string[][] = [];
  const result = await streamCsv(path, { encoding, delimiter: ',', onRecord: (fields) => streamed.push(fields) });
  const whole: string[][] = [];
  const parser = new CsvParser(',', (fields) => whole.push(fields));
  // stream: true, as the reader decodes: Node 20's one-shot decode reads Windows-1252 as Latin-1 (0x80 as U+0080).
  const decoder = new TextDecoder(encoding);
  parser.push(decoder.decode(bytes, { stream: true }) + decoder.decode());
  parser.end();
  return { streamed, whole, result };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const join2 = (a: Uint8Array, b: Uint8Array) => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

describe('streamCsv', () => {
  it('keeps a U+FEFF that starts a later chunk after ASCII chunks, and drops the one starting the file', async () => {
    const later = join2(utf8(asciiUpTo(2 * CHUNK)), utf8('\uFEFFx,2,after\nlast,3,line\n'));
    const { streamed, whole } = await records(later);
    expect(streamed).toEqual(whole);
    expect(streamed.at(-2)![0]).toBe('\uFEFFx');
    const first = await records(utf8(`\uFEFFname,n,text\n${asciiUpTo(CHUNK)}`));
    expect(first.streamed).toEqual(first.whole);
    expect(first.streamed[0][0]).toBe('name');
  });

  it('joins a character cut by a chunk edge, with ASCII chunks before and after it', async () => {
    const text = `${asciiUpTo(CHUNK).slice(0, -1)}é,2,x\n${asciiUpTo(3 * CHUNK)}Zürich,4,y\n`;
    const bytes = utf8(text);
    expect(bytes[CHUNK - 1]).toBe(0xc3); // é's first byte ends the first chunk
    const { streamed, whole, result } = await records(bytes);
    expect(streamed).toEqual(whole);
    expect(result.invalidByte).toBeNull();
  });

  it('names the line of a byte that is not UTF-8 after chunks of ASCII, and reads it as U+FFFD', async () => {
    const ascii = asciiUpTo(3 * CHUNK);
    const lines = ascii.split('\n').length - 1;
    const bytes = join2(utf8(ascii), new Uint8Array([0x61, 0x2c, 0xff, 0x2c, 0x62, 0x0a]));
    const { streamed, whole, result } = await records(bytes);
    expect(streamed).toEqual(whole);
    expect(streamed.at(-1)).toEqual(['a', '\uFFFD', 'b']);
    expect(result.invalidByte).toEqual({ line: lines + 1, byte: 0xff, bom: false });
  });

  it('reads a lone lead byte that ends a chunk as U+FFFD before the ASCII chunk after it', async () => {
    const bytes = join2(utf8(asciiUpTo(CHUNK).slice(0, -1)), utf8(`${asciiUpTo(CHUNK)}`));
    bytes[CHUNK - 1] = 0xc3; // a two-byte lead with no continuation: the next chunk is all ASCII
    const { streamed, whole, result } = await records(bytes);
    expect(streamed).toEqual(whole);
    expect(streamed.some((fields) => fields[0].endsWith('\uFFFD'))).toBe(true);
    expect(result.invalidByte?.byte).toBe(0xc3);
  });

  it('decodes Windows-1252 bytes past ASCII chunks as Windows-1252, not Latin-1', async () => {
    const bytes = join2(utf8(asciiUpTo(CHUNK)), new Uint8Array([0x80, 0x2c, 0x93, 0x0a])); // € and “
    const { streamed, whole } = await records(bytes, 'windows-1252');
    expect(streamed).toEqual(whole);
    expect(streamed.at(-1)).toEqual(['€', '“']);
  });
});
