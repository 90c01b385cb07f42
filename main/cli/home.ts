// Where the studio keeps its data: $NETWRIGHT_HOME, or ~/.netwright for the command line.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function netwrightHome(): string {
  return process.env.NETWRIGHT_HOME ? resolve(process.env.NETWRIGHT_HOME) : join(homedir(), '.netwright');
}
