# Builds netwright_native.node: the engine's compute kernels (Node-API 8 only, so one binary loads in Node and Electron).
# Each SGEMM microkernel ISA is its own static library so it alone gets that ISA's compiler flags;
# the addon picks one at load time with cpuid (see src/gemm/select_kernel.cpp).
{
  'target_defaults': {
    'defines': ['NAPI_VERSION=8', 'NODE_ADDON_API_DISABLE_DEPRECATED'],
    'cflags': ['-O3', '-fno-math-errno', '-fvisibility=hidden'],
    'cflags_cc': ['-std=c++17'],
    'cflags_cc!': ['-std=gnu++17'],
    'xcode_settings': {
      'CLANG_CXX_LANGUAGE_STANDARD': 'c++17',
      'GCC_OPTIMIZATION_LEVEL': '3',
      'OTHER_CFLAGS': ['-fno-math-errno'],
      'MACOSX_DEPLOYMENT_TARGET': '10.15',
    },
    'msvs_settings': {
      'VCCLCompilerTool': {
        'AdditionalOptions': ['/std:c++17', '/O2'],
      },
    },
  },
  'targets': [
    {
      'target_name': 'netwright_native',
      'dependencies': [
        "<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except",
        'gemm_scalar',
        'augment_images',
      ],
      'sources': [
        'src/addon.cpp',
        'src/args.cpp',
        'src/fp_mode.cpp',
        'src/scratch.cpp',
        'src/thread_pool.cpp',
        'src/gemm/gemm.cpp',
        'src/gemm/select_kernel.cpp',
        'src/gemm/small_rows.cpp',
        'src/gemm/weight_rows.cpp',
        'src/gemm/strided_b.cpp',
        'src/gemm/prepack.cpp',
        'src/ops/geometry.cpp',
        'src/ops/binding_gemm.cpp',
        'src/ops/dense.cpp',
        'src/ops/conv.cpp',
        'src/ops/conv_shifted.cpp',
        'src/ops/conv_dot_portable.cpp',
        'src/ops/pool.cpp',
        'src/ops/max_pool_2x2.cpp',
        'src/ops/batch_norm.cpp',
        'src/ops/batch_norm_passes.cpp',
        'src/ops/activation.cpp',
        'src/ops/fast_math.cpp',
        'src/ops/softmax_dropout.cpp',
        'src/ops/elementwise.cpp',
        'src/ops/losses.cpp',
        'src/ops/reductions.cpp',
        'src/ops/optimizers.cpp',
        'src/ops/augment.cpp',
        'src/ops/strided_grid.cpp',
      ],
      'include_dirs': ['src'],
      'conditions': [
        ['target_arch=="x64"', {
          'dependencies': ['gemm_avx2', 'gemm_avx512', 'conv_dot_avx2', 'conv_dot_avx512', 'col2im_avx2',
                           'col2im_avx512', 'optimizers_avx2', 'batch_norm_avx2'],
          'defines': ['NW_GEMM_X86'],
        }],
        ['target_arch=="arm64"', {
          'dependencies': ['gemm_neon'],
          'defines': ['NW_GEMM_NEON'],
        }],
        ['OS=="linux"', {
          'ldflags': ['-pthread'],
          'cflags': ['-pthread'],
        }],
      ],
    },
    {
      # Portable microkernel: baseline flags only (SSE2 on x64), written so the compiler vectorizes it.
      'target_name': 'gemm_scalar',
      'type': 'static_library',
      'sources': ['src/gemm/ukernel_scalar.cpp', 'src/gemm/small_rows_scalar.cpp'],
      'include_dirs': ['src'],
      'cflags': ['-fPIC'],
    },
    {
      # Image augmentation's arithmetic must match JS bit for bit: no fused multiply-adds on any target.
      'target_name': 'augment_images',
      'type': 'static_library',
      'sources': ['src/ops/augment_images.cpp'],
      'include_dirs': ['src'],
      'cflags': ['-fPIC', '-ffp-contract=off'],
      'xcode_settings': { 'OTHER_CFLAGS': ['-ffp-contract=off'] },
      'msvs_settings': { 'VCCLCompilerTool': { 'AdditionalOptions': ['/fp:precise'] } },
    },
  ],
  'conditions': [
    ['target_arch=="x64"', {
      'targets': [
        {
          'target_name': 'gemm_avx2',
          'type': 'static_library',
          'sources': ['src/gemm/ukernel_avx2.cpp', 'src/gemm/small_rows_avx2.cpp'],
          'include_dirs': ['src'],
          'cflags': ['-fPIC', '-mavx2', '-mfma'],
          'xcode_settings': { 'OTHER_CFLAGS': ['-mavx2', '-mfma'] },
          'msvs_settings': { 'VCCLCompilerTool': { 'AdditionalOptions': ['/arch:AVX2'] } },
        },
        {
          # The dot products of a stride-1 convolution's weight gradient (src/ops/conv_dot.hpp).
          'target_name': 'conv_dot_avx2',
          'type': 'static_library',
          'sources': ['src/ops/conv_dot_avx2.cpp'],
          'include_dirs': ['src'],
          'cflags': ['-fPIC', '-mavx2', '-mfma'],
          'xcode_settings': { 'OTHER_CFLAGS': ['-mavx2', '-mfma'] },
          'msvs_settings': { 'VCCLCompilerTool': { 'AdditionalOptions': ['/arch:AVX2'] } },
        },
        {
          # A stride-1 convolution's input gradient added back from its columns 8 lanes at a time (src/ops/col2im_rows.hpp).
          'target_name': 'col2im_avx2',
          'type': 'static_library',
          'sources': ['src/ops/col2im_avx2.cpp'],
          'include_dirs': ['src'],
          'defines': ['NW_GEMM_X86'],
          'cflags': ['-fPIC', '-mavx2', '-mfma'],
          'xcode_settings': { 'OTHER_CFLAGS': ['-mavx2', '-mfma'] },
          'msvs_settings': { 'VCCLCompilerTool': { 'AdditionalOptions': ['/arch:AVX2'] } },
        },
        {
          # AdaGrad, RMSProp and Adam 8 lanes wide (src/ops/optimizers_avx2.cpp): the portable loops' bits, so no
          # fused multiply-adds (GCC fuses even intrinsics when FMA is enabled; it is not, and contraction is off).
          'target_name': 'optimizers_avx2',
          'type': 'static_library',
          'sources': ['src/ops/optimizers_avx2.cpp'],
          'include_dirs': ['src'],
          'defines': ['NW_GEMM_X86'],
          'cflags': ['-fPIC', '-mavx2', '-ffp-contract=off'],
          'xcode_settings': { 'OTHER_CFLAGS': ['-mavx2', '-ffp-contract=off'] },
          'msvs_settings': { 'VCCLCompilerTool': { 'AdditionalOptions': ['/arch:AVX2', '/fp:precise'] } },
        },
        {
          # Batch normalization's rows 8 floats (two registers of four doubles) wide (src/ops/batch_norm_avx2.cpp):
          # the portable passes' bits, so no fused multiply-adds, as for optimizers_avx2.
          'target_name': 'batch_norm_avx2',
          'type': 'static_library',
          'sources': ['src/ops/batch_norm_avx2.cpp'],
          'include_dirs': ['src'],
          'defines': ['NW_GEMM_X86'],
          'cflags': ['-fPIC', '-mavx2', '-ffp-contract=off'],
          'xcode_settings': { 'OTHER_CFLAGS': ['-mavx2', '-ffp-contract=off'] },
          'msvs_settings': { 'VCCLCompilerTool': { 'AdditionalOptions': ['/arch:AVX2', '/fp:precise'] } },
        },
        {
          # conv_dot.hpp's dot products 16 lanes wide.
          'target_name': 'conv_dot_avx512',
          'type': 'static_library',
          'sources': ['src/ops/conv_dot_avx512.cpp'],
          'include_dirs': ['src'],
          'cflags': ['-fPIC', '-mavx512f', '-mfma'],
          'xcode_settings': { 'OTHER_CFLAGS': ['-mavx512f', '-mfma'] },
          'msvs_settings': { 'VCCLCompilerTool': { 'AdditionalOptions': ['/arch:AVX512'] } },
        },
        {
          # The same, 16 lanes at a time.
          'target_name': 'col2im_avx512',
          'type': 'static_library',
          'sources': ['src/ops/col2im_avx512.cpp'],
          'include_dirs': ['src'],
          'defines': ['NW_GEMM_X86'],
          'cflags': ['-fPIC', '-mavx512f', '-mfma'],
          'xcode_settings': { 'OTHER_CFLAGS': ['-mavx512f', '-mfma'] },
          'msvs_settings': { 'VCCLCompilerTool': { 'AdditionalOptions': ['/arch:AVX512'] } },
        },
        {
          'target_name': 'gemm_avx512',
          'type': 'static_library',
          'sources': ['src/gemm/ukernel_avx512.cpp', 'src/gemm/small_rows_avx512.cpp'],
          'include_dirs': ['src'],
          'cflags': ['-fPIC', '-mavx512f', '-mfma'],
          'xcode_settings': { 'OTHER_CFLAGS': ['-mavx512f', '-mfma'] },
          'msvs_settings': { 'VCCLCompilerTool': { 'AdditionalOptions': ['/arch:AVX512'] } },
        },
      ],
    }],
    ['target_arch=="arm64"', {
      'targets': [
        {
          # NEON is part of the arm64 baseline: no extra flags needed.
          'target_name': 'gemm_neon',
          'type': 'static_library',
          'sources': ['src/gemm/ukernel_neon.cpp', 'src/gemm/small_rows_neon.cpp'],
          'include_dirs': ['src'],
          'cflags': ['-fPIC'],
        },
      ],
    }],
  ],
}
