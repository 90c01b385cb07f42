// Naive TypeScript implementations of every kernel in the Kernels contract: the oracle the native tests (and any
// other test) compare against. Sums run in double; nothing here is fast. Same argument order as Kernels.
import { Activation, Geom, type Kernels, type PackedWeights } from '../core/kernels';
import { augmentPlaced } from '../core/train/augment';
import { unpackDraw } from '../core/train/augmentPacking';

/** MurmurHash3's 32-bit finalizer. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The dropout generator, identical to the addon's: key = fmix32(fmix32(seed) + 0x9E3779B9 (stream + 1)),
 * uniform(i) = (fmix32(fmix32(i ^ key) + key) >>> 8) / 2^24, all mod 2^32 (seed, stream, i taken as `>>> 0`).
 */
export function dropoutUniform(seed: number, stream: number, index: number): number {
  const key = fmix32((fmix32(seed >>> 0) + Math.imul(0x9e3779b9, (stream + 1) >>> 0)) >>> 0);
  const bits = fmix32((fmix32((index ^ key) >>> 0) + key) >>> 0) >>> 8;
  return bits / 16777216;
}

interface Window {
  N: number;
  C: number;
  H: number;
  W: number;
  O: number;
  KH: number;
  KW: number;
  SH: number;
  SW: number;
  PH: number;
  PW: number;
  OH: number;
  OW: number;
}

function window(geom: Int32Array): Window {
  return {
    N: geom[Geom.N],
    C: geom[Geom.C],
    H: geom[Geom.H],
    W: geom[Geom.W],
    O: geom[Geom.O],
    KH: geom[Geom.KH],
    KW: geom[Geom.KW],
    SH: geom[Geom.SH],
    SW: geom[Geom.SW],
    PH: geom[Geom.PH],
    PW: geom[Geom.PW],
    OH: geom[Geom.OH],
    OW: geom[Geom.OW],
  };
}

