#include "runs_view.h"

#include "curve_plot.h"
#include "metric_names.h"
#include "run_store.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QVBoxLayout>

namespace lmlab::app {

RunsView::RunsView(RunStore* runs, QWidget* parent) : QWidget(parent), runs_(runs) {
  list_ = new QListView;
  list_->setObjectName(QStringLiteral("runList"));
  list_->setModel(runs_);
  list_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);  // rename
  list_->setWordWrap(true);
  list_->setMinimumWidth(300);
  metric_ = new QComboBox;
  metric_->setObjectName(QStringLiteral("runMetric"));
  for (const char* key : {"loss", "validation_accuracy", "train_accuracy", "validation_loss", "test_accuracy", "accuracy",
                          "mlm_accuracy", "nsp_accuracy", "clm_accuracy", "mlm_loss", "clm_loss", "fewshot_accuracy", "lr", "tokens_per_s"})
    metric_->addItem(metric_label(QString::fromLatin1(key)), QString::fromLatin1(key));
  plot_ = new CurvePlot(tr("value"), QString());
  plot_->setObjectName(QStringLiteral("runsPlot"));
  summary_ = new QLabel(tr("Tick runs on the left to compare them."));
  summary_->setWordWrap(true);
  summary_->setTextFormat(Qt::RichText);
  summary_->setObjectName(QStringLiteral("runSummary"));

  continue_ = new QPushButton(tr("Continue the selected run"));
  continue_->setObjectName(QStringLiteral("continueRun"));
  continue_->setToolTip(tr("A pretraining, fine-tuning or distillation run stopped before its end goes on exactly "
                           "where it stopped, in its lab"));
  load_ = new QPushButton(tr("Load in the playground"));
  load_->setObjectName(QStringLiteral("loadRun"));
  load_->setToolTip(tr("Question the selected run's model: generation, its tokenizer, attention and [MASK] guesses"));
  delete_ = new QPushButton(tr("Delete…"));
  delete_->setObjectName(QStringLiteral("deleteRun"));
  delete_->setToolTip(tr("Delete the selected run with its checkpoint and log, after asking"));
  auto* pick = new QHBoxLayout;
  pick->addWidget(new QLabel(tr("Compare")));
  pick->addWidget(metric_);
  pick->addStretch(1);
  pick->addWidget(continue_);
  pick->addWidget(load_);
  pick->addWidget(delete_);
  auto* right = new QWidget;
  auto* right_layout = new QVBoxLayout(right);
  right_layout->addLayout(pick);
  right_layout->addWidget(plot_, 1);
  right_layout->addWidget(summary_);
  auto* split = new QSplitter;
  split->addWidget(list_);
  split->addWidget(right);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(split);

  // The comparison the learner set up last time comes back with the app.
  for (const QString& id : QSettings().value(QStringLiteral("runs/checked")).toStringList()) runs_->set_checked(id, true);
  metric_->setCurrentIndex(std::max(0, metric_->findData(QSettings().value(QStringLiteral("runs/metric")).toString())));
  connect(metric_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
    QSettings().setValue(QStringLiteral("runs/metric"), metric_->currentData());
    redraw();
  });
  connect(runs_, &RunStore::dataChanged, this, [this](const QModelIndex&, const QModelIndex&, const QList<int>& roles) {
    if (!roles.contains(Qt::CheckStateRole)) return;
    QStringList ids;
    for (const RunRecord* run : runs_->checked()) ids << run->id;
    QSettings().setValue(QStringLiteral("runs/checked"), ids);
  });
  connect(runs_, &RunStore::dataChanged, this, &RunsView::redraw);
  connect(runs_, &RunStore::dataChanged, this, &RunsView::update_buttons);
  connect(runs_, &RunStore::rowsRemoved, this, &RunsView::redraw);
  connect(runs_, &RunStore::rowsRemoved, this, &RunsView::update_buttons);
  connect(list_->selectionModel(), &QItemSelectionModel::currentChanged, this, &RunsView::update_buttons);
  connect(continue_, &QPushButton::clicked, this, [this] {
    if (const RunRecord* run = selected()) Q_EMIT continueRequested(run->id);
  });
  connect(load_, &QPushButton::clicked, this, [this] {
    if (const RunRecord* run = selected()) Q_EMIT loadRequested(run->checkpoint);
  });
  connect(delete_, &QPushButton::clicked, this, &RunsView::delete_selected);
  update_buttons();
  connect(runs_, &RunStore::modelReset, this, &RunsView::redraw);
  redraw();
}

