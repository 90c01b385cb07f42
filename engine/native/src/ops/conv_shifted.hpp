// Stride-1 convolution as a GEMM over shifted windows of the zero-padded image, without im2col's gather.
// Over the padded image [C, HP, WP] (HP = H + 2PH, WP = W + 2PW), output position (oh, ow) is column oh*WP + ow of a
// grid as wide as the padded image, and row k = (c, kh, kw) of its im2col matrix is the padded image read from offset
// c*HP*WP + kh*WP + kw: each panel row the GEMM needs is one contiguous run of NR floats. The columns with ow >= OW
// (KW - 1 per grid row) are computed and dropped. A unit of a few images lays them side by side in each padded row
// ([C, HP, count * WP]), so that one grid runs across them and only its last row ends in a partial panel (LeNet's
// 10 x 10 output: 144 columns an image for 4 images instead of 160). Used for the forward pass and, with the weights
// flipped, for the input gradient of a stride-1 convolution.
#pragma once

#include "ops/conv_epilogue.hpp"
#include "ops/geometry.hpp"

namespace nw {

/** Whether a convolution of geometry g is run as shifted windows: stride 1 and few dropped columns. */
bool shiftedWindowsApply(const WindowGeom& g);

/**
 * Whether running `shifted` (an accepted geometry) over shifted windows is estimated to cost less than im2col would
 * for the same product: im2col over the geometry `im2col` (the convolution itself for the forward pass; the original
 * convolution when `shifted` is its adjoint, whose im2col form multiplies by weight^T and adds back with col2im).
 */
bool shiftedWindowsCheaper(const WindowGeom& shifted, const WindowGeom& im2col);

/**
 * y[N, O, OH, OW] (=, or += when accumulate) conv(x[N, C, H, W], weight [O, C*KH*KW]) + bias[O] (bias may be null),
 * for a geometry shiftedWindowsApply accepts; with an epilogue (not with accumulate), its ReLU and pool applied as
 * each output plane is stored. Call inside a KernelScope.
 */
void shiftedWindowsConv(const WindowGeom& g, const float* x, const float* weight, const float* bias, float* y,
                        bool accumulate, const ConvEpilogue& epilogue = {});

/**
 * dWeight[O, C*KH*KW] = the weight gradient of a stride-1 convolution (a geometry shiftedWindowsApply accepts):
 * sum over images of dy[n] (read in place row by row when OW is a multiple of 8, else placed on the padded grid),
 * dotted with each shifted window of the padded x[n] (conv_dot.hpp). Images are summed in fixed groups, each group in
 * runs of up to 4 images per dot product, then the groups in order: any thread count gives the same bits.
 */
void shiftedWindowsWeightGrad(const WindowGeom& g, const float* x, const float* dy, float* dWeight);

/**
 * The input gradient of a stride-1 convolution as the forward pass of its adjoint: dx[N, C, H, W] (=, or +=) the
 * convolution of dy padded by KH-1-PH, KW-1-PW with the weights flipped and transposed to [C, O, KH, KW].
 * Null geometry (N = 0) when that does not apply (stride 2 or more, padding wider than KH-1, or too many dropped
 * columns); `flipped` receives the transposed weights otherwise.
 */
WindowGeom adjointGeometry(const WindowGeom& g);
void flipWeights(const WindowGeom& g, const float* weight, float* flipped);

}  // namespace nw
