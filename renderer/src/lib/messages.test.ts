// Every feature's Chinese messages have exactly the English keys, and the same {placeholders}.
import { describe, expect, it } from 'vitest';
import type { Messages } from './i18n.svelte';

const modules = import.meta.glob<Record<string, unknown>>('../**/messages.ts', { eager: true });

function tables(): Array<[string, Messages]> {
  const found: Array<[string, Messages]> = [];
  for (const [file, exports] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(exports)) {
      if (value && typeof value === 'object' && 'en' in value && 'zh-CN' in value)
        found.push([`${file}:${name}`, value as Messages]);
    }
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('finds the message tables', () => {
    expect(tables().length).toBeGreaterThan(0);
  });

  for (const [where, messages] of tables()) {
    it(`${where}: Simplified Chinese has every English message with the same placeholders`, () => {
      expect(Object.keys(messages['zh-CN']).sort()).toEqual(Object.keys(messages.en).sort());
      for (const key of Object.keys(messages.en)) {
        expect(placeholders(messages['zh-CN'][key]), key).toEqual(placeholders(messages.en[key]));
        expect(messages['zh-CN'][key].trim(), key).not.toBe('');
      }
    });
  }
});
