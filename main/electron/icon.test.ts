// The app icon: one SVG source (the web page's icon) rendered to the PNG electron-builder and the window use.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { appPaths } from './paths';

const root = join(__dirname, '..', '..');

describe('app icon', () => {
  it('is a square PNG of at least 512 pixels where the window and electron-builder look for it', async () => {
    const icon = appPaths(root).icon;
    // electron-builder.yml's buildResources folder is where it finds icon.png for every platform.
    expect(readFileSync(join(root, 'electron-builder.yml'), 'utf8')).toMatch(/buildResources: resources\/build/);
    const meta = await sharp(icon).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBe(meta.height);
    expect(meta.width).toBeGreaterThanOrEqual(512);
  });

  it('is the page icon in web mode and in the window', () => {
    expect(existsSync(join(root, 'renderer', 'public', 'favicon.svg'))).toBe(true);
    expect(readFileSync(join(root, 'renderer', 'index.html'), 'utf8')).toContain('href="./favicon.svg"');
  });
});
