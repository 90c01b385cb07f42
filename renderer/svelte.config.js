// Svelte options for the renderer: runes everywhere (Svelte 5), TypeScript in components via vitePreprocess.
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
};
