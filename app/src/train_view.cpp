#include "train_view.h"

#include "attention_view.h"
#include "curve_plot.h"
#include "error_dialog.h"
#include "error_text.h"
#include "form_widgets.h"
#include "masked_lm_panel.h"
#include "metric_names.h"
#include "recorded_run.h"
#include "run_controls.h"
#include "run_store.h"
#include "session_bridge.h"
#include "setting_fields.h"

#include "lmlab/session/pretrain_request.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace lmlab::app {

namespace {

// Loss curves on the left axis; accuracies and rates (in [0, 1]) on the right.
CurvePlot::Axis axis_of(const std::string& metric) {
  return metric.find("accuracy") != std::string::npos ? CurvePlot::Axis::Right : CurvePlot::Axis::Left;
}

}  // namespace

TrainView::TrainView(RunStore* runs, QWidget* parent)
    : QWidget(parent), bridge_(new SessionBridge(this)), record_(new RecordedRun(bridge_, runs, this)) {
  arch_ = new QComboBox;
  arch_->setObjectName(QStringLiteral("architecture"));
  // Data: "architecture:objective", as the core spells them.
  arch_->addItem(tr("BERT: masked words + next sentence"), QStringLiteral("bert:mlm+nsp"));
  arch_->addItem(tr("BERT: masked words only"), QStringLiteral("bert:mlm"));
  arch_->addItem(tr("GPT: next word"), QStringLiteral("gpt:clm"));
  preset_ = new QComboBox;
  preset_->setObjectName(QStringLiteral("preset"));
  preset_->addItem(tr("tiny (2 layers, 128 wide)"), QStringLiteral("tiny"));
  preset_->addItem(tr("small (4 layers, 256 wide)"), QStringLiteral("small"));
  fields_ = new SettingFields(this);
  FieldLook steps{tr("Steps")};
  steps.suffix = tr(" steps");
  steps.max = 1'000'000;
  QWidget* steps_field = fields_->add(nullptr, pretrain_description().setting("steps"), steps);
  QWidget* device_field = fields_->add(nullptr, pretrain_description().setting("device"), device_look());
  controls_ = new RunControls(bridge_);
  status_ = new QLabel(tr("The lessons' corpus: English and Korean prose from Debian's packages and the world of the "
                          "news set (built on first use). Press Start."));
  status_->setWordWrap(true);
  status_->setObjectName(QStringLiteral("trainStatus"));
  auto* controls = new QHBoxLayout;
  for (QWidget* w : std::initializer_list<QWidget*>{arch_, preset_, steps_field, device_field, controls_})
    controls->addWidget(w);
  controls->addWidget(status_, 1);

  loss_plot_ = new CurvePlot(tr("loss"), tr("accuracy"));
  loss_plot_->setObjectName(QStringLiteral("lossPlot"));
  rate_plot_ = new CurvePlot(tr("learning rate"), QString());
  rate_plot_->setObjectName(QStringLiteral("ratePlot"));
  speed_plot_ = new CurvePlot(tr("tokens per second"), QString());
  speed_plot_->setObjectName(QStringLiteral("speedPlot"));
  auto* curves = new QTabWidget;
  curves->setDocumentMode(true);
  curves->addTab(loss_plot_, tr("Loss and accuracy"));
  curves->addTab(rate_plot_, tr("Learning rate"));
  curves->addTab(speed_plot_, tr("Speed"));
  attention_ = new AttentionView;
  probe_ = new MaskedLmPanel;
  probe_->setObjectName(QStringLiteral("probePanel"));

  auto* upper = new QSplitter;
  upper->addWidget(curves);
  upper->addWidget(probe_);
  upper->setStretchFactor(0, 3);
  upper->setStretchFactor(1, 2);
  upper->setSizes({680, 460});
  auto* split = new QSplitter(Qt::Vertical);
  split->addWidget(upper);
  split->addWidget(attention_);
  split->setStretchFactor(1, 1);
  split->setSizes({400, 330});  // room for five guess bars above the attention maps
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addWidget(split, 1);

  connect(controls_, &RunControls::startClicked, this, &TrainView::start);
  connect(arch_, qOverload<int>(&QComboBox::currentIndexChanged), this,
          [this] { probe_->set_architecture(arch_->currentData().toString().section(QLatin1Char(':'), 0, 0)); });
  connect(probe_, &MaskedLmPanel::probeChanged, bridge_, &SessionBridge::set_probe);
  connect(bridge_, &SessionBridge::started, this, [this](const SessionInfo& info) {
    status_->setText(tr("Training: %1").arg(QString::fromStdString(info.description)));
    probe_->set_text(QString::fromStdString(info.probe));
  });
  connect(bridge_, &SessionBridge::stepsArrived, this, &TrainView::add_steps);
  connect(bridge_, &SessionBridge::snapshotArrived, this, &TrainView::show_snapshot);
  connect(bridge_, &SessionBridge::failed, this, [this](const QString& message) {
    set_running(false);
    status_->setText(tr("Stopped by an error."));
    open_error_dialog(this, tr("Training failed"), message, QStringLiteral("trainingError"));
  });
  connect(bridge_, &SessionBridge::finished, this, [this](qint64 steps, bool stopped) {
    set_running(false);
    status_->setText((stopped ? tr("Stopped after %1 steps.") : tr("Done: %1 steps.")).arg(steps) +
                     tr(" The model still answers new probes."));
  });
  connect(record_, &RecordedRun::ended, this, [this](const QString& id, const QString& error) {
    if (!error.isEmpty()) status_->setText(error);
    Q_EMIT runFinished(id, error);
  });
  set_running(false);
  probe_->set_architecture(QStringLiteral("bert"));
}

