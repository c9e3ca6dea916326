#include "lmlab/data/labeled_dataset.h"
#include "lmlab/error.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace lmlab;

namespace {

std::string error_of(const std::string& text, const std::string& origin, ReadOptions options = {}) {
  try {
    parse_labeled_dataset(text, origin, options);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(AgNewsCsv, ReadsQuotedFieldsAndCleansTheRealFilesLeftovers) {
  const std::string csv =
      "\"3\",\"Wall St. Bears Claw Back Into the Black (Reuters)\",\"Reuters - Short-sellers, Wall Street's "
      "dwindling\\band of ultra-cynics, are seeing green again.\"\n"
      "\"3\",\"Profit at #36;5 billion\",\"He said \"\"no comment\"\" &lt;b&gt;\"\n"
      "\n"
      "\"2\",\"Win\",\"a late goal\"\n";
  const auto data = parse_labeled_dataset(csv, "train.csv", {});
  ASSERT_EQ(data.examples.size(), 3u);
  EXPECT_EQ(data.labels, (std::vector<std::string>{"World", "Sports", "Business", "Sci/Tech"}));
  EXPECT_EQ(data.examples[0].label, 2);
  EXPECT_EQ(data.examples[0].text_a,
            "Wall St. Bears Claw Back Into the Black (Reuters) . Reuters - Short-sellers, Wall Street's dwindling band of "
            "ultra-cynics, are seeing green again.");
  EXPECT_EQ(data.examples[1].text_a, "Profit at $5 billion . He said \"no comment\" <b>");
  EXPECT_EQ(data.examples[2].label, 1);
  EXPECT_FALSE(data.pairs);
}

TEST(AgNewsCsv, BadRowsAreNamedOrSkippedAndCounted) {
  const std::string csv = "\"1\",\"a\",\"b\"\n\"5\",\"a\",\"b\"\n\"1\",\"only two\"\n\"2\",\"open quote,\"x\n";
  EXPECT_EQ(error_of(csv, "n.csv"),
            "n.csv:2: class '5' is not 1 (World), 2 (Sports), 3 (Business) or 4 (Sci/Tech) (setting 'skip_bad_rows' skips such rows)");
  ReadOptions skip;
  skip.skip_bad_rows = true;
  const auto data = parse_labeled_dataset(csv, "n.csv", skip);
  EXPECT_EQ(data.examples.size(), 1u);
  EXPECT_EQ(data.skipped_bad_rows, 3u);
  EXPECT_NE(error_of("\"1\",\"only two\"\n", "n.csv").find("n.csv:1: expected 3 fields"), std::string::npos);
  EXPECT_NE(error_of("\"2\",\"open quote,\"x\n", "n.csv").find("n.csv:1: text after a closing quote"), std::string::npos);
  EXPECT_NE(error_of("\"2\",\"never closed\n", "n.csv").find("a quoted field is not closed"), std::string::npos);
}

TEST(Mnli, TsvWithHeaderSkipsDashLabelsAndChecksColumns) {
  const std::string tsv =
      "index\tpromptID\tpairID\tgenre\tsentence1\tsentence2\tgold_label\n"
      "0\t1\t1e\tfiction\tA man sleeps.\tA person sleeps.\tentailment\n"
      "1\t1\t1n\tfiction\tA man sleeps.\tA man dreams.\t-\n"
      "2\t2\t2c\tfiction\tA \"quoted\" cat.\tNo cat.\tcontradiction\n";
  const auto data = parse_labeled_dataset(tsv, "dev.tsv", {});
  EXPECT_TRUE(data.pairs);
  ASSERT_EQ(data.examples.size(), 2u);
  EXPECT_EQ(data.skipped_unlabeled, 1u);
  EXPECT_EQ(data.examples[1].text_a, "A \"quoted\" cat.");
  EXPECT_EQ(data.labels[data.examples[1].label], "contradiction");
  EXPECT_NE(error_of(tsv + "3\t2\tx\n", "dev.tsv").find("dev.tsv:5: expected 7 tab-separated columns"), std::string::npos);
  EXPECT_NE(error_of("index\tsentence1\tgold_label\n", "h.tsv").find("h.tsv:1: the MNLI header has no 'sentence2'"),
            std::string::npos);
  EXPECT_NE(error_of(tsv + "3\t2\t2x\tf\ta\tb\tmaybe\n", "dev.tsv").find("label 'maybe' is not entailment"),
            std::string::npos);
}

TEST(Mnli, JsonlLinesAreObjectsWithTheThreeFields) {
  const std::string jsonl =
      "{\"sentence1\": \"a\", \"sentence2\": \"b\", \"gold_label\": \"neutral\", \"genre\": \"x\"}\n"
      "{\"sentence1\": \"c\", \"sentence2\": \"d\", \"gold_label\": \"-\"}\n";
  const auto data = parse_labeled_dataset(jsonl, "x.jsonl", {});
  ASSERT_EQ(data.examples.size(), 1u);
  EXPECT_EQ(data.labels[data.examples[0].label], "neutral");
  EXPECT_NE(error_of(jsonl + "{not json\n", "x.jsonl").find("x.jsonl:3: not a JSON object"), std::string::npos);
  EXPECT_NE(error_of("{\"sentence1\": \"a\"}\n", "x.jsonl").find("needs string fields"), std::string::npos);
}

TEST(Tsv, TwoOrThreeColumnsWithSortedLabels) {
  const auto single = parse_labeled_dataset("text\tlabel\ngood film\tpos\nbad film\tneg\n", "s.tsv", {});
  EXPECT_FALSE(single.pairs);
  EXPECT_EQ(single.labels, (std::vector<std::string>{"neg", "pos"}));
  EXPECT_EQ(single.examples[0].label, 1);
  const auto pair = parse_labeled_dataset("a b\tc d\tyes\ne f\tg h\tno\n", "p.tsv", {});
  EXPECT_TRUE(pair.pairs);
  EXPECT_EQ(pair.examples[1].text_b, "g h");
  EXPECT_NE(error_of("a\tb\tc\td\n", "w.tsv").find("w.tsv:1: a TSV dataset has 2 columns"), std::string::npos);
  EXPECT_NE(error_of("a\tx\nb\tc\td\n", "w.tsv").find("w.tsv:2: expected 2 tab-separated columns, found 3"),
            std::string::npos);
}

TEST(Readers, FileLevelProblemsAreClearErrors) {
  EXPECT_EQ(error_of("  \n\n", "e.tsv"), "e.tsv is empty");
  EXPECT_NE(error_of(std::string("a\tb\nc\0d\tx\n", 11), "bin.tsv").find("bin.tsv:2: binary data"), std::string::npos);
  EXPECT_EQ(error_of("a\tb\n\xff\xfe\tc\n", "l.tsv"), "l.tsv:2: the text is not valid UTF-8");
  EXPECT_EQ(error_of("a\t" + std::string((1 << 20) + 1, 'x') + "\n", "long.tsv"),
            "long.tsv:1: the line is longer than 1 MiB");
  test::TempDir dir;
  EXPECT_THROW(read_labeled_dataset(dir.path().string()), Error);
  EXPECT_THROW(read_labeled_dataset(dir.file("missing.csv")), Error);
  EXPECT_THROW(parse_dataset_format("xml"), Error);
}

// --- The shipped datasets -------------------------------------------------------------

const std::string kDatasets = LMLAB_SOURCE_DIR "/datasets/";

TEST(ShippedDatasets, NewsIsBalancedInTrainAndTest) {
  const auto train = read_labeled_dataset(kDatasets + "agnews/train.csv");
  const auto test = read_labeled_dataset(kDatasets + "agnews/test.csv");
  EXPECT_EQ(train.class_counts(), (std::vector<size_t>{2000, 2000, 2000, 2000}));
  EXPECT_EQ(test.class_counts(), (std::vector<size_t>{250, 250, 250, 250}));
}

TEST(ShippedDatasets, NliTsvAndJsonlAgreeAndAreBalanced) {
  const auto tsv = read_labeled_dataset(kDatasets + "mnli/train.tsv");
  const auto jsonl = read_labeled_dataset(kDatasets + "mnli/train.jsonl");
  ASSERT_EQ(tsv.examples.size(), jsonl.examples.size());
  for (size_t i = 0; i < tsv.examples.size(); ++i) {
    EXPECT_EQ(tsv.examples[i].text_a, jsonl.examples[i].text_a);
    EXPECT_EQ(tsv.examples[i].label, jsonl.examples[i].label);
  }
  EXPECT_EQ(tsv.class_counts(), (std::vector<size_t>{1500, 1500, 1500}));
  EXPECT_EQ(read_labeled_dataset(kDatasets + "mnli/dev_matched.tsv").class_counts(), (std::vector<size_t>{300, 300, 300}));
}

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Accuracy on test of a naive Bayes classifier over the features of each example: the
// baseline a model that only counts words can reach.
double naive_bayes_accuracy(const LabeledDataset& train, const LabeledDataset& test,
                            const std::function<std::vector<std::string>(const LabeledExample&)>& features) {
  const size_t classes = train.labels.size();
  std::vector<std::map<std::string, double>> counts(classes);
  std::vector<double> totals(classes, 0), priors(classes, 0);
  std::set<std::string> vocab;
  for (const auto& e : train.examples) {
    priors[e.label] += 1;
    for (const auto& f : features(e)) counts[e.label][f] += 1, totals[e.label] += 1, vocab.insert(f);
  }
  size_t right = 0;
  for (const auto& e : test.examples) {
    size_t best = 0;
    double best_score = -1e300;
    for (size_t c = 0; c < classes; ++c) {
      double score = std::log(priors[c]);
      for (const auto& f : features(e)) {
        const auto it = counts[c].find(f);
        score += std::log(((it == counts[c].end() ? 0 : it->second) + 1) / (totals[c] + vocab.size()));
      }
      if (score > best_score) best_score = score, best = c;
    }
    right += static_cast<int>(best) == e.label;
  }
  return static_cast<double>(right) / static_cast<double>(test.examples.size());
}

// Words and word pairs of the hypothesis alone, ignoring the premise.
TEST(ShippedDatasets, HypothesisOnlyBaselineStaysNearChance) {
  const auto accuracy = naive_bayes_accuracy(
      read_labeled_dataset(kDatasets + "mnli/train.tsv"), read_labeled_dataset(kDatasets + "mnli/dev_matched.tsv"),
      [](const LabeledExample& e) {
        auto w = words(e.text_b);
        const size_t n = w.size();
        for (size_t i = 0; i + 1 < n; ++i) w.push_back(w[i] + "_" + w[i + 1]);
        return w;
      });
  EXPECT_LT(accuracy, 0.45) << "hypothesis-only accuracy " << accuracy;
}

// A third of the news items name only an entity whose topic the corpus explains, with test
// names unseen in training: counting words stays well short of what reading can reach.
TEST(ShippedDatasets, BagOfWordsIsNotEnoughForTheNews) {
  const auto accuracy = naive_bayes_accuracy(read_labeled_dataset(kDatasets + "agnews/train.csv"),
                                             read_labeled_dataset(kDatasets + "agnews/test.csv"),
                                             [](const LabeledExample& e) { return words(e.text_a); });
  EXPECT_LT(accuracy, 0.85) << "bag-of-words accuracy " << accuracy;
  EXPECT_GT(accuracy, 0.5);  // the topical two thirds are still easy
}

TEST(ShippedDatasets, PretrainingCorpusTeachesWhatNliAsks) {
  const auto text = read_labeled_dataset(kDatasets + "mnli/train.tsv");  // touches the reader too
  std::ifstream corpus(kDatasets + "pretrain/world.txt");
  std::stringstream all;
  all << corpus.rdbuf();
  const std::string s = all.str();
  for (const char* fact : {"the dog is a mammal .", "a dog is an animal", "a duck is not", "every fish is an animal"})
    EXPECT_NE(s.find(fact), std::string::npos) << fact;
  EXPECT_GT(s.size(), 2'000'000u);
  EXPECT_FALSE(text.examples.empty());
}

}  // namespace

// Hugging Face datasets' to_json writes one object per line with pandas' escaping: non-ASCII
// as \u escapes, "/" as "\/", class ids as integers, -1 for unlabelled rows.
TEST(Jsonl, ReadsHuggingFaceExportsOfSingleTexts) {
  const std::string jsonl =
      "{\"text\":\"Wall St. Bears Claw Back Into the Black (Reuters) Reuters - Short-sellers\",\"label\":2}\n"
      "{\"text\":\"Caf\\u00e9 \\ud55c\\uad6d \\/ AP\",\"label\":0}\n"
      "{\"text\":\"test row without a label\",\"label\":-1}\n"
      "{\"text\":\"Stocks fall\",\"label\":10}\n";
  const auto data = parse_labeled_dataset(jsonl, "train.jsonl", {});
  EXPECT_FALSE(data.pairs);
  EXPECT_EQ(data.labels, (std::vector<std::string>{"0", "2", "10"}));  // by value, not alphabetically
  ASSERT_EQ(data.examples.size(), 3u);
  EXPECT_EQ(data.examples[0].label, 1);
  EXPECT_EQ(data.examples[1].text_a, "Café 한국 / AP");
  EXPECT_EQ(data.examples[1].label, 0);
  EXPECT_EQ(data.examples[2].label, 2);
  EXPECT_EQ(data.skipped_unlabeled, 1u);
}

TEST(Jsonl, ReadsPairsWithPremiseAndHypothesisOrNamedLabels) {
  const std::string pairs =
      "{\"premise\":\"A man plays.\",\"hypothesis\":\"A person plays.\",\"label\":0,\"idx\":0}\n"
      "{\"premise\":\"A man plays.\",\"hypothesis\":\"Nobody plays.\",\"label\":2,\"idx\":1}\n";
  const auto data = parse_labeled_dataset(pairs, "mnli.jsonl", {});
  EXPECT_TRUE(data.pairs);
  EXPECT_EQ(data.examples[1].text_b, "Nobody plays.");
  const std::string named = "{\"sentence1\":\"a\",\"sentence2\":\"b\",\"label\":\"entailment\"}\n";
  EXPECT_EQ(parse_labeled_dataset(named, "x.jsonl", {}).labels, (std::vector<std::string>{"entailment"}));
}

TEST(Jsonl, NamesTheLineOfABadRowAndTheFieldsAFileLacks) {
  EXPECT_NE(error_of("{\"text\":\"a\",\"label\":0}\n{\"text\":\"b\"}\n", "x.jsonl").find("x.jsonl:2: has no 'label'"),
            std::string::npos);
  EXPECT_NE(error_of("{\"text\":\"a\",\"label\":0.5}\n", "x.jsonl").find("x.jsonl:1: 'label' must be"), std::string::npos);
  EXPECT_NE(error_of("{\"title\":\"a\",\"label\":0}\n", "x.jsonl").find("needs a 'text' field"), std::string::npos);
  ReadOptions skip;
  skip.skip_bad_rows = true;
  const auto data = parse_labeled_dataset("{\"text\":\"a\",\"label\":0}\nnot json\n{\"text\":\"\",\"label\":1}\n", "x.jsonl", skip);
  EXPECT_EQ(data.examples.size(), 1u);
  EXPECT_EQ(data.skipped_bad_rows, 2u);
}

TEST(Jsonl, MnliFilesStillGoToTheMnliReader) {
  const std::string mnli = "{\"sentence1\":\"a\",\"sentence2\":\"b\",\"gold_label\":\"neutral\",\"pairID\":\"1\"}\n";
  const auto data = parse_labeled_dataset(mnli, "dev_matched.jsonl", {});
  EXPECT_EQ(data.labels, (std::vector<std::string>{"entailment", "neutral", "contradiction"}));
}

TEST(SplitOff, HoldsOutTheSameShareOfEveryLabelDisjointlyAndReproducibly) {
  LabeledDataset data;
  data.labels = {"a", "b", "c"};
  for (int i = 0; i < 100; ++i) data.examples.push_back({"x" + std::to_string(i), "", 0});
  for (int i = 0; i < 50; ++i) data.examples.push_back({"y" + std::to_string(i), "", 1});
  data.examples.push_back({"z", "", 2});
  data.skipped_bad_rows = 4;
  const auto [kept, held] = split_off(data, 0.1, 7);
  EXPECT_EQ(held.class_counts(), (std::vector<size_t>{10, 5, 0}));  // a single example is never held out
  EXPECT_EQ(kept.class_counts(), (std::vector<size_t>{90, 45, 1}));
  EXPECT_EQ(kept.skipped_bad_rows, 4u);
  std::set<std::string> seen;
  for (const auto* part : {&kept, &held})
    for (const auto& e : part->examples) EXPECT_TRUE(seen.insert(e.text_a).second) << e.text_a;
  EXPECT_EQ(seen.size(), data.examples.size());
  const auto again = split_off(data, 0.1, 7).second;
  const auto other = split_off(data, 0.1, 8).second;
  std::vector<std::string> first, second, third;
  for (const auto& e : held.examples) first.push_back(e.text_a);
  for (const auto& e : again.examples) second.push_back(e.text_a);
  for (const auto& e : other.examples) third.push_back(e.text_a);
  EXPECT_EQ(first, second);
  EXPECT_NE(first, third);
  EXPECT_TRUE(split_off(data, 0.0, 7).second.examples.empty());
  EXPECT_THROW(split_off(data, 1.0, 7), Error);
}

// A row that occurs twice never ends on both sides: scoring it after training on it would
// report memory as generalisation. The held-out share stays what was asked.
TEST(SplitOff, CopiesOfAHeldOutRowAreHeldOutWithIt) {
  LabeledDataset data;
  data.labels = {"a", "b"};
  for (int i = 0; i < 40; ++i) data.examples.push_back({"row " + std::to_string(i % 20), "", i % 2});
  const auto [kept, held] = split_off(data, 0.2, 3);
  std::set<std::string> held_texts, kept_texts;
  for (const auto& e : held.examples) held_texts.insert(e.text_a);
  for (const auto& e : kept.examples) kept_texts.insert(e.text_a);
  ASSERT_FALSE(held_texts.empty());
  for (const auto& text : held_texts) EXPECT_FALSE(kept_texts.count(text)) << text << " is on both sides";
  EXPECT_EQ(held.examples.size(), 8u);  // 20% of each label's 20 rows
  EXPECT_EQ(held.examples.size(), 2 * held_texts.size());  // every copy went with its twin
}

// Data of a few rows repeated many times still keeps most of it for training.
TEST(SplitOff, FewDistinctRowsStillLeaveATrainingSide) {
  LabeledDataset data;
  data.labels = {"a", "b"};
  for (int i = 0; i < 30; ++i) data.examples.push_back({i % 2 ? "bad film" : "good film", "", i % 2});
  const auto [kept, held] = split_off(data, 0.2, 3);
  EXPECT_EQ(held.examples.size(), 6u);
  EXPECT_EQ(kept.examples.size(), 24u);
}
