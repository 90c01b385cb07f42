// Runs an async step on a few items at once (sharp decodes on its own threads) but hands results back in item
// order, so what is written does not depend on which decode finishes first.

/** `work` must not reject: a rejection still reaches the caller, but only when its turn comes. */
export async function* mapInOrder<T, R>(
  items: readonly T[],
  window: number,
  work: (item: T, index: number) => Promise<R>,
): AsyncGenerator<R> {
  const pending: Array<Promise<R>> = [];
  let next = 0;
  const start = () => {
    const task = work(items[next], next++);
    task.catch(() => undefined); // the caller may stop early; a later failure must not go unhandled
    pending.push(task);
  };
  while (next < items.length && pending.length < window) start();
  while (pending.length > 0) {
    const result = await pending.shift()!;
    if (next < items.length) start();
    yield result;
  }
}
