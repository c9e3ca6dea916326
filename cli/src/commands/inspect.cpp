#include "../command.h"

#include "lmlab/device_choice.h"
#include "lmlab/inspect/generation.h"
#include "lmlab/inspect/masked_prediction.h"
#include "lmlab/io/checkpoint.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace lmlab::cli {

namespace {

const auto kJsonReplace = nlohmann::json::error_handler_t::replace;

int predict_mask(const Options& o) {
  auto checkpoint = load_checkpoint(o.text("from"), resolve_device(o.text("device")));
  const auto result = predict_masks(*checkpoint.model, *checkpoint.tokenizer, o.text("text"),
                                    static_cast<int>(o.integer("top", 1, 1000)));
  if (o.flag("json")) {
    nlohmann::ordered_json j;
    j["pieces"] = result.pieces;
    j["filled"] = result.filled;
    j["masks"] = nlohmann::json::array();
    for (const auto& m : result.masks) {
      nlohmann::ordered_json mask{{"position", m.position}, {"top", nlohmann::json::array()}};
      for (const auto& g : m.top)
        mask["top"].push_back({{"id", g.id}, {"token", g.piece}, {"probability", g.probability}});
      j["masks"].push_back(mask);
    }
    std::cout << j.dump(-1, ' ', false, kJsonReplace) << "\n";
    return 0;
  }
  std::cout << "input: ";
  for (const auto& p : result.pieces) std::cout << p << " ";
  std::cout << "\n";
  for (size_t i = 0; i < result.masks.size(); ++i) {
    std::cout << "[MASK] " << i + 1 << " (position " << result.masks[i].position << "):\n";
    for (const auto& g : result.masks[i].top) std::printf("  %6.2f%%  %s\n", 100 * g.probability, g.piece.c_str());
  }
  std::cout << "best guess: " << result.filled << "\n";
  return 0;
}

int generate(const Options& o) {
  GenerationSettings s;
  s.max_tokens = static_cast<int>(o.integer("max-tokens", 1, 100000));
  s.temperature = o.real("temperature", 0, 100);
  s.top_k = static_cast<int>(o.integer("top-k", 0, 1'000'000));
  s.top_p = o.real("top-p", 1e-6, 1);
  s.seed = static_cast<uint64_t>(o.integer("seed", 0, 1L << 40));
  s.validate();
  auto checkpoint = load_checkpoint(o.text("from"), resolve_device(o.text("device")));
  const std::string prompt = o.text("prompt");
  const auto continuation = generate_text(*checkpoint.model, *checkpoint.tokenizer, prompt, s);
  if (o.flag("json")) {
    std::cout << nlohmann::json{{"prompt", prompt}, {"continuation", continuation}}.dump(-1, ' ', false, kJsonReplace)
              << "\n";
  } else {
    std::cout << prompt << (prompt.empty() || continuation.empty() ? "" : " ") << continuation << "\n";
  }
  return 0;
}

}  // namespace

std::vector<Command> inspect_commands() {
  return {
      {"predict-mask",
       "Show a BERT checkpoint's top guesses for each [MASK] in a text",
       {{"from", "DIR", "checkpoint directory", ""},
        {"text", "TEXT", "text with one or more [MASK]", ""},
        {"top", "K", "guesses per mask", "5"},
        {"device", "auto|cpu|cuda", "where to run", "auto"},
        {"json", "", "print one JSON object", ""}},
       predict_mask},
      {"generate",
       "Continue a prompt with a GPT checkpoint",
       {{"from", "DIR", "checkpoint directory", ""},
        {"prompt", "TEXT", "text to continue (may be empty)", ""},
        {"max-tokens", "N", "tokens to add at most", "50"},
        {"temperature", "T", "sampling temperature; 0 is greedy", "1.0"},
        {"top-k", "K", "sample among the K likeliest tokens; 0: all", "0"},
        {"top-p", "P", "sample among the likeliest tokens holding P of the probability", "1.0"},
        {"seed", "N", "random seed for sampling", "1234"},
        {"device", "auto|cpu|cuda", "where to run", "auto"},
        {"json", "", "print one JSON object", ""}},
       generate},
  };
}

}  // namespace lmlab::cli
