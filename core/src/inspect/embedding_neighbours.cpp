#include "lmlab/inspect/embedding_neighbours.h"

#include "lmlab/error.h"
#include "lmlab/inspect/projection.h"

#include <ATen/ATen.h>

#include <algorithm>

namespace lmlab {

WordNeighbours embedding_neighbours(LanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& word,
                                    int top_k) {
  if (top_k < 1) throw Error("top must be at least 1");
  const auto ids = tokenizer.encode(word);
  if (ids.empty()) throw Error("'" + word + "' has no tokens to look up");
  torch::NoGradGuard no_grad;
  const at::Tensor table = model.token_embedding().detach().to(at::kCPU, at::kFloat);  // (V, D)
  WordNeighbours out;
  std::vector<int64_t> rows;
  for (int id : ids) {
    out.pieces.push_back(tokenizer.id_to_piece(id));
    rows.push_back(id);
  }
  const at::Tensor vector = table.index_select(0, at::tensor(rows)).mean(0);  // (D)
  // cosine(row, vector) = row . vector / (|row| |vector|), a zero row counting as 0.
  const at::Tensor norms = table.norm(2, 1).clamp_min(1e-12);                 // (V)
  at::Tensor cosine = table.matmul(vector) / (norms * vector.norm().clamp_min(1e-12));  // (V)
  const auto s = tokenizer.special_ids();
  std::vector<int64_t> excluded(rows);
  for (int special : {s.pad, s.unk, s.cls, s.sep, s.mask, s.bos, s.eos})
    if (special >= 0 && special < table.size(0)) excluded.push_back(special);
  // SentencePiece's byte-fallback pieces (<0xE2>) stand for bytes, not words: rarely trained,
  // they would crowd the list of a small model with near-random rows.
  for (int64_t id = 0; id < table.size(0); ++id)
    if (is_byte_piece(tokenizer.id_to_piece(static_cast<int>(id)))) excluded.push_back(id);
  std::sort(excluded.begin(), excluded.end());
  excluded.erase(std::unique(excluded.begin(), excluded.end()), excluded.end());
  cosine.index_fill_(0, at::tensor(excluded), -2.0);  // below any cosine

  const auto map = principal_components(table, 2);
  const at::Tensor points = map.points.contiguous();  // (V, 2)
  const auto* xy = points.data_ptr<float>();
  const auto rows_in_table = table.size(0);
  out.map_x.resize(static_cast<size_t>(rows_in_table));
  out.map_y.resize(static_cast<size_t>(rows_in_table));
  for (int64_t row = 0; row < rows_in_table; ++row) out.map_x[row] = xy[2 * row], out.map_y[row] = xy[2 * row + 1];
  out.explained[0] = map.explained_share[0], out.explained[1] = map.explained_share[1];
  for (const auto row : rows) {
    out.x += out.map_x[row] / static_cast<float>(rows.size());
    out.y += out.map_y[row] / static_cast<float>(rows.size());
  }

  const int64_t wanted = std::min<int64_t>(top_k, rows_in_table - static_cast<int64_t>(excluded.size()));
  if (wanted <= 0) return out;
  const auto [values, indices] = cosine.topk(wanted);
  for (int64_t k = 0; k < wanted; ++k) {
    const int id = static_cast<int>(indices[k].item<int64_t>());
    if (values[k].item<double>() < -1.5) break;  // only excluded rows are left
    out.nearest.push_back({id, tokenizer.id_to_piece(id), values[k].item<double>(), out.map_x[id], out.map_y[id]});
  }
  return out;
}

}  // namespace lmlab
