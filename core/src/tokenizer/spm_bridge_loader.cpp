#include "spm_bridge_loader.h"

#include "lmlab/error.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <vector>

namespace lmlab::detail {
namespace {

constexpr const char* kModuleName = "liblmlab_spm_bridge.so";

// LMLAB_SPM_BRIDGE, when set, is the only place looked at: a wrong override is reported,
// not silently replaced. Otherwise the bridge sits next to the library or executable that
// holds this code, or in ../lib from it (build/bin/lmlab finds build/lib/).
std::vector<std::filesystem::path> candidate_paths() {
  if (const char* env = std::getenv("LMLAB_SPM_BRIDGE"); env && *env) return {env};
  std::vector<std::filesystem::path> paths;
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&candidate_paths), &info) && info.dli_fname) {
    const auto here = std::filesystem::absolute(info.dli_fname).parent_path();
    paths.push_back(here / kModuleName);
    paths.push_back(here.parent_path() / "lib" / kModuleName);
    paths.push_back(here.parent_path() / "lib" / "lmlab" / kModuleName);
  }
#ifdef LMLAB_BRIDGE_INSTALL_DIR
  paths.push_back(std::filesystem::path(LMLAB_BRIDGE_INSTALL_DIR) / kModuleName);
#endif
  return paths;
}

template <typename Fn>
void bind(void* handle, const char* name, Fn& slot, const std::string& path) {
  slot = reinterpret_cast<Fn>(dlsym(handle, name));
  if (!slot) throw Error("sentencepiece bridge '" + path + "' lacks symbol " + name);
}

SpmBridge load_bridge() {
  std::string tried;
  for (const auto& path : candidate_paths()) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      tried += "\n  " + path.string() + " (not found)";
      continue;
    }
    void* handle = dlmopen(LM_ID_NEWLM, path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* why = dlerror();
      tried += "\n  " + path.string() + " (" + (why ? why : "dlmopen failed") + ")";
      continue;
    }
    const std::string where = path.string();
    auto abi = reinterpret_cast<decltype(&spmb_abi_version)>(dlsym(handle, "spmb_abi_version"));
    if (!abi || abi() != SPMB_ABI_VERSION)
      throw Error("sentencepiece bridge '" + where + "' is from another LM Lab build; rebuild it");
    SpmBridge bridge{};
    bind(handle, "spmb_train", bridge.train, where);
    bind(handle, "spmb_load", bridge.load, where);
    bind(handle, "spmb_unload", bridge.unload, where);
    bind(handle, "spmb_vocab_size", bridge.vocab_size, where);
    bind(handle, "spmb_encode", bridge.encode, where);
    bind(handle, "spmb_decode", bridge.decode, where);
    bind(handle, "spmb_id_to_piece", bridge.id_to_piece, where);
    bind(handle, "spmb_piece_to_id", bridge.piece_to_id, where);
    bind(handle, "spmb_free", bridge.free, where);
    // The handle stays open for the life of the process: the namespace cannot be unloaded
    // safely while sentencepiece's static state is alive.
    return bridge;
  }
  throw Error(std::string("sentencepiece bridge ") + kModuleName +
              " not found; set LMLAB_SPM_BRIDGE to its path. Tried:" + tried);
}

}  // namespace

std::string SpmBridge::take_error(char* err) const {
  if (!err) return "unknown sentencepiece error";
  std::string message(err);
  free(err);
  return message;
}

const SpmBridge& spm_bridge() {
  // Not std::call_once alone: a failed load must be retried (and re-reported) next time,
  // e.g. after the user fixes LMLAB_SPM_BRIDGE.
  static std::mutex mutex;
  static SpmBridge bridge{};
  static bool loaded = false;
  std::lock_guard<std::mutex> lock(mutex);
  if (!loaded) {
    bridge = load_bridge();
    loaded = true;
  }
  return bridge;
}

}  // namespace lmlab::detail
