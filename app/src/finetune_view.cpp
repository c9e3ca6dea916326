#include "finetune_view.h"

#include "background_task.h"
#include "checkpoint_picker.h"
#include "curve_plot.h"
#include "error_dialog.h"
#include "error_text.h"
#include "form_widgets.h"
#include "freeze_panel.h"
#include "metric_names.h"
#include "part_changes_view.h"
#include "projection_view.h"
#include "recorded_run.h"
#include "report_view.h"
#include "run_controls.h"
#include "run_store.h"
#include "session_bridge.h"
#include "setting_fields.h"

#include "lmlab/train/freeze_state.h"

#include "lmlab/session/finetune_request.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace lmlab::app {

namespace {

}  // namespace

FineTuneView::FineTuneView(RunStore* runs, QWidget* parent)
    : QWidget(parent), bridge_(new SessionBridge(this)), runs_(runs), record_(new RecordedRun(bridge_, runs, this)),
      baseline_task_(new BackgroundTask(this)) {
  data_ = new DatasetPicker;
  data_->setObjectName(QStringLiteral("dataset"));
  from_ = new CheckpointPicker(runs_, {QStringLiteral("pretrain"), QStringLiteral("finetune"), QStringLiteral("import")});
  from_->setObjectName(QStringLiteral("fromCheckpoint"));
  fields_ = new SettingFields(this);
  const auto& settings = finetune_description();
  student_ = new QSpinBox;
  student_->setObjectName(QStringLiteral("studentLayers"));
  const auto& student = distill_description().setting("student_layers");
  student_->setRange(0, static_cast<int>(std::min(student.max, 24.0)));
  student_->setSpecialValueText(tr("off (fine-tune)"));
  student_->setSuffix(tr(" layers"));
  student_->setToolTip(QString::fromStdString(student.help));

  // What is learned from what on the left, how it is trained on the right.
  auto* what = new QFormLayout;
  what->addRow(tr("Data"), data_);
  what->addRow(tr("Start from"), from_);
  fields_->add(what, settings.setting("from_scratch"), {tr("From scratch: same model, fresh weights (the baseline)")});
  FieldLook limit{tr("Labelled examples"), tr("all")};
  limit.step = 100;
  fields_->add(what, settings.setting("train_limit"), limit);
  FieldLook freeze{tr("Frozen at start"), tr("nothing (e.g. embeddings,0 or all-but-head)")};
  fields_->add(what, settings.setting("freeze"), freeze)->setObjectName(QStringLiteral("freezeAtStart"));
  what->addRow(tr("Distil into a student with"), student_);
  auto* how = new QFormLayout;
  fields_->add(how, settings.setting("epochs"), {tr("Epochs")});
  fields_->add(how, settings.setting("max_steps"), {tr("Stop after"), tr("all epochs"), tr(" steps")});
  FieldLook lr{tr("Learning rate"), tr("auto (by model width)")};
  lr.decimals = 5, lr.step = 1e-4, lr.max = 0.01;
  lr.tooltip = tr("auto: 1e-3 for a tiny model (width 128), 5e-4 for small (256), 5e-5 for BERT-base");
  fields_->add(how, settings.setting("lr"), lr);
  fields_->add(how, settings.setting("eval_every"), {tr("Validate every"), tr("epoch"), tr(" steps")});
  fields_->add(how, settings.setting("gradual_unfreeze"), {tr("Gradual unfreezing every"), tr("off"), tr(" steps")})
      ->setObjectName(QStringLiteral("gradualEvery"));
  FieldLook decay{tr("Layer learning-rate decay")};
  decay.step = 0.05, decay.max = 1.0;
  fields_->add(how, settings.setting("layer_lr_decay"), decay);
  fields_->add(how, settings.setting("device"), device_look());
  auto* columns = new QHBoxLayout;
  columns->addLayout(what, 3);
  columns->addSpacing(16);
  columns->addLayout(how, 2);
  auto* settings_box = new QGroupBox(tr("Experiment"));
  settings_box->setLayout(columns);

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
  changes_ = new PartChangesView;
  changes_->setObjectName(QStringLiteral("partChanges"));
  inside_ = new QTabWidget;
  inside_->setObjectName(QStringLiteral("finetuneInside"));
  inside_->setDocumentMode(true);
  inside_->addTab(changes_, tr("What changes"));
  projection_ = new ProjectionView;
  projection_->setObjectName(QStringLiteral("projection"));
  inside_->addTab(projection_, tr("Clusters"));
  inside_->addTab(report_, tr("Test report"));

  auto* left = new QVBoxLayout;
  left->addWidget(settings_box);
  left->addLayout(buttons);
  left->addWidget(plot_, 1);
  left->addWidget(result_);
  auto* right = new QVBoxLayout;
  right->addWidget(freeze_);
  right->addWidget(inside_, 1);
  auto* layout = new QHBoxLayout(this);
  layout->addLayout(left, 1);
  layout->addLayout(right);

  connect(controls_, &RunControls::startClicked, this, &FineTuneView::start);
  connect(baseline_, &QPushButton::clicked, this, &FineTuneView::run_baseline);
  connect(freeze_, &FreezePanel::freezeRequested, bridge_, &SessionBridge::set_freeze);
  connect(fields_, &SettingFields::edited, this, [this](const QString& key) {
    // While a run trains, a new learning rate applies at its next step; "auto" keeps the run's own.
    const double lr = fields_->value("lr").get<double>();
    if (key == QLatin1String("lr") && lr > 0) bridge_->set_learning_rate(lr);
  });
  connect(bridge_, &SessionBridge::started, this, [this](const SessionInfo& info) {
    status_->setText(tr("Training: %1").arg(QString::fromStdString(info.description)));
    freeze_->set_model(info.layers);
    freeze_->set_gradual(fields_->value("gradual_unfreeze").get<int64_t>());
    freeze_->set_interactive(true);
    labels_ = info.labels;
    projection_->set_labels(info.labels);
  });
  connect(bridge_, &SessionBridge::stepsArrived, this, &FineTuneView::add_steps);
  connect(bridge_, &SessionBridge::snapshotArrived, changes_, &PartChangesView::show_snapshot);
  connect(bridge_, &SessionBridge::snapshotArrived, projection_, &ProjectionView::show_snapshot);
  connect(bridge_, &SessionBridge::failed, this, [this](const QString& message) {
    set_running(false);
    status_->setText(tr("Stopped by an error."));
    open_error_dialog(this, tr("Fine-tuning failed"), message, QStringLiteral("trainingError"));
  });
  connect(bridge_, &SessionBridge::finished, this, [this](qint64 steps, bool stopped) {
    set_running(false);
    status_->setText((stopped ? tr("Stopped after %1 steps.") : tr("Done: %1 steps.")).arg(steps));
  });
  connect(record_, &RecordedRun::ended, this, [this](const QString& id, const QString& error) {
    if (!error.isEmpty()) status_->setText(error);
    Q_EMIT runFinished(id, error);
  });
  set_running(false);
}

