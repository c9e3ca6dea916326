#include "run_store.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>

namespace lmlab::app {

namespace {

// Counts and sizes are shown live by the freeze panel; as curves they would only crowd the
// comparison.
bool is_curve(const std::string& metric) {
  return metric != "trainable_parameters" && metric != "total_parameters" && metric != "gradient_bytes" &&
         metric != "optimizer_bytes" && metric != "epoch";
}

QJsonObject to_json(const RunRecord& run) {
  QJsonObject curves;
  for (auto it = run.curves.begin(); it != run.curves.end(); ++it) {
    QJsonArray points;
    for (const QPointF& p : it.value()) points.append(QJsonArray{p.x(), p.y()});
    curves.insert(it.key(), points);
  }
  return {{QStringLiteral("id"), run.id},         {QStringLiteral("name"), run.name},
          {QStringLiteral("kind"), run.kind},     {QStringLiteral("arch"), run.arch},
          {QStringLiteral("status"), run.status}, {QStringLiteral("config"), run.config},
          {QStringLiteral("final"), run.final},   {QStringLiteral("checkpoint"), run.checkpoint},
          {QStringLiteral("curves"), curves}};
}

RunRecord from_json(const QJsonObject& o) {
  RunRecord run;
  run.id = o.value(QStringLiteral("id")).toString();
  run.name = o.value(QStringLiteral("name")).toString();
  run.kind = o.value(QStringLiteral("kind")).toString();
  run.arch = o.value(QStringLiteral("arch")).toString();
  run.status = o.value(QStringLiteral("status")).toString();
  run.config = o.value(QStringLiteral("config")).toObject();
  run.final = o.value(QStringLiteral("final")).toObject();
  run.checkpoint = o.value(QStringLiteral("checkpoint")).toString();
  const QJsonObject curves = o.value(QStringLiteral("curves")).toObject();
  for (auto it = curves.begin(); it != curves.end(); ++it) {
    QVector<QPointF> points;
    for (const QJsonValue& p : it.value().toArray()) points.append({p.toArray().at(0).toDouble(), p.toArray().at(1).toDouble()});
    run.curves.insert(it.key(), points);
  }
  return run;
}

}  // namespace

RunStore::RunStore(QString dir, QObject* parent) : QAbstractListModel(parent), dir_(std::move(dir)) {}

QString RunStore::default_dir() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/runs");
}

QStringList RunStore::load() {
  QStringList problems;
  beginResetModel();
  runs_.clear();
  const QDir root(dir_);
  for (const QString& name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
    const QString path = root.filePath(name + QStringLiteral("/run.json"));
    QFile file(path);
    if (!file.exists()) continue;  // not a run folder
    QJsonParseError error{};
    const auto doc = file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll(), &error) : QJsonDocument();
    if (!doc.isObject() || doc.object().value(QStringLiteral("id")).toString() != name) {
      problems << tr("%1: not a run record (%2)").arg(path, error.error ? error.errorString() : tr("unreadable"));
      continue;
    }
    RunRecord run = from_json(doc.object());
    if (run.status == QLatin1String("running")) run.status = QStringLiteral("interrupted");  // the app ended mid-run
    runs_.append(run);
  }
  endResetModel();
  return problems;
}

QString RunStore::begin(const QString& kind, const QString& name, const QJsonObject& config) {
  RunRecord run;
  const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
  run.id = stamp + QLatin1Char('-') + kind;
  for (int n = 2; row_of(run.id) >= 0 || QDir(dir_).exists(run.id); ++n)
    run.id = stamp + QLatin1Char('-') + kind + QLatin1Char('-') + QString::number(n);
  run.kind = kind;
  run.name = distinct_name(name);
  run.config = config;
  QDir().mkpath(QDir(dir_).filePath(run.id));
  save(run);  // so a run cut short by a crash or kill still shows up, as interrupted
  beginInsertRows({}, static_cast<int>(runs_.size()), static_cast<int>(runs_.size()));
  runs_.append(run);
  endInsertRows();
  return run.id;
}

QString RunStore::checkpoint_dir(const QString& id) const { return QDir(dir_).filePath(id + QStringLiteral("/checkpoint")); }

