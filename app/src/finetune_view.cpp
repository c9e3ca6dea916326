#include "finetune_view.h"

#include "checkpoint_picker.h"
#include "curve_plot.h"
#include "error_dialog.h"
#include "form_widgets.h"
#include "freeze_panel.h"
#include "report_view.h"
#include "run_controls.h"
#include "run_store.h"
#include "session_bridge.h"

#include "lmlab/train/freeze_state.h"

#include "lmlab/session/finetune_request.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace lmlab::app {

namespace {

}  // namespace

FineTuneView::FineTuneView(RunStore* runs, QWidget* parent)
    : QWidget(parent), bridge_(new SessionBridge(this)), runs_(runs) {
  data_ = new DatasetPicker;
  data_->setObjectName(QStringLiteral("dataset"));
  from_ = new CheckpointPicker(runs_, {QStringLiteral("pretrain"), QStringLiteral("finetune"), QStringLiteral("import")});
  from_->setObjectName(QStringLiteral("fromCheckpoint"));
  scratch_ = new QCheckBox(tr("From scratch: same model, fresh weights (the baseline)"));
  epochs_ = new QSpinBox;
  epochs_->setRange(1, 100);
  epochs_->setValue(static_cast<int>(FinetuneRequest{}.epochs));
  max_steps_ = new QSpinBox;
  max_steps_->setRange(0, 1'000'000);
  max_steps_->setSpecialValueText(tr("all epochs"));
  max_steps_->setValue(0);
  lr_ = new QDoubleSpinBox;
  lr_->setDecimals(5);
  lr_->setRange(0, 0.01);
  lr_->setSingleStep(1e-4);
  lr_->setSpecialValueText(tr("auto (by model width)"));
  lr_->setToolTip(tr("auto: 1e-3 for a tiny model (width 128), 5e-4 for small (256), 5e-5 for BERT-base"));
  lr_->setValue(FinetuneRequest{}.lr);
  gradual_ = new QSpinBox;
  gradual_->setObjectName(QStringLiteral("gradualEvery"));
  gradual_->setRange(0, 100000);
  gradual_->setSpecialValueText(tr("off"));
  gradual_->setSuffix(tr(" steps"));
  layer_decay_ = new QDoubleSpinBox;
  layer_decay_->setRange(0.1, 1.0);
  layer_decay_->setSingleStep(0.05);
  layer_decay_->setValue(1.0);
  student_ = new QSpinBox;
  student_->setRange(0, 24);
  student_->setSpecialValueText(tr("off (fine-tune)"));
  student_->setSuffix(tr(" layers"));
  freeze_start_ = new QLineEdit;
  freeze_start_->setObjectName(QStringLiteral("freezeAtStart"));
  freeze_start_->setPlaceholderText(tr("nothing (e.g. embeddings,0 or all-but-head)"));
  train_limit_ = new QSpinBox;
  train_limit_->setObjectName(QStringLiteral("trainLimit"));
  train_limit_->setRange(0, 1'000'000);
  train_limit_->setSingleStep(100);
  train_limit_->setSpecialValueText(tr("all"));

  // What is learned from what on the left, how it is trained on the right.
  auto* what = new QFormLayout;
  what->addRow(tr("Data"), data_);
  what->addRow(tr("Start from"), from_);
  what->addRow(QString(), scratch_);
  what->addRow(tr("Labelled examples"), train_limit_);
  what->addRow(tr("Frozen at start"), freeze_start_);
  what->addRow(tr("Distil into a student with"), student_);
  auto* how = new QFormLayout;
  how->addRow(tr("Epochs"), epochs_);
  how->addRow(tr("Stop after"), max_steps_);
  how->addRow(tr("Learning rate"), lr_);
  how->addRow(tr("Gradual unfreezing every"), gradual_);
  how->addRow(tr("Layer learning-rate decay"), layer_decay_);
  device_ = make_device_combo();
  how->addRow(tr("Device"), device_);
  auto* columns = new QHBoxLayout;
  columns->addLayout(what, 3);
  columns->addSpacing(16);
  columns->addLayout(how, 2);
  auto* settings = new QGroupBox(tr("Experiment"));
  settings->setLayout(columns);

  controls_ = new RunControls(bridge_);
  baseline_ = new QPushButton(tr("Count words (baseline)"));
  baseline_->setObjectName(QStringLiteral("baselineButton"));
  baseline_->setToolTip(tr("Naive Bayes and logistic regression on bags of words: what a model reaches without "
                           "any understanding, on the same training and test rows"));
  status_ = new QLabel(tr("Choose a checkpoint (pretrain one in the Pretraining lab), then Start."));
  status_->setObjectName(QStringLiteral("finetuneStatus"));
  status_->setWordWrap(true);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(controls_);
  buttons->addWidget(baseline_);
  buttons->addWidget(status_, 1);

  plot_ = new CurvePlot(tr("loss"), tr("accuracy"));
  plot_->setObjectName(QStringLiteral("finetunePlot"));
  result_ = new QLabel;
  result_->setObjectName(QStringLiteral("finetuneResult"));
  result_->setWordWrap(true);
  freeze_ = new FreezePanel;
  freeze_->setObjectName(QStringLiteral("freezePanel"));
  report_ = new ReportView;
  report_->setObjectName(QStringLiteral("report"));
  report_->setMinimumWidth(300);

  auto* left = new QVBoxLayout;
  left->addWidget(settings);
  left->addLayout(buttons);
  left->addWidget(plot_, 1);
  left->addWidget(result_);
  auto* right = new QVBoxLayout;
  right->addWidget(freeze_);
  right->addWidget(report_, 1);
  auto* layout = new QHBoxLayout(this);
  layout->addLayout(left, 1);
  layout->addLayout(right);

  connect(controls_, &RunControls::startClicked, this, &FineTuneView::start);
  connect(baseline_, &QPushButton::clicked, this, &FineTuneView::run_baseline);
  connect(freeze_, &FreezePanel::freezeRequested, bridge_, &SessionBridge::set_freeze);
  connect(lr_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this](double lr) {
    if (lr > 0) bridge_->set_learning_rate(lr);  // "auto" keeps the run's own rate
  });
  connect(bridge_, &SessionBridge::started, this, [this](const SessionInfo& info) {
    status_->setText(tr("Training: %1").arg(QString::fromStdString(info.description)));
    freeze_->set_model(info.layers);
    freeze_->set_gradual(gradual_->value());
    freeze_->set_interactive(true);
    labels_ = info.labels;
    if (runs_) runs_->set_info(run_id_, info);
  });
  connect(bridge_, &SessionBridge::stepsArrived, this, &FineTuneView::add_steps);
  connect(bridge_, &SessionBridge::failed, this, [this](const QString& message) {
    set_running(false);
    status_->setText(tr("Stopped by an error."));
    finish_run(QStringLiteral("failed"), message);
    open_error_dialog(this, tr("Fine-tuning failed"), message, QStringLiteral("trainingError"));
  });
  connect(bridge_, &SessionBridge::finished, this, [this](qint64 steps, bool stopped) {
    set_running(false);
    status_->setText((stopped ? tr("Stopped after %1 steps.") : tr("Done: %1 steps.")).arg(steps));
    finish_run(stopped ? QStringLiteral("stopped") : QStringLiteral("done"));
  });
  set_running(false);
}