void TrainView::set_steps(int steps) { fields_->show_value("steps", steps); }

void TrainView::set_corpus(const QString& path) {
  corpus_ = path;
  if (!bridge_->busy())
    status_->setText(path.isEmpty() ? tr("The lessons' corpus. Press Start.")
                                    : tr("Corpus: %1. Press Start.").arg(QFileInfo(path).fileName()));
}

void TrainView::set_architecture(const QString& arch) {
  for (int i = 0; i < arch_->count(); ++i)
    if (arch_->itemData(i).toString().startsWith(arch + QLatin1Char(':'))) return arch_->setCurrentIndex(i);
}

QString TrainView::apply_preset(const QJsonObject& preset) {
  PretrainRequest request;
  tag_.clear();
  for (auto it = preset.begin(); it != preset.end(); ++it) {
    if (it.key() == QLatin1String("tag")) {
      tag_ = it.value().toString();
      continue;
    }
    if (const QString problem = set_setting(pretrain_description(), request, it.key(), it.value()); !problem.isEmpty())
      return problem;
  }
  try {
    pretrain_description().check_rules(request);
  } catch (const std::exception& e) {
    return error_text(e);
  }
  const QString arch = QString::fromStdString(to_string(request.arch));
  const QString objective = QString::fromStdString(request.objective);
  const int model = objective == QLatin1String("auto") ? -1 : arch_->findData(arch + QLatin1Char(':') + objective);
  if (objective != QLatin1String("auto") && model < 0)
    return tr("this lab does not offer objective '%1' for %2").arg(objective, arch);
  const int size = preset_->findData(QString::fromStdString(request.preset));
  if (size < 0) return tr("this lab offers the sizes tiny and small, not '%1'").arg(QString::fromStdString(request.preset));
  if (model >= 0) arch_->setCurrentIndex(model);
  else set_architecture(arch);
  preset_->setCurrentIndex(size);
  fields_->show_values(pretrain_description().values(request));
  preset_request_ = request;
  return {};
}

void TrainView::set_running(bool running) {
  for (QWidget* w : std::initializer_list<QWidget*>{arch_, preset_}) w->setEnabled(!running);
  fields_->set_enabled(!running);
  controls_->set_running(running);
}

void TrainView::start() {
  if (bridge_->busy()) return;
  PretrainRequest request = preset_request_;
  fields_->write_to(pretrain_description(), request);
  const QString arch = arch_->currentData().toString().section(QLatin1Char(':'), 0, 0);
  const QString objective = arch_->currentData().toString().section(QLatin1Char(':'), 1);
  request.arch = parse_architecture(arch.toStdString());
  request.objective = objective.toStdString();
  request.corpus = corpus_.toStdString();
  request.preset = preset_->currentData().toString().toStdString();
  start_request(request, tr("%1 %2 pretraining (%3), %4 steps")
                             .arg(arch.toUpper(), preset_->currentData().toString(), objective)
                             .arg(request.steps));
}