const RunRecord* RunsView::selected() const {
  const int row = list_->currentIndex().row();
  return row >= 0 && row < runs_->runs().size() ? &runs_->runs()[row] : nullptr;
}

void RunsView::update_buttons() {
  const RunRecord* run = selected();
  continue_->setEnabled(run && QStringList{QStringLiteral("pretrain"), QStringLiteral("finetune"), QStringLiteral("distill")}
                                   .contains(run->kind) &&
                        (run->status == QLatin1String("stopped") || run->status == QLatin1String("interrupted")) &&
                        !run->checkpoint.isEmpty());
  load_->setEnabled(run && !run->checkpoint.isEmpty() && run->status != QLatin1String("running"));
  delete_->setEnabled(run && run->status != QLatin1String("running"));
}

void RunsView::delete_selected() {
  const RunRecord* run = selected();
  if (!run || run->status == QLatin1String("running")) return;
  const QString id = run->id;
  auto* ask = new QMessageBox(QMessageBox::Question, tr("Delete the run"),
                              tr("Delete “%1” with its checkpoint and log? This cannot be undone.").arg(run->name),
                              QMessageBox::Yes | QMessageBox::Cancel, this);
  ask->setObjectName(QStringLiteral("deleteRunQuestion"));
  ask->setAttribute(Qt::WA_DeleteOnClose);
  connect(ask, &QMessageBox::finished, this, [this, id](int answer) {
    if (answer != QMessageBox::Yes) return;
    if (const QString problem = runs_->remove(id); !problem.isEmpty())
      QMessageBox::warning(this, tr("Delete the run"), problem);
  });
  ask->open();
}

void RunsView::compare(const QStringList& ids, const QString& metric) {
  for (const RunRecord* run : runs_->checked()) runs_->set_checked(run->id, false);
  for (const QString& id : ids) runs_->set_checked(id, true);
  const int index = metric_->findData(metric);
  if (index >= 0) metric_->setCurrentIndex(index);
  redraw();
}

void RunsView::redraw() {
  const QString key = metric_->currentData().toString();
  plot_->clear_series();
  plot_->yAxis->setLabel(metric_label(key));
  // Few-shot runs are measured per number of demonstrations, not per training step.
  plot_->xAxis->setLabel(key == QLatin1String("fewshot_accuracy") ? tr("k (labelled examples in the prompt)") : tr("step"));
  QStringList rows;
  for (const RunRecord* run : runs_->checked()) {
    if (run->curves.contains(key)) plot_->set_series(run->name, run->curves.value(key));
    QString row = QStringLiteral("<tr><td>%1</td><td>%2</td>").arg(run->name.toHtmlEscaped(), RunStore::status_label(run->status));
    for (const char* final_key : {"test_accuracy", "train_accuracy", "loss"}) {
      // A run still going (a followed log) has no final figures yet: its latest point.
      const QString name = QString::fromLatin1(final_key);
      const auto value = run->final.value(name);
      const auto& curve = run->curves.value(name);
      const QString text = value.isDouble()    ? QString::number(value.toDouble(), 'f', 3)
                           : !curve.isEmpty() ? QString::number(curve.back().y(), 'f', 3)
                                              : QStringLiteral("–");
      row += QStringLiteral("<td align=right>%1</td>").arg(text);
    }
    const double parameters = run->config.value(QStringLiteral("parameters")).toDouble();
    rows << row + QStringLiteral("<td align=right>%1</td></tr>")
                      .arg(parameters > 0 ? QString::number(parameters, 'f', 0) : QStringLiteral("–"));
  }
  summary_->setText(rows.isEmpty() ? tr("Tick runs on the left to compare them.")
                                   : tr("<table cellspacing=6><tr><th>run</th><th>status</th><th>test acc.</th>"
                                        "<th>train acc.</th><th>last loss</th><th>parameters</th></tr>%1</table>")
                                         .arg(rows.join(QString())));
  plot_->refresh();
}

}  // namespace lmlab::app
