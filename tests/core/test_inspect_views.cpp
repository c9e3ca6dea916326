// The "why" views' core computations, each against an independent one: the logit lens's last
// layer is the model's own prediction, CKA against its Gram-matrix definition and its
// invariances, PCA against the covariance's eigenvalues and on points of known clusters.
#include "lmlab/error.h"
#include "lmlab/inspect/attention_maps.h"
#include "lmlab/inspect/cka.h"
#include "lmlab/inspect/embedding_neighbours.h"
#include "lmlab/inspect/generation.h"
#include "lmlab/inspect/logit_lens.h"
#include "lmlab/inspect/masked_prediction.h"
#include "lmlab/inspect/projection.h"
#include "lmlab/inspect/representations.h"
#include "lmlab/inspect/token_loss.h"
#include "temp_dir.h"
#include "toy_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace lmlab;

namespace {

struct ToyModel {
  std::shared_ptr<SentencePieceTokenizer> tokenizer;
  LanguageModel model{nullptr};
};

ToyModel toy_model(Architecture arch, bool pre_ln) {
  test::TempDir dir;
  const auto setup = test::toy_model_setup(dir, 40, 5, 300, 48, arch);
  auto config = setup.config;
  config.pre_ln = pre_ln;
  torch::manual_seed(7);
  return {setup.tokenizer, LanguageModel(config)};
}

void expect_same_guesses(const std::vector<TokenGuess>& lens, const std::vector<TokenGuess>& model) {
  ASSERT_EQ(lens.size(), model.size());
  for (size_t i = 0; i < lens.size(); ++i) {
    EXPECT_EQ(lens[i].id, model[i].id) << "rank " << i + 1;
    EXPECT_NEAR(lens[i].probability, model[i].probability, 1e-5) << "rank " << i + 1;
  }
}

}  // namespace

// BERT, post-LN and pre-LN: one lens layer per depth, the last the masked-LM head's own answer.
TEST(LogitLens, ABertsLastLayerIsItsOwnMaskPrediction) {
  for (bool pre_ln : {false, true}) {
    auto toy = toy_model(Architecture::Bert, pre_ln);
    const std::string text = "the cat likes to [MASK] fish and [MASK] .";
    const auto lens = logit_lens(*toy.model, *toy.tokenizer, text, 5);
    const auto own = predict_masks(*toy.model, *toy.tokenizer, text, 5);
    ASSERT_EQ(lens.layers.size(), static_cast<size_t>(toy.model->config().n_layers + 1));
    EXPECT_EQ(lens.pieces, own.pieces);
    const auto& last = lens.layers.back();
    ASSERT_EQ(last.positions.size(), 2u);
    for (size_t m = 0; m < 2; ++m) {
      EXPECT_EQ(last.positions[m].position, own.masks[m].position);
      expect_same_guesses(last.positions[m].top, own.masks[m].top);
      EXPECT_EQ(last.answer_ranks[m], 1);
    }
    for (const auto& layer : lens.layers)
      for (int rank : layer.answer_ranks) EXPECT_GE(rank, 1);
  }
}

// GPT: the next position, through the final norm and the LM head, as generation sees it.
TEST(LogitLens, AGptsLastLayerIsItsNextTokenDistribution) {
  auto toy = toy_model(Architecture::Gpt, true);
  const std::string text = "the dog likes to";
  const auto lens = logit_lens(*toy.model, *toy.tokenizer, text, 5);
  ASSERT_EQ(lens.layers.size(), static_cast<size_t>(toy.model->config().n_layers + 1));
  ASSERT_EQ(lens.layers.back().positions.size(), 1u);
  EXPECT_EQ(lens.layers.back().positions[0].position, static_cast<int>(lens.pieces.size()) - 1);
  expect_same_guesses(lens.layers.back().positions[0].top, next_token_top(*toy.model, *toy.tokenizer, text, 5, 1.0));

  // The embeddings' layer by hand: the last token's embedding (plus position), final norm,
  // projected on the tied embedding table.
  torch::NoGradGuard no_grad;
  toy.model->eval();
  const auto ids = toy.tokenizer->encode(text);
  auto& body = toy.model->body();
  const auto token = body.embeddings->token->weight[ids.back()];
  const auto position = body.embeddings->position->weight[static_cast<int64_t>(ids.size()) - 1];
  auto logits = torch::mv(toy.model->token_embedding(), body.final_norm(token + position));  // (V)
  logits = exclude_unwritten_tokens(logits.unsqueeze(0), toy.tokenizer->special_ids()).squeeze(0);
  const auto probs = torch::softmax(logits, -1);
  const auto& first = lens.layers.front().positions[0].top;
  EXPECT_EQ(first[0].id, probs.argmax().item<int64_t>());
  EXPECT_NEAR(first[0].probability, probs.max().item<double>(), 1e-5);
}

