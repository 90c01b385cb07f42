// Geometry validation and the im2col / col2im transforms (see geometry.hpp).
#include "ops/geometry.hpp"

#include <algorithm>
#include <cstring>
#include <string>

#include "gemm/gemm.hpp"
#include "ops/col2im_rows.hpp"

namespace nw {

void validColumns(std::int64_t width, std::int64_t outWidth, std::int64_t stride, std::int64_t pad, std::int64_t k,
                  std::int64_t& begin, std::int64_t& end) {
  const std::int64_t low = pad - k;  // need ow*stride >= low
  begin = low <= 0 ? 0 : (low + stride - 1) / stride;
  const std::int64_t high = width + pad - k;  // need ow*stride < high
  end = high <= 0 ? 0 : std::min<std::int64_t>(outWidth, (high + stride - 1) / stride);
  if (begin > end) begin = end;
}

WindowGeom readGeom(const Args& args, std::size_t i, WindowKind kind) {
  IntView view = args.ints(i, "geom");
  args.need(view, 13);
  const std::int32_t* v = view.data;
  WindowGeom g{v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]};
  static const char* names[] = {"N", "C", "H", "W", "O", "KH", "KW", "SH", "SW", "PH", "PW", "OH", "OW"};
  for (int k = 0; k < 13; ++k) {
    const bool padding = k == 9 || k == 10;
    if (v[k] < (padding ? 0 : 1)) {
      args.fail(std::string("geom ") + names[k] + " must be " + (padding ? ">= 0" : ">= 1") + ", got " +
                std::to_string(v[k]));
    }
  }
  if (g.H + 2 * g.PH < g.KH || g.W + 2 * g.PW < g.KW) {
    args.fail("geom kernel " + std::to_string(g.KH) + "x" + std::to_string(g.KW) + " is larger than the padded input " +
              std::to_string(g.H + 2 * g.PH) + "x" + std::to_string(g.W + 2 * g.PW));
  }
  const std::int64_t oh = (g.H + 2 * g.PH - g.KH) / g.SH + 1;
  const std::int64_t ow = (g.W + 2 * g.PW - g.KW) / g.SW + 1;
  if (g.OH != oh || g.OW != ow) {
    args.fail("geom OH x OW is " + std::to_string(g.OH) + "x" + std::to_string(g.OW) + ", the formula gives " +
              std::to_string(oh) + "x" + std::to_string(ow));
  }
  if (kind == WindowKind::Pooling) {
    if (g.O != g.C)
      args.fail("geom O must equal C for pooling, got O=" + std::to_string(g.O) + " C=" + std::to_string(g.C));
    // Every window must contain a real input element, or its maximum would be undefined.
    if (g.PH >= g.KH || g.PW >= g.KW) args.fail("geom padding must be smaller than the pooling window");
  }
  // Products of these sizes are later taken in 64-bit; catch absurd values early.
  args.product({g.N, g.C, g.H, g.W});
  args.product({g.N, g.O, g.OH, g.OW});
  args.product({g.C, g.KH, g.KW, g.OH, g.OW});
  return g;
}

namespace {

// The ISA's col2imAdd at stride 1 (col2im_rows.hpp), or null for the loop below: the GEMM's ISA.
// NETWRIGHT_COL2IM_PORTABLE=1 keeps the loop below: the test that both give the same bits runs one process each way.
Col2imRowsKernel col2imRowsKernel() {
  if (testSwitchOn("NETWRIGHT_COL2IM_PORTABLE")) return nullptr;
#if defined(NW_GEMM_X86)
  const char* isa = gemmKernel().isa;
  if (std::strcmp(isa, "avx512") == 0) return col2imRowsAvx512;
  if (std::strcmp(isa, "avx2") == 0) return col2imRowsAvx2;
#endif
  return nullptr;
}

}  // namespace

// Each element of the image gets its terms added in the order (kh, kw), one add each, which the ISA files keep. The
// loop below reads and writes back a run of OW floats of the image for every window and output row; at stride 1 the
// ISA files hold a block of 8 image rows (16 or 8 columns each) in registers while every window adds to it, and
// store it once (LeNet's second convolution at batch 64, one Zen 5 core with AVX-512: col2im 260 -> 115 us, the whole
// input gradient 410 -> 265 us).
void col2imAdd(const WindowGeom& g, const float* cols, std::size_t ld, float* image, std::size_t channelBegin,
               std::size_t channelEnd) {
  static const Col2imRowsKernel rows = col2imRowsKernel();
  if (g.SH == 1 && g.SW == 1 && rows != nullptr) {
    return rows({cols, ld, image, channelBegin, channelEnd, g.H, g.W, g.KH, g.KW, g.PH, g.PW, g.OH, g.OW});
  }
  for (std::size_t c = channelBegin; c < channelEnd; ++c) {
    float* plane = image + c * g.inputPlane();
    for (std::int64_t kh = 0; kh < g.KH; ++kh) {
      for (std::int64_t kw = 0; kw < g.KW; ++kw) {
        const std::size_t row =
            (c * static_cast<std::size_t>(g.KH) + static_cast<std::size_t>(kh)) * static_cast<std::size_t>(g.KW) +
            static_cast<std::size_t>(kw);
        const float* in = cols + row * ld;
        std::int64_t owBegin, owEnd;
        validColumns(g.W, g.OW, g.SW, g.PW, kw, owBegin, owEnd);
        for (std::int64_t oh = 0; oh < g.OH; ++oh) {
          const std::int64_t ih = oh * g.SH - g.PH + kh;
          if (ih < 0 || ih >= g.H) continue;
          float* dst = plane + ih * g.W;
          const std::int64_t shift = kw - g.PW;
          const float* src = in + oh * g.OW;
          if (g.SW == 1) {
            float* to = dst + shift;
            for (std::int64_t ow = owBegin; ow < owEnd; ++ow) to[ow] += src[ow];
          } else {
            for (std::int64_t ow = owBegin; ow < owEnd; ++ow) dst[ow * g.SW + shift] += src[ow];
          }
        }
      }
    }
  }
}

}  // namespace nw
