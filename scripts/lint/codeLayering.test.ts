// The import layers as the build enforces them: the repository's own ESLint config, fed files that break (or keep)
// docs/ARCHITECTURE.md's table, must fail (or pass) them with a message naming the folders.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The code-layering messages for `code` as if it were the file at `file` (repository-relative). */
async function layering(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  return result.messages.filter((m) => m.ruleId === 'local/code-layering').map((m) => m.message);
}

describe('local/code-layering', () => {
  it('keeps Node, packages and the other folders out of engine/core', async () => {
    expect(
      await layering(
        'engine/core/spec/probe.ts',
        "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n",
      ),
    ).toEqual([expect.stringContaining("engine/core may not import the Node built-in 'node:fs'")]);
    expect(
      await layering('engine/core/spec/probe.ts', "import path from 'path';\nexport const p = path;\n"),
    ).toHaveLength(1);
    expect(
      await layering(
        'engine/core/spec/probe.ts',
        "import { EngineClient } from '../../host/client';\nexport const c = EngineClient;\n",
      ),
    ).toEqual([expect.stringContaining('engine/core may not import engine/host')]);
    expect(
      await layering('engine/core/spec/probe.ts', "import { Chart } from 'chart.js';\nexport const c = Chart;\n"),
    ).toEqual([expect.stringContaining("may not import the package 'chart.js'")]);
    expect(
      await layering(
        'engine/core/spec/probe.ts',
        "import { analyze } from './analyze';\nimport { Rng } from '../rng';\nexport const a = [analyze, Rng];\n",
      ),
    ).toEqual([]);
  });

  it('lets only main/electron import electron', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await layering('main/services/studio/probe.ts', code)).toEqual([
      expect.stringContaining('Only main/electron'),
    ]);
    expect(await layering('renderer/src/app/probe.ts', code)).toHaveLength(1);
    expect(await layering('main/electron/probe.ts', code)).toEqual([]);
  });

  it('keeps the renderer to engine/core, main/api and browser packages', async () => {
    expect(
      await layering(
        'renderer/src/editor/Probe.svelte',
        "<script lang=\"ts\">\n  import { join } from 'node:path';\n  const p = join('a', 'b');\n</script>\n<p>{p}</p>\n",
      ),
    ).toEqual([expect.stringContaining("renderer/src may not import the Node built-in 'node:path'")]);
    expect(
      await layering(
        'renderer/src/lib/probe.ts',
        "import { Studio } from '../../../main/services/studio/studio';\nexport const s = Studio;\n",
      ),
    ).toEqual([expect.stringContaining('renderer/src may not import main/services')]);
    expect(
      await layering(
        'renderer/src/lib/probe.ts',
        "import { STUDIO_METHODS } from '../../../main/api/types';\nimport { analyze } from '../../../engine/core/spec/analyze';\nexport const a = [STUDIO_METHODS, analyze];\n",
      ),
    ).toEqual([]);
  });

  it('lets main/api take only types from main/services', async () => {
    expect(
      await layering(
        'main/api/probe.ts',
        "import { openStore } from '../services/store/store';\nexport const o = openStore;\n",
      ),
    ).toEqual([expect.stringContaining('main/api may import only types from main/services')]);
    expect(
      await layering(
        'main/api/probe.ts',
        "import type { RunQuery } from '../services/store/runQuery';\nexport type Q = RunQuery;\n",
      ),
    ).toEqual([]);
  });

  it("keeps the engine process's own modules out of the main process", async () => {
    expect(
      await layering(
        'main/services/engine/probe.ts',
        "import { EngineHost } from '../../../engine/host/engine/runner';\nexport const h = EngineHost;\n",
      ),
    ).toEqual([expect.stringContaining('private to engine/host')]);
    expect(
      await layering(
        'main/services/engine/probe.ts',
        "import { EngineClient } from '../../../engine/host/parent/client';\nexport const c = EngineClient;\n",
      ),
    ).toEqual([]);
  });

  it('lets tests reach Node, the kernels and test helpers, but not Electron', async () => {
    const code =
      "import { readFileSync } from 'node:fs';\nimport { loadKernels } from '../../native';\nimport { tinyMlp } from '../../test/models';\nexport const x = [readFileSync, loadKernels, tinyMlp];\n";
    expect(await layering('engine/core/io/probe.test.ts', code)).toEqual([]);
    expect(await layering('engine/core/io/probe.ts', code)).toHaveLength(3);
    expect(
      await layering('main/services/probe.test.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(1);
  });
});
