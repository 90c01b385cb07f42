// `netwright import MODEL.onnx`: the layer table and the run that holds the weights, the unsupported nodes with
// their reasons, --json for scripts, and a file that is not ONNX refused naming it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { netwright } from './testCli';

const FIXTURES = join(__dirname, '../../engine/test/onnx/fixtures');
const home = mkdtempSync(join(tmpdir(), 'netwright-import-model-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('netwright import MODEL.onnx', () => {
  it('prints the layers and the run holding the weights, which export then writes', () => {
    const result = netwright(home, ['import', join(FIXTURES, 'gelu.op17.nofold.onnx'), '--name', 'gelu-mlp']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('(pytorch 1.13.0, opset 17): 10 ONNX nodes became 4 layers.');
    expect(result.stdout).toMatch(/GELU \(gelu1\)\s+\[6\]\s+0/);
    expect(result.stdout).toContain('GELU (Erf) fused: 1');
    const chinese = netwright(home, ['import', join(FIXTURES, 'gelu.op17.nofold.onnx'), '--name', 'gelu-zh'], {
      NETWRIGHT_LANG: 'zh',
    });
    expect(chinese.status, chinese.stderr).toBe(0);
    expect(chinese.stdout).toContain('（pytorch 1.13.0，opset 17）：10 个 ONNX 节点变为 4 层。');
    expect(chinese.stdout).toContain('已融合 GELU（Erf）：1');
    expect(chinese.stdout).toMatch(/运行 'gelu-zh'（[0-9a-f-]+）保存了这些权重/);
    const runId = /Run 'gelu-mlp' \(([0-9a-f-]+)\) holds the weights/.exec(result.stdout)![1];
    const runs = netwright(home, ['runs', '--json']);
    expect(runs.stdout).toContain(runId);
    const out = join(home, 'gelu.onnx');
    expect(netwright(home, ['export', runId, '--format', 'onnx', '--out', out]).status).toBe(0);
  });

  it('an imported run is a starting point for training on a dataset: train --from loads its weights by name', () => {
    const imported = netwright(home, ['import', join(FIXTURES, 'mlp_gemm.op13.fold.onnx'), '--json']);
    const { runId } = JSON.parse(imported.stdout) as { runId: string };
    // Four features and three classes, as the imported MLP takes and gives.
    const rows = Array.from({ length: 60 }, (_, i) => `${i % 3},${(i * 7) % 5},${(i * 3) % 4},${i % 2},c${i % 3}`);
    const csv = join(home, 'four.csv');
    writeFileSync(csv, `a,b,c,d,label\n${rows.join('\n')}\n`);
    const trained = netwright(home, ['train', '--data', csv, '--label', 'label', '--from', runId, '--epochs', '1']);
    expect(trained.status).toBe(0);
    expect(trained.stdout + trained.stderr).toContain(
      'loaded (4): dense0.weight, dense0.bias, dense2.weight, dense2.bias',
    );
  });

  it('--json gives the graph id, no run, and each unsupported node with its reason', () => {
    const result = netwright(home, ['import', join(FIXTURES, 'unsupported_dilated_stride.op11.fold.onnx'), '--json']);
    expect(result.status).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      graphId: string;
      runId: string | null;
      report: { unsupported: unknown[] };
    };
    expect(parsed.runId).toBeNull();
    expect(parsed.report.unsupported).toEqual([
      {
        nodeId: 'onnx_conv0',
        opType: 'Conv',
        reason: 'onnx-unsupported-attribute',
        args: {
          op: 'Conv',
          attribute: 'dilations',
          value: '[2, 2] (strides [2, 2])',
          supported: 'dilations only with strides [1, 1]',
        },
      },
    ]);
  });

  it('refuses a file that is not ONNX, naming it', () => {
    const path = join(home, 'photo.onnx');
    writeFileSync(path, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const result = netwright(home, ['import', path]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`netwright: '${path}' is not an ONNX model`);
  });
});
