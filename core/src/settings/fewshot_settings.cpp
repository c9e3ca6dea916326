#include "lmlab/session/fewshot_request.h"

namespace lmlab {

namespace {

using T = SettingType;

Description<FewShotRequest> make_fewshot() {
  Description<FewShotRequest> d("fewshot", "Score k-shot prompts with a GPT checkpoint: accuracy for each k");
  d.add(&FewShotRequest::from, {"from", T::Path, 0, 0, {}, {}, "", "DIR", "GPT checkpoint", true});
  d.add(&FewShotRequest::train, {"train", T::Path, 0, 0, {}, {}, "", "FILE", "where the demonstrations come from", true});
  d.add(&FewShotRequest::test, {"test", T::Path, 0, 0, {}, {}, "", "FILE", "what is asked", true});
  d.add(&FewShotRequest::format, {"format", T::Choice, 0, 0, {"auto", "agnews-csv", "mnli-tsv", "mnli-jsonl", "jsonl", "tsv"},
                                  {}, "", "FORMAT", "how to read the sets"});
  d.add(&FewShotRequest::skip_bad_rows, {"skip_bad_rows", T::Flag, 0, 0, {}, {}, "", "", "skip and count malformed rows"});
  d.add(&FewShotRequest::ks, {"k", T::IntegerList, 0, 64, {}, {}, "demonstrations", "LIST",
                              "numbers of demonstrations to try, e.g. 0,1,2,4,8"});
  d.add(&FewShotRequest::max_test, {"max_test", T::Integer, 1, 1e6, {}, {}, "examples", "N", "test examples scored per k"});
  d.add(&FewShotRequest::device, {"device", T::Choice, 0, 0, {"auto", "cpu", "cuda"}, {}, "", "DEVICE", "where to run"});
  d.add(&FewShotRequest::seed, {"seed", T::Integer, 0, kMaxSeed, {}, {}, "", "N", "which demonstrations are drawn"});
  return d;
}

}  // namespace

const Description<FewShotRequest>& fewshot_description() {
  static const auto description = make_fewshot();
  return description;
}

}  // namespace lmlab
