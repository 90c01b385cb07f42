// The compute kernels the engine runs on: the contract between engine/core (pure TS) and engine/native (C++).
// engine/core never imports the addon; engine/host passes an object satisfying `Kernels` in.
//
// Conventions for every kernel:
// - Buffers are row-major float32 (NCHW for images). Dense weight [out, in]; conv weight [out, in, kh, kw].
// - Buffers may be views (subarrays) of larger arenas at any element offset: kernels never assume alignment.
// - A buffer named as output is overwritten unless `accumulate` is true, in which case the result is added to it
//   (used when a tensor feeds several consumers and their gradients sum).
// - Every entry checks that each buffer holds at least the elements the dimensions imply and throws a
//   JS Error (naming the argument) instead of reading or writing out of bounds.
// - Results are bitwise identical for any thread count: every output element and every reduction is computed
//   in an order that depends only on the dimensions, never on how work is split between threads.

/** Geometry of a 2-D window op (convolution or pooling), in this order. */
export const Geom = {
  N: 0, // batch
  C: 1, // input channels
  H: 2, // input height
  W: 3, // input width
  O: 4, // output channels (conv); equal to C for pooling
  KH: 5,
  KW: 6,
  SH: 7,
  SW: 8,
  PH: 9, // rows of zero padding on top and bottom
  PW: 10, // columns of zero padding left and right
  OH: 11, // floor((H + 2*PH - KH) / SH) + 1
  OW: 12,
  Length: 13,
} as const;

/** Pointwise activation kinds understood by `activationForward` / `activationBackward`. */
export const Activation = {
  Identity: 0,
  ReLU: 1,
  LeakyReLU: 2, // alpha = negative slope
  Sigmoid: 3,
  Tanh: 4,
  GeluTanh: 5, // 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
  GeluErf: 6, // 0.5 x (1 + erf(x / sqrt(2)))
} as const;
export type Activation = (typeof Activation)[keyof typeof Activation];

declare const packedWeightsBrand: unique symbol;
/** Opaque: a dense weight packed once in the GEMM's panel layout, made by `packedWeights()` and filled by forwards. */
export interface PackedWeights {
  readonly [packedWeightsBrand]: true;
}

export interface Kernels {
  /** The instruction set the kernels dispatched to at load time: 'avx512' | 'avx2' | 'neon' | 'scalar'. */
  readonly isa: string;
  /** Size of the persistent thread pool, calling thread included (1 = no worker threads). */
  setThreads(count: number): void;
  threads(): number;

  // ---- dense algebra -------------------------------------------------------------------------------
  /** C[M,N] = alpha * op(A)[M,K] · op(B)[K,N] + beta * C. A is [M,K] (or [K,M] if transA), B is [K,N] (or [N,K] if transB). */
  gemm(
    transA: boolean,
    transB: boolean,
    M: number,
    N: number,
    K: number,
    alpha: number,
    A: Float32Array,
    B: Float32Array,
    beta: number,
    C: Float32Array,
  ): void;
  /**
   * y[batch,out] = x[batch,in] · weight[out,in]^T + bias[out] (bias may be null).
   * With `packed` (eval mode), the product reads weight^T from that handle's copy in the GEMM's panel layout, packed
   * from `weight` when the handle last saw another buffer or another `weightsVersion` (a whole number the caller
   * moves whenever the weights may have changed), and reused otherwise: bitwise the result without it. Where the
   * GEMM would not pack (a batch of at most 4, fewer outputs than a register tile) it is not used or filled.
   */
  denseForward(
    x: Float32Array,
    weight: Float32Array,
    bias: Float32Array | null,
    y: Float32Array,
    batch: number,
    inFeatures: number,
    outFeatures: number,
    packed?: PackedWeights | null,
    weightsVersion?: number,
  ): void;
  /**
   * Eval-mode dense then ReLU in one pass: y = max(x · weight^T + bias, 0), bitwise denseForward followed by
   * activationForward(ReLU) (the ReLU is applied to each block of y as its sum is final).
   */
  denseReluForward: Kernels['denseForward'];
  /** An empty handle for one dense layer's packed weight (see denseForward); native memory, freed when collected. */
  packedWeights(): PackedWeights;
  /** Bytes a handle holds: 0 until packed, then the weight's floats rounded up to whole GEMM panels, times 4. */
  packedWeightsBytes(packed: PackedWeights): number;
  /** dWeight = dy^T x and dBias = sum over batch of dy (both overwritten); dx = dy · weight (skipped when null). */
  denseBackward(
    x: Float32Array,
    weight: Float32Array,
    dy: Float32Array,
    dx: Float32Array | null,
    dWeight: Float32Array,
    dBias: Float32Array | null,
    batch: number,
    inFeatures: number,
    outFeatures: number,
    accumulateDx: boolean,
  ): void;

