#pragma once

#include "spm_bridge_api.h"

#include <string>

namespace lmlab::detail {

// Function table of the sentencepiece bridge, loaded once per process with
// dlmopen(LM_ID_NEWLM) so sentencepiece's bundled protobuf never meets LibTorch's.
struct SpmBridge {
  decltype(&spmb_train) train;
  decltype(&spmb_load) load;
  decltype(&spmb_unload) unload;
  decltype(&spmb_vocab_size) vocab_size;
  decltype(&spmb_encode) encode;
  decltype(&spmb_decode) decode;
  decltype(&spmb_id_to_piece) id_to_piece;
  decltype(&spmb_piece_to_id) piece_to_id;
  decltype(&spmb_free) free;

  // Takes ownership of a bridge-allocated error message and returns it as a string.
  std::string take_error(char* err) const;
};

// Throws lmlab::Error naming every place it looked when the module cannot be loaded.
const SpmBridge& spm_bridge();

}  // namespace lmlab::detail
