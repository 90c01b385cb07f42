// What node components read from the editor without going through node data: the live analysis of the graph.
// Getters, so a node re-renders only when what it reads changes, never while nodes are dragged.
import { getContext, setContext } from 'svelte';
import type { ReceptiveField } from '../../../engine/core/spec/receptiveField';
import type { Analysis } from '../../../engine/core/spec/types';
import type { GroupedProblems } from './problems';

export interface EditorView {
  readonly analysis: Analysis;
  readonly problems: GroupedProblems;
  /** Each image layer's receptive field (receptiveField.ts), computed when first read after a change. */
  readonly receptiveFields: ReadonlyMap<string, ReceptiveField>;
}

const KEY = Symbol('netwright-editor');

export function provideEditorView(view: EditorView): void {
  setContext(KEY, view);
}

export function useEditorView(): EditorView {
  const view = getContext<EditorView | undefined>(KEY);
  if (!view) throw new Error('useEditorView() outside the model editor');
  return view;
}