TEST(LogitLens, RefusesABertTextWithoutMask) {
  auto toy = toy_model(Architecture::Bert, false);
  EXPECT_THROW(logit_lens(*toy.model, *toy.tokenizer, "no mask here", 5), Error);
  EXPECT_THROW(logit_lens(*toy.model, *toy.tokenizer, "a [MASK]", 0), Error);
}

// CKA from its definition with Gram matrices: HSIC(K, L) / sqrt(HSIC(K, K) HSIC(L, L)),
// K = x xᵀ, HSIC(K, L) = tr(K H L H), H = I - 11ᵀ/n.
double cka_by_gram_matrices(const torch::Tensor& x, const torch::Tensor& y) {
  const auto n = x.size(0);
  const auto h = torch::eye(n, torch::kDouble) - torch::full({n, n}, 1.0 / static_cast<double>(n), torch::kDouble);
  const auto k = x.to(torch::kDouble).mm(x.to(torch::kDouble).t());
  const auto l = y.to(torch::kDouble).mm(y.to(torch::kDouble).t());
  auto hsic = [&](const torch::Tensor& a, const torch::Tensor& b) { return a.mm(h).mm(b).mm(h).trace().item<double>(); };
  return hsic(k, l) / std::sqrt(hsic(k, k) * hsic(l, l));
}

TEST(Cka, OneForItselfInvariantToRotationAndScaleAndMatchesItsDefinition) {
  torch::manual_seed(3);
  const auto x = torch::randn({60, 8});
  EXPECT_NEAR(linear_cka(x, x), 1.0, 1e-9);
  const auto rotation = std::get<0>(torch::linalg_qr(torch::randn({8, 8}, torch::kDouble)));  // orthogonal
  EXPECT_NEAR(linear_cka(x, x.to(torch::kDouble).mm(rotation) * 3.0 + 2.0), 1.0, 1e-9);
  const auto y = torch::randn({60, 5});
  const auto related = x.slice(1, 0, 4) + 0.5 * torch::randn({60, 4});
  EXPECT_NEAR(linear_cka(x, y), cka_by_gram_matrices(x, y), 1e-9);
  EXPECT_NEAR(linear_cka(x, related), cka_by_gram_matrices(x, related), 1e-9);
  EXPECT_GT(linear_cka(x, related), linear_cka(x, y));
  EXPECT_THROW(linear_cka(x, torch::randn({59, 8})), Error);
}

