// `netwright help`: every command is listed with what it does (image-folder import included), and the old
// spelling `resume` still reaches `continue`.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './index';

describe('netwright help', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
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

  it('lists the commands and their summaries in Chinese for NETWRIGHT_LANG=zh, names and placeholders as they are', async () => {
    vi.stubEnv('NETWRIGHT_LANG', 'zh');
    const { text, code } = await printed(['--help']);
    expect(code).toBe(0);
    expect(text).toMatch(/^用法：netwright <command> \[options\] {3}（netwright <command> --help 查看该命令的选项）$/m);
    expect(text).toMatch(/^ {2}train {5}训练一个模型；运行记录保存在存储中$/m);
    expect(text).toContain('RUN 是运行的 ID');
    expect(text).not.toMatch(/usage:|commands:/);
  });

  it("words a command's notes in Chinese, its options and examples unchanged", async () => {
    vi.stubEnv('NETWRIGHT_LANG', 'zh');
    const { text } = await printed(['export', '--help']);
    expect(text).toMatch(/^用法：netwright export RUN --format onnx\|safetensors\|pytorch \[--out PATH\]/);
    expect(text).toContain('仅用于 onnx：[--softmax]（分类运行）[--normalization fold|metadata]');
    vi.stubEnv('NETWRIGHT_LANG', 'en');
    expect((await printed(['export', '--help'])).text).toBe(
      `usage: netwright export RUN --format onnx|safetensors|pytorch [--out PATH] [--checkpoint best|last] [--json]
  onnx only: [--softmax] (classification runs) [--normalization fold|metadata]
  every export writes a README beside it (<name>.onnx.README.md, <name>.safetensors.README.md, <name>-train.README.md): how to prepare inputs, read outputs, and examples
  (default PATH: NETWRIGHT_HOME/exports/<run>/<format>/; a folder gets a file named after the run)
`,
    );
  });
});
