// lmlab-cli inspect VIEW: the views that answer "why" (docs/inspect.md), for scripts. Each
// prints a table, or with --json one JSON object.
#include "../command.h"

#include "lmlab/data/classification_batcher.h"
#include "lmlab/data/labeled_dataset.h"
#include "lmlab/device_choice.h"
#include "lmlab/error.h"
#include "lmlab/inspect/cka.h"
#include "lmlab/inspect/embedding_neighbours.h"
#include "lmlab/inspect/logit_lens.h"
#include "lmlab/inspect/parameter_changes.h"
#include "lmlab/inspect/projection.h"
#include "lmlab/inspect/representations.h"
#include "lmlab/inspect/saliency.h"
#include "lmlab/inspect/token_loss.h"
#include "lmlab/io/checkpoint.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace lmlab::cli {

namespace {

const auto kJsonReplace = nlohmann::json::error_handler_t::replace;

void print_json(const nlohmann::ordered_json& j) { std::cout << j.dump(-1, ' ', false, kJsonReplace) << "\n"; }

int logit_lens_view(const Options& o) {
  auto checkpoint = load_checkpoint(o.text("from"), resolve_device(o.text("device")));
  const auto lens = logit_lens(*checkpoint.model, *checkpoint.tokenizer, o.text("text"),
                               static_cast<int>(o.integer("top", 1, 1000)));
  if (o.flag("json")) {
    nlohmann::ordered_json j{{"pieces", lens.pieces}, {"layers", nlohmann::json::array()}};
    for (const auto& layer : lens.layers) {
      nlohmann::ordered_json entry{{"layer", layer.layer}, {"masks", nlohmann::json::array()}};
      for (size_t p = 0; p < layer.positions.size(); ++p) {
        nlohmann::ordered_json mask{{"position", layer.positions[p].position},
                                    {"answer_rank", layer.answer_ranks[p]},
                                    {"top", nlohmann::json::array()}};
        for (const auto& g : layer.positions[p].top)
          mask["top"].push_back({{"id", g.id}, {"token", g.piece}, {"probability", g.probability}});
        entry["masks"].push_back(mask);
      }
      j["layers"].push_back(entry);
    }
    print_json(j);
    return 0;
  }
  const auto& positions = lens.layers.back().positions;
  for (size_t p = 0; p < positions.size(); ++p) {
    std::printf("position %d (final answer '%s'):\n", positions[p].position, positions[p].top.front().piece.c_str());
    std::printf("  %-12s %-24s %s\n", "depth", "top guess", "rank of the final answer");
    for (const auto& layer : lens.layers) {
      const auto& best = layer.positions[p].top.front();
      const std::string depth = layer.layer == 0 ? "embeddings" : "layer " + std::to_string(layer.layer);
      std::printf("  %-12s %-16s %6.2f%% %d\n", depth.c_str(), best.piece.c_str(), 100 * best.probability,
                  layer.answer_ranks[p]);
    }
  }
  return 0;
}

int changes_view(const Options& o) {
  auto start = load_checkpoint(o.text("from"), c10::Device(c10::kCPU));
  auto end = load_checkpoint(o.text("to"), c10::Device(c10::kCPU));
  const auto changes = parameter_changes(model_weights(*start.model), model_weights(*end.model));
  if (o.flag("json")) {
    nlohmann::ordered_json j{{"parts", nlohmann::json::array()}};
    for (const auto& c : changes)
      j["parts"].push_back({{"name", c.name},
                            {"relative_change", c.relative_change},
                            {"change_norm", c.change_norm},
                            {"start_norm", c.start_norm},
                            {"parameters", c.parameters},
                            {"new_parameters", c.new_parameters}});
    print_json(j);
    return 0;
  }
  std::printf("%-12s %16s %12s %12s\n", "part", "relative change", "|change|", "|start|");
  for (const auto& c : changes) {
    std::printf("%-12s %15.4f%% %12.4g %12.4g", c.name.c_str(), 100 * c.relative_change, c.change_norm, c.start_norm);
    if (c.new_parameters > 0) std::printf("  (+%lld new values)", static_cast<long long>(c.new_parameters));
    std::printf("\n");
  }
  return 0;
}

struct Examples {
  std::vector<std::string> labels;     // index -> name
  std::vector<EncodedExample> encoded;
};

// The first --examples examples of --data, as the checkpoint's tokenizer reads them.
Examples examples_for(const Options& o, const LoadedCheckpoint& checkpoint) {
  auto data = read_labeled_dataset(o.text("data"));
  const auto limit = static_cast<size_t>(o.integer("examples", 2, 100000));
  if (data.examples.size() > limit) data.examples.resize(limit);
  if (data.examples.size() < 2) throw Error(o.text("data") + " has fewer than two examples to compare");
  return {data.labels, encode_examples(data, *checkpoint.tokenizer, checkpoint.model->config().max_seq_len)};
}

int cka_view(const Options& o) {
  const auto device = resolve_device(o.text("device"));
  auto start = load_checkpoint(o.text("from"), device);
  auto end = load_checkpoint(o.text("to"), device);
  if (start.tokenizer->vocab_size() != end.tokenizer->vocab_size() ||
      start.model->config().n_layers != end.model->config().n_layers)
    throw Error("--from and --to must be the same model before and after training (same tokenizer and layers)");
  const auto examples = examples_for(o, end).encoded;
  const auto pad = end.tokenizer->special_ids().pad;
  const auto before = represent_examples(*start.model, examples, pad);
  const auto after = represent_examples(*end.model, examples, pad);
  std::vector<double> similarity;
  for (size_t depth = 0; depth < before.layers.size(); ++depth)
    similarity.push_back(linear_cka(before.layers[depth], after.layers[depth]));
  if (o.flag("json")) {
    nlohmann::ordered_json j{{"examples", examples.size()}, {"layers", nlohmann::json::array()}};
    for (size_t depth = 0; depth < similarity.size(); ++depth)
      j["layers"].push_back({{"layer", depth}, {"cka", similarity[depth]}});
    print_json(j);
    return 0;
  }
  std::printf("linear CKA between --from and --to on %zu examples (1: the same up to rotation and scale)\n",
              examples.size());
  for (size_t depth = 0; depth < similarity.size(); ++depth)
    std::printf("  %-12s %.4f\n", depth == 0 ? "embeddings" : ("layer " + std::to_string(depth)).c_str(),
                similarity[depth]);
  return 0;
}

int project_view(const Options& o) {
  auto checkpoint = load_checkpoint(o.text("from"), resolve_device(o.text("device")));
  const auto [labels, examples] = examples_for(o, checkpoint);
  const auto represented = represent_examples(*checkpoint.model, examples, checkpoint.tokenizer->special_ids().pad);
  const auto projection = principal_components(represented.pooled, 2);
  if (o.flag("json")) {
    nlohmann::ordered_json j{{"explained", projection.explained_share},
                             {"labels", labels},
                             {"points", nlohmann::json::array()}};
    for (size_t i = 0; i < examples.size(); ++i) {
      const auto row = static_cast<int64_t>(i);
      j["points"].push_back({{"x", projection.points[row][0].item<double>()},
                             {"y", projection.points[row][1].item<double>()},
                             {"label", represented.labels[i]}});
    }
    print_json(j);
    return 0;
  }
  std::printf("%zu examples on the first two principal components of the pooled vectors (%.1f%% and %.1f%% of "
              "the variance)\n",
              examples.size(), 100 * projection.explained_share[0], 100 * projection.explained_share[1]);
  // Per label, the centre and spread of its points: clusters that formed stand apart.
  for (size_t label = 0; label < labels.size(); ++label) {
    const auto mask = at::tensor(represented.labels) == static_cast<int64_t>(label);
    if (!mask.any().item<bool>()) continue;
    const auto points = projection.points.index({mask});
    const auto centre = points.mean(0);
    std::printf("  %-16s %5lld points, centre (%7.3f, %7.3f), spread %.3f\n", labels[label].c_str(),
                static_cast<long long>(points.size(0)), centre[0].item<double>(), centre[1].item<double>(),
                (points - centre).norm(2, 1).mean().item<double>());
  }
  return 0;
}

// The word's neighbours in the token embedding table, placed on the table's first two
// principal components (the map the GUI draws).
int neighbours_view(const Options& o) {
  auto checkpoint = load_checkpoint(o.text("from"), resolve_device(o.text("device")));
  const auto found = embedding_neighbours(*checkpoint.model, *checkpoint.tokenizer, o.text("word"),
                                          static_cast<int>(o.integer("top", 1, 1000)));
  if (o.flag("json")) {
    nlohmann::ordered_json j{{"pieces", found.pieces},
                             {"x", found.x},
                             {"y", found.y},
                             {"explained", {found.explained[0], found.explained[1]}},
                             {"nearest", nlohmann::json::array()}};
    for (const auto& n : found.nearest)
      j["nearest"].push_back({{"id", n.id}, {"token", n.piece}, {"cosine", n.cosine}, {"x", n.x}, {"y", n.y}});
    print_json(j);
    return 0;
  }
  std::string pieces;
  for (const auto& p : found.pieces) pieces += (pieces.empty() ? "" : " ") + p;
  std::printf("'%s' is %s, at (%.3f, %.3f) on the embedding table's first two principal components (%.1f%% and "
              "%.1f%% of the variance); its nearest tokens by cosine:\n",
              o.text("word").c_str(), pieces.c_str(), found.x, found.y, 100 * found.explained[0],
              100 * found.explained[1]);
  for (const auto& n : found.nearest) std::printf("  %6.3f  (%7.3f, %7.3f)  %s\n", n.cosine, n.x, n.y, n.piece.c_str());
  return 0;
}

int token_loss_view(const Options& o) {
  auto checkpoint = load_checkpoint(o.text("from"), resolve_device(o.text("device")));
  const auto losses = token_losses(*checkpoint.model, *checkpoint.tokenizer, o.text("text"),
                                   static_cast<int>(o.integer("top", 1, 1000)));
  if (o.flag("json")) {
    nlohmann::ordered_json j{{"mean_loss", losses.mean_loss},
                             {"masked_one_at_a_time", losses.masked_one_at_a_time},
                             {"tokens", nlohmann::json::array()}};
    for (const auto& t : losses.tokens) {
      nlohmann::ordered_json token{{"id", t.id}, {"token", t.piece}, {"scored", t.scored}};
      if (t.scored) {
        token["loss"] = t.loss;
        token["top"] = nlohmann::json::array();
        for (const auto& g : t.top) token["top"].push_back({{"id", g.id}, {"token", g.piece}, {"probability", g.probability}});
      }
      j["tokens"].push_back(token);
    }
    print_json(j);
    return 0;
  }
  std::printf("%-16s %8s  %s\n", "token", "loss", "expected instead");
  for (const auto& t : losses.tokens) {
    if (!t.scored) {
      std::printf("%-16s %8s\n", t.piece.c_str(), "-");
      continue;
    }
    std::string expected;
    for (const auto& g : t.top) expected += g.piece + " ";
    std::printf("%-16s %8.3f  %s\n", t.piece.c_str(), t.loss, expected.c_str());
  }
  std::printf("mean loss %.3f nats per token%s\n", losses.mean_loss,
              losses.masked_one_at_a_time ? " (each token masked alone)" : "");
  return 0;
}

int saliency_view(const Options& o) {
  auto checkpoint = load_checkpoint(o.text("from"), resolve_device(o.text("device")));
  const auto names = checkpoint_labels(checkpoint);
  int label = -1;
  if (o.given("label")) {
    const auto wanted = o.text("label");
    const auto found = std::find(names.begin(), names.end(), wanted);
    if (found == names.end()) throw Error("--label '" + wanted + "' is not one of this classifier's labels");
    label = static_cast<int>(found - names.begin());
  }
  const auto s = saliency(*checkpoint.model, *checkpoint.tokenizer, o.text("text"), o.given("pair") ? o.text("pair") : "",
                          static_cast<int>(o.integer("steps", 1, 1024)), label);
  const std::string name = static_cast<size_t>(s.label) < names.size() ? names[static_cast<size_t>(s.label)] : "";
  if (o.flag("json")) {
    nlohmann::ordered_json j{{"label", name},
                             {"label_index", s.label},
                             {"probability", s.probability},
                             {"baseline_probability", s.baseline_probability},
                             {"attribution_sum", s.attribution_sum},
                             {"completeness_gap", s.completeness_gap},
                             {"steps", s.steps},
                             {"tokens", nlohmann::json::array()}};
    for (const auto& t : s.tokens)
      j["tokens"].push_back({{"id", t.id},
                             {"token", t.piece},
                             {"segment", t.segment},
                             {"gradient_x_input", t.gradient_x_input},
                             {"integrated_gradients", t.integrated_gradients}});
    print_json(j);
    return 0;
  }
  std::printf("'%s' with probability %.3f (%.3f with every token's embedding zeroed)\n", name.c_str(), s.probability,
              s.baseline_probability);
  std::printf("%-16s %8s %22s\n", "token", "grad x input", "integrated gradients");
  for (const auto& t : s.tokens)
    std::printf("%-16s %8.4f %22.4f\n", (t.segment ? "  " + t.piece : t.piece).c_str(), t.gradient_x_input,
                t.integrated_gradients);
  std::printf("integrated gradients sum to %.4f against f(x) - f(baseline) = %.4f: a %.1f%% gap at %d steps\n",
              s.attribution_sum, s.probability - s.baseline_probability, 100 * s.completeness_gap, s.steps);
  return 0;
}

}  // namespace

