// Words more than one view shows: the name of a new, empty network (the editor's New, the welcome page, a first import).
import type { Messages } from './i18n.svelte';

export const sharedMessages: Messages<'untitled'> = {
  en: { untitled: 'Untitled network' },
  'zh-CN': { untitled: '未命名网络' },
};