void FineTuneView::set_from(const QString& dir) { from_->choose(dir); }
bool FineTuneView::set_task(const QString& task) { return data_->select(task); }

void FineTuneView::set_from_scratch(bool scratch) { scratch_->setChecked(scratch); }
void FineTuneView::set_max_steps(int steps) { max_steps_->setValue(steps); }
void FineTuneView::set_gradual(int every) { gradual_->setValue(every); }
void FineTuneView::set_student_layers(int layers) { student_->setValue(layers); }

QString FineTuneView::apply_preset(const QJsonObject& preset) {
  // The form is reset first, so a lesson's runs do not inherit the previous lesson's choices.
  scratch_->setChecked(false);
  epochs_->setValue(static_cast<int>(FinetuneRequest{}.epochs));
  lr_->setValue(FinetuneRequest{}.lr);
  gradual_->setValue(0);
  layer_decay_->setValue(1.0);
  student_->setValue(0);
  freeze_start_->clear();
  train_limit_->setValue(0);
  max_steps_->setValue(0);
  soft_weight_ = hard_weight_ = 0.5;
  run_name_.clear(), tag_.clear();
  const auto number = [](const QJsonValue& v, double low, double high) {
    return v.isDouble() && v.toDouble() >= low && v.toDouble() <= high;
  };
  for (auto it = preset.begin(); it != preset.end(); ++it) {
    const QString key = it.key();
    const QJsonValue v = it.value();
    if (key == QLatin1String("task")) {
      if (!set_task(v.toString())) return tr("unknown task '%1' (news or nli)").arg(v.toString());
    } else if (key == QLatin1String("from")) {
      set_from(v.toString());
    } else if (key == QLatin1String("scratch")) {
      scratch_->setChecked(v.toBool());
    } else if (key == QLatin1String("epochs") && number(v, 1, 100)) {
      epochs_->setValue(v.toInt());
    } else if (key == QLatin1String("max_steps") && number(v, 0, 1e6)) {
      max_steps_->setValue(v.toInt());
    } else if (key == QLatin1String("lr") && number(v, 0, 0.01)) {
      lr_->setValue(v.toDouble());
    } else if (key == QLatin1String("gradual") && number(v, 0, 1e5)) {
      gradual_->setValue(v.toInt());
    } else if (key == QLatin1String("layer_decay") && number(v, 0.1, 1)) {
      layer_decay_->setValue(v.toDouble());
    } else if (key == QLatin1String("student_layers") && number(v, 0, 24)) {
      student_->setValue(v.toInt());
    } else if (key == QLatin1String("freeze")) {
      try {
        (void)FreezeState::parse(v.toString().toStdString(), 64);  // the syntax; layer numbers are checked at start
      } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
      }
      freeze_start_->setText(v.toString());
    } else if (key == QLatin1String("train_limit") && number(v, 0, 1e6)) {
      train_limit_->setValue(v.toInt());
    } else if (key == QLatin1String("soft_weight") && number(v, 0, 100)) {
      soft_weight_ = v.toDouble();
    } else if (key == QLatin1String("hard_weight") && number(v, 0, 100)) {
      hard_weight_ = v.toDouble();
    } else if (key == QLatin1String("name")) {
      run_name_ = v.toString();
    } else if (key == QLatin1String("tag")) {
      tag_ = v.toString();
    } else {
      return tr("unknown or out-of-range fine-tuning setting '%1'").arg(key);
    }
  }
  return {};
}

