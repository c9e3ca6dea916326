// libFuzzer target for one reader, chosen at compile time with LMLAB_FUZZ_READER:
// agnews, mnli_tsv, mnli_jsonl, jsonl, tsv or corpus. Any input must give a dataset or an
// lmlab::Error, never a crash, hang or sanitizer report. Built and run by fuzz/run.sh.
#include "lmlab/data/labeled_dataset.h"
#include "lmlab/data/text_corpus.h"
#include "lmlab/error.h"

#include <cstddef>
#include <cstdint>
#include <string>

#define LMLAB_STR2(x) #x
#define LMLAB_STR(x) LMLAB_STR2(x)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::string reader = LMLAB_STR(LMLAB_FUZZ_READER);
  try {
    if (reader == "corpus") {
      lmlab::TextCorpus::parse(text, "fuzz.txt");
    } else {
      lmlab::ReadOptions options;
      options.format = reader == "agnews"       ? lmlab::DatasetFormat::AgNewsCsv
                       : reader == "mnli_tsv"   ? lmlab::DatasetFormat::MnliTsv
                       : reader == "mnli_jsonl" ? lmlab::DatasetFormat::MnliJsonl
                       : reader == "jsonl"      ? lmlab::DatasetFormat::Jsonl
                                                : lmlab::DatasetFormat::Tsv;
      options.skip_bad_rows = size % 2 == 0;  // both ways of handling bad rows
      lmlab::parse_labeled_dataset(text, "fuzz.data", options);
    }
  } catch (const lmlab::Error&) {
    // Clear errors are the expected outcome for garbage.
  }
  return 0;
}