std::vector<Command> inspect_view_commands() {
  const OptionSpec device{"device", "auto|cpu|cuda", "where to run", "auto"};
  const OptionSpec json{"json", "", "print one JSON object", ""};
  const OptionSpec examples{"examples", "N", "how many examples of --data to use (the first N)", "500"};
  return {
      {"inspect logit-lens",
       "Every layer's guess at each [MASK] (BERT) or the next token (GPT), and the final answer's rank",
       {{"from", "DIR", "checkpoint directory", "", true},
        {"text", "TEXT", "BERT: text with [MASK]; GPT: text to continue", "", true},
        {"top", "K", "guesses per layer", "5"},
        device,
        json},
       logit_lens_view},
      {"inspect token-loss",
       "Each token's loss under the model (GPT: next token; BERT: each token masked in turn) and what it expected",
       {{"from", "DIR", "checkpoint directory", "", true},
        {"text", "TEXT", "the text to score", "", true},
        {"top", "K", "expected tokens shown per position", "5"},
        device,
        json},
       token_loss_view},
      {"inspect saliency",
       "Which input tokens a classifier's prediction rests on: gradient x input and integrated gradients",
       {{"from", "DIR", "a fine-tuned classifier's checkpoint", "", true},
        {"text", "TEXT", "the text (the premise of a pair)", "", true},
        {"pair", "TEXT", "the second text of a pair (the hypothesis)", ""},
        {"label", "NAME", "the label to explain (default: the predicted one)", ""},
        {"steps", "N", "integration steps", "64"},
        device,
        json},
       saliency_view},
      {"inspect changes",
       "How far each part (embeddings, each layer, head) moved between two checkpoints",
       {{"from", "DIR", "the starting checkpoint (e.g. the pretrained model)", "", true},
        {"to", "DIR", "the checkpoint after training", "", true},
        json},
       changes_view},
      {"inspect cka",
       "How much each layer's representation of --data changed between two checkpoints (linear CKA)",
       {{"from", "DIR", "the starting checkpoint", "", true},
        {"to", "DIR", "the checkpoint after training", "", true},
        {"data", "FILE", "labelled examples (AG News CSV, MNLI TSV/JSONL, TSV, JSONL)", "", true},
        examples,
        device,
        json},
       cka_view},
      {"inspect neighbours",
       "A word's nearest tokens in the token embedding table (cosine), on the table's 2-D PCA map",
       {{"from", "DIR", "checkpoint directory", "", true},
        {"word", "TEXT", "the word to look up (several pieces: their mean)", "", true},
        {"top", "K", "neighbours to list", "10"},
        device,
        json},
       neighbours_view},
      {"inspect project",
       "The pooled vectors of --data on their first two principal components, by label",
       {{"from", "DIR", "checkpoint directory", "", true},
        {"data", "FILE", "labelled examples (AG News CSV, MNLI TSV/JSONL, TSV, JSONL)", "", true},
        examples,
        device,
        json},
       project_view},
  };
}

}  // namespace lmlab::cli
