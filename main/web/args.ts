// The web server's command line: `--port N` (0 or absent: NETWRIGHT_PORT, else a free port) and `--help`.
// Anything else is refused by name, so a mistyped option is never silently ignored.

export const WEB_USAGE = `usage: npm run web [-- --port N]
  Serves the studio on 127.0.0.1 with a secret token in its address; prints that address.
  --port N   listen on port N (default: NETWRIGHT_PORT, else a free port)
  --help     print this and exit
Environment: NETWRIGHT_HOME (where data lives), NETWRIGHT_WEB_MAX_UPLOAD_MB (largest upload, default 2048),
NETWRIGHT_THREADS (engine threads).`;

export type WebArgs = { help: true } | { help: false; port: number };

/** Parses argv (without node and the script); throws an Error naming the bad argument. */
export function parseWebArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): WebArgs {
  let port: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--port' || arg.startsWith('--port=')) {
      const text = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      port = portNumber(text, '--port');
      continue;
    }
    throw new Error(`unknown argument '${arg}' (web mode takes --port N; --help lists everything)`);
  }
  return { help: false, port: port ?? (env.NETWRIGHT_PORT ? portNumber(env.NETWRIGHT_PORT, 'NETWRIGHT_PORT') : 0) };
}

function portNumber(text: string | undefined, what: string): number {
  const port = text !== undefined && /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${what} takes a port number from 0 to 65535, not '${text ?? ''}'`);
  }
  return port;
}
