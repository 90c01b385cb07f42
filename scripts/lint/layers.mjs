// What each folder may import: docs/ARCHITECTURE.md's table ("Folders and what each may import") as data for the
// `local/code-layering` rule. Folders not listed here (scripts, bench, e2e, bin) are tools and are not governed.

/** Modules of engine/host that run only inside the engine process; the main process talks to them through the protocol. */
const engineProcessOnly = [
  'engine/host/engine/main',
  'engine/host/engine/runner',
  'engine/host/engine/checkpointSaver',
];

/** @type {Record<string, import('./codeLayering.mjs').Layer>} */
export const layers = {
  // Pure TypeScript shared by the renderer, the engine and the main process: no Node, no DOM, no packages.
  'engine/core': { may: [], where: 'anywhere (no Node, no DOM)' },
  // The addon's TypeScript loader: it implements engine/core's Kernels contract.
  'engine/native': { mayTypes: ['engine/core'], node: true, packages: true },
  'engine/host': { may: ['engine/core', 'engine/native'], node: true, packages: true, private: engineProcessOnly },
  // The StudioApi contract and its checks: runs anywhere, so besides engine/core (which runs anywhere too: the
  // coded errors' base, engine/core/errors) it holds only types from elsewhere.
  'main/api': { may: ['engine/core'], mayTypes: ['main/services'], where: 'anywhere (renderer included)' },
  'main/services': { may: ['engine/core', 'engine/host', 'main/api'], node: true, packages: true },
  // The CLI runs over the same Studio services.
  'main/cli': { may: ['engine/core', 'engine/host', 'main/api', 'main/services'], node: true, packages: true },
  // Web mode shares the CLI's home folder (main/cli/home.ts).
  'main/web': {
    may: ['engine/core', 'engine/host', 'main/api', 'main/services', 'main/cli'],
    node: true,
    packages: true,
  },
  // The desktop shell serves the renderer with web mode's security headers (main/web/static.ts).
  'main/electron': {
    may: ['engine/core', 'engine/host', 'main/api', 'main/services', 'main/cli', 'main/web'],
    node: true,
    packages: true,
  },
  // The browser: engine/core (spec, catalogue, schedules' curves, diagnosis) and main/api (types, method list).
  'renderer/src': { may: ['engine/core', 'main/api'], packages: true, where: 'in the browser' },
  // Test helpers and cross-cutting engine tests (golden parity, gradient checks).
  'engine/test': { may: ['engine/core', 'engine/native', 'engine/host'], node: true, packages: true },
};

/** Only the desktop shell imports Electron. */
export const packageOwners = { electron: ['main/electron'] };

/**
 * Tests may also reach test helpers, the kernels and the engine's files, Node and dev packages (an engine/core
 * test loads the addon or writes files); the layer's own folders stay as they are and Electron stays in main/electron.
 */
export const testLayers = Object.fromEntries(
  Object.entries(layers).map(([folder, layer]) => [
    folder,
    {
      may: [
        ...new Set([
          ...(layer.may ?? []),
          ...(layer.mayTypes ?? []),
          'engine/core',
          'engine/native',
          'engine/host',
          'engine/test',
        ]),
      ],
      node: true,
      packages: true,
      private: layer.private,
    },
  ]),
);
