#include "../command.h"

#include "lmlab/io/checkpoint.h"
#include "lmlab/io/hf_model.h"
#include "lmlab/io/output_folder.h"

#include <iostream>

namespace lmlab::cli {

namespace {

void print_notes(const std::vector<std::string>& notes) {
  for (const auto& note : notes) std::cout << "note: " << note << "\n";
}

int import_hf(const Options& o) {
  const auto out = o.text("out");
  const auto imported = import_hf_checkpoint(o.text("from"), out);
  const auto& c = imported.model->config();
  std::cout << "imported " << imported.model_type << ": " << c.n_layers << " layers, " << c.n_heads << " heads, d_model "
            << c.d_model << ", vocabulary " << c.vocab_size << ", up to " << c.max_seq_len << " tokens\n";
  print_notes(imported.notes);
  std::cout << "wrote LM Lab checkpoint " << out << "\n";
  return 0;
}

int export_hf(const Options& o) {
  const auto format = o.text("format");
  if (format != "hf") throw UsageError("--format must be hf (the Hugging Face layout), got '" + format + "'");
  auto checkpoint = load_checkpoint(o.text("from"), c10::Device(c10::kCPU));
  const auto out = o.text("out");
  const auto model_type = exported_model_type(checkpoint.model->config().arch);
  check_output_folder(out, FolderKind::exported(model_type), {o.text("from")});
  const auto notes = export_hf_model(*checkpoint.model, *checkpoint.tokenizer, out);
  print_notes(notes);
  std::cout << "wrote Hugging Face folder " << out << " (model_type " << model_type << ")\n";
  return 0;
}

}  // namespace

std::vector<Command> hf_commands() {
  return {
      {"import",
       "Turn a Hugging Face model folder (BERT, DistilBERT, RoBERTa, GPT-2) into an LM Lab checkpoint",
       {{"from", "HF_FOLDER", "folder with config.json, model.safetensors (or pytorch_model.bin) and tokenizer files", ""},
        {"out", "DIR", "checkpoint directory to write", ""}},
       import_hf},
      {"export",
       "Write an LM Lab checkpoint in the Hugging Face layout (model_type bert or gpt2)",
       {{"from", "DIR", "LM Lab checkpoint directory", ""},
        {"format", "hf", "output layout", "hf"},
        {"out", "HF_FOLDER", "folder to write", ""}},
       export_hf},
  };
}

}  // namespace lmlab::cli
