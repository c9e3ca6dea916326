#pragma once

#include <string>
#include <vector>

namespace lmlab::readers {

// The lines of a text file, checked the same way for every reader: not empty, no NUL bytes
// (binary data), valid UTF-8, no line over 1 MiB. Errors name origin:line.
struct Line {
  size_t number;
  std::string text;  // without the line break (\n or \r\n)
};
std::vector<Line> checked_lines(const std::string& text, const std::string& origin);

std::vector<std::string> split(const std::string& line, char separator);

// Collects bad rows: throws at the first unless skipping, in which case it counts them.
class BadRows {
 public:
  BadRows(std::string origin, bool skip) : origin_(std::move(origin)), skip_(skip) {}
  void report(size_t line, const std::string& why);
  size_t count() const { return count_; }

 private:
  std::string origin_;
  bool skip_;
  size_t count_ = 0;
};

}  // namespace lmlab::readers
