#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lmlab {

// Ids of the special tokens a model needs. LM Lab's own SentencePiece models use the fixed
// ids below; tokenizers imported from elsewhere report their own.
struct SpecialIds {
  int pad = 0;
  int unk = 1;
  int cls = 2;
  int sep = 3;
  int mask = 4;
  int bos = 5;
  int eos = 6;
};

// Text <-> token ids. Implementations are immutable after construction, so one tokenizer can
// be shared by the training thread and the views.
class Tokenizer {
 public:
  virtual ~Tokenizer() = default;

  virtual std::vector<int> encode(std::string_view text) const = 0;
  virtual std::string decode(const std::vector<int>& ids) const = 0;
  virtual int vocab_size() const = 0;
  virtual std::string id_to_piece(int id) const = 0;
  // -1 when the vocabulary has no such piece.
  virtual int piece_to_id(std::string_view piece) const = 0;
  virtual SpecialIds special_ids() const = 0;
  // The files that describe this tokenizer in a checkpoint folder: (name, bytes), in the
  // layout load_tokenizer() (tokenizer_files.h) reads back.
  virtual std::vector<std::pair<std::string, std::string>> files() const = 0;

  std::vector<std::string> pieces(std::string_view text) const;
};

// A SentencePiece byte-fallback piece ("<0xE2>"): one byte of text no piece covered.
bool is_byte_piece(std::string_view piece);

}  // namespace lmlab
