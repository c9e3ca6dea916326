#include "lmlab/io/safetensors.h"

#include "lmlab/atomic_file.h"
#include "lmlab/error.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <set>

#include <algorithm>
#include <cstring>

namespace lmlab {

namespace {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "safetensors data is little-endian");

const std::vector<std::pair<std::string, at::ScalarType>>& dtype_names() {
  static const std::vector<std::pair<std::string, at::ScalarType>> names = {
      {"F64", at::kDouble}, {"F32", at::kFloat}, {"F16", at::kHalf}, {"BF16", at::kBFloat16},
      {"I64", at::kLong},   {"I32", at::kInt},   {"I16", at::kShort}, {"I8", at::kChar},
      {"U8", at::kByte},    {"BOOL", at::kBool}};
  return names;
}

std::string dtype_name(at::ScalarType type) {
  for (const auto& [name, t] : dtype_names())
    if (t == type) return name;
  throw Error(std::string("safetensors cannot store dtype ") + c10::toString(type));
}

}  // namespace

std::string encode_safetensors(const NamedTensors& tensors, const std::map<std::string, std::string>& metadata) {
  nlohmann::ordered_json header;
  if (!metadata.empty()) header["__metadata__"] = metadata;
  std::vector<at::Tensor> contiguous;
  size_t offset = 0;
  for (const auto& [name, tensor] : tensors) {
    auto t = tensor.detach().to(at::kCPU).contiguous();
    const size_t bytes = t.numel() * t.element_size();
    header[name] = {{"dtype", dtype_name(t.scalar_type())},
                    {"shape", t.sizes().vec()},
                    {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
    contiguous.push_back(t);
  }
  std::string json = header.dump();
  json.append((8 - json.size() % 8) % 8, ' ');  // keeps the data 8-byte aligned
  std::string out(8, '\0');
  const uint64_t length = json.size();
  std::memcpy(out.data(), &length, 8);
  out += json;
  out.reserve(out.size() + offset);
  for (const auto& t : contiguous)
    out.append(static_cast<const char*>(t.data_ptr()), t.numel() * t.element_size());
  return out;
}

void write_safetensors(const std::string& path, const NamedTensors& tensors,
                       const std::map<std::string, std::string>& metadata) {
  write_file_atomically(path, encode_safetensors(tensors, metadata));
}

NamedTensors decode_safetensors(const std::string& bytes, const std::string& origin) {
  const auto fail = [&](const std::string& why) { return Error(origin + ": " + why); };
  if (bytes.size() < 8) throw fail("too short to be a safetensors file (" + std::to_string(bytes.size()) + " bytes)");
  uint64_t header_length = 0;
  std::memcpy(&header_length, bytes.data(), 8);
  if (header_length > bytes.size() - 8)
    throw fail("the header says it is " + std::to_string(header_length) + " bytes but the file has only " +
               std::to_string(bytes.size() - 8) + " after the length; the file is truncated or not safetensors");
  nlohmann::json header;
  // JSON keeps the last of two equal keys; a header naming a tensor twice is refused instead.
  std::set<std::string> names;
  std::string repeated;
  const auto note_names = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    if (depth == 1 && event == nlohmann::json::parse_event_t::key && !names.insert(parsed.get<std::string>()).second)
      repeated = parsed.get<std::string>();
    return true;
  };
  try {
    header = nlohmann::json::parse(bytes.begin() + 8, bytes.begin() + 8 + static_cast<std::ptrdiff_t>(header_length),
                                   note_names);
  } catch (const nlohmann::json::exception& e) {
    throw fail(std::string("the header is not valid JSON: ") + e.what());
  }
  if (!repeated.empty()) throw fail("the header names tensor '" + repeated + "' twice");
  if (!header.is_object()) throw fail("the header is not a JSON object");
  const size_t data_start = 8 + header_length;
  const size_t data_size = bytes.size() - data_start;

  struct Entry { std::string name; at::ScalarType type; std::vector<int64_t> shape; size_t begin, end; };
  std::vector<Entry> entries;
  for (auto it = header.begin(); it != header.end(); ++it) {
    if (it.key() == "__metadata__") continue;
    const auto& v = it.value();
    const std::string where = "tensor '" + it.key() + "'";
    try {
      Entry e{it.key(), at::kFloat, v.at("shape").get<std::vector<int64_t>>(), 0, 0};
      const auto dtype = v.at("dtype").get<std::string>();
      const auto known = std::find_if(dtype_names().begin(), dtype_names().end(),
                                      [&](const auto& p) { return p.first == dtype; });
      if (known == dtype_names().end()) throw fail(where + " has unknown dtype '" + dtype + "'");
      e.type = known->second;
      const auto offsets = v.at("data_offsets").get<std::vector<uint64_t>>();
      if (offsets.size() != 2 || offsets[0] > offsets[1]) throw fail(where + " has malformed data_offsets");
      e.begin = offsets[0], e.end = offsets[1];
      // The shape's byte count, refused where it overflows (a shape of 2^62+2 floats would
      // wrap to 8 bytes and pass the comparison below).
      size_t byte_count = c10::elementSize(e.type);
      for (auto d : e.shape) {
        if (d < 0) throw fail(where + " has a negative dimension");
        if (__builtin_mul_overflow(byte_count, static_cast<size_t>(d), &byte_count))
          throw fail(where + " has a shape too large for any file");
      }
      if (byte_count != e.end - e.begin)
        throw fail(where + " has " + std::to_string(e.end - e.begin) + " bytes of data but its shape and dtype need " +
                   std::to_string(byte_count));
      if (e.end > data_size)
        throw fail(where + " runs past the end of the file (the file is truncated)");
      entries.push_back(std::move(e));
    } catch (const nlohmann::json::exception&) {
      throw fail(where + " has a malformed header entry (needs dtype, shape, data_offsets)");
    }
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.begin < b.begin; });
  size_t expected = 0;
  for (const auto& e : entries) {
    if (e.begin != expected) throw fail("tensor '" + e.name + "' overlaps another or leaves a hole in the data");
    expected = e.end;
  }
  if (expected != data_size)
    throw fail("the data is " + std::to_string(data_size) + " bytes but the tensors account for " +
               std::to_string(expected));

  NamedTensors out;
  for (const auto& e : entries) {
    auto t = at::empty(e.shape, at::TensorOptions().dtype(e.type));
    if (e.end > e.begin)  // a zero-element tensor has no data pointer to copy into
      std::memcpy(t.data_ptr(), bytes.data() + data_start + e.begin, e.end - e.begin);
    out.emplace_back(e.name, t);
  }
  return out;
}

NamedTensors read_safetensors(const std::string& path) {
  return decode_safetensors(read_file(path, "weights file"), path);
}

}  // namespace lmlab
