// Notices are worded from the message tables, so they follow the chosen language: no call to notify() passes a
// sentence written in the code.
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>(['../**/*.svelte', '../**/*.svelte.ts', '../**/*.ts', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('notices', () => {
  it('are never literal sentences in the code', () => {
    const literal = /\bnotify\(\s*'(?:info|success|error)'\s*,\s*(['"`])/g;
    const offenders = Object.entries(sources).flatMap(([file, text]) =>
      [...text.matchAll(literal)].map((m) => `${file}: ${text.slice(m.index, m.index + 80)}`),
    );
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });
});
