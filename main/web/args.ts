// The web server's command line: `--port N` (0 or absent: NETWRIGHT_PORT, else a free port) and `--help`.
// Anything else is refused by name, so a mistyped option is never silently ignored.
import type { CliLocale } from '../cli/locale';
import { webLocale, webSay } from './words';

export type WebArgs = { help: true } | { help: false; port: number };

/** Parses argv (without node and the script); throws an Error naming the bad argument, in the terminal's language. */
export function parseWebArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): WebArgs {
  const locale = webLocale(env);
  let port: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--port' || arg.startsWith('--port=')) {
      const text = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      port = portNumber(text, '--port', locale);
      continue;
    }
    throw new Error(webSay('unknown-argument', { argument: arg }, locale));
  }
  const fromEnv = env.NETWRIGHT_PORT ? portNumber(env.NETWRIGHT_PORT, 'NETWRIGHT_PORT', locale) : 0;
  return { help: false, port: port ?? fromEnv };
}

function portNumber(text: string | undefined, what: string, locale: CliLocale): number {
  const port = text !== undefined && /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(webSay('bad-port', { what, value: text ?? '' }, locale));
  }
  return port;
}
