// Words more than one view shows: the name of a new, empty network (the editor's New, the welcome page, a first
// import) and the keyboard commands' labels (lib/commands.ts; the F1 list shows them).
import type { Messages } from './i18n.svelte';

export const sharedMessages: Messages<
  | 'untitled'
  | 'keyUndo'
  | 'keyRedo'
  | 'keyDelete'
  | 'keyDuplicate'
  | 'keyCopy'
  | 'keyPaste'
  | 'keyFit'
  | 'keySave'
  | 'keyTrain'
  | 'keyHelp'
> = {
  en: {
    untitled: 'Untitled network',
    keyUndo: 'Undo',
    keyRedo: 'Redo',
    keyDelete: 'Delete the selection',
    keyDuplicate: 'Duplicate the selection',
    keyCopy: 'Copy the selection',
    keyPaste: 'Paste',
    keyFit: 'Zoom to fit',
    keySave: 'Save the graph now',
    keyTrain: 'Start training',
    keyHelp: 'This help',
  },
  'zh-CN': {
    untitled: '未命名网络',
    keyUndo: '撤销',
    keyRedo: '重做',
    keyDelete: '删除所选',
    keyDuplicate: '复制所选节点',
    keyCopy: '复制所选',
    keyPaste: '粘贴',
    keyFit: '缩放至适合',
    keySave: '立即保存图',
    keyTrain: '开始训练',
    keyHelp: '本帮助',
  },
};
