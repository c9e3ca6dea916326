// lmlab-datagen: writes LM Lab's shipped datasets, byte for byte the same on every run and
// machine (datasets/README.md describes them). Usage: lmlab-datagen OUT_DIR
#include "generators.h"

#include <filesystem>
#include <fstream>
#include <iostream>

namespace {

void write(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: lmlab-datagen OUT_DIR\n";
    return 2;
  }
  using namespace lmlab::datagen;
  using lmlab::mnli_jsonl, lmlab::mnli_tsv;
  const std::filesystem::path out = argv[1];
  try {
    write(out / "pretrain" / "world.txt", pretraining_corpus(1, 9000));
    write(out / "agnews" / "train.csv", agnews_csv(2, 2000, false));
    write(out / "agnews" / "test.csv", agnews_csv(3, 250, true));
    const auto train = nli_pairs(4, 1500), dev = nli_pairs(5, 300);
    write(out / "mnli" / "train.tsv", mnli_tsv(train, false));
    write(out / "mnli" / "dev_matched.tsv", mnli_tsv(dev, true));
    write(out / "mnli" / "train.jsonl", mnli_jsonl(train));
    write(out / "mnli" / "dev_matched.jsonl", mnli_jsonl(dev));
  } catch (const std::exception& e) {
    std::cerr << "lmlab-datagen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
