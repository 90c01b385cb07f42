// `netwright help`: every command is listed with what it does (image-folder import included), and the old
// spelling `resume` still reaches `continue`.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './index';

describe('netwright help', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function printed(argv: string[]): Promise<{ text: string; code: number }> {
    let text = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      text += String(chunk);
      return true;
    });
    const code = await main(argv);
    vi.restoreAllMocks();
    return { text, code };
  }

  it('lists image-folder import and continue, not a second meaning of resume', async () => {
    const { text, code } = await printed(['help']);
    expect(code).toBe(0);
    expect(text).toMatch(/^ {2}import +.*folder of images/m);
    expect(text).toMatch(/^ {2}continue +continue a stopped, failed or interrupted run/m);
    expect(text).not.toMatch(/^ {2}resume /m);
  });

  it('answers `help resume` with the usage of continue', async () => {
    const { text } = await printed(['help', 'resume']);
    expect(text).toContain('usage: netwright continue RUN');
  });
});
