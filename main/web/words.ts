// What web mode and `npm start` print on the terminal, in English and Simplified Chinese, in the command line's
// language (NETWRIGHT_LANG, else LC_ALL, LC_MESSAGES, LANG: main/cli/locale.ts). The studio itself picks its language
// in the page.
import { cliLocale, say, type CliLocale, type Words } from '../cli/locale';

export type WebWord =
  | 'serving'
  | 'stopping'
  | 'usage'
  | 'unknown-argument'
  | 'bad-port'
  | 'bad-token'
  | 'bad-max-upload'
  | 'fetching-electron'
  | 'web-because'
  // Why `npm start` opened web mode instead of the desktop window ({detail}: what the tool that failed said).
  | 'why-asked'
  | 'why-no-package'
  | 'why-not-downloaded'
  | 'why-binary-missing'
  | 'why-download-skipped'
  | 'why-download-failed'
  | 'why-no-display'
  | 'why-sqlite'
  // Upload folders nothing refers to any more (main/services/studio/uploads.ts), removed as the server starts.
  | 'uploads-pruned';

export const WEB_WORDS: Words<WebWord> = {
  en: {
    serving:
      'Netwright (web mode) is serving the studio at\n  {url}\ndata: {home}\nOpen the address in a browser on this machine. Ctrl-C stops.',
    stopping: 'stopping…',
    usage: `usage: npm run web [-- --port N]
  Serves the studio on 127.0.0.1 with a secret token in its address; prints that address.
  --port N   listen on port N (default: NETWRIGHT_PORT, else a free port)
  --help     print this and exit
Environment: NETWRIGHT_HOME (where data lives), NETWRIGHT_WEB_MAX_UPLOAD_MB (largest upload, default 2048),
NETWRIGHT_THREADS (engine threads), NETWRIGHT_LANG (en or zh: these lines).`,
    'unknown-argument': "unknown argument '{argument}' (web mode takes --port N; --help lists everything)",
    'bad-port': "{what} takes a port number from 0 to 65535, not '{value}'",
    'bad-token': 'NETWRIGHT_WEB_TOKEN must be 16 to 128 letters, digits, - or _',
    'bad-max-upload': "NETWRIGHT_WEB_MAX_UPLOAD_MB must be a positive number of MiB, not '{value}'",
    'fetching-electron': "Netwright: fetching Electron's binary for the desktop app (once)…",
    'web-because': 'Netwright: starting web mode because {why}.',
    'why-asked': 'web mode was asked for',
    'why-no-package': 'the electron package is not installed',
    'why-not-downloaded': "Electron's binary has not been downloaded",
    'why-binary-missing': "Electron's binary is missing at {path}",
    'why-download-skipped': 'ELECTRON_SKIP_BINARY_DOWNLOAD is set',
    'why-download-failed': "Electron's binary could not be downloaded ({detail})",
    'why-no-display': 'there is no display to open a window on',
    'why-sqlite': '{detail}',
    'uploads-pruned': 'removed {count} upload folder(s) that no dataset or run refers to any more',
  },
  zh: {
    serving:
      'Netwright（网页模式）正在提供工作室：\n  {url}\n数据：{home}\n请在本机的浏览器中打开这个地址。按 Ctrl-C 停止。',
    stopping: '正在停止…',
    usage: `用法：npm run web [-- --port N]
  在 127.0.0.1 上提供工作室，地址中带有一个秘密令牌；打印这个地址。
  --port N   监听端口 N（默认：NETWRIGHT_PORT，否则一个空闲端口）
  --help     打印本说明并退出
环境变量：NETWRIGHT_HOME（数据存放位置）、NETWRIGHT_WEB_MAX_UPLOAD_MB（最大上传，默认 2048）、
NETWRIGHT_THREADS（引擎线程数）、NETWRIGHT_LANG（en 或 zh：这些提示的语言）。`,
    'unknown-argument': "未知参数 '{argument}'（网页模式只接受 --port N；--help 列出全部）",
    'bad-port': "{what} 需要 0 到 65535 之间的端口号，而不是 '{value}'",
    'bad-token': 'NETWRIGHT_WEB_TOKEN 必须由 16 到 128 个字母、数字、- 或 _ 组成',
    'bad-max-upload': "NETWRIGHT_WEB_MAX_UPLOAD_MB 必须是以 MiB 计的正数，而不是 '{value}'",
    'fetching-electron': 'Netwright：正在下载桌面应用所需的 Electron 程序（只需一次）…',
    'web-because': 'Netwright：改为启动网页模式，因为{why}。',
    'why-asked': '指定了网页模式',
    'why-no-package': '没有安装 electron 包',
    'why-not-downloaded': '还没有下载 Electron 程序',
    'why-binary-missing': 'Electron 程序不在 {path}',
    'why-download-skipped': '设置了 ELECTRON_SKIP_BINARY_DOWNLOAD',
    'why-download-failed': '无法下载 Electron 程序（{detail}）',
    'why-no-display': '没有可以打开窗口的显示器',
    'why-sqlite': '{detail}',
    'uploads-pruned': '已删除 {count} 个不再被任何数据集或运行引用的上传文件夹',
  },
};

/** The terminal's language for web mode: the command line's, English when NETWRIGHT_LANG names no language. */
export function webLocale(env: Readonly<Record<string, string | undefined>> = process.env): CliLocale {
  try {
    return cliLocale(env);
  } catch {
    return 'en';
  }
}

/** `word`'s text in the terminal's language, its {values} filled in. */
export function webSay(
  word: WebWord,
  values: Readonly<Record<string, string | number>> = {},
  locale: CliLocale = webLocale(),
): string {
  return say(WEB_WORDS, locale, word, values);
}