  // ---- convolution and pooling (geom: Int32Array of Geom.Length) -----------------------------------
  /** y[N,O,OH,OW] = cross-correlation of zero-padded x[N,C,H,W] with weight[O,C,KH,KW] + bias[O]. */
  conv2dForward(
    x: Float32Array,
    weight: Float32Array,
    bias: Float32Array | null,
    y: Float32Array,
    geom: Int32Array,
  ): void;
  /**
   * Eval-mode convolution then ReLU (then, when pooled is given, a 2x2 stride-2 max pool into pooled[N,O,OH/2,OW/2])
   * in one pass over each output plane: bitwise conv2dForward, activationForward(ReLU) and maxPool2dForward. With
   * pooled, y is scratch (it may or may not hold the ReLU'd output).
   */
  conv2dReluForward(
    x: Float32Array,
    weight: Float32Array,
    bias: Float32Array | null,
    y: Float32Array,
    geom: Int32Array,
    pooled: Float32Array | null,
  ): void;
  /** dWeight, dBias overwritten; dx (skipped when null) overwritten or accumulated. */
  conv2dBackward(
    x: Float32Array,
    weight: Float32Array,
    dy: Float32Array,
    dx: Float32Array | null,
    dWeight: Float32Array,
    dBias: Float32Array | null,
    geom: Int32Array,
    accumulateDx: boolean,
  ): void;
  /** Max over each window; padded positions never win. argmax[N*C*OH*OW] receives the flat index into x of each maximum. */
  maxPool2dForward(x: Float32Array, y: Float32Array, argmax: Int32Array, geom: Int32Array): void;
  /** Routes each dy to its argmax position (windows sharing a maximum accumulate). */
  maxPool2dBackward(
    dy: Float32Array,
    argmax: Int32Array,
    dx: Float32Array,
    geom: Int32Array,
    accumulate: boolean,
  ): void;
  /** Mean over each window dividing by KH*KW, padded zeros included (count_include_pad). */
  avgPool2dForward(x: Float32Array, y: Float32Array, geom: Int32Array): void;
  avgPool2dBackward(dy: Float32Array, dx: Float32Array, geom: Int32Array, accumulate: boolean): void;
  /** y[N,C] = mean of x[N,C,spatial] over spatial. */
  globalAvgPoolForward(x: Float32Array, y: Float32Array, batch: number, channels: number, spatial: number): void;
  globalAvgPoolBackward(
    dy: Float32Array,
    dx: Float32Array,
    batch: number,
    channels: number,
    spatial: number,
    accumulate: boolean,
  ): void;

