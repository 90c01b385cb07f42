// FTZ/DAZ control per architecture: MXCSR bits 15 (FTZ) and 6 (DAZ) on x86, FPCR bit 24 (FZ) on arm64.
#include "fp_mode.hpp"

#if defined(_M_X64) || defined(__x86_64__) || defined(_M_IX86) || defined(__i386__)
#include <xmmintrin.h>
#define NW_FP_X86 1
#elif defined(_MSC_VER) && defined(_M_ARM64)
#include <float.h>
#define NW_FP_MSVC_ARM64 1
#elif defined(__aarch64__)
#define NW_FP_ARM64 1
#endif

namespace nw {
namespace {

#if NW_FP_X86
constexpr unsigned kFlushBits = 0x8040u;  // FTZ | DAZ
unsigned long long readMode() { return _mm_getcsr(); }
void writeMode(unsigned long long mode) { _mm_setcsr(static_cast<unsigned>(mode)); }
unsigned long long flushed(unsigned long long mode) { return mode | kFlushBits; }
#elif NW_FP_ARM64
constexpr unsigned long long kFlushBits = 1ull << 24;  // FPCR.FZ
unsigned long long readMode() {
  unsigned long long fpcr;
  __asm__ __volatile__("mrs %0, fpcr" : "=r"(fpcr));
  return fpcr;
}
void writeMode(unsigned long long mode) { __asm__ __volatile__("msr fpcr, %0" : : "r"(mode)); }
unsigned long long flushed(unsigned long long mode) { return mode | kFlushBits; }
#elif NW_FP_MSVC_ARM64
unsigned long long readMode() { return _controlfp(0, 0); }
void writeMode(unsigned long long mode) { _controlfp(static_cast<unsigned>(mode), _MCW_DN); }
unsigned long long flushed(unsigned long long mode) {
  return (mode & ~static_cast<unsigned long long>(_MCW_DN)) | _DN_FLUSH;
}
#else
unsigned long long readMode() { return 0; }
void writeMode(unsigned long long) {}
unsigned long long flushed(unsigned long long mode) { return mode; }
#endif

}  // namespace

void setFlushDenormalsForThisThread() { writeMode(flushed(readMode())); }

FlushDenormalsScope::FlushDenormalsScope() : saved_(readMode()) {
  unsigned long long wanted = flushed(saved_);
  if (wanted != saved_) writeMode(wanted);
}

FlushDenormalsScope::~FlushDenormalsScope() {
  if (readMode() != saved_) writeMode(saved_);
}

}  // namespace nw
