// The Simplified Chinese of what the studio's services refuse (serviceErrors.ts has the codes and the English), and
// of the values those sentences name as codes (a run's status, the kind of record): one table for the command line
// (main/cli/errorWords.ts) and the studio (renderer/src/state/serviceErrorMessages.ts).
import type { ServiceErrorCode, ServiceValueWords } from './serviceErrors';

export const SERVICE_ERRORS_ZH: Record<ServiceErrorCode, string> = {
  'run-training-delete': '这个运行正在训练：请先停止它再删除',
  'run-not-queued': "运行 '{run}' {status}，不在排队中",
  'run-cannot-continue': "运行 '{run}' {status}：只有已停止、失败或已中断的运行可以继续",
  'run-not-training': '运行 {runId} 不在训练中',
  'run-status-change': "运行 '{run}' {status}，不能变为{next}",
  'run-no-dataset': "运行 '{run}' 没有记录数据集",
  'run-no-checkpoint': "运行 '{run}' 还没有检查点：至少需要完成一轮",
  'run-graph-ends': "运行 '{run}'：它的图没有输入或没有输出",
  'start-from-both': '请从一个运行或一个权重文件开始，不能两者都用',
  'empty-name': '{what}名称不能为空',
  'dataset-used-by-run': "数据集 '{dataset}' 正被 {count} 个运行使用；请先删除这些运行",
  'dataset-used-by-runs': "数据集 '{dataset}' 正被 {count} 个运行使用；请先删除这些运行",
  'group-parallel': '一个组同时训练 1 个或更多运行，不能是 {parallel}',
  'group-empty': '一个组至少需要一个运行',
  'export-no-checkpoint': "运行 '{run}' 还没有检查点：导出前请至少训练一轮",
  'export-no-dataset': "运行 '{run}' 没有记录数据集，训练脚本无数据可读",
  'export-not-reimportable':
    "数据集 '{dataset}' 不是从 CSV 文件或图片文件夹导入的，训练脚本无法再次读取它；请改为导出 ONNX 或 safetensors",
  'export-softmax-regression':
    "运行 '{run}' 预测的是数值（回归）：对它们做 softmax 或 sigmoid 得不到概率，所以 --softmax 只适用于分类运行",
  'export-unknown-format': "未知的导出格式 '{format}'：请从 {formats} 中选择",
  'model-unreadable': "无法读取 '{file}'：{reason}",
  'weights-unreadable': '无法读取权重文件 {file}：{reason}',
  'dataset-file-short': '{file} 在第 {row} 行之前就结束了',
  'dataset-file-size': '{file} 有 {bytes} 字节，而数据集清单表明应有 {expected} 字节',
  'store-damaged': '{file} 不是 Netwright 数据库，或者已损坏：{reason}',
  'store-update-failed': '{file}：把数据库更新到结构版本 {version}（{step}）失败：{reason}',
  'store-newer':
    '{file} 由更新版本的 Netwright 写入（数据库结构版本 {found}；此版本最高只认识 {known}）。请更新 Netwright 后再打开；文件未被改动。',
  'upload-not-path': "'{file}' 是上传的文件，但这个工作室按路径读取文件",
  'upload-unknown': "'{file}' 不是这个工作室的上传文件",
  'upload-gone': "上传的文件 '{file}' 已不存在：请重新选择文件",
  'web-uploads-only': '在网页模式下，工作室只读取从本页面上传的文件',
  'no-sample': "没有示例数据集 '{sample}'：请从 {samples} 中选择",
  'sample-missing': "示例 '{sample}' 不在 {folder} 中：请重新安装工作室",
  'sample-outside-dataset': "样本 {sample} 超出了数据集 '{dataset}' 的范围（0..{last}）",
  'feature-maps-shape': "层 '{nodeId}' 的输出是 {shape}：特征图需要 [通道, 高, 宽] 形状的输出",
  'boundary-resolution': '决策边界的分辨率必须是 {min} 到 {max} 之间的整数，收到的是 {resolution}',
  'boundary-features':
    "数据集 '{dataset}' 的特征是 {shape}：决策边界需要 2 个特征和类别，拟合曲线需要 1 个特征和 1 个目标",
  'preview-not-images': "数据集 '{dataset}' 是表格（每行 {shape} 个值）：数据增强只用于图片数据集",
  'preview-size': '预览显示 1..{samples} 张图片，跨越 1..{epochs} 轮',
  'preview-setting': '数据增强：{setting} 的值为 {value}，超出范围',
  'not-found': '{what} {id} 不存在（可能已被删除）',
};

/** A run's status as the Chinese sentences name it ("运行 'a' 正在训练"). */
export const RUN_STATUSES_ZH: Readonly<Record<string, string>> = {
  queued: '排队中',
  running: '正在训练',
  paused: '已暂停',
  completed: '已完成',
  stopped: '已停止',
  failed: '已失败',
  interrupted: '已中断',
};

/** The kind of record a name or a missing record belongs to ({what}). */
export const RECORD_KINDS_ZH: Readonly<Record<string, string>> = {
  run: '运行',
  dataset: '数据集',
  graph: '图',
  'graph version': '图版本',
  group: '组',
  'run group': '运行组',
  project: '项目',
  checkpoint: '检查点',
  export: '导出',
};

/** The Chinese words of the values serviceErrorValues words. */
export const SERVICE_VALUES_ZH: ServiceValueWords = { statuses: RUN_STATUSES_ZH, records: RECORD_KINDS_ZH };
