#pragma once

#include "lmlab/inspect/logit_lens_result.h"

#include <QAbstractTableModel>
#include <QWidget>

#include <optional>

class QLabel;
class QTableView;

namespace lmlab::app {

// The logit lens as a table: one row per depth (the embeddings at the bottom, the model's
// output on top, as the freeze panel draws the stack), one column per position (each [MASK],
// or a GPT's next token). A cell holds that depth's best guess and its probability, shaded by
// the probability; its tooltip the top guesses and the rank of the final answer.
class LensTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  using QAbstractTableModel::QAbstractTableModel;
  void set_lens(LogitLens lens);
  const std::optional<LogitLens>& lens() const { return lens_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
  // The lens layer a row shows (rows run from the output down to the embeddings).
  const LensLayer& layer_at(int row) const;

 private:
  std::optional<LogitLens> lens_;
};

class LogitLensView : public QWidget {
  Q_OBJECT
 public:
  explicit LogitLensView(QWidget* parent = nullptr);
  void show_lens(const std::optional<LogitLens>& lens);
  LensTableModel* model() const { return model_; }
  QTableView* table() const { return table_; }

 private:
  LensTableModel* model_;
  QTableView* table_;
  QLabel* summary_;
};

}  // namespace lmlab::app
