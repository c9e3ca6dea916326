#pragma once

#include "lmlab/session/session_events.h"

#include <QWidget>

#include <optional>
#include <vector>

namespace lmlab::app {

// The head view (as BertViz draws it): the probe's tokens in two columns, each query on the left
// joined to the keys it attends to on the right by a line as strong as the weight.
class HeadLinesView : public QWidget {
  Q_OBJECT
 public:
  explicit HeadLinesView(QWidget* parent = nullptr);
  void show_head(const AttentionSnapshot& attention, int layer, int head);

  struct Line {
    int query = 0, key = 0;
    float weight = 0;
  };
  // The lines drawn: every pair whose weight is at least 1% (fainter ones would be invisible).
  const std::vector<Line>& lines() const { return lines_; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  std::vector<std::string> tokens_;
  std::vector<Line> lines_;
};

}  // namespace lmlab::app