TEST(Projection, SeparatesKnownClustersAndReportsTheCovariancesShares) {
  torch::manual_seed(4);
  // Three clusters in 12-D, centres far apart along two directions, spread 0.3.
  const auto centres = torch::randn({3, 12}) * 4.0;
  const auto labels = torch::arange(90) % 3;
  const auto x = centres.index_select(0, labels) + 0.3 * torch::randn({90, 12});
  const auto projection = principal_components(x, 2);
  ASSERT_EQ(projection.points.sizes(), (std::vector<int64_t>{90, 2}));
  // Each point is nearer its own cluster's 2-D centre than any other's.
  std::vector<torch::Tensor> means;
  for (int c = 0; c < 3; ++c) means.push_back(projection.points.index({labels == c}).mean(0));
  for (int64_t i = 0; i < 90; ++i) {
    const auto own = labels[i].item<int64_t>();
    for (int c = 0; c < 3; ++c) {
      if (c == own) continue;
      EXPECT_LT((projection.points[i] - means[own]).norm().item<double>(),
                (projection.points[i] - means[c]).norm().item<double>());
    }
  }
  // Shares from the covariance matrix's eigenvalues.
  const auto centred = x.to(torch::kDouble) - x.to(torch::kDouble).mean(0, true);
  const auto eigen = torch::linalg_eigvalsh(centred.t().mm(centred)).flip(0);  // descending
  const double total = eigen.sum().item<double>();
  EXPECT_NEAR(projection.explained_share[0], eigen[0].item<double>() / total, 1e-6);
  EXPECT_NEAR(projection.explained_share[1], eigen[1].item<double>() / total, 1e-6);
  // The coordinates' variance along a component is its eigenvalue.
  EXPECT_NEAR(projection.points.select(1, 0).to(torch::kDouble).square().sum().item<double>(), eigen[0].item<double>(),
              1e-3 * eigen[0].item<double>());
}

// Representations: the last depth's row is the mean of the model's own hidden states over the
// example's real tokens, whatever the padding of the batch it came in.
TEST(Representations, MeanOfRealTokensPerDepthAndThePooledVector) {
  auto toy = toy_model(Architecture::Bert, false);
  std::vector<EncodedExample> examples;
  for (const char* text : {"the cat likes fish .", "a dog ."}) {
    EncodedExample e;
    e.ids.push_back(toy.tokenizer->special_ids().cls);
    for (int id : toy.tokenizer->encode(text)) e.ids.push_back(id);
    e.ids.push_back(toy.tokenizer->special_ids().sep);
    e.segments.assign(e.ids.size(), 0);
    examples.push_back(e);
  }
  const auto out = represent_examples(*toy.model, examples, toy.tokenizer->special_ids().pad, 2);
  ASSERT_EQ(out.layers.size(), static_cast<size_t>(toy.model->config().n_layers + 1));
  torch::NoGradGuard no_grad;
  toy.model->eval();
  const auto ids = torch::tensor(examples[1].ids).unsqueeze(0);
  const auto hidden = toy.model->hidden_states(ids);  // (1, T, C), alone: no padding
  EXPECT_TRUE(torch::allclose(out.layers.back()[1], hidden.squeeze(0).mean(0), 1e-4, 1e-5));
  EXPECT_TRUE(torch::allclose(out.pooled[1], toy.model->pooled(hidden).squeeze(0), 1e-4, 1e-5));
}

// GPT per-token loss against a separate forward on each prefix alone (causal attention makes
// the two the same); the first token is not scored.
TEST(TokenLoss, AGptsLossOfEachTokenIsItsPrefixsNextTokenLoss) {
  auto toy = toy_model(Architecture::Gpt, true);
  const std::string text = "the dog likes to eat fish";
  const auto losses = token_losses(*toy.model, *toy.tokenizer, text, 3);
  const auto ids = toy.tokenizer->encode(text);
  ASSERT_EQ(losses.tokens.size(), ids.size());
  EXPECT_FALSE(losses.tokens[0].scored);
  torch::NoGradGuard no_grad;
  toy.model->eval();
  double total = 0;
  for (size_t t = 1; t < ids.size(); ++t) {
    const std::vector<int64_t> prefix(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(t));
    const auto hidden = toy.model->hidden_states(torch::tensor(prefix).unsqueeze(0));  // (1, t, C)
    const auto log_probs = torch::log_softmax(toy.model->lm_logits(hidden[0][t - 1]), -1);
    EXPECT_NEAR(losses.tokens[t].loss, -log_probs[ids[t]].item<double>(), 1e-4) << "token " << t;
    EXPECT_EQ(losses.tokens[t].top.size(), 3u);
    EXPECT_EQ(losses.tokens[t].top[0].id, log_probs.argmax().item<int64_t>());
    total += losses.tokens[t].loss;
  }
  EXPECT_NEAR(losses.mean_loss, total / static_cast<double>(ids.size() - 1), 1e-9);
}