  // ---- batch normalization over x[batch, channels, spatial] (spatial = 1 for BatchNorm1d) -------------
  /**
   * Training mode: per-channel batch mean and biased variance; y = gamma (x - mean) / sqrt(var + eps) + beta.
   * Saves mean[C] and invStd[C] for backward. Updates runningMean / runningVar in place with weight `momentum`
   * for the new batch, the variance unbiased (times m / (m - 1), m = batch * spatial).
   */
  batchNormForwardTrain(
    x: Float32Array,
    gamma: Float32Array,
    beta: Float32Array,
    y: Float32Array,
    savedMean: Float32Array,
    savedInvStd: Float32Array,
    runningMean: Float32Array,
    runningVar: Float32Array,
    batch: number,
    channels: number,
    spatial: number,
    eps: number,
    momentum: number,
  ): void;
  /** Eval mode: the same transform with the running statistics. */
  batchNormForwardEval(
    x: Float32Array,
    gamma: Float32Array,
    beta: Float32Array,
    y: Float32Array,
    runningMean: Float32Array,
    runningVar: Float32Array,
    batch: number,
    channels: number,
    spatial: number,
    eps: number,
  ): void;
  /** Backward of training mode (gradients flow through the batch statistics). dGamma, dBeta overwritten. */
  batchNormBackward(
    x: Float32Array,
    gamma: Float32Array,
    dy: Float32Array,
    savedMean: Float32Array,
    savedInvStd: Float32Array,
    dx: Float32Array,
    dGamma: Float32Array,
    dBeta: Float32Array,
    batch: number,
    channels: number,
    spatial: number,
    accumulateDx: boolean,
  ): void;
  /**
   * batchNormForwardTrain, then max(y, 0) as activationForward's ReLU computes it, in the same pass: a batch norm and
   * the ReLU it alone feeds in training, y being the ReLU's output (the batch norm's own is not written). savedScale
   * gets each channel's float gamma * invStd, which batchNormReluBackward needs.
   */
  batchNormReluForwardTrain(
    x: Float32Array,
    gamma: Float32Array,
    beta: Float32Array,
    y: Float32Array,
    savedMean: Float32Array,
    savedInvStd: Float32Array,
    savedScale: Float32Array,
    runningMean: Float32Array,
    runningVar: Float32Array,
    batch: number,
    channels: number,
    spatial: number,
    eps: number,
    momentum: number,
  ): void;
  /**
   * batchNormBackward through the ReLU after it, from the ReLU's output gradient dz: dy = dz where the forward's
   * output, (x - savedMean) * savedScale + beta recomputed from x with the forward's floats, is > 0, and 0 elsewhere
   * (activationBackward's bits), taken as the passes read x; no output and no dy is read or written.
   */
  batchNormReluBackward(
    x: Float32Array,
    gamma: Float32Array,
    beta: Float32Array,
    dz: Float32Array,
    savedMean: Float32Array,
    savedInvStd: Float32Array,
    savedScale: Float32Array,
    dx: Float32Array,
    dGamma: Float32Array,
    dBeta: Float32Array,
    batch: number,
    channels: number,
    spatial: number,
    accumulateDx: boolean,
  ): void;
  /** Backward of eval mode (statistics are constants). */
  batchNormBackwardEval(
    gamma: Float32Array,
    dy: Float32Array,
    x: Float32Array,
    runningMean: Float32Array,
    runningVar: Float32Array,
    dx: Float32Array,
    dGamma: Float32Array,
    dBeta: Float32Array,
    batch: number,
    channels: number,
    spatial: number,
    eps: number,
    accumulateDx: boolean,
  ): void;

