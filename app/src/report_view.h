#pragma once

#include "lmlab/train/classification_report.h"

#include <QWidget>

#include <string>
#include <vector>

class QLabel;
class QTableWidget;

namespace lmlab::app {

// How the classifier does on the test set, class by class: precision, recall, F1 and support,
// and the confusion matrix (rows: true label, columns: predicted) shaded by share of the row,
// so "which topics does it confuse?" is answered at a glance.
class ReportView : public QWidget {
  Q_OBJECT
 public:
  explicit ReportView(QWidget* parent = nullptr);

  void show_report(const ClassificationReport& report, const std::vector<std::string>& labels, int64_t step);
  void clear();
  QTableWidget* per_class() const { return per_class_; }
  QTableWidget* confusion() const { return confusion_; }

 private:
  QLabel* title_;
  QTableWidget* per_class_;
  QTableWidget* confusion_;
};

}  // namespace lmlab::app