void FineTuneView::set_running(bool running) {
  // The learning rate stays editable: while a run trains, a change applies at the next step.
  for (QWidget* w : std::initializer_list<QWidget*>{data_, baseline_, from_, scratch_, epochs_, max_steps_, gradual_,
                                                    layer_decay_, student_, device_, freeze_start_, train_limit_})
    w->setEnabled(!running);
  controls_->set_running(running);
  freeze_->set_interactive(running);
}

void FineTuneView::start() {
  if (bridge_->busy()) return;
  const QString from = from_->checkpoint();
  if (from.isEmpty()) {
    open_error_dialog(this, tr("No checkpoint"),
                      tr("Fine-tuning starts from a checkpoint: pretrain a model in the Pretraining lab, "
                         "or choose a checkpoint folder."),
                      QStringLiteral("noCheckpoint"));
    return;
  }
  const auto data = data_->choice();
  if (!data.usable) {
    open_error_dialog(this, tr("No usable data"), data_->preview()->text(), QStringLiteral("noData"));
    return;
  }
  const QString task = data.name;
  FinetuneRequest request = data_request(data);
  request.from = from.toStdString();
  request.from_scratch = scratch_->isChecked() && student_->value() == 0;
  request.student_layers = student_->value();
  request.epochs = epochs_->value();
  request.max_steps = max_steps_->value();
  request.lr = lr_->value();
  request.gradual_unfreeze_every = gradual_->value();
  request.layer_lr_decay = layer_decay_->value();
  request.freeze = freeze_start_->text().trimmed().toStdString();
  request.soft_weight = soft_weight_;
  request.hard_weight = hard_weight_;
  request.train_probe_size = 500;
  request.eval_every = 25;
  request.device = device_->currentData().toString().toStdString();
  SessionOptions options;
  if (runs_) {
    QString name = request.student_layers > 0 ? tr("distil %1 into %2 layers").arg(task).arg(request.student_layers)
                   : request.from_scratch   ? tr("%1 from scratch").arg(task)
                                            : tr("%1 fine-tune").arg(task);
    if (request.gradual_unfreeze_every > 0) name += tr(", gradual unfreezing every %1").arg(request.gradual_unfreeze_every);
    if (!request.freeze.empty()) name += tr(", frozen: %1").arg(freeze_start_->text().trimmed());
    if (!run_name_.isEmpty()) name = run_name_;
    QJsonObject config{{QStringLiteral("task"), data.id},
                             {QStringLiteral("train"), data.train},
                             {QStringLiteral("test"), data.test},
                             {QStringLiteral("from"), from},
                             {QStringLiteral("from_scratch"), request.from_scratch},
                             {QStringLiteral("student_layers"), request.student_layers},
                             {QStringLiteral("epochs"), epochs_->value()},
                             {QStringLiteral("max_steps"), max_steps_->value()},
                             {QStringLiteral("lr"), lr_->value()},
                             {QStringLiteral("gradual_unfreeze_every"), gradual_->value()},
                             {QStringLiteral("layer_lr_decay"), layer_decay_->value()},
                             {QStringLiteral("freeze"), freeze_start_->text().trimmed()},
                             {QStringLiteral("train_limit"), train_limit_->value()}};
    if (!tag_.isEmpty()) config.insert(QStringLiteral("tag"), tag_);
    run_id_ = runs_->begin(request.student_layers > 0 ? QStringLiteral("distill") : QStringLiteral("finetune"), name, config);
    options.checkpoint_dir = runs_->checkpoint_dir(run_id_).toStdString();
  }
  run_name_.clear(), tag_.clear();  // a preset names and tags one run only
  plot_->clear_series();
  result_->clear();
  report_->clear();
  set_running(true);
  controls_->set_preparing();
  status_->setText(tr("Reading the data and loading the checkpoint…"));
  bridge_->start([request] { return make_finetune_job(request); }, options);
}

