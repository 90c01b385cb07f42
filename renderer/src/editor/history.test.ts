import { describe, expect, it } from 'vitest';
import { copyNodes, pasteNodes } from './clipboard';
import { emptySpec } from '../../../engine/core/spec/empty';
import { addLayer, connect, removeElements, setParam } from './ops';
import { EditSession } from './session';

describe('undo and redo', () => {
  it('walks back and forth through add, connect, param edit, paste and delete', () => {
    const session = new EditSession(emptySpec([2]));
    const states = [session.spec];
    const step = (next: typeof session.spec) => {
      expect(session.apply(next)).toBe(true);
      states.push(session.spec);
    };

    const added = addLayer(session.spec, 'dense', { x: 0, y: 90 });
    step(added.spec);
    const relu = addLayer(session.spec, 'relu', { x: 0, y: 180 });
    step(relu.spec);
    const connected = connect(session.spec, { from: added.id, to: relu.id });
    if (!connected.ok) throw new Error('refused');
    step(connected.spec);
    step(setParam(session.spec, added.id, 'units', 8));
    step(pasteNodes(session.spec, copyNodes(session.spec, [added.id, relu.id]), { x: 40, y: 40 }).spec);
    step(removeElements(session.spec, ['input']));

    for (let i = states.length - 2; i >= 0; i--) {
      expect(session.undo()).toBe(true);
      expect(session.spec).toBe(states[i]);
    }
    expect(session.undo()).toBe(false);
    for (let i = 1; i < states.length; i++) {
      expect(session.redo()).toBe(true);
      expect(session.spec).toBe(states[i]);
    }
    expect(session.redo()).toBe(false);
  });

  it('forgets what could be redone once a new edit is made', () => {
    const session = new EditSession(emptySpec());
    session.apply(addLayer(session.spec, 'dense', null).spec);
    session.undo();
    expect(session.canRedo).toBe(true);
    session.apply(addLayer(session.spec, 'relu', null).spec);
    expect(session.canRedo).toBe(false);
    expect(session.spec.nodes.map((n) => n.op)).toEqual(['input', 'relu']);
  });

  it('records nothing for an edit that changes nothing', () => {
    const session = new EditSession(emptySpec());
    expect(session.apply(session.spec)).toBe(false);
    expect(session.canUndo).toBe(false);
  });

  it('clears the history when another graph is opened', () => {
    const session = new EditSession(emptySpec());
    session.apply(addLayer(session.spec, 'dense', null).spec);
    session.reset(emptySpec([3]));
    expect(session.canUndo).toBe(false);
  });
});