void FineTuneView::set_from(const QString& dir) { from_->choose(dir); }
bool FineTuneView::set_task(const QString& task) { return data_->select(task); }

void FineTuneView::set_from_scratch(bool scratch) { fields_->show_value("from_scratch", scratch); }
void FineTuneView::set_max_steps(int steps) { fields_->show_value("max_steps", steps); }
void FineTuneView::set_gradual(int every) { fields_->show_value("gradual_unfreeze", every); }
void FineTuneView::set_student_layers(int layers) { student_->setValue(layers); }

QString FineTuneView::apply_preset(const QJsonObject& preset) {
  // Applied to a fresh request, so a lesson's runs do not inherit the previous lesson's choices.
  FinetuneRequest request;
  run_name_.clear(), tag_.clear();
  for (auto it = preset.begin(); it != preset.end(); ++it) {
    const QString key = it.key();
    const QJsonValue v = it.value();
    if (key == QLatin1String("dataset")) {
      if (!set_task(v.toString())) return tr("unknown dataset '%1' (news or nli)").arg(v.toString());
    } else if (key == QLatin1String("from")) {
      set_from(v.toString());
    } else if (key == QLatin1String("name")) {
      run_name_ = v.toString();
    } else if (key == QLatin1String("tag")) {
      tag_ = v.toString();
    } else {
      // Every other key is a request setting, checked by its description.
      const auto& description =
          finetune_description().find(key.toStdString()) ? finetune_description() : distill_description();
      if (const QString problem = set_setting(description, request, key, v); !problem.isEmpty()) return problem;
    }
  }
  if (!request.freeze.empty()) {
    try {
      (void)FreezeState::parse(request.freeze, 64);  // the syntax; layer numbers are checked at start
    } catch (const std::exception& e) {
      return error_text(e);
    }
  }
  preset_ = request;
  fields_->show_values(finetune_description().values(request));
  student_->setValue(static_cast<int>(request.student_layers));
  return {};
}

