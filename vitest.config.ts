// Test projects: `unit` (fast, beside the code), `golden` (parity with engine/test/golden/fixtures, or $GOLDEN_DIR), `integration` (processes, files).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['engine/**/*.test.ts', 'main/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'engine/test/golden/**', '**/*.int.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // Renderer logic (graph operations, undo/redo, spec conversion, message tables): plain .ts beside the components.
        test: {
          name: 'renderer',
          include: ['renderer/src/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'golden',
          include: ['engine/test/golden/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          // e2e/ runs under Playwright (npm run test:e2e), not vitest.
          exclude: ['**/node_modules/**', 'e2e/**'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