  // ---- pointwise -----------------------------------------------------------------------------------
  activationForward(kind: Activation, x: Float32Array, y: Float32Array, count: number, alpha: number): void;
  /** dx = dy * f'(x); y is the forward output (used by sigmoid and tanh). */
  activationBackward(
    kind: Activation,
    x: Float32Array,
    y: Float32Array,
    dy: Float32Array,
    dx: Float32Array,
    count: number,
    alpha: number,
    accumulate: boolean,
  ): void;
  /** Row-wise softmax of x[rows, cols], max-subtracted. */
  softmaxForward(x: Float32Array, y: Float32Array, rows: number, cols: number): void;
  softmaxBackward(
    y: Float32Array,
    dy: Float32Array,
    dx: Float32Array,
    rows: number,
    cols: number,
    accumulate: boolean,
  ): void;
  /**
   * Inverted dropout with a counter-based generator: element i is kept when uniform(seed, stream, i) >= p,
   * kept values scaled by 1/(1-p). mask[i] = 1 if kept else 0. Same (seed, stream) -> same mask for any thread count.
   */
  dropoutForward(
    x: Float32Array,
    y: Float32Array,
    mask: Uint8Array,
    count: number,
    p: number,
    seed: number,
    stream: number,
  ): void;
  dropoutBackward(
    dy: Float32Array,
    mask: Uint8Array,
    dx: Float32Array,
    count: number,
    p: number,
    accumulate: boolean,
  ): void;
  /** y = a + b (count elements). */
  add(a: Float32Array, b: Float32Array, y: Float32Array, count: number): void;
  /** y += alpha * x. */
  axpy(alpha: number, x: Float32Array, y: Float32Array, count: number): void;
  /** dst = src, or dst += src when accumulate. */
  copy(src: Float32Array, dst: Float32Array, count: number, accumulate: boolean): void;
  /** y[N, Ca+Cb, spatial] = concat(a[N,Ca,spatial], b[N,Cb,spatial]) along channels. */
  concatChannels(
    a: Float32Array,
    b: Float32Array,
    y: Float32Array,
    batch: number,
    channelsA: number,
    channelsB: number,
    spatial: number,
  ): void;
  /** The inverse: da, db (each skipped when null) from dy, overwritten or accumulated. */
  splitChannels(
    dy: Float32Array,
    da: Float32Array | null,
    db: Float32Array | null,
    batch: number,
    channelsA: number,
    channelsB: number,
    spatial: number,
    accumulate: boolean,
  ): void;
  /**
   * A strided grid of positions in each of `planes` planes of a tensor, copied out to dense planes: a stride-1
   * dilated convolution's phase (layers/shared/dilatedConv.ts). grid = [rows, cols, height, width, firstColumn, step,
   * colBegin, colEnd, rowOf_0, …, rowOf_{rows-1}]: grid row j is the plane's row rowOf_j (-1: padding), grid column i
   * its column firstColumn + step·i, inside the plane for i in [colBegin, colEnd) and padding elsewhere.
   * dense[planes, rows, cols] = the grid's values of tensor[planes, height, width], 0 at padding.
   */
  gatherGrid(tensor: Float32Array, dense: Float32Array, planes: number, grid: Int32Array): void;
  /** The inverse: the grid's positions of each plane outside padding = dense (or += dense when accumulate). */
  scatterGrid(dense: Float32Array, tensor: Float32Array, planes: number, grid: Int32Array, accumulate: boolean): void;
  /** out[r] = index of the largest x[r, :] (first on ties). */
  argmaxRows(x: Float32Array, out: Int32Array, rows: number, cols: number): void;

  // ---- losses (return the mean loss as a double; gradient already divided by the element count) ------
  /** mean_n (logsumexp(z_n) - z_n[label_n]); dLogits = (softmax(z) - onehot) / rows. Throws on a label outside [0, cols). */
  softmaxCrossEntropy(
    logits: Float32Array,
    labels: Int32Array,
    dLogits: Float32Array,
    rows: number,
    cols: number,
  ): number;
  /** mean(max(z,0) - z t + log(1 + exp(-|z|))); dLogits = (sigmoid(z) - t) / count. */
  bceWithLogits(logits: Float32Array, targets: Float32Array, dLogits: Float32Array, count: number): number;
  /** mean((p - t)^2); dPred = 2 (p - t) / count. */
  mse(pred: Float32Array, targets: Float32Array, dPred: Float32Array, count: number): number;