void FineTuneView::set_running(bool running) {
  // The learning rate stays editable: while a run trains, a change applies at the next step.
  for (QWidget* w : std::initializer_list<QWidget*>{data_, baseline_, from_, student_}) w->setEnabled(!running);
  fields_->set_enabled(!running);
  fields_->widget("lr")->setEnabled(true);
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
  request.student_layers = student_->value();
  if (request.student_layers > 0) request.from_scratch = false;  // a student starts from its teacher
  QString name = request.student_layers > 0 ? tr("distil %1 into %2 layers").arg(task).arg(request.student_layers)
                 : request.from_scratch   ? tr("%1 from scratch").arg(task)
                                          : tr("%1 fine-tune").arg(task);
  if (request.gradual_unfreeze_every > 0) name += tr(", gradual unfreezing every %1").arg(request.gradual_unfreeze_every);
  if (!request.freeze.empty()) name += tr(", frozen: %1").arg(QString::fromStdString(request.freeze));
  if (!run_name_.isEmpty()) name = run_name_;
  start_request(request, name, data.id);
}

const QString& FineTuneView::run_id() const { return record_->id(); }

QString FineTuneView::continue_run(const QString& run_id) {
  if (bridge_->busy()) return tr("The fine-tuning lab is busy: stop its run first.");
  const RunRecord* run = runs_ ? runs_->find(run_id) : nullptr;
  if (!run || (run->kind != QLatin1String("finetune") && run->kind != QLatin1String("distill")))
    return tr("Only a fine-tuning or distillation run can be continued.");
  const auto& description = run->kind == QLatin1String("distill") ? distill_description() : finetune_description();
  FinetuneRequest request;
  if (const QString problem = continuing_request(*run, description, request); !problem.isEmpty()) return problem;
  tag_ = run->config.value(QStringLiteral("tag")).toString();  // a lesson still finds the run
  start_request(request, tr("%1 (continued)").arg(run->name), run->config.value(QStringLiteral("dataset")).toString());
  return {};
}

void FineTuneView::start_request(const FinetuneRequest& request, const QString& name, const QString& dataset_id) {
  // run.json's config: every setting of the request by its key, as the CLI's --config takes them.
  QJsonObject config = qt_json_of(description_of(request).values(request));
  config.insert(QStringLiteral("dataset"), dataset_id);
  if (!tag_.isEmpty()) config.insert(QStringLiteral("tag"), tag_);
  run_name_.clear(), tag_.clear();  // a preset names and tags one run only
  plot_->clear_series();
  trained_ms_ = 0;
  result_->clear();
  report_->clear();
  changes_->clear();
  inside_->setCurrentWidget(changes_);
  set_running(true);
  controls_->set_preparing();
  status_->setText(tr("Reading the data and loading the checkpoint…"));
  record_->start(request.student_layers > 0 ? QStringLiteral("distill") : QStringLiteral("finetune"), name, config,
                 [request] { return make_finetune_job(request); });
}

