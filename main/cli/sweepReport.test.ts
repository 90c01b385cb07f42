// The sweep's closing report in words: a group Ctrl-C left to continue is 'interrupted', not 'running'.
import { describe, expect, it } from 'vitest';
import { groupReportText, type GroupReport } from './sweepReport';

const report: GroupReport = {
  type: 'group',
  id: '970e18a9aaaa',
  name: 'sigsweep',
  kind: 'grid',
  status: 'running',
  metric: 'val_accuracy',
  runs: [],
  combinations: [],
};

describe('the sweep report', () => {
  it('says a group Ctrl-C left is interrupted, in both languages; one still going is running', () => {
    expect(groupReportText(report, 'en', true)).toMatch(/^group 970e18a9 'sigsweep' \(grid\): interrupted/);
    expect(groupReportText(report, 'zh', true)).toContain('已中断');
    expect(groupReportText(report, 'en')).toMatch(/: running/);
    expect(groupReportText({ ...report, status: 'completed' }, 'en', true)).toMatch(/: completed/);
  });
});
