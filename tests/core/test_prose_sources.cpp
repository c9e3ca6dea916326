#include "lmlab/data/prose_sources.h"
#include "lmlab/error.h"

#include <gtest/gtest.h>

using namespace lmlab;

namespace {
const std::string kFixtures = LMLAB_SOURCE_DIR "/tests/data/prose";
}

TEST(ProseSources, SplitsSentencesAtEndPunctuationFollowedBySpace) {
  EXPECT_EQ(split_sentences("One.  Two!\nThree? Mr.Smith stays 3.5 four"),
            (std::vector<std::string>{"One.", "Two!", "Three?", "Mr.Smith stays 3.5 four"}));
  EXPECT_TRUE(split_sentences("   \n").empty());
}

TEST(ProseSources, FortunesBecomeDocumentsWithTheirAttribution) {
  EXPECT_EQ(read_fortunes(kFixtures + "/fortunes").documents.size(), 4u);  // literature and news
  const auto corpus = read_fortunes(kFixtures + "/fortunes", {"news"});
  ASSERT_EQ(corpus.documents.size(), 3u);  // not news, not the .dat index, not off/
  EXPECT_EQ(corpus.documents[0],
            (std::vector<std::string>{"A banker is a fellow who lends you his umbrella when the sun is shining and "
                                      "wants it back the minute it begins to rain.",
                                      "-- Mark Twain"}));
  EXPECT_EQ(corpus.documents[1].front(), "A horse!");
  EXPECT_EQ(corpus.documents[2], (std::vector<std::string>{"A is for Apple."}));
}

TEST(ProseSources, KoreanHelpPagesGiveTheirKoreanParagraphs) {
  const auto corpus = read_libreoffice_help(kFixtures + "/libreoffice-ko");
  ASSERT_EQ(corpus.documents.size(), 1u);
  EXPECT_EQ(corpus.documents[0],
            (std::vector<std::string>{"대화 상자에 추가하는 콘트롤의 속성을 설정할 수 있습니다.",
                                      "예를 들어, 버튼의 색상 & 크기를 변경할 수 있습니다.",
                                      "한국어 한글로 쓴 문장도 읽습니다."}));
}

TEST(ProseSources, AMissingPackageIsNamed) {
  try {
    read_fortunes("/nonexistent/fortunes");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("install the Debian package 'fortunes'"), std::string::npos);
  }
  try {
    read_libreoffice_help("/nonexistent/ko");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'libreoffice-help-ko'"), std::string::npos);
  }
}

TEST(ProseSources, HandbookChaptersGiveTheirParagraphsWithoutListings) {
  const auto corpus = read_debian_handbook(kFixtures + "/debian-handbook/en-US");
  ASSERT_EQ(corpus.documents.size(), 1u);
  EXPECT_EQ(corpus.documents[0],
            (std::vector<std::string>{"What makes Debian so popular with administrators is how easily software can be "
                                      "installed.",
                                      "This is largely due to the APT program, which Falcot Corp administrators "
                                      "studied with enthusiasm.",
                                      "APT is the abbreviation for “Advanced Packaging Tool”.",
                                      "It doesn't evaluate packages one by one!",
                                      "A note inside a box: /etc/apt/sources.list lists the repositories."}));
  try {
    read_debian_handbook("/nonexistent/en-US");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'debian-handbook'"), std::string::npos);
  }
}
