#!/usr/bin/env node
// `npm start`: the desktop studio where Electron's binary is present, otherwise web mode — once those exist.
// Until the studio's window and web mode land, it says so and runs the first-minute experience in the
// terminal: train a network on a built-in sample dataset with live progress.
import { spawnSync } from 'node:child_process';

process.stderr.write(
  'Netwright: the graphical studio (desktop window and web mode) is not built yet in this version.\n' +
  'Starting the command-line trainer instead: an MLP learns three interleaved spirals, with live progress.\n' +
  'Try also: npx netwright train --sample shapes   |   npx netwright samples   |   npx netwright help\n\n',
);
const result = spawnSync(process.execPath, ['bin/netwright.mjs', 'train', '--sample', 'spirals', '--epochs', '40', '--lr', '0.01', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