void FineTuneView::add_steps(const std::vector<SessionStep>& steps) {
  for (const auto& s : steps) {
    const double x = static_cast<double>(s.step);
    plot_->add_point(tr("train loss (batch)"), x, s.loss);
    // Validation every epoch; the test set once, at the end (a single point on the same axes).
    for (const char* key : {"train_accuracy", "validation_accuracy", "test_accuracy"})
      if (s.metrics.count(key)) plot_->add_point(QString::fromLatin1(key), x, s.metrics.at(key), CurvePlot::Axis::Right);
    if (s.metrics.count("validation_loss"))
      plot_->add_point(QStringLiteral("validation_loss"), x, s.metrics.at("validation_loss"));
    freeze_->show_step(s);
    if (s.test_report) report_->show_report(*s.test_report, labels_, s.step);
  }
  plot_->refresh();
  if (runs_) runs_->add_steps(run_id_, steps);
  const auto& last = steps.back();
  QString text = tr("step %1 · loss %2 · frozen: %3").arg(last.step).arg(last.loss, 0, 'f', 3).arg(QString::fromStdString(last.frozen));
  status_->setText(text);
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    const auto& m = it->metrics;
    if (m.count("test_accuracy")) {
      QString text = tr("Test accuracy <b>%1%</b> (scored once, after training)").arg(100 * m.at("test_accuracy"), 0, 'f', 1);
      if (m.count("best_validation_accuracy"))
        text += tr(" · best validation accuracy %1%").arg(100 * m.at("best_validation_accuracy"), 0, 'f', 1);
      if (m.count("stopped_early_at") && m.count("best_validation_step"))
        text += QStringLiteral("<br>") +
                tr("Stopped early at step %1: validation stopped improving, so the model keeps the weights of step %2.")
                    .arg(static_cast<qint64>(m.at("stopped_early_at")))
                    .arg(static_cast<qint64>(m.at("best_validation_step")));
      result_->setText(text);
      break;
    }
    if (m.count("validation_accuracy") && m.count("train_accuracy")) {
      result_->setText(tr("At step %1: train accuracy %2%, validation accuracy <b>%3%</b>")
                           .arg(it->step)
                           .arg(100 * m.at("train_accuracy"), 0, 'f', 1)
                           .arg(100 * m.at("validation_accuracy"), 0, 'f', 1));
      break;
    }
  }
}

