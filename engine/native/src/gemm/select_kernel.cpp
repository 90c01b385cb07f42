// Run-time ISA dispatch: picks the best SGEMM microkernel this CPU (and OS) supports, or a lower one requested with
// NETWRIGHT_ISA=scalar|avx2|avx512|neon. A request the CPU cannot run falls back to the best supported kernel;
// `isa` on the addon reports what was actually chosen.
#include <cstdlib>
#include <cstring>

#include "gemm/gemm.hpp"

#if defined(NW_GEMM_X86) && defined(_MSC_VER) && !defined(__clang__)
#include <immintrin.h>
#include <intrin.h>
#endif

namespace nw {
namespace {

struct CpuSupport {
  bool avx2 = false;    // AVX2 + FMA with the OS saving ymm state
  bool avx512 = false;  // AVX-512F with the OS saving zmm state
  bool neon = false;
};

CpuSupport detectCpu() {
  CpuSupport cpu;
#if defined(NW_GEMM_X86)
#if defined(_MSC_VER) && !defined(__clang__)
  int info[4];
  __cpuid(info, 0);
  const int maxLeaf = info[0];
  __cpuid(info, 1);
  const bool osxsave = (info[2] & (1 << 27)) != 0;
  const bool fma = (info[2] & (1 << 12)) != 0;
  const bool avx = (info[2] & (1 << 28)) != 0;
  unsigned long long xcr0 = osxsave ? _xgetbv(0) : 0;
  const bool ymmState = (xcr0 & 0x6) == 0x6;
  const bool zmmState = (xcr0 & 0xe6) == 0xe6;
  if (maxLeaf >= 7) {
    __cpuidex(info, 7, 0);
    const bool avx2 = (info[1] & (1 << 5)) != 0;
    const bool avx512f = (info[1] & (1 << 16)) != 0;
    cpu.avx2 = avx && avx2 && fma && ymmState;
    cpu.avx512 = cpu.avx2 && avx512f && zmmState;
  }
#else
  // libgcc / compiler-rt also check through XGETBV that the OS saves the wider registers.
  __builtin_cpu_init();
  cpu.avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  cpu.avx512 = cpu.avx2 && __builtin_cpu_supports("avx512f");
#endif
#endif
#if defined(NW_GEMM_NEON)
  cpu.neon = true;
#endif
  return cpu;
}

const MicroKernel& bestSupported(const CpuSupport& cpu) {
#if defined(NW_GEMM_X86)
  if (cpu.avx512) return kGemmAvx512;
  if (cpu.avx2) return kGemmAvx2;
#endif
#if defined(NW_GEMM_NEON)
  if (cpu.neon) return kGemmNeon;
#endif
  (void)cpu;
  return kGemmScalar;
}

const MicroKernel& select() {
  const CpuSupport cpu = detectCpu();
  const char* requested = std::getenv("NETWRIGHT_ISA");
  if (requested == nullptr || *requested == '\0') return bestSupported(cpu);
  if (std::strcmp(requested, "scalar") == 0) return kGemmScalar;
#if defined(NW_GEMM_X86)
  if (std::strcmp(requested, "avx2") == 0 && cpu.avx2) return kGemmAvx2;
  if (std::strcmp(requested, "avx512") == 0 && cpu.avx512) return kGemmAvx512;
#endif
#if defined(NW_GEMM_NEON)
  if (std::strcmp(requested, "neon") == 0 && cpu.neon) return kGemmNeon;
#endif
  return bestSupported(cpu);
}

}  // namespace

const MicroKernel& gemmKernel() {
  static const MicroKernel& chosen = select();
  return chosen;
}

bool gemmRunsAvx2() {
  static const bool runs = [] {
    const char* isa = gemmKernel().isa;
    return std::strcmp(isa, "avx2") == 0 || std::strcmp(isa, "avx512") == 0;
  }();
  return runs;
}

bool testSwitchOn(const char* variable) {
  const char* value = std::getenv(variable);
  return value != nullptr && std::strcmp(value, "1") == 0;
}

bool gemmReadsOffsets() {
  // NETWRIGHT_GEMM_PACK_WINDOWS=1 copies shifted windows into panels even where the kernel could read them in place:
  // the test that both ways give the same bits runs one process each way.
  static const bool reads = !testSwitchOn("NETWRIGHT_GEMM_PACK_WINDOWS") && gemmKernel().runOffsets != nullptr &&
                            gemmKernel().runRowsOffsets != nullptr;
  return reads;
}

bool gemmReadsWeightRows() {
  // NETWRIGHT_GEMM_PACK_WEIGHTS=1 sends x W^T products through the panel driver (W packed) even where the kernel could
  // read W's rows in place: the test that both ways give the same bits runs one process each way.
  static const bool reads = !testSwitchOn("NETWRIGHT_GEMM_PACK_WEIGHTS") && gemmKernel().runInPlaceA != nullptr;
  return reads;
}

bool gemmReadsStridedB() {
  // NETWRIGHT_GEMM_PACK_STRIDED_B=1 copies a B stored [K, N] into panels even where the kernel could read it in place:
  // the test that both ways give the same bits runs one process each way.
  static const bool reads = !testSwitchOn("NETWRIGHT_GEMM_PACK_STRIDED_B") && gemmKernel().runStrided != nullptr;
  return reads;
}

}  // namespace nw
