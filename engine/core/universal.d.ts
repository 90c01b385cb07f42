// The few web-standard globals engine/core uses, which every place it runs has (browsers, Node ≥ 18, Electron):
// declared here for engine/core/tsconfig.json, which has neither Node's types nor the DOM's. Not part of the root
// tsconfig, where @types/node declares them.
interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare const TextEncoder: { prototype: TextEncoder; new (): TextEncoder };

interface TextDecoder {
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
declare const TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder;
};

/** Milliseconds since an arbitrary start, with sub-millisecond resolution. */
declare const performance: { now(): number };
