// The command table drives both the key handlers and the F1 list: which key press asks for which command, where
// it is ignored (text fields, dialogs), and how the list spells the keys.
import { describe, expect, it, vi } from 'vitest';
import { COMMANDS, commandFor, keyHandler, keysOf, matches, shortcutRows, type KeyPress } from './commands';
import { sharedMessages } from './messages';

function press(key: string, options: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, target: null, ...options };
}
const input = { tagName: 'INPUT', closest: () => null } as unknown as EventTarget;
const buttonInDialog = {
  tagName: 'BUTTON',
  closest: (s: string) => (s === '[role="dialog"]' ? {} : null),
} as unknown as EventTarget;

describe('keyboard commands', () => {
  it("maps the editor's keys, Ctrl or ⌘, with Shift telling undo from redo", () => {
    expect(commandFor('editor', press('z', { ctrlKey: true }))).toBe('undo');
    expect(commandFor('editor', press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(commandFor('editor', press('y', { metaKey: true }))).toBe('redo');
    expect(commandFor('editor', press('d', { metaKey: true }))).toBe('duplicate');
    expect(commandFor('editor', press('c', { ctrlKey: true }))).toBe('copy');
    expect(commandFor('editor', press('v', { ctrlKey: true }))).toBe('paste');
    expect(commandFor('editor', press('f'))).toBe('fit');
    expect(commandFor('editor', press('f', { altKey: true }))).toBeNull();
    expect(commandFor('editor', press('f', { ctrlKey: true }))).toBeNull();
  });

  it('leaves text fields and dialogs alone in the editor, but saves, trains and helps from anywhere', () => {
    expect(commandFor('editor', press('z', { ctrlKey: true, target: input }))).toBeNull();
    expect(commandFor('editor', press('f', { target: buttonInDialog }))).toBeNull();
    expect(commandFor('studio', press('s', { ctrlKey: true, target: input }))).toBe('save');
    expect(commandFor('studio', press('Enter', { metaKey: true, target: input }))).toBe('train');
    expect(commandFor('studio', press('F1', { target: input }))).toBe('help');
    expect(commandFor('studio', press('?', { shiftKey: true }))).toBe('help');
    expect(commandFor('studio', press('?', { shiftKey: true, target: input }))).toBeNull();
  });

  it("answers only its own scope's commands", () => {
    expect(commandFor('editor', press('s', { ctrlKey: true }))).toBeNull();
    expect(commandFor('studio', press('z', { ctrlKey: true }))).toBeNull();
    expect(commandFor('editor', press('Delete'))).toBeNull(); // the canvas deletes by itself
    expect(keysOf('delete')).toEqual(['Delete', 'Backspace']);
  });

  it('gives no key press to two commands', () => {
    const bindings = COMMANDS.flatMap((command) => command.keys.map((binding) => ({ id: command.id, binding })));
    for (const { id, binding } of bindings) {
      const asked = press(binding.key, {
        ctrlKey: 'mod' in binding && binding.mod,
        shiftKey: 'shift' in binding && binding.shift,
      });
      const takers = bindings.filter((other) => matches(other.binding, asked)).map((other) => other.id);
      expect(takers, `${id}: ${binding.key}`).toEqual([id]);
    }
  });

  it('prevents the browser default only when the action did something', () => {
    const copy = vi.fn(() => false);
    const undo = vi.fn();
    const handler = keyHandler('editor', {
      undo,
      redo: vi.fn(),
      duplicate: vi.fn(),
      copy,
      paste: vi.fn(),
      fit: vi.fn(),
    });
    const event = (key: string) =>
      ({ ...press(key, { ctrlKey: true }), preventDefault: vi.fn() }) as unknown as KeyboardEvent & {
        preventDefault: ReturnType<typeof vi.fn>;
      };
    const copyEvent = event('c');
    handler(copyEvent);
    expect(copy).toHaveBeenCalledOnce();
    expect(copyEvent.preventDefault).not.toHaveBeenCalled();
    const undoEvent = event('z');
    handler(undoEvent);
    expect(undo).toHaveBeenCalledOnce();
    expect(undoEvent.preventDefault).toHaveBeenCalledOnce();
    const otherEvent = event('q');
    handler(otherEvent);
    expect(otherEvent.preventDefault).not.toHaveBeenCalled();
  });

  it('lists every command with its translated label and keys spelt for the platform', () => {
    const rows = shortcutRows(false);
    expect(rows.map((r) => r.id)).toEqual(COMMANDS.map((c) => c.id));
    for (const row of rows) expect(sharedMessages.en[row.label], row.id).toBeTruthy();
    expect(rows.find((r) => r.id === 'redo')?.keys).toBe('Shift+Ctrl+Z / Ctrl+Y');
    expect(rows.find((r) => r.id === 'help')?.keys).toBe('F1 / ?');
    expect(rows.find((r) => r.id === 'delete')?.keys).toBe('Delete / Backspace');
    expect(shortcutRows(true).find((r) => r.id === 'duplicate')?.keys).toBe('⌘+D');
  });
});