void FineTuneView::add_steps(const std::vector<SessionStep>& steps) {
  for (const auto& s : steps) {
    const double x = static_cast<double>(s.step);
    trained_ms_ += s.ms;
    plot_->note_time(x, trained_ms_ / 1000);
    plot_->add_point(metric_label(QStringLiteral("train_loss_batch")), x, s.loss);
    // Validation every epoch; the test set once, at the end (a single point on the same axes).
    for (const char* key : {"train_accuracy", "validation_accuracy", "test_accuracy"})
      if (s.evaluation.count(key))
        plot_->add_point(metric_label(QString::fromLatin1(key)), x, s.evaluation.at(key), CurvePlot::Axis::Right);
    if (s.evaluation.count("validation_loss"))
      plot_->add_point(metric_label(QStringLiteral("validation_loss")), x, s.evaluation.at("validation_loss"));
    // Forgetting: the pretraining head's score on held-out text, from the pretrained model's
    // (at step 0) on, beside the task's accuracy.
    const QString kept = metric_label(QStringLiteral("masked_lm_accuracy"));
    if (s.evaluation.count("masked_lm_accuracy_at_start"))
      plot_->add_point(kept, 0, s.evaluation.at("masked_lm_accuracy_at_start"), CurvePlot::Axis::Right);
    if (s.evaluation.count("masked_lm_accuracy"))
      plot_->add_point(kept, x, s.evaluation.at("masked_lm_accuracy"), CurvePlot::Axis::Right);
    freeze_->show_step(s);
    if (s.test_report) {
      report_->show_report(*s.test_report, labels_, s.step);
      inside_->setCurrentWidget(report_);  // the run's verdict, once it is in
    }
  }
  plot_->refresh();
  const auto& last = steps.back();
  // The core spells "nothing frozen" as "none"; the learner reads it in the UI language.
  const QString frozen = last.frozen == "none" ? tr("nothing") : QString::fromStdString(last.frozen);
  QString text = tr("step %1 · loss %2 · frozen: %3").arg(last.step).arg(last.loss, 0, 'f', 3).arg(frozen);
  status_->setText(text);
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    const auto& m = it->evaluation;
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
  FinetuneRequest request = preset_;
  fields_->write_to(finetune_description(), request);  // the form's values are within their settings' ranges
  request.task = data.pairs ? "pair" : "classify";
  request.train = data.train.toStdString();
  request.test = data.test.toStdString();
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
  baseline_task_->start([this, request, data](const TaskControl&) -> BackgroundTask::Reply {
    QString error;
    std::vector<BaselineResult> results;
    try {
      const auto sets = read_task_data(request);
      results = run_bag_of_words_baselines(sets.train, sets.test);
    } catch (const std::exception& e) {
      error = error_text(e);
    }
    return [this, data, results, error] { show_baseline(data, results, error); };
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
                                     {QStringLiteral("train_limit"), fields_->value("train_limit").get<int>()}});
    SessionStep step;
    step.evaluation = {{"train_accuracy", r.train.accuracy}, {"test_accuracy", r.test.accuracy}, {"test_loss", r.test.loss}};
    runs_->add_steps(id, {step});
    runs_->finish(id, QStringLiteral("done"));
  }
  status_->setText(tr("Baseline done."));
  result_->setText(tr("Counting words alone (bag of words) reaches %1 on the test set. A transformer that does not "
                      "beat this has learned nothing that word counts do not already know.")
                       .arg(parts.join(tr(", "))));
}

}  // namespace lmlab::app
