#include "fewshot_panel.h"

#include "curve_plot.h"
#include "dataset_picker.h"
#include "error_dialog.h"
#include "error_text.h"
#include "metric_names.h"
#include "recorded_run.h"
#include "run_controls.h"
#include "setting_fields.h"

#include "lmlab/session/fewshot_request.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QVBoxLayout>

namespace lmlab::app {

FewShotPanel::FewShotPanel(RunStore* runs, QWidget* parent)
    : QWidget(parent), bridge_(new SessionBridge(this)), record_(new RecordedRun(bridge_, runs, this)) {
  data_ = new DatasetPicker;
  fields_ = new SettingFields(this);
  auto* form = new QFormLayout;
  FieldLook k{tr("Examples in the prompt (k)")};
  k.tooltip = tr("Comma-separated: one score for each number of solved examples shown before the question");
  fields_->add(form, fewshot_description().setting("k"), k);
  FieldLook questions{tr("Questions per k")};
  questions.max = 5000;
  fields_->add(form, fewshot_description().setting("max_test"), questions);
  fields_->add(form, fewshot_description().setting("seed"), FieldLook{tr("Seed")});
  controls_ = new RunControls(bridge_);
  status_ = new QLabel;
  status_->setWordWrap(true);
  status_->setObjectName(QStringLiteral("fewshotStatus"));
  result_ = new QLabel;
  result_->setWordWrap(true);
  result_->setTextFormat(Qt::RichText);
  result_->setObjectName(QStringLiteral("fewshotResult"));
  // Accuracies on the rate axis, which always shows all of [0, 1].
  plot_ = new CurvePlot(QString(), tr("accuracy"));
  plot_->setObjectName(QStringLiteral("fewshotPlot"));
  plot_->yAxis->setVisible(false);
  plot_->xAxis->setLabel(tr("k (solved examples in the prompt)"));

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(data_);
  layout->addLayout(form);
  layout->addWidget(controls_);
  layout->addWidget(status_);
  layout->addWidget(plot_, 1);
  layout->addWidget(result_);

  connect(controls_, &RunControls::startClicked, this, &FewShotPanel::start);
  connect(data_, &DatasetPicker::changed, this, &FewShotPanel::update_enabled);
  connect(bridge_, &SessionBridge::started, this, [this](const SessionInfo& info) {
    status_->setText(tr("Scoring: %1").arg(QString::fromStdString(info.description)));
  });
  connect(bridge_, &SessionBridge::stepsArrived, this, [this](const std::vector<SessionStep>& steps) {
    for (const auto& s : steps) {
      const double k = static_cast<double>(s.step);
      plot_->add_point(metric_label(QStringLiteral("fewshot_accuracy")), k, s.evaluation.at("fewshot_accuracy"), CurvePlot::Axis::Right);
      plot_->add_point(tr("chance"), k, s.evaluation.at("chance"), CurvePlot::Axis::Right);
      status_->setText(tr("k = %1: %2% of %3 questions right (chance %4%)")
                           .arg(s.step)
                           .arg(100 * s.evaluation.at("fewshot_accuracy"), 0, 'f', 1)
                           .arg(static_cast<qint64>(s.evaluation.at("examples")))
                           .arg(100 * s.evaluation.at("chance"), 0, 'f', 1));
    }
    plot_->refresh();
  });
  const auto stopped_running = [this] {
    running_ = false;
    controls_->set_running(false);
    update_enabled();
  };
  connect(bridge_, &SessionBridge::failed, this, [this, stopped_running](const QString& message) {
    stopped_running();
    status_->setText(tr("Stopped by an error."));
    open_error_dialog(this, tr("Few-shot scoring failed"), message, QStringLiteral("fewshotError"));
  });
  connect(bridge_, &SessionBridge::finished, this, [this, stopped_running](qint64, bool stopped) {
    stopped_running();
    if (stopped) status_->setText(tr("Stopped."));
    else
      result_->setText(tr("Compare the points with the chance line: a tiny GPT trained for minutes rarely "
                          "learns from examples in its prompt; that ability grows with model and data size."));
  });
  connect(record_, &RecordedRun::ended, this, &FewShotPanel::runFinished);
  update_enabled();
  explain();
}

const QString& FewShotPanel::run_id() const { return record_->id(); }

void FewShotPanel::set_model(const QString& checkpoint, const QString& arch) {
  checkpoint_ = checkpoint;
  arch_ = arch;
  update_enabled();
  if (!running_) explain();
}

void FewShotPanel::update_enabled() {
  const bool gpt = !checkpoint_.isEmpty() && arch_ == QLatin1String("gpt");
  controls_->setEnabled(running_ || (gpt && data_->choice().usable));
}

void FewShotPanel::explain() {
  const bool gpt = arch_ == QLatin1String("gpt");
  if (checkpoint_.isEmpty()) status_->setText(tr("Load a GPT model above, pick the data and press Start."));
  else if (!gpt)
    status_->setText(tr("Few-shot prompting needs a GPT: a BERT does not continue a prompt. Load a GPT model above."));
  else
    status_->setText(tr("Start asks the loaded GPT each test question after k solved examples from the training "
                        "file, for every k, and scores the label it finds most likely; nothing is trained."));
}

void FewShotPanel::start() {
  if (bridge_->busy()) return;
  const auto data = data_->choice();
  if (checkpoint_.isEmpty() || arch_ != QLatin1String("gpt") || !data.usable) return;
  if (data.test.isEmpty()) {
    open_error_dialog(this, tr("No test file"),
                      tr("Few-shot prompting asks the questions of a test file; choose one beside the training file."),
                      QStringLiteral("fewshotError"));
    return;
  }
  FewShotRequest request;
  try {
    fields_->write_to(fewshot_description(), request);
  } catch (const std::exception& e) {
    open_error_dialog(this, tr("Check the settings"), error_text(e), QStringLiteral("fewshotError"));
    return;
  }
  request.from = checkpoint_.toStdString();
  request.train = data.train.toStdString();
  request.test = data.test.toStdString();
  start_request(request, data);
}

void FewShotPanel::start_request(const FewShotRequest& request, const DatasetPicker::Choice& data) {
  if (bridge_->busy()) return;
  checkpoint_ = QString::fromStdString(request.from);
  fields_->show_values(fewshot_description().values(request));
  QJsonObject config = qt_json_of(fewshot_description().values(request));
  config.insert(QStringLiteral("dataset"), data.id);
  plot_->clear_series();
  result_->clear();
  running_ = true;
  controls_->set_preparing();
  status_->setText(tr("Reading the data and loading the model…"));
  // The model by its run's name when the run store has it, else by its folder.
  QString model = QFileInfo(checkpoint_).fileName();
  if (record_->runs())
    for (const auto& run : record_->runs()->runs())
      if (run.checkpoint == checkpoint_) model = run.name;
  record_->start(QStringLiteral("fewshot"),
                 tr("few-shot on %1 with %2, %3 questions per k").arg(data.name, model).arg(request.max_test),
                 config, [request] { return make_fewshot_job(request); });
}

}  // namespace lmlab::app
