#include "hf_fixture.h"

#include "lmlab/atomic_file.h"
#include "lmlab/io/safetensors.h"

#include <nlohmann/json.hpp>

namespace lmlab::test {
namespace fs = std::filesystem;

namespace {

const fs::path kData = LMLAB_SOURCE_DIR "/tests/data";

class Weights {
 public:
  void matrix(const std::string& name, int64_t rows, int64_t cols) { t_[name] = at::randn({rows, cols}) * 0.3; }
  void vector(const std::string& name, int64_t n) { t_[name] = at::randn({n}) * 0.1; }
  void linear(const std::string& name, int64_t out, int64_t in) {
    matrix(name + ".weight", out, in);
    vector(name + ".bias", out);
  }
  void conv1d(const std::string& name, int64_t in, int64_t out) {  // GPT-2 stores (in, out)
    matrix(name + ".weight", in, out);
    vector(name + ".bias", out);
  }
  void norm(const std::string& name, int64_t n) {
    t_[name + ".weight"] = 1.0 + at::randn({n}) * 0.1;
    vector(name + ".bias", n);
  }
  HfTensors& all() { return t_; }

 private:
  HfTensors t_;
};

int vocab_txt_size(const fs::path& path) {
  const auto text = read_file(path.string());
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

HfTensors bert_like(const std::string& type, const HfShape& s, int vocab, nlohmann::json& config) {
  const bool distil = type == "distilbert", roberta = type == "roberta";
  const int64_t c = s.d_model, positions = roberta ? s.positions + 2 : s.positions;
  const std::string p = type + ".";
  Weights w;
  w.matrix(p + "embeddings.word_embeddings.weight", vocab, c);
  w.matrix(p + "embeddings.position_embeddings.weight", positions, c);
  if (!distil) w.matrix(p + "embeddings.token_type_embeddings.weight", roberta ? 1 : 2, c);
  w.norm(p + "embeddings.LayerNorm", c);
  for (int i = 0; i < s.layers; ++i) {
    if (distil) {
      const auto l = p + "transformer.layer." + std::to_string(i) + ".";
      for (const char* proj : {"q_lin", "k_lin", "v_lin", "out_lin"}) w.linear(l + "attention." + proj, c, c);
      w.norm(l + "sa_layer_norm", c);
      w.linear(l + "ffn.lin1", s.d_ff, c);
      w.linear(l + "ffn.lin2", c, s.d_ff);
      w.norm(l + "output_layer_norm", c);
    } else {
      const auto l = p + "encoder.layer." + std::to_string(i) + ".";
      for (const char* proj : {"query", "key", "value"}) w.linear(l + "attention.self." + proj, c, c);
      w.linear(l + "attention.output.dense", c, c);
      w.norm(l + "attention.output.LayerNorm", c);
      w.linear(l + "intermediate.dense", s.d_ff, c);
      w.linear(l + "output.dense", c, s.d_ff);
      w.norm(l + "output.LayerNorm", c);
    }
  }
  const auto& embedding = w.all()[p + "embeddings.word_embeddings.weight"];
  if (type == "bert") {
    w.linear(p + "pooler.dense", c, c);
    w.linear("cls.predictions.transform.dense", c, c);
    w.norm("cls.predictions.transform.LayerNorm", c);
    w.vector("cls.predictions.bias", vocab);
    w.all()["cls.predictions.decoder.weight"] = embedding.clone();  // tied, as older folders store it
    w.linear("cls.seq_relationship", 2, c);
  } else if (roberta) {  // RobertaForMaskedLM: no pooler
    w.linear("lm_head.dense", c, c);
    w.norm("lm_head.layer_norm", c);
    w.vector("lm_head.bias", vocab);
  } else {
    w.linear("vocab_transform", c, c);
    w.norm("vocab_layer_norm", c);
    w.vector("vocab_projector.bias", vocab);
  }
  if (distil) {
    config = {{"model_type", "distilbert"}, {"vocab_size", vocab}, {"dim", c}, {"n_layers", s.layers},
              {"n_heads", s.heads}, {"hidden_dim", s.d_ff}, {"max_position_embeddings", s.positions},
              {"activation", "gelu"}, {"dropout", 0.1}, {"attention_dropout", 0.1},
              {"sinusoidal_pos_embds", false}};
  } else {
    config = {{"model_type", type}, {"vocab_size", vocab}, {"hidden_size", c}, {"num_hidden_layers", s.layers},
              {"num_attention_heads", s.heads}, {"intermediate_size", s.d_ff}, {"hidden_act", "gelu"},
              {"max_position_embeddings", positions}, {"type_vocab_size", roberta ? 1 : 2},
              {"layer_norm_eps", roberta ? 1e-5 : 1e-12}, {"position_embedding_type", "absolute"}};
    if (roberta) config["pad_token_id"] = 1;
  }
  return w.all();
}

HfTensors gpt2(const HfShape& s, int vocab, nlohmann::json& config) {
  const int64_t c = s.d_model;
  Weights w;
  w.matrix("transformer.wte.weight", vocab, c);
  w.matrix("transformer.wpe.weight", s.positions, c);
  for (int i = 0; i < s.layers; ++i) {
    const auto l = "transformer.h." + std::to_string(i) + ".";
    w.norm(l + "ln_1", c);
    w.conv1d(l + "attn.c_attn", c, 3 * c);
    w.conv1d(l + "attn.c_proj", c, c);
    w.norm(l + "ln_2", c);
    w.conv1d(l + "mlp.c_fc", c, s.d_ff);
    w.conv1d(l + "mlp.c_proj", s.d_ff, c);
    // The causal-mask buffer older transformers versions saved with the weights.
    w.all()[l + "attn.bias"] = at::ones({s.positions, s.positions}).tril().view({1, 1, s.positions, s.positions});
  }
  w.norm("transformer.ln_f", c);
  config = {{"model_type", "gpt2"}, {"vocab_size", vocab}, {"n_embd", c}, {"n_layer", s.layers},
            {"n_head", s.heads}, {"n_inner", s.d_ff}, {"n_positions", s.positions},
            {"activation_function", "gelu_new"}, {"layer_norm_epsilon", 1e-5}};
  return w.all();
}

}  // namespace

void rewrite_weights(const fs::path& dir, const HfTensors& tensors) {
  write_safetensors((dir / "model.safetensors").string(), NamedTensors(tensors.begin(), tensors.end()));
}

HfTensors write_hf_folder(const fs::path& dir, const std::string& type, const HfShape& shape) {
  fs::create_directories(dir);
  int vocab = 0;
  if (type == "gpt2" || type == "roberta") {
    const auto vocab_file = kData / "bpe" / (type == "gpt2" ? "gpt2-vocab.json" : "roberta-vocab.json");
    auto pieces = nlohmann::ordered_json::parse(read_file(vocab_file.string()));
    const int fixture_size = static_cast<int>(pieces.size());
    for (int i = 0; i < shape.extra_vocab; ++i) pieces["extra" + std::to_string(i)] = fixture_size + i;
    write_file_atomically((dir / "vocab.json").string(), pieces.dump());
    fs::copy_file(kData / "bpe" / "merges.txt", dir / "merges.txt");
    vocab = static_cast<int>(pieces.size());
  } else {
    fs::copy_file(kData / "wordpiece" / "vocab.txt", dir / "vocab.txt");
    vocab = vocab_txt_size(kData / "wordpiece" / "vocab.txt");
  }
  nlohmann::json config;
  auto tensors = type == "gpt2" ? gpt2(shape, vocab, config) : bert_like(type, shape, vocab, config);
  write_file_atomically((dir / "config.json").string(), config.dump(2));
  rewrite_weights(dir, tensors);
  return tensors;
}

}  // namespace lmlab::test
