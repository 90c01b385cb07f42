// The Simplified Chinese of why a run failed (runFailures.ts has the English): the studio and the command line.
import type { RunFailureCode } from '../../engine/core/train/runFailure';

export const RUN_FAILURES_ZH: Record<RunFailureCode, string> = {
  'diverged-gradients':
    '损失在第 {epoch} 轮第 {step} 步变为 NaN 或无穷大（学习率 {learningRate}，{optimizer}），训练已停止。可能的原因：梯度爆炸（最后一次梯度范数为 {gradNorm}）。',
  'diverged-rate':
    '损失在第 {epoch} 轮第 {step} 步变为 NaN 或无穷大（学习率 {learningRate}，{optimizer}），训练已停止。可能的原因：学习率对 {optimizer} 来说太高，通常不超过 {usualRate}。',
  'diverged-gradients-rate':
    '损失在第 {epoch} 轮第 {step} 步变为 NaN 或无穷大（学习率 {learningRate}，{optimizer}），训练已停止。可能的原因：步长太大导致梯度爆炸（最后一次梯度范数为 {gradNorm}）：学习率对 {optimizer} 来说太高，通常不超过 {usualRate}。',
  'diverged-data':
    '损失在第 {epoch} 轮第 {step} 步变为 NaN 或无穷大（学习率 {learningRate}，{optimizer}），训练已停止。学习率和梯度看起来都正常：请检查数据中是否有 NaN、无穷大或非常大的值，或者某一层不稳定。',
  'diverged-unclear':
    '损失在第 {epoch} 轮第 {step} 步变为 NaN 或无穷大（学习率 {learningRate}，{optimizer}），训练已停止。学习率在 {optimizer} 的常用范围内：可能是步长仍然变得过大（梯度爆炸，梯度裁剪可以测量并限制它），或者数据中有 NaN、无穷大或非常大的值。',
  'engine-killed': '引擎进程被终止（{signal}）',
  'engine-crashed': '引擎进程崩溃（退出码 {exitCode}）',
  'engine-exited': '引擎进程在运行结束前退出了',
  'studio-closed': '运行还没停下，工作室就关闭了',
  'interrupted-queued': 'Netwright 在这个运行排队时关闭了；可以从它的最后一个检查点继续。',
  'interrupted-running': 'Netwright 在这个运行训练时关闭了；可以从它的最后一个检查点继续。',
  'interrupted-paused': 'Netwright 在这个运行暂停时关闭了；可以从它的最后一个检查点继续。',
  'dataset-missing-file': '数据集文件 {file} 不见了：请重新导入数据。',
  'dataset-file-size':
    '数据集文件 {file} 有 {bytes} 字节，而它的清单表明应为 {expected} 字节：文件被截断或改动过；请重新导入数据。',
  'dataset-file-cut': '读取数据集文件 {file} 时，它在 {bytes} 字节中的第 {read} 字节处就结束了：请重新导入数据。',
  'dataset-bad-label': '数据集文件 {file} 把第 {row} 行标为类别 {label}，超出了 0..{last}：请重新导入数据。',
  'dataset-bad-split-row': '数据集文件 {file} 提到第 {row} 行，而数据集只有 {count} 行：请重新导入数据。',
  'dataset-no-manifest': '{folder} 不是数据集文件夹：缺少 {manifest}。',
  'disk-full': '磁盘上没有空间写入 {file}：请腾出一些空间，然后继续这个运行。',
  'no-permission': 'Netwright 没有权限使用 {file}（权限被拒绝）：请允许它访问数据文件夹，然后继续这个运行。',
  'read-only-disk': '{file} 所在的磁盘是只读的：请把数据文件夹移到可写的磁盘上，然后继续这个运行。',
  'system-error': '系统无法读写 {file}（{errno}）：请检查磁盘和文件夹，然后继续这个运行。',
  'out-of-memory': '引擎内存不足：更小的批大小或更小的网络需要的内存更少。',
  'engine-error': '引擎遇到了意料之外的错误，已停止：{message}',
  'no-reason': '运行失败（没有给出原因）',
};
