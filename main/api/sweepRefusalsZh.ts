// The Simplified Chinese of why a group of runs (seeds, a sweep) is refused before anything is created, by sweep
// problem code (engine/core/train/sweep.ts) with the setting and value: one table for the studio
// (renderer/src/groups/messages.ts) and the command line (main/cli/errorWords.ts), whose English is the refusal's own.
import type { SweepProblem } from '../../engine/core/train/sweep';

export const SWEEP_REFUSALS_ZH: Record<SweepProblem['code'], string> = {
  'sweep-empty': '未开始：{setting} 没有可尝试的取值。',
  'sweep-duplicate-setting': '未开始：{setting} 被扫描了两次。',
  'sweep-bad-value': '未开始：{setting} 不能取 {value}。',
  'sweep-bad-range': '未开始：{setting} 的范围为空，或在对数刻度上不大于 0。',
  'sweep-not-numeric': '未开始：{setting} 没有范围，请改为列出它的取值。',
  'sweep-no-such-node': '未开始：{setting} 指向的层不在图中。',
  'sweep-not-dropout': '未开始：{setting} 指向的层不是 Dropout 层。',
  'sweep-no-dropout': '未开始：图中没有可扫描丢弃率的 Dropout 层。',
  'sweep-not-a-count': '未开始：{setting} 不是该层的整数参数。',
  'sweep-seeds': '未开始：种子数为 {value}，必须是不小于 1 的整数。',
  'sweep-samples': '未开始：随机抽取次数为 {value}，必须是不小于 1 的整数。',
  'sweep-too-many-runs': '未开始：扫描会产生过多的运行，请减少取值或种子数。',
  'sweep-base-config': '未开始：训练设置 {setting} 超出范围。',
  'sweep-base-graph': '未开始：该图无法训练，请查看模型视图。',
  'sweep-config': '未开始：{setting} = {value} 超出训练允许的范围。',
  'sweep-graph': '未开始：{setting} = {value} 会使图无法训练。',
};
