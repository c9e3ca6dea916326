#include "lmlab/utf8.h"

#include <gtest/gtest.h>

using lmlab::append_utf8;
using lmlab::decode_utf8;

TEST(Utf8, RoundTripsEveryLength) {
  const std::string text = "a é 한 🙂";
  const auto points = decode_utf8(text);
  EXPECT_EQ(points, (std::u32string{U'a', U' ', 0xE9, U' ', 0xD55C, U' ', 0x1F642}));
  std::string back;
  for (char32_t c : points) append_utf8(back, c);
  EXPECT_EQ(back, text);
}

TEST(Utf8, BadBytesBecomeReplacementCharacters) {
  EXPECT_EQ(decode_utf8("a\xff" "b"), (std::u32string{U'a', 0xFFFD, U'b'}));
  EXPECT_EQ(decode_utf8("\xe2\x82"), (std::u32string{0xFFFD, 0xFFFD}));  // truncated
  std::string out;
  append_utf8(out, 0x110000);
  EXPECT_TRUE(out.empty());
}
