// Notices are worded from the message tables, so they follow the chosen language: no call to notify() passes a
// sentence written in the code. Errors stay until dismissed but never pile up; other notices fade.
import { describe, expect, it } from 'vitest';
import { addNotice, fades, MAX_ERRORS, type Notice } from './notices';

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

describe('the notice list', () => {
  const add = (list: Notice[], id: number, kind: Notice['kind'], text: string) => addNotice(list, { id, kind, text });

  it('lets information and successes fade but keeps errors until dismissed', () => {
    expect(fades('info')).toBe(true);
    expect(fades('success')).toBe(true);
    expect(fades('error')).toBe(false);
  });

  it('counts the same error again on its notice instead of stacking a copy', () => {
    let list = add([], 1, 'error', "data.csv line 4: column 'age' is not a number");
    list = add(list, 2, 'info', 'Saved');
    list = add(list, 3, 'error', "data.csv line 4: column 'age' is not a number");
    expect(list.map((n) => [n.id, n.count])).toEqual([
      [2, 1],
      [3, 2],
    ]);
  });

  it(`keeps only the newest ${MAX_ERRORS} errors, and leaves other notices alone`, () => {
    let list = add([], 100, 'success', 'Imported');
    for (let i = 1; i <= MAX_ERRORS + 2; i++) list = add(list, i, 'error', `error ${i}`);
    expect(list.filter((n) => n.kind === 'error').map((n) => n.text)).toEqual(
      Array.from({ length: MAX_ERRORS }, (_, i) => `error ${i + 3}`),
    );
    expect(list[0].id).toBe(100);
  });
});
