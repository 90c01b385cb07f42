#!/usr/bin/env node
// Renders the app icon from its one source, renderer/public/favicon.svg (also the web page's icon), into
// resources/build/icon.png: electron-builder makes the Windows, macOS and Linux icons from that file (it wants
// 512 x 512 at least), and the desktop window shows it. Run after changing the SVG: `node scripts/icons.mjs`.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'renderer', 'public', 'favicon.svg');
const target = join(root, 'resources', 'build', 'icon.png');
// The SVG is 256 units wide: 4 x its density of 72 dpi rasterizes it at 1024 pixels, sharp at every size.
const info = await sharp(source, { density: 288 }).resize(1024, 1024).png({ compressionLevel: 9 }).toFile(target);
process.stdout.write(`${target}: ${info.width} x ${info.height}, ${info.size} bytes\n`);
