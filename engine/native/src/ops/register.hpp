// Each op family's source file registers its JS entry points on the addon's exports through one of these.
#pragma once

#include <napi.h>

namespace nw {

inline void exportFunction(Napi::Env env, Napi::Object exports, const char* name, Napi::Function::Callback callback) {
  exports.Set(name, Napi::Function::New(env, callback, name));
}

void registerGemm(Napi::Env env, Napi::Object exports);
void registerDense(Napi::Env env, Napi::Object exports);
void registerPrepack(Napi::Env env, Napi::Object exports);
void registerConv(Napi::Env env, Napi::Object exports);
void registerPool(Napi::Env env, Napi::Object exports);
void registerBatchNorm(Napi::Env env, Napi::Object exports);
void registerActivation(Napi::Env env, Napi::Object exports);
void registerSoftmaxDropout(Napi::Env env, Napi::Object exports);
void registerElementwise(Napi::Env env, Napi::Object exports);
void registerLosses(Napi::Env env, Napi::Object exports);
void registerReductions(Napi::Env env, Napi::Object exports);
void registerOptimizers(Napi::Env env, Napi::Object exports);
void registerAugment(Napi::Env env, Napi::Object exports);
void registerStridedGrid(Napi::Env env, Napi::Object exports);

}  // namespace nw
