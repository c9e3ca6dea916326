#include "lmlab/byte_bpe_tokenizer.h"
#include "lmlab/error.h"
#include "lmlab/tokenizer_files.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

using namespace lmlab;

namespace {

const std::string kData = LMLAB_SOURCE_DIR "/tests/data/bpe/";
using Words = std::vector<std::string>;

ByteBpeTokenizer gpt2() { return ByteBpeTokenizer::load(kData + "gpt2-vocab.json", kData + "merges.txt"); }

}  // namespace

TEST(ByteBpeTokenizer, PreTokenizesLikeGpt2) {
  EXPECT_EQ(ByteBpeTokenizer::pre_tokens("Hello world's  end\n"), (Words{"Hello", " world", "'s", " ", " end", "\n"}));
  EXPECT_EQ(ByteBpeTokenizer::pre_tokens("a🙂b 123abc"), (Words{"a", "🙂", "b", " 123", "abc"}));
  EXPECT_EQ(ByteBpeTokenizer::pre_tokens("한국어 텍스트!?"), (Words{"한국어", " 텍스트", "!?"}));
  EXPECT_EQ(ByteBpeTokenizer::pre_tokens("  x"), (Words{" ", " x"}));
}

TEST(ByteBpeTokenizer, MergesByRankAndRoundTripsAnyText) {
  const auto t = gpt2();
  EXPECT_EQ(t.encode("hello world"), (std::vector<int>{259, 264}));
  EXPECT_EQ(t.id_to_piece(264), "\u0120world");
  EXPECT_EQ(t.encode("he's"), (std::vector<int>{256, 265}));
  for (const std::string text : {"héllo 🙂 한국어\n\ttabs", "  leading spaces", "\x01\x02 control", "e\u0301 combining"})
    EXPECT_EQ(t.decode(t.encode(text)), text);
  // Every byte has a token, so nothing is unknown: "é" is its two UTF-8 bytes.
  EXPECT_EQ(t.encode("é").size(), 2u);
}

TEST(ByteBpeTokenizer, SpecialTokensOfGpt2AndRoberta) {
  const auto g = gpt2();
  const auto gs = g.special_ids();
  EXPECT_EQ(gs.eos, 266);
  EXPECT_EQ(gs.bos, 266);
  EXPECT_EQ(gs.pad, 266);
  const auto r = ByteBpeTokenizer::load(kData + "roberta-vocab.json", kData + "merges.txt");
  const auto rs = r.special_ids();
  EXPECT_EQ(rs.cls, r.piece_to_id("<s>"));
  EXPECT_EQ(rs.sep, r.piece_to_id("</s>"));
  EXPECT_EQ(rs.mask, r.piece_to_id("<mask>"));
  // RoBERTa's <mask> takes the space before it (lstrip), as in Hugging Face's tokenizer.
  EXPECT_EQ(r.encode("hello <mask> world"), (std::vector<int>{259, rs.mask, 264}));
  EXPECT_EQ(r.decode(r.encode("hello <mask> world")), "hello<mask> world");
}

TEST(ByteBpeTokenizer, BadFilesAreNamed) {
  test::TempDir dir;
  const auto merges = kData + "merges.txt";
  try {
    ByteBpeTokenizer::load(dir.write("v.json", "[1, 2]"), merges);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("must hold one JSON object"), std::string::npos) << e.what();
  }
  try {
    ByteBpeTokenizer::load(kData + "gpt2-vocab.json", dir.write("m.txt", "#version: 0.2\nh e\nbroken\n"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("m.txt:3: expected two pieces"), std::string::npos) << e.what();
  }
  try {
    ByteBpeTokenizer::load(dir.write("plain.json", "{\"a\": 0}"), merges);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("<|endoftext|>"), std::string::npos) << e.what();
  }
}

TEST(ByteBpeTokenizer, RoundTripsThroughItsFiles) {
  test::TempDir dir;
  const auto original = ByteBpeTokenizer::load(kData + "roberta-vocab.json", kData + "merges.txt");
  for (const auto& [name, bytes] : original.files()) dir.write(name, bytes);
  const auto loaded = load_tokenizer(dir.path().string());
  EXPECT_EQ(loaded->encode("hello <mask> world's"), original.encode("hello <mask> world's"));
  EXPECT_EQ(loaded->special_ids().mask, original.special_ids().mask);
}
