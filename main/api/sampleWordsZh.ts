// The sample datasets' descriptions in Simplified Chinese (main/services/studio/samples.ts has the English): one
// table for the studio's welcome and Data views (renderer/src/app/catalogText.ts) and for `netwright samples`.
export const SAMPLE_DESCRIPTIONS_ZH = {
  spirals: '三条交错的二维螺旋线：一条直线分不开它们，一个小型多层感知机可以。',
  'two-moons': '两个带噪声、相互咬合的半月形：经典的第一个非线性决策边界。',
  'noisy-curve': '一条带噪声的正弦曲线：目标平滑的回归问题。',
  'noisy-curve-small': '曲线上的 20 个噪声点：大网络会过拟合，Dropout 有帮助（与 Dropout 演示模板搭配）。',
  'dropout-curve': '曲线上的 20 个带噪声的训练点，用同一曲线上的 200 个验证点来评判：Dropout 课程的数据。',
  shapes: '按类别分文件夹的四种形状的小灰度图像：第一个卷积神经网络。',
} as const;

export type SampleName = keyof typeof SAMPLE_DESCRIPTIONS_ZH;
