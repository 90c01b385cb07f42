// The IPC channel names the preload and the main process share, in one place so neither side can drift.
export const CHANNELS = {
  /** invoke(method, args) → CallOutcome */
  call: 'studio:call',
  /** main → renderer: StudioEvent */
  event: 'studio:event',
  /** main → renderer: MenuCommand */
  menu: 'menu',
  /** invoke() → FileRef | null */
  pickCsv: 'dialog:csv',
  /** invoke() → FileRef | null */
  pickImages: 'dialog:images',
  /** invoke() → FileRef | null: Open model… (an ONNX file) */
  pickModel: 'dialog:model',
  /** invoke(defaultName, format) → string | null */
  pickExport: 'dialog:export',
} as const;
