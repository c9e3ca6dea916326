#include "logit_lens_view.h"

#include "tokenizer_pieces.h"

#include <QColor>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace lmlab::app {

namespace {

QString depth_name(int layer) {
  return layer == 0 ? LensTableModel::tr("embeddings") : LensTableModel::tr("layer %1").arg(layer);
}

}  // namespace

void LensTableModel::set_lens(LogitLens lens) {
  beginResetModel();
  lens_ = std::move(lens);
  endResetModel();
}

int LensTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() || !lens_ ? 0 : static_cast<int>(lens_->layers.size());
}

int LensTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() || !lens_ || lens_->layers.empty() ? 0 : static_cast<int>(lens_->layers.front().positions.size());
}

const LensLayer& LensTableModel::layer_at(int row) const {
  return lens_->layers.at(lens_->layers.size() - 1 - static_cast<size_t>(row));
}

QVariant LensTableModel::data(const QModelIndex& index, int role) const {
  if (!lens_ || !index.isValid()) return {};
  const LensLayer& layer = layer_at(index.row());
  const auto column = static_cast<size_t>(index.column());
  const MaskPrediction& guesses = layer.positions.at(column);
  const TokenGuess& best = guesses.top.front();
  const int rank = layer.answer_ranks.at(column);
  switch (role) {
    case Qt::DisplayRole:
      return QStringLiteral("%1  %2%").arg(readable_piece(best.piece)).arg(100 * best.probability, 0, 'f', 0);
    case Qt::BackgroundRole: {
      // White at 0, the attention views' deep blue at 1: how sure this depth already is.
      const double p = best.probability;
      return QColor::fromRgbF(1 - 0.75 * p, 1 - 0.55 * p, 1 - 0.2 * p);
    }
    case Qt::ForegroundRole:
      return best.probability > 0.6 ? QColor(Qt::white) : QColor(Qt::black);
    case Qt::FontRole:
      if (rank == 1) {
        QFont bold;
        bold.setBold(true);
        return bold;  // this depth already answers what the model finally says
      }
      return {};
    case Qt::ToolTipRole: {
      QString tip = tr("%1: the final answer is guess number %2 here.").arg(depth_name(layer.layer)).arg(rank);
      for (const TokenGuess& g : guesses.top)
        tip += QStringLiteral("\n%1  %2%").arg(readable_piece(g.piece)).arg(100 * g.probability, 0, 'f', 1);
      return tip;
    }
    default:
      return {};
  }
}

QVariant LensTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (!lens_ || role != Qt::DisplayRole) return {};
  if (orientation == Qt::Vertical) {
    const LensLayer& layer = layer_at(section);
    return section == 0 ? tr("%1 (output)").arg(depth_name(layer.layer)) : depth_name(layer.layer);
  }
  const int position = lens_->layers.front().positions.at(static_cast<size_t>(section)).position;
  const bool next_token = position + 1 == static_cast<int>(lens_->pieces.size()) &&
                          lens_->pieces.at(static_cast<size_t>(position)) != "[MASK]";
  return next_token ? tr("next token") : tr("[MASK] %1").arg(section + 1);
}

LogitLensView::LogitLensView(QWidget* parent)
    : QWidget(parent), model_(new LensTableModel(this)), table_(new QTableView), summary_(new QLabel) {
  table_->setObjectName(QStringLiteral("logitLensTable"));
  table_->setModel(model_);
  table_->setSelectionMode(QAbstractItemView::NoSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  summary_->setObjectName(QStringLiteral("logitLensSummary"));
  summary_->setWordWrap(true);
  auto* caption = new QLabel(
      tr("The logit lens: each layer's hidden state read through the model's own output head, as if the model "
         "stopped there. The top row is the model's answer; bold cells already give it. Hover a cell for the top "
         "guesses."));
  caption->setWordWrap(true);
  caption->setStyleSheet(QStringLiteral("color:#555"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(caption);
  layout->addWidget(table_, 1);
  layout->addWidget(summary_);
}

void LogitLensView::show_lens(const std::optional<LogitLens>& lens) {
  if (!lens || lens->layers.empty() || lens->layers.front().positions.empty()) {
    model_->set_lens({});
    summary_->setText(tr("Mask a word (BERT) or type a prompt (GPT) to see the layers' guesses."));
    return;
  }
  model_->set_lens(*lens);
  // Where the answer first appears: the lowest depth from which it stays the top guess.
  QStringList found;
  const auto& layers = lens->layers;
  for (size_t column = 0; column < layers.front().positions.size(); ++column) {
    size_t from = layers.size() - 1;
    while (from > 0 && layers[from - 1].answer_ranks[column] == 1) --from;
    const QString answer = readable_piece(layers.back().positions[column].top.front().piece);
    found << (from == 0 ? tr("'%1' is the top guess from the embeddings on").arg(answer)
                        : tr("'%1' settles in at layer %2").arg(answer).arg(from));
  }
  summary_->setText(found.join(QStringLiteral("; ")) + QLatin1Char('.'));
}

}  // namespace lmlab::app
