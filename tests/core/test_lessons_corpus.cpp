// The lessons' default corpus (built from fixtures in the Debian packages' layouts) and the
// tokenizer statistics that chose its tokenizer's settings (on real text, with the packages).
#include "lmlab/atomic_file.h"
#include "lmlab/data/lessons_corpus.h"
#include "lmlab/data/text_corpus.h"
#include "lmlab/error.h"
#include "lmlab/sentencepiece_tokenizer.h"
#include "lmlab/tokenizer_stats.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace lmlab;

namespace {

const std::string kData = LMLAB_SOURCE_DIR "/tests/data";

LessonsCorpusSources fixture_sources(const test::TempDir& dir) {
  LessonsCorpusSources s;
  s.world = dir.write("world.txt", "the dog is a mammal .\nevery mammal is an animal .\n\nvastlion is a football club .\n");
  s.wordnet = kData + "/wordnet";
  s.fortunes = kData + "/prose/fortunes";
  s.handbook = kData + "/prose/debian-handbook/en-US";
  s.korean_help = kData + "/prose/libreoffice-ko";
  return s;
}

bool debian_sources_installed() {
  const LessonsCorpusSources s;
  for (const auto& dir : {s.wordnet, s.fortunes, s.handbook, s.korean_help})
    if (!std::filesystem::is_directory(dir)) return false;
  return true;
}

}  // namespace

TEST(LessonsCorpus, MixesEverySourceReproduciblyAndHoldsOutTheNewsFortunes) {
  test::TempDir dir;
  const auto sources = fixture_sources(dir);
  const auto built = build_lessons_corpus(sources, dir.file("a"));
  std::vector<std::string> names;
  for (const auto& part : built.parts) names.push_back(part.name);
  EXPECT_EQ(names, (std::vector<std::string>{"world", "wordnet", "fortunes", "handbook", "korean-help"}));
  EXPECT_EQ(built.parts[0].documents, 2u);
  EXPECT_EQ(built.parts[2].documents, 3u);  // literature's three fortunes; news is held out
  const std::string text = read_file(built.path, "corpus");
  EXPECT_EQ(text.find("Novato"), std::string::npos);
  EXPECT_NE(text.find("vastlion is a football club ."), std::string::npos);
  EXPECT_NE(text.find("Advanced Packaging Tool"), std::string::npos);
  EXPECT_NE(text.find("대화 상자"), std::string::npos);
  size_t documents = 0;
  for (const auto& part : built.parts) documents += part.documents;
  EXPECT_EQ(TextCorpus::read(built.path).documents.size(), documents);
  // WordNet keeps its own case and gives sentences (capital first, end punctuation).
  const auto again = build_lessons_corpus(sources, dir.file("b"));
  EXPECT_EQ(read_file(again.path, "corpus"), text);
  EXPECT_TRUE(std::filesystem::exists(dir.file("a/sources.json")));
}

TEST(LessonsCorpus, AMissingPackageIsNamed) {
  test::TempDir dir;
  auto sources = fixture_sources(dir);
  sources.handbook = "/nonexistent/handbook";
  try {
    build_lessons_corpus(sources, dir.file("out"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'debian-handbook'"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(dir.file("out/corpus.txt")));
}

TEST(TokenizerStats, CountsWordsPiecesAndByteFallbacksByHand) {
  test::TempDir dir;
  SentencePieceTrainOptions options;
  options.vocab_size = 300;
  std::string corpus;
  for (int i = 0; i < 50; ++i) corpus += "the cat sat on the mat\n";
  const auto tokenizer = SentencePieceTokenizer::train(dir.write("c.txt", corpus), options);
  const std::string text = "the cat\n  sat 한\n";
  const auto stats = measure_tokenizer(tokenizer, text);
  EXPECT_EQ(stats.words, 4u);
  EXPECT_EQ(stats.characters, 10u);  // t h e c a t s a t 한
  // "한" was never seen: its three UTF-8 bytes are spelled out.
  size_t pieces = 0, bytes = 0;
  for (const char* line : {"the cat", "  sat 한"})
    for (const auto& piece : tokenizer.pieces(line)) {
      ++pieces;
      bytes += piece.rfind("<0x", 0) == 0;
    }
  EXPECT_EQ(stats.pieces, pieces);
  EXPECT_EQ(stats.byte_pieces, 3u);
  EXPECT_EQ(bytes, 3u);
  EXPECT_DOUBLE_EQ(stats.pieces_per_word(), static_cast<double>(pieces) / 4);
}

// The figures in datasets/README.md: the lessons corpus's tokenizer (default settings) on text
// it never saw — the held-out news and sports fortunes and the Korean Debian FAQ.
TEST(TokenizerStats, TheLessonsTokenizerMeetsRealText) {
  if (!debian_sources_installed())
    GTEST_SKIP() << "the lessons corpus needs Debian's wordnet-base, fortunes, debian-handbook and "
                    "libreoffice-help-ko (scripts/setup.sh installs them)";
  test::TempDir dir;
  LessonsCorpusSources sources;
  sources.world = LMLAB_SOURCE_DIR "/datasets/pretrain/world.txt";
  const auto corpus = build_lessons_corpus(sources, dir.file("lessons"));
  const auto tokenizer = SentencePieceTokenizer::train(corpus.path, {});
  const auto english = measure_tokenizer(tokenizer, read_file(kData + "/realtext/news-en.txt"));
  const auto korean = measure_tokenizer(tokenizer, read_file(kData + "/realtext/faq-ko.txt"));
  std::cout << "news-en: " << english.pieces_per_word() << " pieces per word, " << 100 * english.byte_share()
            << "% byte pieces; faq-ko: " << korean.pieces_per_word() << " pieces per word, "
            << 100 * korean.byte_share() << "% byte pieces\n";
  EXPECT_LE(english.pieces_per_word(), 1.5);
  EXPECT_LT(english.byte_share(), 0.01);
  EXPECT_LE(korean.pieces_per_word(), 2.6);
  EXPECT_LT(korean.byte_share(), 0.03);
}

TEST(CorpusFolder, JoinsItsTextFilesInSortedOrderAndNamesABadOne) {
  test::TempDir dir;
  test::TempDir cache;
  setenv("XDG_CACHE_HOME", cache.path().c_str(), 1);
  std::filesystem::create_directories(dir.path() / "books" / "sub");
  dir.write("books/b.txt", "second file .\n");
  dir.write("books/a.txt", "first file .\nstill the first document .\n\nanother document .\n");
  dir.write("books/sub/c.txt", "third file .\n");
  dir.write("books/notes.md", "not a corpus file\n");
  const auto path = corpus_file(dir.file("books"));
  EXPECT_NE(path, dir.file("books"));
  const auto corpus = TextCorpus::read(path);
  ASSERT_EQ(corpus.documents.size(), 4u);
  EXPECT_EQ(corpus.documents[0].front(), "first file .");
  EXPECT_EQ(corpus.documents[2].front(), "second file .");
  EXPECT_EQ(corpus.documents[3].front(), "third file .");
  EXPECT_EQ(corpus_file(dir.file("books/a.txt")), dir.file("books/a.txt"));  // a file is itself
  dir.write("books/z.txt", "fine\n\xff\xfe broken\n");
  try {
    corpus_file(dir.file("books"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("z.txt:2: the text is not valid UTF-8"), std::string::npos) << e.what();
  }
  std::filesystem::create_directories(dir.path() / "empty");
  EXPECT_THROW(corpus_file(dir.file("empty")), Error);
  unsetenv("XDG_CACHE_HOME");
}
