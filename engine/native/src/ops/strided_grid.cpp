// A strided grid of positions in each plane of a tensor, copied out to dense planes and back: a stride-1 dilated
// convolution runs as ordinary convolutions of its phases (engine/core/layers/shared/dilatedConv.ts), and these are
// the copies in and out of each phase, on the pool's threads. The grid (an Int32Array) is
// [rows, cols, height, width, firstColumn, step, colBegin, colEnd, rowOf[0], …, rowOf[rows - 1]]: grid row j is the
// plane's row rowOf[j] (-1 where it lies in padding), grid column i the plane's column firstColumn + step · i, inside
// the plane for i in [colBegin, colEnd) and padding elsewhere. Plain copies and one addition per element: the same
// bits on any thread count.
#include <cstdint>
#include <string>

#include "args.hpp"
#include "ops/register.hpp"
#include "scratch.hpp"
#include "thread_pool.hpp"

namespace nw {
namespace {

using std::int64_t;
using std::size_t;

constexpr double kGrain = 64.0 * 1024.0;
constexpr size_t kHeader = 8;

struct Grid {
  int64_t rows, cols, height, width, firstColumn, step, colBegin, colEnd;
  const std::int32_t* rowOf;
};

// The grid argument, checked so that every position it names lies inside a plane of height x width.
Grid readGrid(const Args& args, size_t i) {
  IntView view = args.ints(i, "grid");
  args.need(view, kHeader);
  const std::int32_t* g = view.data;
  Grid grid{g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g + kHeader};
  const auto fail = [&](const std::string& what) { args.fail("grid: " + what); };
  if (grid.rows < 0 || grid.cols < 0) fail("rows and cols must be >= 0");
  if (grid.height < 1 || grid.width < 1) fail("height and width must be >= 1");
  if (grid.step < 1) fail("step must be >= 1");
  if (grid.colBegin < 0 || grid.colBegin > grid.colEnd || grid.colEnd > grid.cols) {
    fail("needs 0 <= colBegin <= colEnd <= cols");
  }
  if (grid.colBegin < grid.colEnd) {
    const int64_t left = grid.firstColumn + grid.step * grid.colBegin;
    const int64_t right = grid.firstColumn + grid.step * (grid.colEnd - 1);
    if (left < 0 || right >= grid.width) fail("columns [colBegin, colEnd) must lie inside the plane");
  }
  if (view.length != kHeader + static_cast<size_t>(grid.rows)) {
    fail("holds " + std::to_string(view.length) + " ints, needs " + std::to_string(kHeader + grid.rows));
  }
  for (int64_t j = 0; j < grid.rows; ++j) {
    if (grid.rowOf[j] < -1 || grid.rowOf[j] >= grid.height) {
      fail("rowOf[" + std::to_string(j) + "] is outside the plane");
    }
  }
  args.product({grid.rows, grid.cols});
  args.product({grid.height, grid.width});
  return grid;
}

struct Planes {
  size_t count, dense, plane;  // planes, floats of one dense plane, floats of one tensor plane
};

Planes readPlanes(const Args& args, size_t i, const Grid& grid, const FloatView& tensor, const FloatView& dense) {
  const int64_t count = args.integer(i, "planes", 0, INT64_C(1) << 40);
  Planes planes{static_cast<size_t>(count), static_cast<size_t>(grid.rows * grid.cols),
                static_cast<size_t>(grid.height * grid.width)};
  const size_t tensorFloats = args.product({count, grid.height, grid.width});
  const size_t denseFloats = args.product({count, grid.rows, grid.cols});
  args.need(tensor, tensorFloats);
  args.need(dense, denseFloats);
  if (tensorFloats > 0 && denseFloats > 0 && tensor.data < dense.data + denseFloats &&
      dense.data < tensor.data + tensorFloats) {
    args.fail("tensor and dense overlap; they must be separate buffers");
  }
  return planes;
}

// gatherGrid(tensor, dense, planes, grid): dense[planes, rows, cols] = the grid's values of each plane, 0 at padding.
Napi::Value GatherGrid(const Napi::CallbackInfo& info) {
  Args args(info, "gatherGrid", 4);
  FloatView tensor = args.floats(0, "tensor");
  FloatView dense = args.floats(1, "dense");
  const Grid grid = readGrid(args, 3);
  const Planes planes = readPlanes(args, 2, grid, tensor, dense);
  KernelScope scope;
  parallelFor(threadsFor(static_cast<double>(planes.count * planes.dense), kGrain), [&](int ith, int nth) {
    const Range r = evenShare(planes.count, ith, nth);
    const Grid g = grid;  // locals, not captures, in the loops
    for (size_t n = r.begin; n < r.end; ++n) {
      const float* source = tensor.data + n * planes.plane;
      float* out = dense.data + n * planes.dense;
      for (int64_t j = 0; j < g.rows; ++j, out += g.cols) {
        const std::int32_t row = g.rowOf[j];
        if (row < 0) {
          for (int64_t i = 0; i < g.cols; ++i) out[i] = 0.0f;
          continue;
        }
        const float* from = source + row * g.width + g.firstColumn;
        for (int64_t i = 0; i < g.colBegin; ++i) out[i] = 0.0f;
        if (g.step == 1) {
          for (int64_t i = g.colBegin; i < g.colEnd; ++i) out[i] = from[i];
        } else {
          for (int64_t i = g.colBegin; i < g.colEnd; ++i) out[i] = from[g.step * i];
        }
        for (int64_t i = g.colEnd; i < g.cols; ++i) out[i] = 0.0f;
      }
    }
  });
  return info.Env().Undefined();
}

// scatterGrid(dense, tensor, planes, grid, accumulate): each plane's grid positions outside padding = (or +=) dense.
Napi::Value ScatterGrid(const Napi::CallbackInfo& info) {
  Args args(info, "scatterGrid", 5);
  FloatView dense = args.floats(0, "dense");
  FloatView tensor = args.floats(1, "tensor");
  const Grid grid = readGrid(args, 3);
  const Planes planes = readPlanes(args, 2, grid, tensor, dense);
  const bool accumulate = args.flag(4, "accumulate");
  KernelScope scope;
  parallelFor(threadsFor(static_cast<double>(planes.count * planes.dense), kGrain), [&](int ith, int nth) {
    const Range r = evenShare(planes.count, ith, nth);
    const Grid g = grid;
    const bool add = accumulate;
    for (size_t n = r.begin; n < r.end; ++n) {
      const float* in = dense.data + n * planes.dense;
      float* target = tensor.data + n * planes.plane;
      for (int64_t j = 0; j < g.rows; ++j, in += g.cols) {
        const std::int32_t row = g.rowOf[j];
        if (row < 0) continue;
        float* to = target + row * g.width + g.firstColumn;
        if (add) {
          for (int64_t i = g.colBegin; i < g.colEnd; ++i) to[g.step * i] += in[i];
        } else {
          for (int64_t i = g.colBegin; i < g.colEnd; ++i) to[g.step * i] = in[i];
        }
      }
    }
  });
  return info.Env().Undefined();
}

}  // namespace

void registerStridedGrid(Napi::Env env, Napi::Object exports) {
  exportFunction(env, exports, "gatherGrid", GatherGrid);
  exportFunction(env, exports, "scatterGrid", ScatterGrid);
}

}  // namespace nw
