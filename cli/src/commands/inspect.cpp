#include "../command.h"
#include "../described_options.h"

#include "lmlab/atomic_file.h"
#include "lmlab/data/text_corpus.h"
#include "lmlab/device_choice.h"
#include "lmlab/error.h"
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

// --prompt, or --prompt-file for a prompt past the 128 KiB a command-line argument may hold:
// UTF-8, its final line break dropped.
std::string prompt_of(const Options& o) {
  if (!o.given("prompt-file")) return o.text("prompt");
  if (o.given("prompt")) throw UsageError("give --prompt or --prompt-file, not both");
  const std::string path = o.text("prompt-file");
  std::string text = read_file(path, "prompt file");
  if (const size_t bad = find_invalid_utf8(text); bad != std::string::npos)
    throw Error("prompt file '" + path + "' is not UTF-8 text (byte " + std::to_string(bad) + ")");
  if (!text.empty() && text.back() == '\n') text.pop_back();
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

int generate(const Options& o) {
  const auto s = described_request(generation_description(), o);
  const std::string prompt = prompt_of(o);
  auto checkpoint = load_checkpoint(o.text("from"), resolve_device(o.text("device")));
  const auto continuation = generate_text(*checkpoint.model, *checkpoint.tokenizer, prompt, s);
  if (o.flag("json")) {
    std::cout << nlohmann::json{{"prompt", prompt}, {"continuation", continuation}}.dump(-1, ' ', false, kJsonReplace)
              << "\n";
  } else {
    std::cout << prompt << (prompt.empty() || continuation.empty() ? "" : " ") << continuation << "\n";
  }
  return 0;
}

// The generation settings (the playground's defaults), and what to continue with what.
std::vector<OptionSpec> generate_options() {
  std::vector<OptionSpec> options{{"from", "DIR", "GPT checkpoint directory", "", true},
                                  {"prompt", "TEXT", "text to continue (may be empty)", ""},
                                  {"prompt-file", "FILE", "read the text to continue from a UTF-8 file", ""}};
  for (auto& option : described_options(generation_description())) options.push_back(option);
  options.push_back({"device", "auto|cpu|cuda", "where to run", "auto"});
  options.push_back({"json", "", "print one JSON object", ""});
  return options;
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
      {"generate", generation_description().summary(), generate_options(), generate},
  };
}

}  // namespace lmlab::cli
