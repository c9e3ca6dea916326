#include "error_text.h"
#include "lmlab/error.h"
#include "lmlab/sentencepiece_tokenizer.h"
#include "temp_dir.h"

#include <gtest/gtest.h>
#include <torch/nn/modules/embedding.h>

#include <random>
#include <sstream>

using lmlab::SentencePieceTokenizer;
using lmlab::test::TempDir;

using lmlab::test::error_of;

namespace {

// Deterministic mixed-language sentences: English, Korean, and emoji, some mixed in one line.
std::vector<std::string> make_sentences(int count, unsigned seed) {
  const std::vector<std::string> english = {"the", "cat", "sat", "on", "a", "mat", "dog",
                                            "ran", "to", "the", "park", "river", "flows",
                                            "market", "opens", "early", "bread", "fish"};
  const std::vector<std::string> korean = {"고양이가", "매트", "위에", "앉았다", "강아지는",
                                           "공원으로", "달렸다", "강물이", "흐른다", "시장이",
                                           "일찍", "열린다", "빵과", "생선"};
  const std::vector<std::string> emoji = {"😀", "🎉", "🐱", "🍞", "🌊", "👍🏽"};
  std::mt19937 rng(seed);
  auto pick = [&rng](const std::vector<std::string>& words) {
    return words[std::uniform_int_distribution<size_t>(0, words.size() - 1)(rng)];
  };
  std::vector<std::string> sentences;
  for (int i = 0; i < count; ++i) {
    std::ostringstream s;
    const int length = 4 + static_cast<int>(rng() % 8);
    for (int w = 0; w < length; ++w) {
      if (w) s << ' ';
      const unsigned kind = rng() % 10;
      s << (kind < 5 ? pick(english) : kind < 9 ? pick(korean) : pick(emoji));
    }
    s << (i % 3 == 0 ? "." : i % 3 == 1 ? "!" : "?");
    sentences.push_back(s.str());
  }
  return sentences;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

SentencePieceTokenizer train_small(const TempDir& dir) {
  const std::string corpus = dir.write("corpus.txt", join_lines(make_sentences(3000, 7)));
  lmlab::SentencePieceTrainOptions options;
  options.vocab_size = 400;
  return SentencePieceTokenizer::train(corpus, options);
}

}  // namespace

// Torch runs before and after the tokenizer in this one process: the bridge's isolation
// is what makes that possible (sentencepiece and LibTorch bundle clashing protobufs).
TEST(Tokenizer, RoundTripsKoreanAndEmojiAlongsideTorch) {
  torch::manual_seed(0);
  const auto before = torch::matmul(torch::ones({4, 4}), torch::ones({4, 4}));
  TempDir dir;
  const auto tokenizer = train_small(dir);
  const auto sentences = make_sentences(200, 99);  // a different seed: unseen sentences
  torch::nn::Embedding embedding(tokenizer.vocab_size(), 8);
  for (const auto& sentence : sentences) {
    const auto ids = tokenizer.encode(sentence);
    ASSERT_FALSE(ids.empty());
    for (int id : ids) ASSERT_NE(id, tokenizer.special_ids().unk) << sentence;
    EXPECT_EQ(tokenizer.decode(ids), sentence);
    const auto vectors =
        embedding(torch::tensor(std::vector<int64_t>(ids.begin(), ids.end()), torch::kLong));
    ASSERT_EQ(vectors.size(0), static_cast<int64_t>(ids.size()));
  }
  EXPECT_TRUE(torch::allclose(before, torch::full({4, 4}, 4.0f)));
}

TEST(Tokenizer, SpecialTokensHaveFixedIdsAndMaskIsMatchedInText) {
  TempDir dir;
  const auto tokenizer = train_small(dir);
  const lmlab::SpecialIds specials = tokenizer.special_ids();
  EXPECT_EQ(tokenizer.id_to_piece(specials.pad), "[PAD]");
  EXPECT_EQ(tokenizer.id_to_piece(specials.unk), "[UNK]");
  EXPECT_EQ(tokenizer.id_to_piece(specials.cls), "[CLS]");
  EXPECT_EQ(tokenizer.id_to_piece(specials.sep), "[SEP]");
  EXPECT_EQ(tokenizer.id_to_piece(specials.mask), "[MASK]");
  EXPECT_EQ(tokenizer.id_to_piece(specials.bos), "<s>");
  EXPECT_EQ(tokenizer.id_to_piece(specials.eos), "</s>");
  EXPECT_EQ(tokenizer.piece_to_id("[MASK]"), specials.mask);
  EXPECT_EQ(tokenizer.piece_to_id("no-such-piece-here"), -1);
  const auto ids = tokenizer.encode("the [MASK] sat on the mat");
  EXPECT_EQ(std::count(ids.begin(), ids.end(), specials.mask), 1);
  const auto pieces = tokenizer.pieces("the cat");
  EXPECT_EQ(pieces.size(), tokenizer.encode("the cat").size());
}

TEST(Tokenizer, SaveLoadGivesTheSameEncoding) {
  TempDir dir;
  const auto trained = train_small(dir);
  trained.save(dir.file("tok.model"));
  const auto loaded = SentencePieceTokenizer::load(dir.file("tok.model"));
  EXPECT_EQ(loaded.vocab_size(), trained.vocab_size());
  for (const auto& s : make_sentences(20, 3)) EXPECT_EQ(loaded.encode(s), trained.encode(s));
}

TEST(Tokenizer, TrainingIsDeterministic) {
  TempDir dir;
  EXPECT_EQ(train_small(dir).model_bytes(), train_small(dir).model_bytes());
}

TEST(TokenizerErrors, MissingModelFileIsNamed) {
  TempDir dir;
  const std::string path = dir.file("missing.model");
  EXPECT_EQ(error_of([&] { SentencePieceTokenizer::load(path); }),
            "tokenizer model '" + path + "' does not exist");
}

TEST(TokenizerErrors, CorruptModelFileIsNamed) {
  TempDir dir;
  const std::string path = dir.write("corrupt.model", std::string("\x08\x96\x01garbage\xff\xfe", 12));
  const std::string message = error_of([&] { SentencePieceTokenizer::load(path); });
  EXPECT_NE(message.find("tokenizer model '" + path + "' is not a valid SentencePiece model"),
            std::string::npos)
      << message;
  const std::string empty = dir.write("empty.model", "");
  EXPECT_EQ(error_of([&] { SentencePieceTokenizer::load(empty); }),
            "tokenizer model '" + empty + "' is empty");
}

TEST(TokenizerErrors, EmptyOrMissingCorpusIsNamed) {
  TempDir dir;
  const std::string blank = dir.write("blank.txt", "  \n\n\t\n");
  EXPECT_EQ(error_of([&] { SentencePieceTokenizer::train(blank); }),
            "corpus '" + blank + "' is empty");
  const std::string missing = dir.file("none.txt");
  EXPECT_EQ(error_of([&] { SentencePieceTokenizer::train(missing); }),
            "corpus '" + missing + "' does not exist");
  EXPECT_NE(error_of([&] { SentencePieceTokenizer::train(dir.path().string()); })
                .find("is a directory"),
            std::string::npos);
}

TEST(TokenizerErrors, AbsurdSettingsAreNamed) {
  TempDir dir;
  const std::string corpus = dir.write("c.txt", "some text\n");
  lmlab::SentencePieceTrainOptions options;
  options.vocab_size = 10;
  EXPECT_NE(error_of([&] { SentencePieceTokenizer::train(corpus, options); }).find("vocab_size 10"),
            std::string::npos);
  options.vocab_size = 400;
  options.model_type = "wordpiece";
  EXPECT_NE(error_of([&] { SentencePieceTokenizer::train(corpus, options); }).find("'wordpiece'"),
            std::string::npos);
}

TEST(TokenizerErrors, DecodeRejectsIdsOutsideTheVocabulary) {
  TempDir dir;
  const auto tokenizer = train_small(dir);
  EXPECT_NE(error_of([&] { tokenizer.decode({5, tokenizer.vocab_size()}); }).find("outside"),
            std::string::npos);
  EXPECT_NE(error_of([&] { tokenizer.decode({-1}); }).find("outside"), std::string::npos);
}
