import { describe, expect, it } from 'vitest';
import { parseWebArgs } from './args';

describe('web mode arguments', () => {
  it('takes --port N, --port=N, or NETWRIGHT_PORT, else a free port (0)', () => {
    expect(parseWebArgs(['--port', '7000'], {})).toEqual({ help: false, port: 7000 });
    expect(parseWebArgs(['--port=7001'], {})).toEqual({ help: false, port: 7001 });
    expect(parseWebArgs([], { NETWRIGHT_PORT: '7002' })).toEqual({ help: false, port: 7002 });
    expect(parseWebArgs(['--port', '7003'], { NETWRIGHT_PORT: '7002' })).toEqual({ help: false, port: 7003 });
    expect(parseWebArgs([], {})).toEqual({ help: false, port: 0 });
  });

  it('answers --help and -h without starting anything', () => {
    expect(parseWebArgs(['--help'], {})).toEqual({ help: true });
    expect(parseWebArgs(['--port', '7000', '-h'], {})).toEqual({ help: true });
  });

  it('refuses unknown arguments and bad ports by name', () => {
    expect(() => parseWebArgs(['--prot', '7000'], {})).toThrow("unknown argument '--prot'");
    expect(() => parseWebArgs(['7000'], {})).toThrow("unknown argument '7000'");
    expect(() => parseWebArgs(['--port'], {})).toThrow("--port takes a port number from 0 to 65535, not ''");
    expect(() => parseWebArgs(['--port', '70000'], {})).toThrow("not '70000'");
    expect(() => parseWebArgs(['--port', '1e3'], {})).toThrow("not '1e3'");
    expect(() => parseWebArgs([], { NETWRIGHT_PORT: 'web' })).toThrow('NETWRIGHT_PORT takes a port number');
  });

  it("says so in the terminal's language (NETWRIGHT_LANG, else LC_ALL, LC_MESSAGES, LANG)", () => {
    expect(() => parseWebArgs(['--prot'], { LANG: 'zh_CN.UTF-8' })).toThrow("未知参数 '--prot'");
    expect(() => parseWebArgs(['--port', 'x'], { NETWRIGHT_LANG: 'zh' })).toThrow(
      "--port 需要 0 到 65535 之间的端口号，而不是 'x'",
    );
    // A NETWRIGHT_LANG that names no language leaves web mode in English (the CLI refuses it; a server should start).
    expect(() => parseWebArgs(['--prot'], { NETWRIGHT_LANG: 'fr' })).toThrow("unknown argument '--prot'");
  });
});
