// Keeps resources/templates/*.json equal to what the template builders produce with their default options.
// To regenerate after changing a template: NETWRIGHT_WRITE_TEMPLATES=1 npx vitest run --project unit engine/core/spec/templates.files
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from './templates';

const folder = fileURLToPath(new URL('../../../resources/templates/', import.meta.url));

if (process.env.NETWRIGHT_WRITE_TEMPLATES === '1') {
  mkdirSync(folder, { recursive: true });
  for (const template of TEMPLATES) {
    writeFileSync(
      join(folder, `${template.name}.json`),
      `${JSON.stringify(template.build(template.defaults), null, 2)}\n`,
    );
  }
}

describe('template files in resources/templates', () => {
  it.each(TEMPLATES.map((t) => [t.name, t] as const))('%s.json equals the builder output', (name, template) => {
    const path = join(folder, `${name}.json`);
    expect(existsSync(path), `${path} is missing: regenerate with NETWRIGHT_WRITE_TEMPLATES=1`).toBe(true);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(template.build(template.defaults));
  });

  it('holds no JSON file without a template', () => {
    const files = readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files).toEqual(TEMPLATES.map((t) => `${t.name}.json`).sort());
  });
});
