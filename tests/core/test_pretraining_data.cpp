#include "lmlab/data/mlm_masker.h"
#include "lmlab/data/pretraining_batcher.h"
#include "lmlab/data/token_batch.h"
#include "lmlab/error.h"

#include <gtest/gtest.h>

#include <random>

using namespace lmlab;

namespace {

constexpr int kVocab = 1000;

TEST(MlmMasker, FifteenPercentSplit80_10_10AndSpecialsNeverMasked) {
  const SpecialIds specials;
  const MlmMasker masker(specials, kVocab);
  std::mt19937_64 rng(42);
  size_t candidates = 0, picked = 0, as_mask = 0, as_random = 0, kept = 0;
  for (int row = 0; row < 1000; ++row) {
    // [CLS] 100 ordinary tokens [SEP] [PAD]...: 100k maskable tokens in all.
    std::vector<int64_t> ids{specials.cls};
    for (int i = 0; i < 100; ++i) ids.push_back(7 + static_cast<int64_t>(rng() % (kVocab - 7)));
    ids.push_back(specials.sep);
    for (int i = 0; i < 5; ++i) ids.push_back(specials.pad);
    const auto original = ids;
    std::vector<int64_t> labels(ids.size());
    picked += masker.mask(ids.data(), labels.data(), ids.size(), rng);
    candidates += 100;
    for (size_t i = 0; i < ids.size(); ++i) {
      if (masker.is_special(original[i])) {
        EXPECT_EQ(ids[i], original[i]);
        EXPECT_EQ(labels[i], kIgnoreLabel);
        continue;
      }
      if (labels[i] == kIgnoreLabel) {
        EXPECT_EQ(ids[i], original[i]);
        continue;
      }
      EXPECT_EQ(labels[i], original[i]);
      if (ids[i] == specials.mask) ++as_mask;
      else if (ids[i] == original[i]) ++kept;
      else {
        ++as_random;
        EXPECT_FALSE(masker.is_special(ids[i]));
      }
    }
  }
  ASSERT_EQ(as_mask + as_random + kept, picked);
  const double share = double(picked) / candidates;
  EXPECT_NEAR(share, 0.15, 0.01 * 0.15);
  // A random replacement can draw the original token (1 in 993), counted as kept.
  EXPECT_NEAR(double(as_mask) / picked, 0.8, 0.01);
  EXPECT_NEAR(double(as_random) / picked, 0.1, 0.01);
  EXPECT_NEAR(double(kept) / picked, 0.1, 0.01);
}

TEST(MlmMasker, AlwaysMasksAtLeastOneToken) {
  const MlmMasker masker(SpecialIds{}, kVocab);
  std::mt19937_64 rng(1);
  std::vector<int64_t> ids{2, 100, 3}, labels(3);
  EXPECT_EQ(masker.mask(ids.data(), labels.data(), 3, rng), 1u);
  EXPECT_EQ(labels[1], 100);
}

TokenizedCorpus numbered_corpus(int documents, int sentences, int tokens) {
  // Token ids encode (document, sentence) so a test can tell where a segment came from.
  TokenizedCorpus corpus(documents);
  for (int d = 0; d < documents; ++d)
    for (int s = 0; s < sentences; ++s) corpus[d].push_back(std::vector<int>(tokens, 10 + d * sentences + s));
  return corpus;
}

TEST(PretrainingBatcher, NextSentencePairsAreHalfRealHalfRandom) {
  const int docs = 20, sentences = 8;
  PretrainingBatcher batcher(numbered_corpus(docs, sentences, 3), Objectives::parse("nsp"), SpecialIds{}, kVocab,
                             64, 24, 7);
  int is_next = 0, total = 0;
  for (int n = 0; n < 160; ++n) {
    const auto b = batcher.next();
    for (int64_t row = 0; row < b.batch; ++row, ++total) {
      const auto* ids = &b.ids[row * b.length];
      const auto* seg = &b.segments[row * b.length];
      ASSERT_EQ(ids[0], SpecialIds{}.cls);
      // Last token of A and first of B tell the documents and sentences apart.
      int64_t first_sep = 1;
      while (ids[first_sep] != SpecialIds{}.sep) ++first_sep;
      const int a = static_cast<int>(ids[first_sep - 1]) - 10, bb = static_cast<int>(ids[first_sep + 1]) - 10;
      EXPECT_EQ(seg[first_sep], 0);
      EXPECT_EQ(seg[first_sep + 1], 1);
      if (b.nsp_labels[row] == 0) {
        ++is_next;
        EXPECT_EQ(bb, a + 1) << "an is-next B must continue A";
        EXPECT_EQ(a / sentences, bb / sentences);
      } else {
        EXPECT_NE(a / sentences, bb / sentences) << "a random B must come from another document";
      }
    }
  }
  EXPECT_NEAR(double(is_next) / total, 0.5, 0.02);
}

TEST(PretrainingBatcher, CausalWindowsShiftTargetsByOne) {
  PretrainingBatcher batcher(numbered_corpus(3, 5, 4), Objectives::parse("clm"), SpecialIds{}, kVocab, 4, 10, 3);
  const auto b = batcher.next();
  ASSERT_EQ(b.length, 10);
  for (int64_t row = 0; row < b.batch; ++row)
    for (int64_t t = 0; t + 1 < b.length; ++t) EXPECT_EQ(b.next_targets[row * 10 + t], b.ids[row * 10 + t + 1]);
}

TEST(PretrainingBatcher, MlmSequencesAreClsTextSepAndTrimmedToTheLongestRow) {
  PretrainingBatcher batcher(numbered_corpus(2, 2, 3), Objectives::parse("mlm"), SpecialIds{}, kVocab, 8, 64, 3);
  const auto b = batcher.next();
  EXPECT_LE(b.length, 8);  // [CLS] + at most 2 sentences of 3 + [SEP]
  for (int64_t row = 0; row < b.batch; ++row) {
    EXPECT_EQ(b.ids[row * b.length], SpecialIds{}.cls);
    int masked = 0;
    for (int64_t t = 0; t < b.length; ++t) masked += b.mlm_labels[row * b.length + t] != kIgnoreLabel;
    EXPECT_GE(masked, 1);
  }
}

TEST(PretrainingBatcher, ClearErrorsForCorporaThatCannotFeedTheObjective) {
  EXPECT_THROW(PretrainingBatcher(numbered_corpus(1, 5, 3), Objectives::parse("nsp"), SpecialIds{}, kVocab, 2, 16, 1),
               Error);
  EXPECT_THROW(PretrainingBatcher(numbered_corpus(1, 2, 3), Objectives::parse("clm"), SpecialIds{}, kVocab, 2, 64, 1),
               Error);
  EXPECT_THROW(Objectives::parse("mlm+clm"), Error);
}

TEST(TextCorpus, BlankLinesSeparateDocumentsAndBadUtf8NamesTheLine) {
  const auto corpus = TextCorpus::parse("a b\nc d\n\n\ne f\r\n", "c.txt");
  ASSERT_EQ(corpus.documents.size(), 2u);
  EXPECT_EQ(corpus.documents[0].size(), 2u);
  EXPECT_EQ(corpus.documents[1][0], "e f");
  try {
    TextCorpus::parse("fine\n\xC3\x28 broken\n", "c.txt");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "c.txt:2: the text is not valid UTF-8");
  }
  EXPECT_THROW(TextCorpus::parse("\n\n  \n", "empty.txt"), Error);
  EXPECT_EQ(find_invalid_utf8("고양이 😀"), std::string::npos);
  EXPECT_EQ(find_invalid_utf8("\xED\xA0\x80"), 0u);  // a UTF-16 surrogate
  EXPECT_EQ(find_invalid_utf8("ok\xC0\xAF"), 2u);   // overlong
}

}  // namespace
