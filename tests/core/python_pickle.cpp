#include "python_pickle.h"

#include <ATen/ATen.h>

#include <cstdint>

namespace lmlab::test {

namespace {

void u16(std::string& out, uint16_t v) { out.append({char(v & 0xff), char(v >> 8)}); }
void u32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(char((v >> (8 * i)) & 0xff));
}

uint32_t crc32(const std::string& data) {
  uint32_t crc = 0xffffffffu;
  for (unsigned char c : data) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

// A zip archive of stored (uncompressed) records, as PyTorch's writer makes them.
std::string zip(const std::vector<std::pair<std::string, std::string>>& records) {
  std::string out, directory;
  for (const auto& [name, data] : records) {
    const auto offset = static_cast<uint32_t>(out.size());
    const auto crc = crc32(data);
    const auto header = [&](std::string& s, bool central) {
      u32(s, central ? 0x02014b50 : 0x04034b50);
      if (central) u16(s, 20);
      u16(s, 20), u16(s, 0), u16(s, 0), u16(s, 0), u16(s, 0);  // version, flags, stored, time, date
      u32(s, crc), u32(s, uint32_t(data.size())), u32(s, uint32_t(data.size()));
      u16(s, uint16_t(name.size())), u16(s, 0);
      if (central) u16(s, 0), u16(s, 0), u16(s, 0), u32(s, 0), u32(s, offset);
      s += name;
    };
    header(out, false);
    out += data;
    header(directory, true);
  }
  const auto directory_offset = static_cast<uint32_t>(out.size());
  out += directory;
  u32(out, 0x06054b50), u16(out, 0), u16(out, 0);
  u16(out, uint16_t(records.size())), u16(out, uint16_t(records.size()));
  u32(out, uint32_t(directory.size())), u32(out, directory_offset), u16(out, 0);
  return out;
}

// Protocol-2 pickle opcodes.
void text(std::string& p, const std::string& s) {  // BINUNICODE
  p.push_back('X');
  u32(p, uint32_t(s.size()));
  p += s;
}
void small_int(std::string& p, int64_t v) {  // BININT1 / BININT
  if (v >= 0 && v < 256) {
    p.push_back('K');
    p.push_back(char(v));
  } else {
    p.push_back('J');
    u32(p, uint32_t(v));
  }
}
void global(std::string& p, const std::string& module, const std::string& name) { p += "c" + module + "\n" + name + "\n"; }
void int_tuple(std::string& p, at::IntArrayRef values) {
  p.push_back('(');
  for (auto v : values) small_int(p, v);
  p.push_back('t');
}
void empty_ordered_dict(std::string& p) {
  global(p, "collections", "OrderedDict");
  p += ")R";  // EMPTY_TUPLE, REDUCE
}

}  // namespace

std::string python_torch_save(const std::vector<std::pair<std::string, at::Tensor>>& state, PickledDict kind) {
  const bool ordered = kind == PickledDict::OrderedWithMetadata;
  std::string p = "\x80\x02";
  if (ordered)
    empty_ordered_dict(p);
  else
    p.push_back('}');  // EMPTY_DICT
  p.push_back('(');  // MARK for SETITEMS
  std::vector<std::pair<std::string, std::string>> records;
  for (size_t i = 0; i < state.size(); ++i) {
    const auto tensor = state[i].second.contiguous().to(at::kFloat);
    const auto key = std::to_string(i);
    text(p, state[i].first);
    global(p, "torch._utils", "_rebuild_tensor_v2");
    p.push_back('(');  // the arguments
    p.push_back('(');  // the persistent id
    text(p, "storage");
    global(p, "torch", "FloatStorage");
    text(p, key);
    text(p, "cpu");
    small_int(p, tensor.numel());
    p += "tQ";  // TUPLE, BINPERSID
    small_int(p, 0);  // storage offset
    int_tuple(p, tensor.sizes());
    int_tuple(p, tensor.strides());
    p.push_back('\x89');  // requires_grad False
    empty_ordered_dict(p);  // backward hooks
    p += "tR";
    records.emplace_back("archive/data/" + key,
                         std::string(static_cast<const char*>(tensor.data_ptr()), tensor.numel() * sizeof(float)));
  }
  p.push_back('u');  // SETITEMS
  if (ordered) {
    // state dict's __dict__: {'_metadata': OrderedDict([('', {'version': 1})])}, set by BUILD.
    p += "}(";
    text(p, "_metadata");
    empty_ordered_dict(p);
    p.push_back('(');
    text(p, "");
    p += "}(";
    text(p, "version");
    small_int(p, 1);
    p += "uu";
    p += "ub";
  }
  p.push_back('.');
  records.insert(records.begin(), {"archive/data.pkl", p});
  records.emplace_back("archive/version", "3\n");
  return zip(records);
}

}  // namespace lmlab::test
