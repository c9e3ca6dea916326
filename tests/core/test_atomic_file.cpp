#include "lmlab/atomic_file.h"
#include "lmlab/error.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <filesystem>

using lmlab::test::TempDir;

TEST(AtomicFile, WritesAndReplacesWholeFileWithoutLeftovers) {
  TempDir dir;
  const std::string path = dir.file("out.bin");
  lmlab::write_file_atomically(path, std::string("first\0version", 13));
  EXPECT_EQ(lmlab::read_file(path), std::string("first\0version", 13));
  lmlab::write_file_atomically(path, "second");
  EXPECT_EQ(lmlab::read_file(path), "second");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1) << "temporary files must not be left behind";
}

TEST(AtomicFile, FailedWriteLeavesOldFileAndNamesPath) {
  TempDir dir;
  const std::string missing_dir = dir.file("no/such/dir/out.bin");
  try {
    lmlab::write_file_atomically(missing_dir, "x");
    FAIL() << "expected an error";
  } catch (const lmlab::Error& e) {
    EXPECT_NE(std::string(e.what()).find(missing_dir), std::string::npos) << e.what();
  }
}

TEST(AtomicFile, ReadNamesMissingFileAndDirectory) {
  TempDir dir;
  try {
    lmlab::read_file(dir.file("absent.txt"), "corpus");
    FAIL() << "expected an error";
  } catch (const lmlab::Error& e) {
    EXPECT_EQ(std::string(e.what()), "corpus '" + dir.file("absent.txt") + "' does not exist");
  }
  try {
    lmlab::read_file(dir.path().string(), "corpus");
    FAIL() << "expected an error";
  } catch (const lmlab::Error& e) {
    EXPECT_NE(std::string(e.what()).find("is a directory"), std::string::npos) << e.what();
  }
}
