// The decision boundary on a slow machine, made on purpose in Chromium against web mode: in the page, every answer to
// a boundary request is held back 400 ms, longer than the 200 ms between the studio's refreshes of a training run
// (each a new live-run object). The map must keep updating: a refresh that restarted its update loop would drop each
// answer before it arrived, and the map would never be drawn. Its own studio (see ownStudio), so the welcome offers
// the samples.
import { expect, test, type Locator } from '@playwright/test';
import { openOnSpirals, ownStudio } from './studio';

const studio = ownStudio(24, 'boundary-slow');
test.beforeAll(() => studio.start());
test.afterAll(() => studio.stop());

/** Draws so far: the canvas counts them in data-updates. */
const updates = async (canvas: Locator) => Number((await canvas.getAttribute('data-updates')) ?? 0);

/**
 * Runs in the page before the studio: the web host's socket records the ids of its boundary calls and hands their
 * replies ({"id":N,...}) to the studio `delayMs` late; every other message passes at once. Done in the page, not
 * through a proxy in the test process, which would have to pass hundreds of events a second itself.
 */
function holdBoundaryReplies(delayMs: number): void {
  const held = new Set<number>();
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
    if (typeof data === 'string') {
      const call = JSON.parse(data) as { id?: number; method?: string };
      if (call.method === 'boundary' && call.id !== undefined) held.add(call.id);
    }
    send.call(this, data);
  };
  const onmessage = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!;
  Object.defineProperty(WebSocket.prototype, 'onmessage', {
    ...onmessage,
    set(this: WebSocket, handler: ((message: MessageEvent) => void) | null) {
      onmessage.set!.call(this, (message: MessageEvent) => {
        const id = /^\{"id":(\d+),/.exec(String(message.data))?.[1];
        if (id !== undefined && held.delete(Number(id))) setTimeout(() => handler?.(message), delayMs);
        else handler?.(message);
      });
    },
  });
}

test('the boundary keeps updating when each answer takes longer than a refresh of the curves', async ({ page }) => {
  await page.addInitScript(holdBoundaryReplies, 400);
  await openOnSpirals(page, studio.url);
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('textbox', { name: 'Epochs' }).fill('50000');
  await page.getByRole('button', { name: 'Start training' }).click();

  const canvas = page.getByRole('region', { name: 'Decision boundary' }).locator('canvas');
  await expect(canvas).toHaveAttribute('data-source', 'live', { timeout: 60_000 });
  const drawn = await updates(canvas);
  await expect.poll(() => updates(canvas), { timeout: 60_000 }).toBeGreaterThan(drawn + 5);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(canvas).toHaveAttribute('data-source', 'checkpoint', { timeout: 60_000 });
});
