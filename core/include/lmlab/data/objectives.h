#pragma once

#include <string>

namespace lmlab {

// Which self-supervised losses a pretraining run optimises.
struct Objectives {
  bool mlm = false;  // masked-LM (BERT)
  bool nsp = false;  // next-sentence prediction (BERT)
  bool clm = false;  // next-token prediction (GPT)

  // "mlm" | "nsp" | "mlm+nsp" | "clm"
  static Objectives parse(const std::string& text);
  std::string name() const;
};

}  // namespace lmlab
