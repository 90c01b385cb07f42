// Keyboard shortcuts defined once: each command's id, label (a message key in lib/messages.ts), keys and where it
// acts. The key handlers (App for the studio, Editor for the canvas) and the F1 list all read this table.
import type { sharedMessages } from './messages';

export type SharedMessageKey = keyof (typeof sharedMessages)['en'];

/**
 * One key combination. `mod` is Ctrl, or ⌘ on a Mac. A letter compares case-insensitively and Shift must match it
 * exactly (Ctrl+Z undoes, Shift+Ctrl+Z redoes); for other keys Shift is part of the character ('?').
 */
export interface KeyBinding {
  key: string;
  mod?: boolean;
  shift?: boolean;
  /** Also while the focus is in a text field (saving, training and help work anywhere). */
  whileTyping?: boolean;
}

/**
 * studio: App's handler, in every view. editor: the Editor's handler, never from a text field or a dialog.
 * canvas: the graph canvas (xyflow) acts on these keys itself; the Editor passes it their keys.
 */
export type Scope = 'studio' | 'editor' | 'canvas';

interface CommandDef {
  id: string;
  label: SharedMessageKey;
  scope: Scope;
  keys: readonly KeyBinding[];
}

export const COMMANDS = [
  { id: 'undo', label: 'keyUndo', scope: 'editor', keys: [{ key: 'z', mod: true }] },
  {
    id: 'redo',
    label: 'keyRedo',
    scope: 'editor',
    keys: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
  },
  { id: 'delete', label: 'keyDelete', scope: 'canvas', keys: [{ key: 'Delete' }, { key: 'Backspace' }] },
  { id: 'duplicate', label: 'keyDuplicate', scope: 'editor', keys: [{ key: 'd', mod: true }] },
  { id: 'copy', label: 'keyCopy', scope: 'editor', keys: [{ key: 'c', mod: true }] },
  { id: 'paste', label: 'keyPaste', scope: 'editor', keys: [{ key: 'v', mod: true }] },
  { id: 'fit', label: 'keyFit', scope: 'editor', keys: [{ key: 'f' }] },
  { id: 'save', label: 'keySave', scope: 'studio', keys: [{ key: 's', mod: true, whileTyping: true }] },
  { id: 'train', label: 'keyTrain', scope: 'studio', keys: [{ key: 'Enter', mod: true, whileTyping: true }] },
  { id: 'help', label: 'keyHelp', scope: 'studio', keys: [{ key: 'F1', whileTyping: true }, { key: '?' }] },
] as const satisfies readonly CommandDef[];

type Command = (typeof COMMANDS)[number];
export type CommandId = Command['id'];
type CommandsByScope = { [S in Scope]: Extract<Command, { scope: S }>['id'] };
export type CommandOf<S extends Scope> = CommandsByScope[S];

/** What a key handler reads from a KeyboardEvent (a plain object in tests). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  target?: EventTarget | null;
}

interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  closest?: (selector: string) => unknown;
}

function isTyping(target: TargetLike | null | undefined): boolean {
  if (!target) return false;
  return (
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    !!target.isContentEditable
  );
}

function inDialog(target: TargetLike | null | undefined): boolean {
  return typeof target?.closest === 'function' && !!target.closest('[role="dialog"]');
}

const isLetter = (key: string) => /^[a-z]$/i.test(key);

export function matches(binding: KeyBinding, press: KeyPress): boolean {
  const mod = press.ctrlKey || press.metaKey;
  if (!!binding.mod !== mod) return false;
  if (!isLetter(binding.key)) return press.key === binding.key;
  // A plain letter with Alt is another character on many layouts; with Ctrl, Alt may be AltGr and is ignored.
  if (!mod && press.altKey) return false;
  return press.key.toLowerCase() === binding.key.toLowerCase() && !!binding.shift === press.shiftKey;
}

/** The command of `scope` that `press` asks for, or null. */
export function commandFor<S extends Scope>(scope: S, press: KeyPress): CommandOf<S> | null {
  const target = press.target as TargetLike | null | undefined;
  if (scope === 'editor' && inDialog(target)) return null;
  const typing = isTyping(target);
  for (const command of COMMANDS) {
    if (command.scope !== scope) continue;
    const keys: readonly KeyBinding[] = command.keys;
    if (keys.some((binding) => matches(binding, press) && (binding.whileTyping || !typing)))
      return command.id as CommandOf<S>;
  }
  return null;
}

/** What each command of a scope does; returning false means nothing was done (no selection to copy), so the key goes on. */
export type Actions<S extends Scope> = Record<CommandOf<S>, () => boolean | void>;

/** A keydown handler performing the scope's commands (the compiler checks every command of the scope has an action). */
export function keyHandler<S extends Scope>(scope: S, actions: Actions<S>): (event: KeyboardEvent) => void {
  return (event) => {
    const id = commandFor(scope, event);
    if (id !== null && actions[id]() !== false) event.preventDefault();
  };
}

/** The key names of a command, for a component that listens for them itself (xyflow's deleteKey). */
export function keysOf(id: CommandId): string[] {
  const command: Command | undefined = COMMANDS.find((c) => c.id === id);
  if (!command) throw new Error(`unknown command ${id}`);
  return command.keys.map((binding) => binding.key);
}

/** "Shift+Ctrl+Z", "⌘+D", "F1": one binding as the shortcuts list shows it. */
export function bindingText(binding: KeyBinding, mac: boolean): string {
  const parts: string[] = [];
  if (binding.shift) parts.push('Shift');
  if (binding.mod) parts.push(mac ? '⌘' : 'Ctrl');
  parts.push(isLetter(binding.key) ? binding.key.toUpperCase() : binding.key);
  return parts.join('+');
}

/** The shortcuts list: every command in table order, its label key and its bindings ("Ctrl+Y / Shift+Ctrl+Z"). */
export function shortcutRows(mac: boolean): Array<{ id: CommandId; label: SharedMessageKey; keys: string }> {
  return COMMANDS.map((command) => ({
    id: command.id,
    label: command.label,
    keys: command.keys.map((binding: KeyBinding) => bindingText(binding, mac)).join(' / '),
  }));
}