FinetuneRequest FineTuneView::data_request(const DatasetPicker::Choice& data) const {
  FinetuneRequest request;
  request.task = data.pairs ? "pair" : "classify";
  request.train = data.train.toStdString();
  request.test = data.test.toStdString();
  request.max_train_examples = static_cast<size_t>(train_limit_->value());
  return request;
}

void FineTuneView::run_baseline() {
  const auto data = data_->choice();
  if (!data.usable) {
    open_error_dialog(this, tr("No usable data"), data_->preview()->text(), QStringLiteral("noData"));
    return;
  }
  // The same training rows and test set a fine-tuning run of this form would use.
  const FinetuneRequest request = data_request(data);
  baseline_->setEnabled(false);
  status_->setText(tr("Counting words…"));
  QPointer<FineTuneView> self(this);
  baseline_worker_ = std::async(std::launch::async, [self, request, data] {
    QString error;
    std::vector<BaselineResult> results;
    try {
      const auto sets = read_task_data(request);
      results = run_bag_of_words_baselines(sets.train, sets.test);
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    }
    QMetaObject::invokeMethod(self, [self, data, results, error] {
      if (self) self->show_baseline(data, results, error);
    }, Qt::QueuedConnection);
  });
}

void FineTuneView::show_baseline(const DatasetPicker::Choice& data, const std::vector<BaselineResult>& results,
                                 const QString& error) {
  baseline_->setEnabled(!bridge_->busy());
  if (!error.isEmpty()) {
    status_->setText(tr("The baseline failed."));
    open_error_dialog(this, tr("Baseline failed"), error, QStringLiteral("baselineError"));
    return;
  }
  QStringList parts;
  for (const auto& r : results) {
    const QString model = r.model == "naive-bayes" ? tr("naive Bayes") : tr("logistic regression");
    parts << tr("%1 %2%").arg(model).arg(100 * r.test.accuracy, 0, 'f', 1);
    if (!runs_) continue;
    const QString id = runs_->begin(QStringLiteral("baseline"), tr("bag of words: %1 on %2").arg(model, data.name),
                                    {{QStringLiteral("task"), data.id}, {QStringLiteral("train"), data.train},
                                     {QStringLiteral("test"), data.test}, {QStringLiteral("model"), QString::fromStdString(r.model)},
                                     {QStringLiteral("train_limit"), train_limit_->value()}});
    SessionStep step;
    step.metrics = {{"train_accuracy", r.train.accuracy}, {"test_accuracy", r.test.accuracy}, {"test_loss", r.test.loss}};
    runs_->add_steps(id, {step});
    runs_->finish(id, QStringLiteral("done"));
  }
  status_->setText(tr("Baseline done."));
  result_->setText(tr("Counting words alone (bag of words) reaches %1 on the test set. A transformer that does not "
                      "beat this has learned nothing that word counts do not already know.")
                       .arg(parts.join(tr(", "))));
}

void FineTuneView::finish_run(const QString& status, const QString& error) {
  if (!runs_ || run_id_.isEmpty()) return;
  const QString problem = runs_->finish(run_id_, status, error);
  if (!problem.isEmpty()) status_->setText(problem);
  Q_EMIT runFinished(run_id_);
}

}  // namespace lmlab::app
