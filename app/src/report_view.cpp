#include "report_view.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <numeric>

namespace lmlab::app {

namespace {

QTableWidgetItem* cell(const QString& text, Qt::Alignment align = Qt::AlignRight | Qt::AlignVCenter) {
  auto* item = new QTableWidgetItem(text);
  item->setTextAlignment(align);
  item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
  return item;
}

}  // namespace

ReportView::ReportView(QWidget* parent) : QWidget(parent) {
  title_ = new QLabel(tr("<b>Test set, class by class</b> (scored once, when training ends)"));
  title_->setWordWrap(true);  // the column's width is the window's to choose, not this line's
  per_class_ = new QTableWidget;
  per_class_->setObjectName(QStringLiteral("perClass"));
  per_class_->setColumnCount(4);
  per_class_->setHorizontalHeaderLabels({tr("precision"), tr("recall"), tr("F1"), tr("examples")});
  confusion_ = new QTableWidget;
  confusion_->setObjectName(QStringLiteral("confusion"));
  for (QTableWidget* table : {per_class_, confusion_}) {
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  }
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(title_);
  layout->addWidget(per_class_);
  auto* confusion_title = new QLabel(tr("Confusion: rows are the true labels, columns what the model said"));
  confusion_title->setWordWrap(true);
  layout->addWidget(confusion_title);
  layout->addWidget(confusion_);
}

void ReportView::clear() {
  per_class_->setRowCount(0);
  confusion_->setRowCount(0);
  confusion_->setColumnCount(0);
}

void ReportView::show_report(const ClassificationReport& report, const std::vector<std::string>& labels, int64_t step) {
  const int n = static_cast<int>(report.confusion.size());
  QStringList names;
  for (int i = 0; i < n; ++i)
    names << (i < static_cast<int>(labels.size()) ? QString::fromStdString(labels[static_cast<size_t>(i)]) : QString::number(i));
  title_->setText(tr("<b>Test set at step %1</b>: accuracy %2%").arg(step).arg(100 * report.accuracy, 0, 'f', 1));
  per_class_->setRowCount(n);
  per_class_->setVerticalHeaderLabels(names);
  confusion_->setRowCount(n);
  confusion_->setColumnCount(n);
  confusion_->setVerticalHeaderLabels(names);
  confusion_->setHorizontalHeaderLabels(names);
  for (int i = 0; i < n; ++i) {
    const auto& row = report.confusion[static_cast<size_t>(i)];
    const int64_t support = std::accumulate(row.begin(), row.end(), int64_t{0});
    const auto at = [](const std::vector<double>& v, int k) { return k < static_cast<int>(v.size()) ? v[static_cast<size_t>(k)] : 0.0; };
    per_class_->setItem(i, 0, cell(QString::number(at(report.precision, i), 'f', 3)));
    per_class_->setItem(i, 1, cell(QString::number(at(report.recall, i), 'f', 3)));
    per_class_->setItem(i, 2, cell(QString::number(at(report.f1, i), 'f', 3)));
    per_class_->setItem(i, 3, cell(QString::number(support)));
    for (int j = 0; j < n; ++j) {
      const int64_t count = j < static_cast<int>(row.size()) ? row[static_cast<size_t>(j)] : 0;
      auto* item = cell(QString::number(count), Qt::AlignCenter);
      // Darker for a larger share of the true class: the diagonal should be dark, the rest pale.
      const double share = support > 0 ? static_cast<double>(count) / static_cast<double>(support) : 0.0;
      item->setBackground(QColor::fromRgbF(1.0 - 0.75 * share, 1.0 - 0.45 * share, 1.0 - 0.1 * share));
      if (share > 0.55) item->setForeground(Qt::white);
      confusion_->setItem(i, j, item);
    }
  }
}

}  // namespace lmlab::app
