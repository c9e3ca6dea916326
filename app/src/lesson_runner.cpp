#include "lesson_runner.h"

#include "dataset_picker.h"
#include "fewshot_panel.h"
#include "recorded_run.h"
#include "finetune_view.h"
#include "playground_view.h"
#include "run_store.h"
#include "runs_view.h"
#include "session_bridge.h"
#include "setting_fields.h"
#include "train_view.h"

#include "lmlab/session/fewshot_request.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QTabWidget>
#include <QElapsedTimer>
#include <QTimer>

namespace lmlab::app {

namespace {

const QStringList kLabs{QStringLiteral("pretrain"), QStringLiteral("finetune"), QStringLiteral("fewshot"),
                        QStringLiteral("playground"), QStringLiteral("runs")};

QJsonObject without(QJsonObject o, std::initializer_list<const char*> keys) {
  for (const char* key : keys) o.remove(QString::fromLatin1(key));
  return o;
}

QString unknown_keys(const QJsonObject& o, const QStringList& allowed) {
  for (auto it = o.begin(); it != o.end(); ++it)
    if (!allowed.contains(it.key())) return QObject::tr("unknown setting '%1'").arg(it.key());
  return {};
}

// A few-shot step: the dataset it names ("dataset": news | nli, as the playground's few-shot
// section lists them) and any key of fewshot_description() (k, max_test, seed, …) on the request.
QString fewshot_preset(const QJsonObject& step, DatasetPicker& picker, FewShotRequest& request) {
  const QString dataset = step.value(QStringLiteral("dataset")).toString(QStringLiteral("news"));
  if (dataset != QLatin1String("news") && dataset != QLatin1String("nli"))
    return QObject::tr("unknown dataset '%1' (news or nli)").arg(dataset);
  if (!picker.select(dataset)) return QObject::tr("unknown dataset '%1' (news or nli)").arg(dataset);
  request.train = picker.choice().train.toStdString();
  request.test = picker.choice().test.toStdString();
  for (auto it = step.begin(); it != step.end(); ++it) {
    if (it.key() == QLatin1String("lab") || it.key() == QLatin1String("from") || it.key() == QLatin1String("dataset"))
      continue;
    if (const QString problem = set_setting(fewshot_description(), request, it.key(), it.value()); !problem.isEmpty())
      return problem;
  }
  return {};
}

QString describe(const QJsonObject& step) {
  const QString lab = step.value(QStringLiteral("lab")).toString();
  const QString name = step.value(QStringLiteral("name")).toString();
  if (lab == QLatin1String("pretrain"))
    return QObject::tr("pretraining %1").arg(step.value(QStringLiteral("arch")).toString(QStringLiteral("bert")).toUpper());
  if (lab == QLatin1String("finetune")) return QObject::tr("fine-tuning: %1").arg(name);
  if (lab == QLatin1String("fewshot")) return QObject::tr("few-shot prompting");
  if (lab == QLatin1String("playground")) return QObject::tr("the generation playground");
  return QObject::tr("comparing the runs");
}

}  // namespace

LessonRunner::LessonRunner(Labs labs, QObject* parent)
    : QObject(parent), labs_(labs) {}

QString LessonRunner::validate(const QJsonObject& experiment) {
  const QJsonArray steps = experiment.value(QStringLiteral("steps")).toArray();
  if (steps.isEmpty()) return tr("the experiment has no steps");
  for (int i = 0; i < steps.size(); ++i) {
    const QJsonObject step = steps[i].toObject();
    const QString lab = step.value(QStringLiteral("lab")).toString();
    QString problem;
    if (!kLabs.contains(lab)) {
      problem = tr("unknown lab '%1'").arg(lab);
    } else if (lab == QLatin1String("pretrain")) {
      problem = labs_.pretrain->apply_preset(without(step, {"lab", "reuse"}));
    } else if (lab == QLatin1String("finetune")) {
      problem = labs_.finetune->apply_preset(without(step, {"lab", "from"}));
      const QString from = step.value(QStringLiteral("from")).toString();
      if (problem.isEmpty() && !from.startsWith(QLatin1String("tag:")) && from != QLatin1String("imported:bert") &&
          from != QLatin1String("imported:gpt"))
        problem = tr("'from' must name a tagged run (tag:NAME), imported:bert or imported:gpt");
    } else if (lab == QLatin1String("fewshot")) {
      FewShotRequest request;
      problem = fewshot_preset(step, *labs_.playground->fewshot()->dataset(), request);
      const QString from = step.value(QStringLiteral("from")).toString();
      if (problem.isEmpty() && !from.startsWith(QLatin1String("tag:")) && from != QLatin1String("imported:gpt"))
        problem = tr("'from' must name a tagged run (tag:NAME) or imported:gpt");
    } else if (lab == QLatin1String("playground")) {
      problem = unknown_keys(step, {QStringLiteral("lab"), QStringLiteral("from"), QStringLiteral("prompt")});
    } else {
      problem = unknown_keys(step, {QStringLiteral("lab"), QStringLiteral("metric"), QStringLiteral("include_tags")});
    }
    if (!problem.isEmpty()) return tr("step %1 (%2): %3").arg(i + 1).arg(lab, problem);
  }
  // Checking filled the forms; leave no preset tag or name behind for the learner's own runs.
  labs_.pretrain->apply_preset({});
  labs_.finetune->apply_preset({});
  return {};
}

void LessonRunner::start(const QJsonObject& experiment) {
  if (running_) return;
  if (const QString problem = validate(experiment); !problem.isEmpty()) return fail(problem);
  queue_.clear();
  for (const QJsonValue& step : experiment.value(QStringLiteral("steps")).toArray()) queue_.append(step.toObject());
  total_ = static_cast<int>(queue_.size());
  started_runs_.clear();
  skipped_.clear();
  set_running(true);
  next();
}

void LessonRunner::set_running(bool running) {
  if (running_ == running) return;
  running_ = running;
  Q_EMIT runningChanged(running);
}

void LessonRunner::cancel() {
  if (!running_) return;
  for (const auto& wait : waits_) disconnect(wait);
  waits_.clear();
  queue_.clear();
  set_running(false);
  labs_.pretrain->bridge()->stop();
  labs_.finetune->bridge()->stop();
  labs_.playground->fewshot()->bridge()->stop();
  Q_EMIT progress(tr("Cancelled."));
}

void LessonRunner::fail(const QString& message) {
  for (const auto& wait : waits_) disconnect(wait);
  waits_.clear();
  queue_.clear();
  set_running(false);
  Q_EMIT failed(message);
}

void LessonRunner::next() {
  if (!running_) return;
  if (queue_.isEmpty()) {
    set_running(false);
    Q_EMIT progress(tr("Done. Read “What to look for” and check it on screen.") +
                    (skipped_.isEmpty() ? QString() : QLatin1Char(' ') + skipped_));
    Q_EMIT finished();
    return;
  }
  const QJsonObject step = queue_.takeFirst();
  const int number = total_ - static_cast<int>(queue_.size());
  Q_EMIT progress(tr("Step %1 of %2: %3…").arg(number).arg(total_).arg(describe(step)));
  if (const QString problem = run_step(step); !problem.isEmpty()) fail(problem);
}

void LessonRunner::step_done(const QString& run_id, const QString& error) {
  for (const auto& wait : waits_) disconnect(wait);
  waits_.clear();
  if (!error.isEmpty()) return fail(error);
  const RunRecord* run = labs_.runs->find(run_id);
  if (!run || run->status == QLatin1String("failed"))
    return fail(run ? run->final.value(QStringLiteral("error")).toString() : tr("the run was lost"));
  if (run->status == QLatin1String("stopped")) return fail(tr("The run was stopped, so the lesson's experiment ended."));
  started_runs_ << run_id;
  next();
}

QString LessonRunner::name_of_checkpoint(const QString& dir) const {
  for (const auto& run : labs_.runs->runs())
    if (run.checkpoint == dir) return run.name;
  return dir;
}

void LessonRunner::watch(SessionBridge* bridge, const QString& what) {
  const int number = total_ - static_cast<int>(queue_.size());
  auto clock = std::make_shared<QElapsedTimer>();
  auto first = std::make_shared<int64_t>(-1);
  waits_ << connect(bridge, &SessionBridge::stepsArrived, this,
                    [this, bridge, what, number, clock, first](const std::vector<SessionStep>& steps) {
                      const int64_t step = steps.back().step;
                      const int64_t total = bridge->info() ? bridge->info()->total_steps : 0;
                      if (*first < 0) *first = steps.front().step, clock->start();
                      QString text = tr("Step %1 of %2: %3 · step %4 of %5").arg(number).arg(total_).arg(what).arg(step).arg(total);
                      // Time left at the pace of this run so far (its own steps, a resumed run's
                      // earlier ones excluded), once a few seconds say what the pace is.
                      const int64_t done = step - *first;
                      if (done > 0 && clock->elapsed() > 3000 && total > step) {
                        const qint64 left_s = clock->elapsed() * (total - step) / done / 1000;
                        text += left_s >= 60 ? tr(", about %1 min %2 s left").arg(left_s / 60).arg(left_s % 60)
                                             : tr(", about %1 s left").arg(left_s);
                      }
                      Q_EMIT progress(text);
                    });
}

QString LessonRunner::resolve_from(QJsonObject& step) const {
  const QString from = step.value(QStringLiteral("from")).toString();
  const RunRecord* run = labs_.runs->tagged(from.mid(4), true);
  if (!from.startsWith(QLatin1String("tag:")) || !run)
    return tr("this step needs the run tagged '%1', which has not been trained yet").arg(from.mid(4));
  step.insert(QStringLiteral("from"), run->checkpoint);
  return {};
}

QString LessonRunner::run_step(const QJsonObject& original) {
  QJsonObject step = original;
  const QString lab = step.value(QStringLiteral("lab")).toString();
  if (lab == QLatin1String("pretrain")) {
    const QString tag = step.value(QStringLiteral("tag")).toString();
    const bool reuse = step.value(QStringLiteral("reuse")).toBool() && !tag.isEmpty();
    if (reuse && labs_.runs->tagged(tag, true)) {
      Q_EMIT progress(tr("Reusing the model already trained for “%1”.").arg(tag));
      QTimer::singleShot(0, this, &LessonRunner::next);
      return {};
    }
    if (labs_.pretrain->bridge()->busy()) return tr("The pretraining lab is busy: stop its run first.");
    // The base model was started before but not finished (stopped, or the app closed): go on
    // from where it stopped instead of training it again from nothing, and say so.
    if (const RunRecord* unfinished = reuse ? labs_.runs->latest_tagged(tag) : nullptr;
        unfinished && why_not_continuable(*unfinished).isEmpty()) {
      Q_EMIT progress(tr("The base model “%1” was not finished (%2); continuing it from where it stopped.")
                          .arg(tag, unfinished->name));
      waits_ << connect(labs_.pretrain, &TrainView::runFinished, this, &LessonRunner::step_done);
      watch(labs_.pretrain->bridge(), tr("continuing “%1”").arg(tag));
      labs_.tabs->setCurrentWidget(labs_.pretrain);
      return labs_.pretrain->continue_run(unfinished->id);
    }
    QJsonObject preset = without(step, {"lab", "reuse"});
    if (cap_ > 0) preset.insert(QStringLiteral("steps"), std::min(preset.value(QStringLiteral("steps")).toInt(1000), cap_));
    if (const QString problem = labs_.pretrain->apply_preset(preset); !problem.isEmpty()) return problem;
    labs_.tabs->setCurrentWidget(labs_.pretrain);
    waits_ << connect(labs_.pretrain, &TrainView::runFinished, this, &LessonRunner::step_done);
    watch(labs_.pretrain->bridge(), describe(step));
    labs_.pretrain->start();
    return {};
  }
  // A step on an imported model (GPT-2 for few-shot, a real BERT for fine-tuning) runs when the
  // learner has imported one; without it the lesson goes on and says how to add it.
  if (const QString from = step.value(QStringLiteral("from")).toString(); from.startsWith(QLatin1String("imported:"))) {
    const QString arch = from.mid(9);
    const RunRecord* imported = labs_.runs->latest_import(arch);
    if (!imported) {
      skipped_ = arch == QLatin1String("gpt")
                     ? tr("The step on a real pretrained model was skipped: import GPT-2 with File → Import "
                          "pretrained model… and run the experiment again to compare.")
                     : tr("The step on a real pretrained model was skipped: get all-MiniLM-L6-v2 with File → "
                          "Import pretrained model… → Get all-MiniLM-L6-v2 (83 MB), and run the experiment "
                          "again to compare.");
      Q_EMIT progress(skipped_);
      QTimer::singleShot(0, this, &LessonRunner::next);
      return {};
    }
    step.insert(QStringLiteral("from"), imported->checkpoint);
  } else if (const QString problem = lab == QLatin1String("runs") ? QString() : resolve_from(step);
             !problem.isEmpty()) {
    return problem;
  }
  if (lab == QLatin1String("finetune")) {
    if (labs_.finetune->bridge()->busy()) return tr("The fine-tuning lab is busy: stop its run first.");
    QJsonObject preset = without(step, {"lab"});
    if (cap_ > 0) preset.insert(QStringLiteral("max_steps"), cap_);
    if (const QString problem = labs_.finetune->apply_preset(preset); !problem.isEmpty()) return problem;
    labs_.tabs->setCurrentWidget(labs_.finetune);
    waits_ << connect(labs_.finetune, &FineTuneView::runFinished, this, &LessonRunner::step_done);
    watch(labs_.finetune->bridge(), describe(step));
    labs_.finetune->start();
    return {};
  }
  if (lab == QLatin1String("fewshot")) {
    FewShotPanel* panel = labs_.playground->fewshot();
    FewShotRequest request;
    if (const QString problem = fewshot_preset(step, *panel->dataset(), request); !problem.isEmpty()) return problem;
    request.from = step.value(QStringLiteral("from")).toString().toStdString();
    if (cap_ > 0) request.max_test = std::min<int64_t>(request.max_test, cap_);
    labs_.tabs->setCurrentWidget(labs_.playground);
    labs_.playground->sections()->setCurrentWidget(panel);
    waits_ << connect(panel, &FewShotPanel::runFinished, this, &LessonRunner::step_done);
    watch(panel->bridge(), describe(step));
    panel->start_request(request, panel->dataset()->choice());
    return {};
  }
  if (lab == QLatin1String("playground")) {
    labs_.tabs->setCurrentWidget(labs_.playground);
    labs_.playground->prompt()->setText(step.value(QStringLiteral("prompt")).toString());
    waits_ << connect(labs_.playground->bridge(), &SessionBridge::started, labs_.playground, &PlaygroundView::generate,
                      Qt::SingleShotConnection);
    labs_.playground->load(step.value(QStringLiteral("from")).toString());
    QTimer::singleShot(0, this, &LessonRunner::next);
    return {};
  }
  // runs: this lesson's runs, plus the newest run of each tag asked for (an earlier lesson's).
  QStringList ids = started_runs_;
  for (const QJsonValue& tag : step.value(QStringLiteral("include_tags")).toArray())
    if (const RunRecord* run = labs_.runs->tagged(tag.toString(), false)) ids.prepend(run->id);
  labs_.runs_view->compare(ids, step.value(QStringLiteral("metric")).toString(QStringLiteral("validation_accuracy")));
  labs_.tabs->setCurrentWidget(labs_.runs_view);
  QTimer::singleShot(0, this, &LessonRunner::next);
  return {};
}

}  // namespace lmlab::app
