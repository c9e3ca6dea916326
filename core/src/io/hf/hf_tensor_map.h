#pragma once

#include "hf_config.h"

#include "lmlab/io/safetensors.h"

#include <string>
#include <utility>
#include <vector>

namespace lmlab::hf {

// How one LM Lab parameter is made from a Hugging Face model's tensors.
struct Source {
  enum class Kind {
    Same,        // the tensor as it is
    Transposed,  // GPT-2's Conv1D stores weights (in, out); LM Lab's Linear has (out, in)
    Stacked,     // BERT's separate query, key and value, stacked into LM Lab's fused qkv
  };
  Kind kind = Kind::Same;
  std::vector<std::string> names;
  // Tables whose rows LM Lab may use only part of: RoBERTa's positions start at row
  // padding_idx + 1, and embedding tables are sometimes padded past the tokenizer.
  int64_t row_offset = 0;
  bool rows_may_exceed = false;
};

// Parameters that come, or are missing, together. The body is required; a head the folder
// lacks (BertModel has no masked-LM head, RobertaForMaskedLM no pooler) keeps LM Lab's
// fresh initialisation, and the import says so.
struct Part {
  std::string label;
  bool required = false;
  std::vector<std::pair<std::string, Source>> params;  // LM Lab name -> source
};

// The map for a model of this type with n_layers blocks whose body tensors are named
// body_prefix + "embeddings..." (e.g. "bert.", or "" for a bare BertModel).
std::vector<Part> tensor_map(ModelType type, int n_layers, const std::string& body_prefix, int64_t position_offset);

// The prefix the folder's body tensors carry ("bert.", "distilbert.", "roberta.",
// "transformer.", or ""); throws naming the embedding tensor that was looked for.
std::string find_body_prefix(ModelType type, const NamedTensors& tensors, const std::string& origin);

// Tensors Hugging Face stores that LM Lab ties or derives (output projections equal to the
// token embedding, attention-mask buffers, position ids): skipped without a note.
bool is_tied_or_buffer(const std::string& name);

}  // namespace lmlab::hf
