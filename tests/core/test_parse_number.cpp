#include "lmlab/parse_number.h"

#include <gtest/gtest.h>

using lmlab::parse_integer;
using lmlab::parse_integer_list;

TEST(ParseNumber, AcceptsOnlyWholeDecimalIntegers) {
  EXPECT_EQ(parse_integer("42"), 42);
  EXPECT_EQ(parse_integer("-3"), -3);
  for (const char* bad : {"", " 3", "3 ", "3x", "1e3", "0x10", "99999999999999999999999"})
    EXPECT_FALSE(parse_integer(bad).has_value()) << bad;
}

TEST(ParseNumber, ListsNeedEveryItemInRange) {
  EXPECT_EQ(parse_integer_list("0,1,2,8", 0, 64), (std::vector<long>{0, 1, 2, 8}));
  EXPECT_EQ(parse_integer_list("5", 0, 64), (std::vector<long>{5}));
  for (const char* bad : {"", "0,,1", "0,1,", "0,100", "-1", "a,b"})
    EXPECT_FALSE(parse_integer_list(bad, 0, 64).has_value()) << bad;
}