// BERT: each token hidden alone, scored against one masked copy at a time; specials unscored.
TEST(TokenLoss, ABertScoresEachTokenMaskedAlone) {
  auto toy = toy_model(Architecture::Bert, false);
  const auto losses = token_losses(*toy.model, *toy.tokenizer, "the cat likes fish", 5);
  EXPECT_TRUE(losses.masked_one_at_a_time);
  EXPECT_FALSE(losses.tokens.front().scored);
  EXPECT_FALSE(losses.tokens.back().scored);
  torch::NoGradGuard no_grad;
  toy.model->eval();
  std::vector<int64_t> ids;
  for (const auto& token : losses.tokens) ids.push_back(token.id);
  for (size_t i = 1; i + 1 < ids.size(); ++i) {
    auto masked = ids;
    masked[i] = toy.tokenizer->special_ids().mask;
    const auto hidden = toy.model->hidden_states(torch::tensor(masked).unsqueeze(0));  // (1, T, C)
    const auto log_probs = torch::log_softmax(toy.model->masked_lm_logits(hidden[0][static_cast<int64_t>(i)].unsqueeze(0))[0], -1);
    EXPECT_NEAR(losses.tokens[i].loss, -log_probs[ids[i]].item<double>(), 1e-4) << "token " << i;
  }
  EXPECT_THROW(token_losses(*toy.model, *toy.tokenizer, "", 5), Error);
}

namespace {

// One layer of two heads over [CLS] a b [SEP], weights written out by hand.
AttentionSnapshot small_attention(int layers) {
  AttentionSnapshot a;
  a.layers = layers, a.heads = 2;
  a.tokens = {"[CLS]", "a", "b", "[SEP]"};
  const std::vector<float> head0 = {0.25f, 0.25f, 0.25f, 0.25f,  0.1f, 0.2f, 0.3f, 0.4f,
                                    0.5f,  0.0f,  0.0f,  0.5f,   0.0f, 0.0f, 0.0f, 1.0f};
  const std::vector<float> head1 = {1.0f, 0.0f, 0.0f, 0.0f,  0.0f, 0.5f, 0.5f, 0.0f,
                                    0.2f, 0.2f, 0.2f, 0.4f,  0.3f, 0.3f, 0.2f, 0.2f};
  for (int layer = 0; layer < layers; ++layer)
    for (const auto* head : {&head0, &head1}) a.weights.insert(a.weights.end(), head->begin(), head->end());
  return a;
}

}  // namespace

TEST(AttentionMaps, WithoutSpecialsKeepsTheWordsAndRenormalisesEachRow) {
  const auto out = without_special_tokens(small_attention(1));
  EXPECT_EQ(out.tokens, (std::vector<std::string>{"a", "b"}));
  // Head 0, row "a": 0.2 and 0.3 of the kept keys -> 0.4 and 0.6.
  EXPECT_NEAR(out.at(0, 0, 0, 0), 0.4, 1e-6);
  EXPECT_NEAR(out.at(0, 0, 0, 1), 0.6, 1e-6);
  // Head 0, row "b" looked only at specials: it stays zeros rather than inventing weight.
  EXPECT_EQ(out.at(0, 0, 1, 0), 0.0f);
  EXPECT_EQ(out.at(0, 0, 1, 1), 0.0f);
  // Head 1, row "b": 0.2, 0.2 -> 0.5, 0.5.
  EXPECT_NEAR(out.at(0, 1, 1, 0), 0.5, 1e-6);
}

