#include "lmlab/error.h"
#include "lmlab/tokenizer_files.h"
#include "lmlab/wordpiece_tokenizer.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

using namespace lmlab;

namespace {

const std::string kVocab = LMLAB_SOURCE_DIR "/tests/data/wordpiece/vocab.txt";

WordPieceTokenizer uncased() { return WordPieceTokenizer::load(kVocab, {}); }

std::vector<std::string> pieces_of(const WordPieceTokenizer& t, const std::string& text) {
  std::vector<std::string> out;
  for (int id : t.encode(text)) out.push_back(t.id_to_piece(id));
  return out;
}

using Pieces = std::vector<std::string>;

}  // namespace

TEST(WordPieceTokenizer, SplitsWordsIntoLongestMatchingPieces) {
  const auto t = uncased();
  EXPECT_EQ(pieces_of(t, "The Cat sat on the mat."), (Pieces{"the", "cat", "sat", "on", "the", "mat", "."}));
  EXPECT_EQ(pieces_of(t, "unaffable"), (Pieces{"un", "##aff", "##able"}));
  EXPECT_EQ(pieces_of(t, "hello,world!"), (Pieces{"hello", ",", "world", "!"}));
}

TEST(WordPieceTokenizer, LowerCasesAndStripsAccentsLikeBertUncased) {
  const auto t = uncased();
  EXPECT_EQ(pieces_of(t, "Café RÉSUMÉS"), (Pieces{"cafe", "resume", "##s"}));
  // NFD turns a Hangul syllable into its jamo, which the vocabulary holds as pieces.
  EXPECT_EQ(pieces_of(t, "한"), (Pieces{"\u1112", "##\u1161", "##\u11AB"}));
  EXPECT_EQ(t.basic_tokens("Ÿ ÀÉÎÕÜ"), (Pieces{"y", "aeiou"}));
}

TEST(WordPieceTokenizer, SpacesCjkIdeographsAndDropsControlCharacters) {
  const auto t = uncased();
  EXPECT_EQ(pieces_of(t, "你好"), (Pieces{"你", "好"}));
  EXPECT_EQ(pieces_of(t, "  \tthe\x01 cat\n"), (Pieces{"the", "cat"}));
  EXPECT_EQ(pieces_of(t, "the 🙂 cat"), (Pieces{"the", "[UNK]", "cat"}));
  EXPECT_EQ(pieces_of(t, "the catx"), (Pieces{"the", "[UNK]"}));  // no piece for "##x": the word is unknown
  EXPECT_EQ(pieces_of(t, std::string(101, 'a')), (Pieces{"[UNK]"}));
}

TEST(WordPieceTokenizer, KeepsTypedSpecialTokensAndDecodes) {
  const auto t = uncased();
  EXPECT_EQ(pieces_of(t, "the [MASK] sat"), (Pieces{"the", "[MASK]", "sat"}));
  EXPECT_EQ(t.decode(t.encode("unaffable cafe")), "unaffable cafe");
  const auto s = t.special_ids();
  EXPECT_EQ(s.pad, 0);
  EXPECT_EQ(s.unk, 1);
  EXPECT_EQ(s.cls, 2);
  EXPECT_EQ(s.sep, 3);
  EXPECT_EQ(s.mask, 4);
  EXPECT_EQ(t.vocab_size(), 26);
}

TEST(WordPieceTokenizer, CasedModelsKeepCase) {
  WordPieceTokenizer::Options cased;
  cased.lower_case = false;
  cased.strip_accents = false;
  const auto t = WordPieceTokenizer::load(kVocab, cased);
  EXPECT_EQ(pieces_of(t, "The cat"), (Pieces{"[UNK]", "cat"}));
  EXPECT_EQ(t.basic_tokens("Café"), (Pieces{"Café"}));
}

TEST(WordPieceTokenizer, BadVocabulariesAreNamed) {
  test::TempDir dir;
  EXPECT_THROW(WordPieceTokenizer::load(dir.file("missing.txt"), {}), Error);
  try {
    WordPieceTokenizer::load(dir.write("dup.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nthe\nthe\n"), {});
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("dup.txt:7: token 'the' appears twice"), std::string::npos) << e.what();
  }
  try {
    WordPieceTokenizer::load(dir.write("nounk.txt", "[PAD]\n[CLS]\n[SEP]\n[MASK]\nthe\n"), {});
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("has no [UNK] token"), std::string::npos) << e.what();
  }
}

// A checkpoint keeps an imported tokenizer as the files a Hugging Face folder has, and
// load_tokenizer() finds it again from them.
TEST(WordPieceTokenizer, RoundTripsThroughItsFiles) {
  test::TempDir dir;
  WordPieceTokenizer::Options cased;
  cased.lower_case = false;
  cased.strip_accents = false;
  const auto original = WordPieceTokenizer::load(kVocab, cased);
  for (const auto& [name, bytes] : original.files()) dir.write(name, bytes);
  const auto loaded = load_tokenizer(dir.path().string());
  EXPECT_EQ(loaded->vocab_size(), original.vocab_size());
  EXPECT_EQ(loaded->encode("The cat unaffable"), original.encode("The cat unaffable"));  // still cased
  EXPECT_THROW(load_tokenizer(dir.file("nothing-here")), Error);
}