const erf = (x: number): number => {
  // JS has no Math.erf: a Chebyshev fit of erfc with fractional error below 1.2e-7, enough for a float32 oracle.
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const y =
    1 -
    t *
      Math.exp(
        -x * x -
          1.26551223 +
          t *
            (1.00002368 +
              t *
                (0.37409196 +
                  t *
                    (0.09678418 +
                      t *
                        (-0.18628806 +
                          t *
                            (0.27886807 +
                              t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
      );
  return x >= 0 ? y : -y;
};

function activate(kind: Activation, x: number, alpha: number): number {
  switch (kind) {
    case Activation.Identity:
      return x;
    case Activation.ReLU:
      return x > 0 ? x : 0;
    case Activation.LeakyReLU:
      return x > 0 ? x : alpha * x;
    case Activation.Sigmoid:
      return 1 / (1 + Math.exp(-x));
    case Activation.Tanh:
      return Math.tanh(x);
    case Activation.GeluTanh:
      return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
    case Activation.GeluErf:
      return 0.5 * x * (1 + erf(x / Math.SQRT2));
    default:
      throw new Error(`unknown activation ${kind as number}`);
  }
}

function activationSlope(kind: Activation, x: number, y: number, alpha: number): number {
  switch (kind) {
    case Activation.Identity:
      return 1;
    case Activation.ReLU:
      return x > 0 ? 1 : 0;
    case Activation.LeakyReLU:
      return x > 0 ? 1 : alpha;
    case Activation.Sigmoid:
      return y * (1 - y);
    case Activation.Tanh:
      return 1 - y * y;
    case Activation.GeluTanh: {
      const c = Math.sqrt(2 / Math.PI);
      const t = Math.tanh(c * (x + 0.044715 * x ** 3));
      return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * c * (1 + 3 * 0.044715 * x * x);
    }
    case Activation.GeluErf:
      return 0.5 * (1 + erf(x / Math.SQRT2)) + (x * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI);
    default:
      throw new Error(`unknown activation ${kind as number}`);
  }
}

const store = (out: Float32Array, i: number, value: number, accumulate: boolean): void => {
  out[i] = accumulate ? out[i] + value : value;
};

/** A Kernels object computed naively in TypeScript (threads are ignored). */
export function createReferenceKernels(): Kernels {
  let threadCount = 1;
  const kernels: Kernels = {
    isa: 'reference',
    setThreads(count) {
      threadCount = count;
    },
    threads() {
      return threadCount;
    },

    gemm(transA, transB, M, N, K, alpha, A, B, beta, C) {
      for (let i = 0; i < M; i++) {
        for (let j = 0; j < N; j++) {
          let sum = 0;
          for (let p = 0; p < K; p++)
            sum += (transA ? A[p * M + i] : A[i * K + p]) * (transB ? B[j * K + p] : B[p * N + j]);
          C[i * N + j] = alpha * sum + (beta === 0 ? 0 : beta * C[i * N + j]);
        }
      }
    },
    denseForward(x, weight, bias, y, batch, inFeatures, outFeatures) {
      for (let b = 0; b < batch; b++) {
        for (let o = 0; o < outFeatures; o++) {
          let sum = bias ? bias[o] : 0;
          for (let i = 0; i < inFeatures; i++) sum += x[b * inFeatures + i] * weight[o * inFeatures + i];
          y[b * outFeatures + o] = sum;
        }
      }
    },
    denseReluForward(x, weight, bias, y, batch, inFeatures, outFeatures) {
      this.denseForward(x, weight, bias, y, batch, inFeatures, outFeatures);
      this.activationForward(Activation.ReLU, y, y, batch * outFeatures, 0);
    },
    // The reference has no packed copy: it always reads the weight itself.
    packedWeights() {
      return {} as PackedWeights;
    },
    packedWeightsBytes() {
      return 0;
    },
    denseBackward(x, weight, dy, dx, dWeight, dBias, batch, inFeatures, outFeatures, accumulateDx) {
      for (let o = 0; o < outFeatures; o++) {
        for (let i = 0; i < inFeatures; i++) {
          let sum = 0;
          for (let b = 0; b < batch; b++) sum += dy[b * outFeatures + o] * x[b * inFeatures + i];
          dWeight[o * inFeatures + i] = sum;
        }
        if (dBias) {
          let sum = 0;
          for (let b = 0; b < batch; b++) sum += dy[b * outFeatures + o];
          dBias[o] = sum;
        }
      }
      if (!dx) return;
      for (let b = 0; b < batch; b++) {
        for (let i = 0; i < inFeatures; i++) {
          let sum = 0;
          for (let o = 0; o < outFeatures; o++) sum += dy[b * outFeatures + o] * weight[o * inFeatures + i];
          store(dx, b * inFeatures + i, sum, accumulateDx);
        }
      }
    },

    conv2dForward(x, weight, bias, y, geom) {
      const g = window(geom);
      for (let n = 0; n < g.N; n++)
        for (let o = 0; o < g.O; o++)
          for (let oh = 0; oh < g.OH; oh++)
            for (let ow = 0; ow < g.OW; ow++) {
              let sum = bias ? bias[o] : 0;
              for (let c = 0; c < g.C; c++)
                for (let kh = 0; kh < g.KH; kh++)
                  for (let kw = 0; kw < g.KW; kw++) {
                    const ih = oh * g.SH - g.PH + kh;
                    const iw = ow * g.SW - g.PW + kw;
                    if (ih < 0 || ih >= g.H || iw < 0 || iw >= g.W) continue;
                    sum += x[((n * g.C + c) * g.H + ih) * g.W + iw] * weight[((o * g.C + c) * g.KH + kh) * g.KW + kw];
                  }
              y[((n * g.O + o) * g.OH + oh) * g.OW + ow] = sum;
            }
    },
    conv2dReluForward(x, weight, bias, y, geom, pooled) {
      const g = window(geom);
      this.conv2dForward(x, weight, bias, y, geom);
      this.activationForward(Activation.ReLU, y, y, g.N * g.O * g.OH * g.OW, 0);
      if (!pooled) return;
      const pool = Int32Array.from([g.N, g.O, g.OH, g.OW, g.O, 2, 2, 2, 2, 0, 0, g.OH >> 1, g.OW >> 1]);
      this.maxPool2dForward(y, pooled, new Int32Array(pooled.length), pool);
    },
    conv2dBackward(x, weight, dy, dx, dWeight, dBias, geom, accumulateDx) {
      const g = window(geom);
      const dxSum = new Float64Array(g.N * g.C * g.H * g.W);
      const dwSum = new Float64Array(g.O * g.C * g.KH * g.KW);
      const dbSum = new Float64Array(g.O);
      for (let n = 0; n < g.N; n++)
        for (let o = 0; o < g.O; o++)
          for (let oh = 0; oh < g.OH; oh++)
            for (let ow = 0; ow < g.OW; ow++) {
              const grad = dy[((n * g.O + o) * g.OH + oh) * g.OW + ow];
              dbSum[o] += grad;
              for (let c = 0; c < g.C; c++)
                for (let kh = 0; kh < g.KH; kh++)
                  for (let kw = 0; kw < g.KW; kw++) {
                    const ih = oh * g.SH - g.PH + kh;
                    const iw = ow * g.SW - g.PW + kw;
                    if (ih < 0 || ih >= g.H || iw < 0 || iw >= g.W) continue;
                    const xi = ((n * g.C + c) * g.H + ih) * g.W + iw;
                    const wi = ((o * g.C + c) * g.KH + kh) * g.KW + kw;
                    dwSum[wi] += grad * x[xi];
                    dxSum[xi] += grad * weight[wi];
                  }
            }
      dWeight.set(dwSum);
      if (dBias) dBias.set(dbSum);
      if (dx) for (let i = 0; i < dxSum.length; i++) store(dx, i, dxSum[i], accumulateDx);
    },
    maxPool2dForward(x, y, argmax, geom) {
      const g = window(geom);
      for (let p = 0; p < g.N * g.C; p++)
        for (let oh = 0; oh < g.OH; oh++)
          for (let ow = 0; ow < g.OW; ow++) {
            let best = -1;
            for (let kh = 0; kh < g.KH; kh++)
              for (let kw = 0; kw < g.KW; kw++) {
                const ih = oh * g.SH - g.PH + kh;
                const iw = ow * g.SW - g.PW + kw;
                if (ih < 0 || ih >= g.H || iw < 0 || iw >= g.W) continue;
                const xi = (p * g.H + ih) * g.W + iw;
                // The first maximum wins; the first NaN wins over any number (NaN propagates, as in PyTorch).
                if (best < 0 || x[xi] > x[best] || (Number.isNaN(x[xi]) && !Number.isNaN(x[best]))) best = xi;
              }
            const yi = (p * g.OH + oh) * g.OW + ow;
            y[yi] = x[best];
            argmax[yi] = best;
          }
    },
    maxPool2dBackward(dy, argmax, dx, geom, accumulate) {
      const g = window(geom);
      const sums = new Float64Array(g.N * g.C * g.H * g.W);
      for (let i = 0; i < g.N * g.C * g.OH * g.OW; i++) sums[argmax[i]] += dy[i];
      for (let i = 0; i < sums.length; i++) store(dx, i, sums[i], accumulate);
    },
    avgPool2dForward(x, y, geom) {
      const g = window(geom);
      for (let p = 0; p < g.N * g.C; p++)
        for (let oh = 0; oh < g.OH; oh++)
          for (let ow = 0; ow < g.OW; ow++) {
            let sum = 0;
            for (let kh = 0; kh < g.KH; kh++)
              for (let kw = 0; kw < g.KW; kw++) {
                const ih = oh * g.SH - g.PH + kh;
                const iw = ow * g.SW - g.PW + kw;
                if (ih >= 0 && ih < g.H && iw >= 0 && iw < g.W) sum += x[(p * g.H + ih) * g.W + iw];
              }
            y[(p * g.OH + oh) * g.OW + ow] = sum / (g.KH * g.KW);
          }
    },
    avgPool2dBackward(dy, dx, geom, accumulate) {
      const g = window(geom);
      const sums = new Float64Array(g.N * g.C * g.H * g.W);
      for (let p = 0; p < g.N * g.C; p++)
        for (let oh = 0; oh < g.OH; oh++)
          for (let ow = 0; ow < g.OW; ow++) {
            const share = dy[(p * g.OH + oh) * g.OW + ow] / (g.KH * g.KW);
            for (let kh = 0; kh < g.KH; kh++)
              for (let kw = 0; kw < g.KW; kw++) {
                const ih = oh * g.SH - g.PH + kh;
                const iw = ow * g.SW - g.PW + kw;
                if (ih >= 0 && ih < g.H && iw >= 0 && iw < g.W) sums[(p * g.H + ih) * g.W + iw] += share;
              }
          }
      for (let i = 0; i < sums.length; i++) store(dx, i, sums[i], accumulate);
    },
    globalAvgPoolForward(x, y, batch, channels, spatial) {
      for (let p = 0; p < batch * channels; p++) {
        let sum = 0;
        for (let s = 0; s < spatial; s++) sum += x[p * spatial + s];
        y[p] = sum / spatial;
      }
    },
    globalAvgPoolBackward(dy, dx, batch, channels, spatial, accumulate) {
      for (let p = 0; p < batch * channels; p++)
        for (let s = 0; s < spatial; s++) store(dx, p * spatial + s, dy[p] / spatial, accumulate);
    },

    batchNormForwardTrain(
      x,
      gamma,
      beta,
      y,
      savedMean,
      savedInvStd,
      runningMean,
      runningVar,
      batch,
      channels,
      spatial,
      eps,
      momentum,
    ) {
      const m = batch * spatial;
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let n = 0; n < batch; n++) for (let s = 0; s < spatial; s++) sum += x[(n * channels + c) * spatial + s];
        const mean = sum / m;
        let squares = 0;
        for (let n = 0; n < batch; n++)
          for (let s = 0; s < spatial; s++) squares += (x[(n * channels + c) * spatial + s] - mean) ** 2;
        const variance = squares / m;
        const invStd = 1 / Math.sqrt(variance + eps);
        savedMean[c] = mean;
        savedInvStd[c] = invStd;
        runningMean[c] = (1 - momentum) * runningMean[c] + momentum * mean;
        runningVar[c] = (1 - momentum) * runningVar[c] + (momentum * variance * m) / (m - 1);
        for (let n = 0; n < batch; n++)
          for (let s = 0; s < spatial; s++) {
            const i = (n * channels + c) * spatial + s;
            y[i] = gamma[c] * (x[i] - mean) * invStd + beta[c];
          }
      }
    },
    batchNormForwardEval(x, gamma, beta, y, runningMean, runningVar, batch, channels, spatial, eps) {
      for (let c = 0; c < channels; c++) {
        const invStd = 1 / Math.sqrt(runningVar[c] + eps);
        for (let n = 0; n < batch; n++)
          for (let s = 0; s < spatial; s++) {
            const i = (n * channels + c) * spatial + s;
            y[i] = gamma[c] * (x[i] - runningMean[c]) * invStd + beta[c];
          }
      }
    },
    batchNormBackward(x, gamma, dy, savedMean, savedInvStd, dx, dGamma, dBeta, batch, channels, spatial, accumulateDx) {
      const m = batch * spatial;
      for (let c = 0; c < channels; c++) {
        let sumDy = 0;
        let sumDyXhat = 0;
        for (let n = 0; n < batch; n++)
          for (let s = 0; s < spatial; s++) {
            const i = (n * channels + c) * spatial + s;
            sumDy += dy[i];
            sumDyXhat += dy[i] * (x[i] - savedMean[c]) * savedInvStd[c];
          }
        dGamma[c] = sumDyXhat;
        dBeta[c] = sumDy;
        for (let n = 0; n < batch; n++)
          for (let s = 0; s < spatial; s++) {
            const i = (n * channels + c) * spatial + s;
            const xhat = (x[i] - savedMean[c]) * savedInvStd[c];
            store(dx, i, gamma[c] * savedInvStd[c] * (dy[i] - sumDy / m - (xhat * sumDyXhat) / m), accumulateDx);
          }
      }
    },
    batchNormBackwardEval(
      gamma,
      dy,
      x,
      runningMean,
      runningVar,
      dx,
      dGamma,
      dBeta,
      batch,
      channels,
      spatial,
      eps,
      accumulateDx,
    ) {
      for (let c = 0; c < channels; c++) {
        const invStd = 1 / Math.sqrt(runningVar[c] + eps);
        let sumDy = 0;
        let sumDyXhat = 0;
        for (let n = 0; n < batch; n++)
          for (let s = 0; s < spatial; s++) {
            const i = (n * channels + c) * spatial + s;
            sumDy += dy[i];
            sumDyXhat += dy[i] * (x[i] - runningMean[c]) * invStd;
            store(dx, i, gamma[c] * invStd * dy[i], accumulateDx);
          }
        dGamma[c] = sumDyXhat;
        dBeta[c] = sumDy;
      }
    },

    batchNormReluForwardTrain(x, gamma, beta, y, mean, invStd, scale, runMean, runVar, batch, channels, spatial, ...r) {
      kernels.batchNormForwardTrain(x, gamma, beta, y, mean, invStd, runMean, runVar, batch, channels, spatial, ...r);
      for (let c = 0; c < channels; c++) scale[c] = gamma[c] * invStd[c];
      for (let i = 0; i < batch * channels * spatial; i++) y[i] = y[i] > 0 ? y[i] : 0;
    },
    batchNormReluBackward(x, gamma, beta, dz, mean, invStd, scale, dx, dGamma, dBeta, batch, channels, spatial, acc) {
      const dy = Float32Array.from(dz.subarray(0, batch * channels * spatial), (g, i) => {
        const c = Math.floor(i / spatial) % channels;
        return (x[i] - mean[c]) * scale[c] + beta[c] > 0 ? g : 0;
      });
      kernels.batchNormBackward(x, gamma, dy, mean, invStd, dx, dGamma, dBeta, batch, channels, spatial, acc);
    },

    activationForward(kind, x, y, count, alpha) {
      for (let i = 0; i < count; i++) y[i] = activate(kind, x[i], alpha);
    },
    activationBackward(kind, x, y, dy, dx, count, alpha, accumulate) {
      for (let i = 0; i < count; i++) store(dx, i, dy[i] * activationSlope(kind, x[i], y[i], alpha), accumulate);
    },
    softmaxForward(x, y, rows, cols) {
      for (let r = 0; r < rows; r++) {
        let max = -Infinity;
        for (let j = 0; j < cols; j++) max = Math.max(max, x[r * cols + j]);
        let sum = 0;
        for (let j = 0; j < cols; j++) sum += Math.exp(x[r * cols + j] - max);
        for (let j = 0; j < cols; j++) y[r * cols + j] = Math.exp(x[r * cols + j] - max) / sum;
      }
    },
    softmaxBackward(y, dy, dx, rows, cols, accumulate) {
      for (let r = 0; r < rows; r++) {
        let dot = 0;
        for (let j = 0; j < cols; j++) dot += dy[r * cols + j] * y[r * cols + j];
        for (let j = 0; j < cols; j++) store(dx, r * cols + j, y[r * cols + j] * (dy[r * cols + j] - dot), accumulate);
      }
    },
    dropoutForward(x, y, mask, count, p, seed, stream) {
      for (let i = 0; i < count; i++) {
        const keep = dropoutUniform(seed, stream, i) >= p;
        mask[i] = keep ? 1 : 0;
        y[i] = keep ? x[i] / (1 - p) : 0;
      }
    },
    dropoutBackward(dy, mask, dx, count, p, accumulate) {
      for (let i = 0; i < count; i++) store(dx, i, mask[i] ? dy[i] / (1 - p) : 0, accumulate);
    },
    add(a, b, y, count) {
      for (let i = 0; i < count; i++) y[i] = a[i] + b[i];
    },
    axpy(alpha, x, y, count) {
      for (let i = 0; i < count; i++) y[i] += alpha * x[i];
    },
    copy(src, dst, count, accumulate) {
      for (let i = 0; i < count; i++) store(dst, i, src[i], accumulate);
    },
    concatChannels(a, b, y, batch, channelsA, channelsB, spatial) {
      const partA = channelsA * spatial;
      const partB = channelsB * spatial;
      for (let n = 0; n < batch; n++) {
        for (let i = 0; i < partA; i++) y[n * (partA + partB) + i] = a[n * partA + i];
        for (let i = 0; i < partB; i++) y[n * (partA + partB) + partA + i] = b[n * partB + i];
      }
    },
    splitChannels(dy, da, db, batch, channelsA, channelsB, spatial, accumulate) {
      const partA = channelsA * spatial;
      const partB = channelsB * spatial;
      for (let n = 0; n < batch; n++) {
        if (da) for (let i = 0; i < partA; i++) store(da, n * partA + i, dy[n * (partA + partB) + i], accumulate);
        if (db)
          for (let i = 0; i < partB; i++) store(db, n * partB + i, dy[n * (partA + partB) + partA + i], accumulate);
      }
    },
    gatherGrid(tensor, dense, planes, grid) {
      const [rows, cols, height, width, firstColumn, step, colBegin, colEnd] = grid;
      for (let n = 0; n < planes; n++)
        for (let j = 0; j < rows; j++)
          for (let i = 0; i < cols; i++) {
            const row = grid[8 + j];
            const inside = row >= 0 && i >= colBegin && i < colEnd;
            const at = (n * height + row) * width + firstColumn + step * i;
            dense[(n * rows + j) * cols + i] = inside ? tensor[at] : 0;
          }
    },
    scatterGrid(dense, tensor, planes, grid, accumulate) {
      const [rows, cols, height, width, firstColumn, step, colBegin, colEnd] = grid;
      for (let n = 0; n < planes; n++)
        for (let j = 0; j < rows; j++)
          for (let i = colBegin; i < colEnd; i++) {
            const row = grid[8 + j];
            if (row < 0) continue;
            store(
              tensor,
              (n * height + row) * width + firstColumn + step * i,
              dense[(n * rows + j) * cols + i],
              accumulate,
            );
          }
    },
    argmaxRows(x, out, rows, cols) {
      for (let r = 0; r < rows; r++) {
        let best = 0;
        for (let j = 1; j < cols; j++) if (x[r * cols + j] > x[r * cols + best]) best = j;
        out[r] = best;
      }
    },

    softmaxCrossEntropy(logits, labels, dLogits, rows, cols) {
      let total = 0;
      for (let r = 0; r < rows; r++) {
        const label = labels[r];
        if (!(label >= 0 && label < cols))
          throw new Error(`softmaxCrossEntropy: label ${label} at row ${r} is outside [0, ${cols})`);
        let max = -Infinity;
        for (let j = 0; j < cols; j++) max = Math.max(max, logits[r * cols + j]);
        let sum = 0;
        for (let j = 0; j < cols; j++) sum += Math.exp(logits[r * cols + j] - max);
        total += Math.log(sum) + max - logits[r * cols + label];
        for (let j = 0; j < cols; j++) {
          dLogits[r * cols + j] = (Math.exp(logits[r * cols + j] - max) / sum - (j === label ? 1 : 0)) / rows;
        }
      }
      return total / rows;
    },
    bceWithLogits(logits, targets, dLogits, count) {
      let total = 0;
      for (let i = 0; i < count; i++) {
        const z = logits[i];
        const t = targets[i];
        total += Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
        const sigmoid = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        dLogits[i] = (sigmoid - t) / count;
      }
      return total / count;
    },
    mse(pred, targets, dPred, count) {
      let total = 0;
      for (let i = 0; i < count; i++) {
        const diff = pred[i] - targets[i];
        total += diff * diff;
        dPred[i] = (2 * diff) / count;
      }
      return total / count;
    },

    sumOfSquares(x, count) {
      let total = 0;
      for (let i = 0; i < count; i++) total += x[i] * x[i];
      return total;
    },
    sumOfAbs(x, count) {
      let total = 0;
      for (let i = 0; i < count; i++) total += Math.abs(x[i]);
      return total;
    },
    scale(x, count, factor) {
      for (let i = 0; i < count; i++) x[i] *= factor;
    },
    clamp(x, count, lo, hi) {
      for (let i = 0; i < count; i++) x[i] = Math.min(Math.max(x[i], lo), hi);
    },
    l1Grad(w, grad, count, lambda) {
      for (let i = 0; i < count; i++) grad[i] += lambda * Math.sign(w[i]);
    },

    sgdStep(w, g, buf, count, lr, momentum, nesterov, weightDecay) {
      for (let i = 0; i < count; i++) {
        const grad = g[i] + weightDecay * w[i];
        let step = grad;
        if (momentum !== 0) {
          if (!buf) throw new Error('sgdStep: buf must be a Float32Array when momentum is not 0');
          buf[i] = momentum * buf[i] + grad;
          step = nesterov ? grad + momentum * buf[i] : buf[i];
        }
        w[i] -= lr * step;
      }
    },
    adagradStep(w, g, sum, count, lr, eps, weightDecay) {
      for (let i = 0; i < count; i++) {
        const grad = g[i] + weightDecay * w[i];
        sum[i] += grad * grad;
        w[i] -= (lr * grad) / (Math.sqrt(sum[i]) + eps);
      }
    },
    rmspropStep(w, g, v, buf, count, lr, alpha, eps, momentum, weightDecay) {
      for (let i = 0; i < count; i++) {
        const grad = g[i] + weightDecay * w[i];
        v[i] = alpha * v[i] + (1 - alpha) * grad * grad;
        const den = Math.sqrt(v[i]) + eps;
        if (momentum > 0) {
          if (!buf) throw new Error('rmspropStep: buf must be a Float32Array when momentum > 0');
          buf[i] = momentum * buf[i] + grad / den;
          w[i] -= lr * buf[i];
        } else {
          w[i] -= (lr * grad) / den;
        }
      }
    },
    adamStep(w, g, m, v, count, lr, beta1, beta2, eps, weightDecay, step, decoupled) {
      for (let i = 0; i < count; i++) {
        let grad = g[i];
        if (decoupled) w[i] *= 1 - lr * weightDecay;
        else grad += weightDecay * w[i];
        m[i] = beta1 * m[i] + (1 - beta1) * grad;
        v[i] = beta2 * v[i] + (1 - beta2) * grad * grad;
        w[i] -= (lr * (m[i] / (1 - beta1 ** step))) / (Math.sqrt(v[i] / (1 - beta2 ** step)) + eps);
      }
    },

    // The TypeScript augmentation itself, one image at a time.
    augmentImages(
      features,
      rows,
      batch,
      channels,
      height,
      width,
      stats,
      flags,
      shifts,
      factors,
      size,
      count,
      cutouts,
      target,
    ) {
      const shape = [channels, height, width];
      const plane = channels * height * width;
      const normalization = {
        mean: [...stats.subarray(0, channels)],
        std: [...stats.subarray(channels, 2 * channels)],
      };
      for (let i = 0; i < batch; i++) {
        const draw = unpackDraw({ flags, shifts, factors, cutouts }, i, count);
        const source = features.subarray(rows[i] * plane, (rows[i] + 1) * plane);
        augmentPlaced(source, target.subarray(i * plane, (i + 1) * plane), shape, draw, size, normalization);
      }
    },
  };
  return kernels;
}