// Rollout by its definition, written out for one and two layers.
TEST(AttentionMaps, RolloutIsTheProductOfResidualAveragedLayers) {
  const auto one = attention_rollout(small_attention(1));
  // Row "a" (q = 1): mean of heads = (0.05, 0.35, 0.4, 0.2); half of it plus half identity =
  // (0.025, 0.675, 0.2, 0.1), already summing to 1.
  EXPECT_NEAR(one[1 * 4 + 0], 0.025, 1e-6);
  EXPECT_NEAR(one[1 * 4 + 1], 0.675, 1e-6);
  EXPECT_NEAR(one[1 * 4 + 2], 0.2, 1e-6);
  EXPECT_NEAR(one[1 * 4 + 3], 0.1, 1e-6);
  const auto two = attention_rollout(small_attention(2));
  for (int q = 0; q < 4; ++q) {
    double row = 0;
    for (int k = 0; k < 4; ++k) {
      double product = 0;  // (Â·Â)[q][k] with Â the one-layer rollout
      for (int m = 0; m < 4; ++m) product += one[q * 4 + m] * one[m * 4 + k];
      EXPECT_NEAR(two[q * 4 + k], product, 1e-6);
      row += two[q * 4 + k];
    }
    EXPECT_NEAR(row, 1.0, 1e-6);
  }
}

// The neighbours of a word are the rows of the embedding table with the highest cosine to the
// mean of its pieces' rows, computed here by loops over the table, specials, byte pieces and
// the word's own pieces left out; a row made parallel to the word's comes first with cosine 1.
TEST(EmbeddingNeighbours, AreTheRowsOfHighestCosineWithTheWordsMeanRow) {
  auto toy = toy_model(Architecture::Bert, false);
  const std::string word = "cat";
  const auto ids = toy.tokenizer->encode(word);
  ASSERT_FALSE(ids.empty());
  auto& table = toy.model->token_embedding();
  const int64_t d = table.size(1);
  std::vector<double> mean(static_cast<size_t>(d), 0.0);
  for (int id : ids)
    for (int64_t c = 0; c < d; ++c) mean[c] += table[id][c].item<double>() / ids.size();
  const int parallel = static_cast<int>(table.size(0)) - 1;  // a learned piece, not one of the word's
  ASSERT_EQ(std::count(ids.begin(), ids.end(), parallel), 0);
  ASSERT_NE(toy.tokenizer->id_to_piece(parallel).substr(0, 3), "<0x");
  {
    torch::NoGradGuard no_grad;
    for (int64_t c = 0; c < d; ++c) table[parallel][c] = 3.0 * mean[c];
  }
  const auto specials = toy.tokenizer->special_ids();
  std::vector<std::pair<double, int>> expected;
  for (int64_t row = 0; row < table.size(0); ++row) {
    const std::string piece = toy.tokenizer->id_to_piece(static_cast<int>(row));
    const bool byte_piece = piece.size() == 6 && piece.substr(0, 3) == "<0x";
    if (std::count(ids.begin(), ids.end(), row) || row == specials.pad || row == specials.unk || row == specials.cls ||
        row == specials.sep || row == specials.mask || row == specials.bos || row == specials.eos || byte_piece)
      continue;
    double dot = 0, row_norm = 0, mean_norm = 0;
    for (int64_t c = 0; c < d; ++c) {
      const double v = table[row][c].item<double>();
      dot += v * mean[c], row_norm += v * v, mean_norm += mean[c] * mean[c];
    }
    expected.push_back({dot / std::sqrt(row_norm * mean_norm), static_cast<int>(row)});
  }
  std::sort(expected.rbegin(), expected.rend());

  const auto found = embedding_neighbours(*toy.model, *toy.tokenizer, word, 5);
  ASSERT_EQ(found.pieces.size(), ids.size());
  ASSERT_EQ(found.nearest.size(), 5u);
  EXPECT_EQ(found.nearest[0].id, parallel);
  EXPECT_NEAR(found.nearest[0].cosine, 1.0, 1e-5);
  for (size_t k = 0; k < 5; ++k) {
    EXPECT_EQ(found.nearest[k].id, expected[k].second) << "rank " << k + 1;
    EXPECT_NEAR(found.nearest[k].cosine, expected[k].first, 1e-5) << "rank " << k + 1;
    EXPECT_EQ(found.nearest[k].piece, toy.tokenizer->id_to_piece(found.nearest[k].id));
  }
  EXPECT_THROW(embedding_neighbours(*toy.model, *toy.tokenizer, "", 5), Error);
}
