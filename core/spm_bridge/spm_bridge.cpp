// The sentencepiece bridge: a MODULE that links sentencepiece and nothing from LibTorch.
// It is only ever loaded through dlmopen(LM_ID_NEWLM) by core/src/tokenizer/spm_bridge_loader.cpp.
#include "spm_bridge_api.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

struct spmb_model {
  sentencepiece::SentencePieceProcessor processor;
};

namespace {

char* copy_to_malloc(const std::string& s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out) {
    std::memcpy(out, s.data(), s.size());
    out[s.size()] = '\0';
  }
  return out;
}

int fail(char** err, const std::string& message) {
  if (err) *err = copy_to_malloc(message);
  return 1;
}

}  // namespace

extern "C" {

int spmb_abi_version(void) { return SPMB_ABI_VERSION; }

int spmb_train(const char* const* keys, const char* const* values, size_t count, char** model,
               size_t* model_len, char** err) {
  try {
    std::unordered_map<std::string, std::string> kwargs;
    for (size_t i = 0; i < count; ++i) {
      // The seed is process state in sentencepiece, not a trainer flag.
      if (std::string(keys[i]) == "random_seed")
        sentencepiece::SetRandomGeneratorSeed(static_cast<unsigned>(std::stoul(values[i])));
      else
        kwargs[keys[i]] = values[i];
    }
    std::string serialized;
    const auto status = sentencepiece::SentencePieceTrainer::Train(kwargs, nullptr, &serialized);
    if (!status.ok()) return fail(err, status.ToString());
    *model = static_cast<char*>(std::malloc(serialized.size()));
    if (!*model) return fail(err, "out of memory");
    std::memcpy(*model, serialized.data(), serialized.size());
    *model_len = serialized.size();
    return 0;
  } catch (const std::exception& e) {
    return fail(err, e.what());
  }
}

int spmb_load(const char* bytes, size_t len, spmb_model** out, char** err) {
  try {
    auto* model = new spmb_model;
    const auto status = model->processor.LoadFromSerializedProto(std::string_view(bytes, len));
    if (!status.ok()) {
      delete model;
      return fail(err, status.ToString());
    }
    *out = model;
    return 0;
  } catch (const std::exception& e) {
    return fail(err, e.what());
  }
}

void spmb_unload(spmb_model* model) { delete model; }

int spmb_vocab_size(const spmb_model* model) { return model->processor.GetPieceSize(); }

int spmb_encode(const spmb_model* model, const char* text, size_t len, int** ids, size_t* count,
                char** err) {
  try {
    std::vector<int> encoded;
    const auto status = model->processor.Encode(std::string_view(text, len), &encoded);
    if (!status.ok()) return fail(err, status.ToString());
    *ids = static_cast<int*>(std::malloc(sizeof(int) * (encoded.empty() ? 1 : encoded.size())));
    if (!*ids) return fail(err, "out of memory");
    std::memcpy(*ids, encoded.data(), sizeof(int) * encoded.size());
    *count = encoded.size();
    return 0;
  } catch (const std::exception& e) {
    return fail(err, e.what());
  }
}

int spmb_decode(const spmb_model* model, const int* ids, size_t count, char** text, size_t* len,
                char** err) {
  try {
    std::string decoded;
    const auto status = model->processor.Decode(std::vector<int>(ids, ids + count), &decoded);
    if (!status.ok()) return fail(err, status.ToString());
    *text = copy_to_malloc(decoded);
    if (!*text) return fail(err, "out of memory");
    *len = decoded.size();
    return 0;
  } catch (const std::exception& e) {
    return fail(err, e.what());
  }
}

int spmb_id_to_piece(const spmb_model* model, int id, char* buf, size_t cap) {
  if (id < 0 || id >= model->processor.GetPieceSize()) return -1;
  const std::string& piece = model->processor.IdToPiece(id);
  if (cap > 0) {
    const size_t n = piece.size() < cap - 1 ? piece.size() : cap - 1;
    std::memcpy(buf, piece.data(), n);
    buf[n] = '\0';
  }
  return static_cast<int>(piece.size());
}

int spmb_piece_to_id(const spmb_model* model, const char* piece, size_t len) {
  const std::string key(piece, len);
  const int id = model->processor.PieceToId(key);
  // PieceToId answers unknown pieces with the unk id; only a real match counts.
  if (id == model->processor.unk_id() && model->processor.IdToPiece(id) != key) return -1;
  return id;
}

void spmb_free(void* p) { std::free(p); }

}  // extern "C"
