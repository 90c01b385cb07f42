// Words of the pieces shared by the views (chart controls).
import type { Messages } from '../lib/i18n.svelte';

const en = {
  smoothing: 'Smoothing',
  logScale: 'Log scale',
} as const;

export const uiMessages: Messages<keyof typeof en> = {
  en,
  'zh-CN': {
    smoothing: '平滑',
    logScale: '对数刻度',
  },
};
