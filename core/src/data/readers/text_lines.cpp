#include "text_lines.h"

#include "lmlab/data/text_corpus.h"
#include "lmlab/error.h"

namespace lmlab::readers {

namespace {
constexpr size_t kMaxLine = 1 << 20;
}

std::vector<Line> checked_lines(const std::string& text, const std::string& origin) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw Error("file_empty", {{"file", origin}}, origin + " is empty");
  std::vector<Line> lines;
  size_t start = 0, number = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    ++number;
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string where = origin + ":" + std::to_string(number) + ": ";
    const Error::Facts facts{{"file", origin}, {"line", std::to_string(number)}};
    if (line.size() > kMaxLine) throw Error("line_too_long", facts, where + "the line is longer than 1 MiB");
    if (line.find('\0') != std::string::npos)
      throw Error("line_binary", facts, where + "binary data (a NUL byte); this is not a text file");
    if (find_invalid_utf8(line) != std::string::npos) throw Error("line_not_utf8", facts, where + "the text is not valid UTF-8");
    lines.push_back({number, std::move(line)});
    start = end + 1;
  }
  return lines;
}

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    const size_t at = line.find(separator, start);
    fields.push_back(line.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return fields;
    start = at + 1;
  }
}

void BadRows::report(size_t line, const std::string& why) {
  if (!skip_)
    throw Error("bad_row", {{"file", origin_}, {"line", std::to_string(line)}, {"why", why}},
                origin_ + ":" + std::to_string(line) + ": " + why + " (setting 'skip_bad_rows' skips such rows)");
  ++count_;
}

}  // namespace lmlab::readers