const QString& TrainView::run_id() const { return record_->id(); }

QString TrainView::continue_run(const QString& run_id) {
  if (bridge_->busy()) return tr("The pretraining lab is busy: stop its run first.");
  const RunRecord* run = record_->runs() ? record_->runs()->find(run_id) : nullptr;
  if (!run || run->kind != QLatin1String("pretrain")) return tr("Only a pretraining run can be continued here.");
  PretrainRequest request;
  if (const QString problem = continuing_request(*run, pretrain_description(), request); !problem.isEmpty())
    return problem;
  tag_ = run->config.value(QStringLiteral("tag")).toString();  // a lesson still finds its base model
  start_request(request, tr("%1 (continued)").arg(run->name));
  return {};
}

void TrainView::start_request(const PretrainRequest& request, const QString& name) {
  // run.json's config: every setting of the request by its key, as the CLI's --config takes them.
  QJsonObject config = qt_json_of(pretrain_description().values(request));
  if (!tag_.isEmpty()) config.insert(QStringLiteral("tag"), tag_);
  tag_.clear();  // a preset's tag marks one run, not the learner's later ones
  for (CurvePlot* plot : {loss_plot_, rate_plot_, speed_plot_}) plot->clear_series();
  trained_ms_ = 0;
  snapshot_.reset();
  set_running(true);
  controls_->set_preparing();
  status_->setText(tr("Preparing the tokenizer and the model…"));
  record_->start(QStringLiteral("pretrain"), name, config, [request] { return make_pretrain_job(request); });
}

void TrainView::add_steps(const std::vector<SessionStep>& steps) {
  for (const auto& s : steps) {
    trained_ms_ += s.ms;
    for (CurvePlot* plot : {loss_plot_, rate_plot_, speed_plot_}) plot->note_time(static_cast<double>(s.step), trained_ms_ / 1000);
    const bool objectives = s.metrics.count("mlm_loss") + s.metrics.count("nsp_loss") + s.metrics.count("clm_loss") > 1;
    if (!objectives) loss_plot_->add_point(metric_label(QStringLiteral("loss")), static_cast<double>(s.step), s.loss);
    for (const auto& [key, value] : s.metrics) {
      const bool loss = key.size() > 5 && key.compare(key.size() - 5, 5, "_loss") == 0;
      // Several objectives: one curve each (their sum is the training loss).
      if ((loss && objectives) || key.find("accuracy") != std::string::npos)
        loss_plot_->add_point(metric_label(QString::fromStdString(key)), static_cast<double>(s.step), value, axis_of(key));
    }
    if (s.metrics.count("lr"))
      rate_plot_->add_point(metric_label(QStringLiteral("lr")), static_cast<double>(s.step), s.metrics.at("lr"));
    if (s.metrics.count("tokens_per_s"))
      speed_plot_->add_point(metric_label(QStringLiteral("tokens_per_s")), static_cast<double>(s.step),
                             s.metrics.at("tokens_per_s"));
  }
  for (CurvePlot* plot : {loss_plot_, rate_plot_, speed_plot_}) plot->refresh();
  const auto& last = steps.back();
  QString text = tr("step %1 · loss %2").arg(last.step).arg(last.loss, 0, 'f', 3);
  for (const char* key : {"mlm_accuracy", "nsp_accuracy", "clm_accuracy"})
    if (last.metrics.count(key))
      text += QStringLiteral(" · %1 %2").arg(QString::fromLatin1(key)).arg(last.metrics.at(key), 0, 'f', 2);
  if (last.metrics.count("tokens_per_s")) text += tr(" · %1 tokens/s").arg(last.metrics.at("tokens_per_s"), 0, 'f', 0);
  status_->setText(text);
}

void TrainView::show_snapshot(const Snapshot& snapshot) {
  snapshot_ = snapshot;
  attention_->show_snapshot(snapshot);
  probe_->show_snapshot(snapshot);
}

}  // namespace lmlab::app