  // ---- reductions and in-place updates over parameter / gradient arenas ----------------------------------
  /** sum of x^2, accumulated in double over fixed-size chunks summed in order. */
  sumOfSquares(x: Float32Array, count: number): number;
  /** sum of |x| in double, same fixed order. */
  sumOfAbs(x: Float32Array, count: number): number;
  /** x *= factor. */
  scale(x: Float32Array, count: number, factor: number): void;
  /** x = min(max(x, lo), hi). */
  clamp(x: Float32Array, count: number, lo: number, hi: number): void;
  /** grad += lambda * sign(w), sign(0) = 0 (the L1 penalty's gradient). */
  l1Grad(w: Float32Array, grad: Float32Array, count: number, lambda: number): void;

  // ---- fused optimizer steps over `count` elements; state buffers start at zero ----------------------------
  // w, g and the state buffers must be separate memory (the updates vectorize on that promise); overlap is refused.
  /** g' = g + wd w; buf = mu buf + g'; d = nesterov ? g' + mu buf : buf (d = g' when mu = 0); w -= lr d. buf null when mu = 0. */
  sgdStep(
    w: Float32Array,
    g: Float32Array,
    buf: Float32Array | null,
    count: number,
    lr: number,
    momentum: number,
    nesterov: boolean,
    weightDecay: number,
  ): void;
  /** g' = g + wd w; sum += g'^2; w -= lr g' / (sqrt(sum) + eps). */
  adagradStep(
    w: Float32Array,
    g: Float32Array,
    sum: Float32Array,
    count: number,
    lr: number,
    eps: number,
    weightDecay: number,
  ): void;
  /** g' = g + wd w; v = alpha v + (1-alpha) g'^2; den = sqrt(v) + eps; mu > 0: buf = mu buf + g'/den, w -= lr buf; else w -= lr g'/den. */
  rmspropStep(
    w: Float32Array,
    g: Float32Array,
    v: Float32Array,
    buf: Float32Array | null,
    count: number,
    lr: number,
    alpha: number,
    eps: number,
    momentum: number,
    weightDecay: number,
  ): void;
  /**
   * Adam / AdamW at step t (from 1). decoupled=false: g' = g + wd w. decoupled=true: w *= 1 - lr wd first, g' = g.
   * m = b1 m + (1-b1) g'; v = b2 v + (1-b2) g'^2; w -= lr (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps).
   */
  adamStep(
    w: Float32Array,
    g: Float32Array,
    m: Float32Array,
    v: Float32Array,
    count: number,
    lr: number,
    beta1: number,
    beta2: number,
    eps: number,
    weightDecay: number,
    step: number,
    decoupled: boolean,
  ): void;

  // ---- data ----------------------------------------------------------------------------------------------------
  /**
   * Image augmentation of a batch (engine/core/train/augment.ts's augmentImage for each image, bit for bit): image i
   * of `target` [batch, C, H, W] is dataset row rows[i] of `features` [rows, C, H, W], both standardized with
   * stats = [mean of each channel, std of each channel (> 0)]. Per image i: flags[i] bit 0 flips horizontally, bit 1
   * vertically, bit 2 rotates; shifts[2i], shifts[2i + 1] = (x, y) in pixels; factors[4i..4i + 3] = (brightness,
   * contrast, cos, sin) of the rotation angle, cos and sin computed in JS; cutouts[(i · cutoutCount + k) · 2 + 0/1] =
   * cutout k's centre (y, x), each a black square of side cutoutSize. (Like every kernel it runs with subnormal
   * floats flushed to zero, so only a source holding subnormal values, which standardized pixels never are, differs.)
   */
  augmentImages(
    features: Float32Array,
    rows: Int32Array,
    batch: number,
    channels: number,
    height: number,
    width: number,
    stats: Float64Array,
    flags: Uint8Array,
    shifts: Int32Array,
    factors: Float64Array,
    cutoutSize: number,
    cutoutCount: number,
    cutouts: Int32Array,
    target: Float32Array,
  ): void;
}
