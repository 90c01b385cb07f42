// How a failed command reports: one line `netwright: <message>` and exit code 1, or for a usage mistake the
// message, the command's usage and exit code 2. Importers and exporters may put line breaks in their messages.
import { UsageError } from './args';

export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

/** A message on one line. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** What to print on stderr for `error`, and the exit code. */
export function errorReport(error: unknown, commandUsage: string): { text: string; code: number } {
  const message = oneLine(error instanceof Error ? error.message : String(error));
  if (error instanceof UsageError)
    return { text: `netwright: ${message}\nusage: ${error.usage ?? commandUsage}\n`, code: EXIT_USAGE };
  return { text: `netwright: ${message}\n`, code: EXIT_ERROR };
}
