// Hands the one StudioState to every component below App (Svelte context), so components never import a global.
import { getContext, setContext } from 'svelte';
import type { StudioState } from './studio.svelte';

const KEY = Symbol('netwright-studio');

export function provideStudio(state: StudioState): void {
  setContext(KEY, state);
}

export function useStudio(): StudioState {
  const state = getContext<StudioState | undefined>(KEY);
  if (!state) throw new Error('useStudio() outside the studio: App provides it');
  return state;
}
