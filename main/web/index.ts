// `npm run web`: starts web mode on 127.0.0.1 and prints the address with its token; opens nothing else.
// Ctrl-C stops a training run at its last checkpoint, closes the store and ends the engine.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { netwrightHome } from '../cli/home';
import { parseWebArgs } from './args';
import { startWebServer } from './server';
import { webSay } from './words';

export { webSay } from './words';

function rendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, 'renderer'), resolve(here, '../../dist/renderer')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[1];
}

export async function main(argv: string[]): Promise<void> {
  const args = parseWebArgs(argv);
  if (args.help) {
    process.stdout.write(`${webSay('usage')}\n`);
    return;
  }
  const { port } = args;
  // NETWRIGHT_WEB_TOKEN fixes the token (end-to-end tests); otherwise it is random for every start.
  const token = process.env.NETWRIGHT_WEB_TOKEN || undefined;
  if (token !== undefined && !/^[A-Za-z0-9_-]{16,128}$/.test(token)) throw new Error(webSay('bad-token'));
  // NETWRIGHT_WEB_MAX_UPLOAD_MB: the largest file the page may upload, in MiB (default 2048).
  const maxUploadMb = process.env.NETWRIGHT_WEB_MAX_UPLOAD_MB
    ? Number(process.env.NETWRIGHT_WEB_MAX_UPLOAD_MB)
    : undefined;
  if (maxUploadMb !== undefined && !(maxUploadMb > 0 && Number.isFinite(maxUploadMb))) {
    throw new Error(webSay('bad-max-upload', { value: process.env.NETWRIGHT_WEB_MAX_UPLOAD_MB ?? '' }));
  }
  const maxUploadBytes = maxUploadMb === undefined ? undefined : Math.floor(maxUploadMb * 1024 * 1024);
  const server = await startWebServer({
    home: netwrightHome(),
    rendererDir: rendererDir(),
    port,
    token,
    maxUploadBytes,
  });
  process.stdout.write(`${webSay('serving', { url: server.url, home: server.studio.layout.home })}\n`);
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${webSay('stopping')}\n`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`netwright: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`netwright: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
