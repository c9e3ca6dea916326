#pragma once

#include <QWidget>

#include <utility>
#include <vector>

namespace lmlab::app {

// A ranked list of candidates with a bar for each probability: the model's top guesses for
// a [MASK], or for the next token.
class ProbabilityBars : public QWidget {
  Q_OBJECT
 public:
  explicit ProbabilityBars(QWidget* parent = nullptr);

  void set_items(std::vector<std::pair<QString, double>> items);
  int count() const { return static_cast<int>(items_.size()); }
  const std::vector<std::pair<QString, double>>& items() const { return items_; }
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override { return sizeHint(); }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  std::vector<std::pair<QString, double>> items_;
};

}  // namespace lmlab::app