QString RunStore::log_path(const QString& id) const { return QDir(dir_).filePath(id + QStringLiteral("/log.jsonl")); }

void RunStore::set_info(const QString& id, const SessionInfo& info) {
  const int row = row_of(id);
  if (row < 0) return;
  runs_[row].arch = QString::fromStdString(info.arch);
  runs_[row].config.insert(QStringLiteral("parameters"), static_cast<double>(info.parameters));
  runs_[row].config.insert(QStringLiteral("layers"), info.layers);
  runs_[row].config.insert(QStringLiteral("description"), QString::fromStdString(info.description));
}

void RunStore::add_steps(const QString& id, const std::vector<SessionStep>& steps) {
  const int row = row_of(id);
  if (row < 0) return;
  RunRecord& run = runs_[row];
  for (const auto& s : steps) {
    // Non-finite values (a few-shot job has no loss) cannot be stored in JSON, nor plotted.
    if (std::isfinite(s.loss)) run.curves[QStringLiteral("loss")].append({static_cast<double>(s.step), s.loss});
    for (const auto* numbers : {&s.metrics, &s.evaluation})
      for (const auto& [key, value] : *numbers)
        if (is_curve(key) && std::isfinite(value))
          run.curves[QString::fromStdString(key)].append({static_cast<double>(s.step), value});
  }
  Q_EMIT runChanged(id);
}

QString RunStore::finish(const QString& id, const QString& status, const QString& error) {
  const int row = row_of(id);
  if (row < 0) return tr("unknown run %1").arg(id);
  RunRecord& run = runs_[row];
  run.status = status;
  // A name like "…, 1500 steps" must not outlive a stop at step 328.
  if (status == QLatin1String("stopped") && !run.curves.value(QStringLiteral("loss")).isEmpty())
    run.name = distinct_name(tr("%1, stopped at step %2")
                                 .arg(run.name)
                                 .arg(static_cast<qint64>(run.curves.value(QStringLiteral("loss")).back().x())),
                             id);
  for (auto it = run.curves.begin(); it != run.curves.end(); ++it)
    if (!it.value().isEmpty()) run.final.insert(it.key(), it.value().back().y());
  if (!error.isEmpty()) run.final.insert(QStringLiteral("error"), error);
  if (QFile::exists(checkpoint_dir(id) + QStringLiteral("/model.safetensors"))) run.checkpoint = checkpoint_dir(id);
  Q_EMIT dataChanged(index(row), index(row));
  Q_EMIT runChanged(id);
  return save(run);
}

QString RunStore::remove(const QString& id) {
  const int row = row_of(id);
  if (row < 0) return tr("unknown run %1").arg(id);
  beginRemoveRows({}, row, row);
  runs_.removeAt(row);
  checked_.remove(id);
  endRemoveRows();
  QDir folder(QDir(dir_).filePath(id));
  if (folder.exists() && !folder.removeRecursively()) return tr("Could not delete %1 entirely.").arg(folder.path());
  return {};
}

QString RunStore::save(const RunRecord& run) const {
  const QString path = QDir(dir_).filePath(run.id + QStringLiteral("/run.json"));
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return tr("Could not write %1: %2").arg(path, file.errorString());
  file.write(QJsonDocument(to_json(run)).toJson(QJsonDocument::Compact));
  if (!file.commit()) return tr("Could not write %1: %2").arg(path, file.errorString());
  return {};
}

const RunRecord* RunStore::find(const QString& id) const {
  const int row = row_of(id);
  return row < 0 ? nullptr : &runs_[row];
}

QVector<const RunRecord*> RunStore::checked() const {
  QVector<const RunRecord*> out;
  for (const auto& run : runs_)
    if (checked_.contains(run.id)) out.append(&run);
  return out;
}

void RunStore::set_checked(const QString& id, bool checked) {
  const int row = row_of(id);
  if (row < 0) return;
  checked ? (void)checked_.insert(id) : (void)checked_.remove(id);
  Q_EMIT dataChanged(index(row), index(row), {Qt::CheckStateRole});
}

QVector<const RunRecord*> RunStore::with_checkpoint(const QStringList& kinds) const {
  QVector<const RunRecord*> out;
  for (const auto& run : runs_)
    if (!run.checkpoint.isEmpty() && kinds.contains(run.kind)) out.append(&run);
  return out;
}

