// Splits a child process's output stream into lines for the bench's runners (the last line may lack its newline).

/** Calls `handle` with each whole line of `stream`, and with what is left when it ends. */
export function onLines(stream: NodeJS.ReadableStream, handle: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    lines.forEach(handle);
  });
  stream.on('end', () => {
    if (pending) handle(pending);
  });
}