const RunRecord* RunStore::tagged(const QString& tag, bool need_checkpoint) const {
  for (auto it = runs_.rbegin(); it != runs_.rend(); ++it)
    if (it->config.value(QStringLiteral("tag")).toString() == tag && it->status == QLatin1String("done") &&
        (!need_checkpoint || !it->checkpoint.isEmpty()))
      return &*it;
  return nullptr;
}

const RunRecord* RunStore::latest_tagged(const QString& tag) const {
  for (auto it = runs_.rbegin(); it != runs_.rend(); ++it)
    if (it->config.value(QStringLiteral("tag")).toString() == tag) return &*it;
  return nullptr;
}

const RunRecord* RunStore::latest_import(const QString& arch) const {
  for (auto it = runs_.rbegin(); it != runs_.rend(); ++it)
    if (it->kind == QLatin1String("import") && it->arch == arch && it->status == QLatin1String("done") &&
        !it->checkpoint.isEmpty())
      return &*it;
  return nullptr;
}

QString RunStore::status_label(const QString& status) {
  if (status == QLatin1String("running")) return tr("running");
  if (status == QLatin1String("done")) return tr("done");
  if (status == QLatin1String("stopped")) return tr("stopped");
  if (status == QLatin1String("failed")) return tr("failed");
  if (status == QLatin1String("interrupted")) return tr("interrupted (the app ended mid-run)");
  return status;
}

QString RunStore::distinct_name(const QString& name, const QString& except_id) const {
  const auto taken = [&](const QString& candidate) {
    return std::any_of(runs_.begin(), runs_.end(),
                       [&](const RunRecord& run) { return run.id != except_id && run.name == candidate; });
  };
  QString candidate = name;
  for (int n = 2; taken(candidate); ++n) candidate = tr("%1 (#%2)").arg(name).arg(n);
  return candidate;
}

QString RunStore::rename(const QString& id, const QString& name) {
  const int row = row_of(id);
  if (row < 0) return tr("unknown run %1").arg(id);
  const QString wanted = name.simplified();
  if (wanted.isEmpty()) return tr("A run needs a name.");
  runs_[row].name = distinct_name(wanted, id);
  Q_EMIT dataChanged(index(row), index(row));
  Q_EMIT runChanged(id);
  return save(runs_[row]);
}

int RunStore::row_of(const QString& id) const {
  for (int i = 0; i < runs_.size(); ++i)
    if (runs_[i].id == id) return i;
  return -1;
}

int RunStore::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(runs_.size()); }

QVariant RunStore::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= runs_.size()) return {};
  const RunRecord& run = runs_[index.row()];
  switch (role) {
    case Qt::DisplayRole: {
      QString text = run.name + QStringLiteral(" — ") + status_label(run.status);
      if (run.final.contains(QStringLiteral("test_accuracy")))
        text += tr(", test accuracy %1%").arg(100 * run.final.value(QStringLiteral("test_accuracy")).toDouble(), 0, 'f', 1);
      else if (run.final.contains(QStringLiteral("loss")))
        text += tr(", loss %1").arg(run.final.value(QStringLiteral("loss")).toDouble(), 0, 'f', 3);
      return text;
    }
    case Qt::EditRole:
      return run.name;
    case Qt::ToolTipRole:
      return run.id + QLatin1Char('\n') + QString::fromUtf8(QJsonDocument(run.config).toJson(QJsonDocument::Indented));
    case Qt::CheckStateRole:
      return checked_.contains(run.id) ? Qt::Checked : Qt::Unchecked;
    default:
      return {};
  }
}

bool RunStore::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!index.isValid()) return false;
  if (role == Qt::EditRole) return rename(runs_[index.row()].id, value.toString()).isEmpty();
  if (role != Qt::CheckStateRole) return false;
  set_checked(runs_[index.row()].id, value.toInt() == Qt::Checked);
  return true;
}

Qt::ItemFlags RunStore::flags(const QModelIndex& index) const {
  return QAbstractListModel::flags(index) | Qt::ItemIsUserCheckable | Qt::ItemIsEditable;
}

}  // namespace lmlab::app
