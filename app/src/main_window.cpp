#include "main_window.h"

#include "background_task.h"

#include "data_build_dialog.h"
#include "dataset_picker.h"
#include "device_probe.h"
#include "error_dialog.h"
#include "export_model_dialog.h"
#include "finetune_view.h"
#include "import_model_dialog.h"
#include "lesson_catalog.h"
#include "lesson_runner.h"
#include "fewshot_panel.h"
#include "playground_view.h"
#include "run_log_follower.h"
#include "run_store.h"
#include "runs_view.h"
#include "session_bridge.h"
#include "train_view.h"
#include "lmlab/version.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>

namespace lmlab::app {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      lessons_(new LessonCatalog(this)),
      lesson_list_(new QListView),
      content_(new QTextBrowser),
      device_label_(new QLabel(tr("Device: probing…"))),
      versions_label_(new QLabel) {
  setWindowTitle(tr("LM Lab"));
  setObjectName(QStringLiteral("MainWindow"));

  if (const QString error = lessons_->load(); !error.isEmpty())
    QMessageBox::warning(this, tr("Lessons unavailable"), error);

  lesson_list_->setModel(lessons_);
  lesson_list_->setObjectName(QStringLiteral("lessonList"));
  lesson_list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  lesson_list_->setMinimumWidth(220);
  lesson_list_->setWordWrap(true);
  lesson_list_->setSpacing(3);
  content_->setObjectName(QStringLiteral("lessonContent"));
  content_->setOpenExternalLinks(true);
  content_->document()->setDocumentMargin(24);

  // Under the lesson text: its experiment, one click away.
  run_lesson_ = new QPushButton(tr("▶ Run this lesson's experiment"));
  run_lesson_->setObjectName(QStringLiteral("runLesson"));
  cancel_lesson_ = new QPushButton(tr("Cancel"));
  cancel_lesson_->setObjectName(QStringLiteral("cancelLesson"));
  cancel_lesson_->setEnabled(false);
  lesson_status_ = new QLabel;
  lesson_status_->setObjectName(QStringLiteral("lessonStatus"));
  lesson_status_->setWordWrap(true);
  auto* lesson_bar = new QHBoxLayout;
  lesson_bar->addWidget(run_lesson_);
  lesson_bar->addWidget(cancel_lesson_);
  lesson_bar->addWidget(lesson_status_, 1);
  auto* lesson_pane = new QWidget;
  auto* lesson_layout = new QVBoxLayout(lesson_pane);
  lesson_layout->setContentsMargins(0, 0, 0, 0);
  lesson_layout->addWidget(content_, 1);
  lesson_layout->addLayout(lesson_bar);
  auto* splitter = new QSplitter;
  splitter->setObjectName(QStringLiteral("mainSplitter"));
  splitter->addWidget(lesson_list_);
  splitter->addWidget(lesson_pane);
  splitter->setStretchFactor(1, 1);
  splitter->setSizes({320, 960});
  runs_ = new RunStore(RunStore::default_dir(), this);
  const QStringList broken_runs = runs_->load();
  train_view_ = new TrainView(runs_);
  train_view_->setObjectName(QStringLiteral("trainView"));
  finetune_view_ = new FineTuneView(runs_);
  finetune_view_->setObjectName(QStringLiteral("finetuneView"));
  playground_ = new PlaygroundView(runs_);
  playground_->setObjectName(QStringLiteral("playground"));
  runs_view_ = new RunsView(runs_);
  log_follower_ = new RunLogFollower(runs_, this);
  runs_view_->setObjectName(QStringLiteral("runsView"));
  tabs_ = new QTabWidget;
  tabs_->setObjectName(QStringLiteral("mainTabs"));
  tabs_->addTab(splitter, tr("Lessons"));
  tabs_->addTab(train_view_, tr("Pretraining lab"));
  tabs_->addTab(finetune_view_, tr("Fine-tuning lab"));
  tabs_->addTab(playground_, tr("Playground"));
  tabs_->addTab(runs_view_, tr("Runs"));
  setCentralWidget(tabs_);

  runner_ = new LessonRunner({tabs_, train_view_, finetune_view_, playground_, runs_view_, runs_}, this);
  connect(runs_view_, &RunsView::continueRequested, this, [this](const QString& id) {
    const RunRecord* run = runs_->find(id);
    const bool pretraining = run && run->kind == QLatin1String("pretrain");
    if (const QString problem = pretraining ? train_view_->continue_run(id) : finetune_view_->continue_run(id);
        !problem.isEmpty())
      return open_error_dialog(this, tr("Cannot continue the run"), problem, QStringLiteral("continueError"));
    tabs_->setCurrentWidget(pretraining ? static_cast<QWidget*>(train_view_) : finetune_view_);
  });
  connect(runs_view_, &RunsView::loadRequested, this, [this](const QString& checkpoint) {
    tabs_->setCurrentWidget(playground_);
    playground_->load(checkpoint);
  });
  connect(run_lesson_, &QPushButton::clicked, this,
          [this] { runner_->start(lessons_->experiment(lesson_list_->currentIndex().row())); });
  connect(cancel_lesson_, &QPushButton::clicked, runner_, &LessonRunner::cancel);
  // One experiment at a time: while one runs, every lesson's Run button says so, and Cancel is
  // there until it ends, however it ends.
  connect(runner_, &LessonRunner::runningChanged, this, [this](bool running) {
    run_lesson_->setEnabled(!running);
    run_lesson_->setToolTip(running ? tr("An experiment is running (see below): cancel it first to start another.")
                                    : QString());
    cancel_lesson_->setEnabled(running);
  });
  connect(runner_, &LessonRunner::progress, lesson_status_, &QLabel::setText);
  connect(runner_, &LessonRunner::progress, this, [this](const QString& text) { statusBar()->showMessage(text); });
  connect(runner_, &LessonRunner::failed, this, [this](const QString& message) {
    lesson_status_->setText(tr("The experiment stopped: %1").arg(message));
    open_error_dialog(this, tr("Lesson experiment"), message, QStringLiteral("lessonError"));
  });

  connect(lesson_list_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) { show_lesson(current.row()); });

  device_label_->setObjectName(QStringLiteral("deviceLabel"));
  versions_label_->setObjectName(QStringLiteral("versionsLabel"));
  versions_label_->setText(tr("LM Lab %1 · Qt %2").arg(QStringLiteral(LMLAB_VERSION), qVersion()));
  statusBar()->addWidget(device_label_);
  statusBar()->addPermanentWidget(versions_label_);
  restart_notice_ = new QLabel;
  restart_notice_->setObjectName(QStringLiteral("restartNotice"));
  restart_notice_->hide();
  statusBar()->addPermanentWidget(restart_notice_);
  interface_language_ = saved_language();  // main() installed this language's translation

  auto* probe = new DeviceProbe(this);
  connect(probe, &DeviceProbe::finished, this,
          [this](const QString& device, const QString& torch) {
            device_label_->setText(tr("Device: %1").arg(device));
            versions_label_->setText(tr("LM Lab %1 · LibTorch %2 · Qt %3")
                                         .arg(QStringLiteral(LMLAB_VERSION), torch, qVersion()));
          });
  probe->start();

  build_menus();

  QSettings settings;
  // First start: 1280x800, or less on a smaller screen (a 1366x768 laptop keeps about 730 px
  // below its panel, of which the title bar takes some).
  if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
    resize(QSize(1280, 800).boundedTo(screen()->availableGeometry().size() - QSize(0, 40)));
  splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
  set_language(saved_language());
  const int last = settings.value(QStringLiteral("lesson/last"), 0).toInt();
  if (lessons_->rowCount() > 0)
    lesson_list_->setCurrentIndex(lessons_->index(qBound(0, last, lessons_->rowCount() - 1)));
  tabs_->setCurrentIndex(qBound(0, settings.value(QStringLiteral("window/tab"), 0).toInt(), tabs_->count() - 1));
  if (!broken_runs.isEmpty())
    QMessageBox::warning(this, tr("Some runs could not be read"), broken_runs.join(QLatin1Char('\n')));
}

QString MainWindow::device_text() const { return device_label_->text(); }

QString MainWindow::saved_language() {
  const QString system_language =
      QLocale::system().language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en");
  return QSettings().value(QStringLiteral("language"), system_language).toString();
}

void MainWindow::build_menus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* import_model = file->addAction(tr("&Import pretrained model…"));
  import_model->setObjectName(QStringLiteral("importModel"));
  connect(import_model, &QAction::triggered, this, [this] {
    auto* dialog = new ImportModelDialog(runs_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportModelDialog::openInPlayground, this, [this](const QString& checkpoint) {
      tabs_->setCurrentWidget(playground_);
      playground_->load(checkpoint);
    });
    dialog->open();
  });
  QAction* export_model = file->addAction(tr("&Export a model for Hugging Face…"));
  export_model->setObjectName(QStringLiteral("exportModel"));
  connect(export_model, &QAction::triggered, this, [this] {
    auto* dialog = new ExportModelDialog(runs_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
  });
  QAction* open_log = file->addAction(tr("&Open run log…"));
  open_log->setObjectName(QStringLiteral("openRunLog"));
  connect(open_log, &QAction::triggered, this, [this] {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("A run log written by lmlab-cli --log (JSON lines)"), QString(), tr("Run logs (*.jsonl *.json *.log);;All files (*)"));
    if (!path.isEmpty()) open_run_log(path);
  });
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* data = menuBar()->addMenu(tr("&Data"));
  QAction* build_data = data->addAction(tr("&Build a dataset from Debian packages…"));
  build_data->setObjectName(QStringLiteral("buildDataset"));
  connect(build_data, &QAction::triggered, this, [this] {
    auto* dialog = new DataBuildDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DataBuildDialog::corpusChosen, this, &MainWindow::pretrain_on);
    // A topic or NLI set it wrote joins the fine-tuning lab's data list.
    connect(dialog, &DataBuildDialog::built, finetune_view_->dataset(), &DatasetPicker::rescan);
    dialog->open();
  });
  data->addAction(tr("&Pretrain on a corpus file…"), this, [this] {
    const QString file = QFileDialog::getOpenFileName(this, tr("Corpus: one sentence per line, blank lines between documents"),
                                                      QString(), tr("Text (*.txt);;All files (*)"));
    if (!file.isEmpty()) pretrain_on(file);
  });
  data->addAction(tr("Pretrain on a &folder of text files…"), this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("A folder of .txt corpus files"));
    if (!dir.isEmpty()) pretrain_on(dir);
  });
  data->addAction(tr("&Fine-tune on your own labelled files…"), this, [this] {
    tabs_->setCurrentWidget(finetune_view_);
    finetune_view_->dataset()->choose_training_file();
  });

  QMenu* view = menuBar()->addMenu(tr("&View"));
  QAction* show_lessons = view->addAction(tr("&Lesson List"));
  show_lessons->setCheckable(true);
  show_lessons->setChecked(true);
  show_lessons->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
  connect(show_lessons, &QAction::toggled, lesson_list_, &QWidget::setVisible);
  QMenu* language = view->addMenu(tr("L&anguage"));
  auto* languages = new QActionGroup(this);
  for (const auto& [code, label] : {std::pair{QStringLiteral("en"), QStringLiteral("English")},
                                    std::pair{QStringLiteral("ko"), QStringLiteral("한국어")}}) {
    QAction* action = language->addAction(label);
    action->setCheckable(true);
    action->setData(code);
    action->setObjectName(QStringLiteral("language_") + code);
    languages->addAction(action);
    connect(action, &QAction::triggered, this, [this, code = code] { set_language(code); });
  }

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About LM Lab"), this, &MainWindow::show_about);
  help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::show_lesson(int row) {
  content_->setMarkdown(lessons_->markdown(row));
  const bool runnable = !lessons_->experiment(row).isEmpty();
  run_lesson_->setVisible(runnable);
  cancel_lesson_->setVisible(runnable);
  const int minutes = lessons_->experiment(row).value(QStringLiteral("minutes")).toInt(2);
  if (!runner_->running())
    lesson_status_->setText(runnable ? tr("About %1 min on a 2-core CPU, plus a minute or two the first time a base model is "
                                          "pretrained (later lessons reuse it).").arg(minutes)
                                     : QString());
  // Only a real choice is remembered: the language is applied before any lesson is selected.
  if (row >= 0) QSettings().setValue(QStringLiteral("lesson/last"), row);
}

void MainWindow::set_language(const QString& language) {
  const QString code = language == QLatin1String("ko") ? language : QStringLiteral("en");
  // Said in the chosen language, and kept until the restart that completes the switch.
  restart_notice_->setText(code == interface_language_ ? QString()
                           : code == QLatin1String("ko")
                               ? QStringLiteral("강의는 한국어로 바뀌었습니다. 메뉴와 실습실은 다시 시작하면 바뀝니다.")
                               : QStringLiteral("Lessons are in English now; menus and labs switch at the next start."));
  restart_notice_->setVisible(!restart_notice_->text().isEmpty());
  lessons_->set_language(code);
  for (QAction* action : findChildren<QAction*>())
    if (action->objectName() == QStringLiteral("language_") + code) action->setChecked(true);
  QSettings().setValue(QStringLiteral("language"), code);
  show_lesson(lesson_list_->currentIndex().row());
}

void MainWindow::open_lab_and_train() {
  tabs_->setCurrentWidget(train_view_);
  train_view_->start();
}

void MainWindow::open_finetune_and_train(const QString& checkpoint, bool from_scratch) {
  tabs_->setCurrentWidget(finetune_view_);
  finetune_view_->set_from(checkpoint);
  finetune_view_->set_from_scratch(from_scratch);
  finetune_view_->start();
}

void MainWindow::pretrain_on(const QString& corpus) {
  train_view_->set_corpus(corpus);
  tabs_->setCurrentWidget(train_view_);
  statusBar()->showMessage(tr("The pretraining lab now trains on %1.").arg(corpus), 10000);
}

void MainWindow::open_tab(int index) { tabs_->setCurrentIndex(qBound(0, index, tabs_->count() - 1)); }

void MainWindow::open_playground(const QString& checkpoint, const QString& text) {
  tabs_->setCurrentWidget(playground_);
  playground_->prompt()->setText(text);
  playground_->findChild<QLineEdit*>(QStringLiteral("tokenizerText"))->setText(text);
  connect(playground_->bridge(), &SessionBridge::started, playground_, &PlaygroundView::generate);
  playground_->load(checkpoint);
}

void MainWindow::open_run_log(const QString& path) {
  QString error, warning;
  const QString id = log_follower_->open(path, &error, &warning);
  if (id.isEmpty()) {
    open_error_dialog(this, tr("Run log not opened"), error, QStringLiteral("runLogError"));
    return;
  }
  tabs_->setCurrentWidget(runs_view_);
  runs_view_->compare({id}, QStringLiteral("loss"));
  statusBar()->showMessage(tr("Following %1: the curves grow as the log does.").arg(path));
  if (!warning.isEmpty()) open_error_dialog(this, tr("Some log lines skipped"), warning, QStringLiteral("runLogWarning"));
}

void MainWindow::show_about() {
  QMessageBox::about(
      this, tr("About LM Lab"),
      tr("<h3>LM Lab %1</h3><p>Train small BERT- and GPT-style transformers and watch them "
         "learn: loss curves, attention heads, masked-word guesses, frozen layers.</p>"
         "<p>%2<br>Qt %3</p>")
          .arg(QStringLiteral(LMLAB_VERSION), device_label_->text(), qVersion()));
}

QList<SessionBridge*> MainWindow::busy_bridges() const {
  QList<SessionBridge*> busy;
  for (SessionBridge* bridge : {train_view_->bridge(), finetune_view_->bridge(), playground_->fewshot()->bridge()})
    if (bridge->busy()) busy << bridge;
  return busy;
}

void MainWindow::stop_runs_then_close() {
  closing_ = true;
  // Stop asks each busy lab to stop (a run still preparing ends as stopped); poll until all are idle.
  auto* poll = new QTimer(this);
  poll->setInterval(100);
  connect(poll, &QTimer::timeout, this, [this, poll] {
    const auto busy = busy_bridges();
    for (SessionBridge* bridge : busy) bridge->stop();
    if (!busy.isEmpty()) return;
    poll->deleteLater();
    close();
  });
  poll->start();
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!busy_bridges().isEmpty()) {
    event->ignore();
    if (closing_) return;  // already stopping
    auto* ask = new QMessageBox(QMessageBox::Question, tr("A run is training"),
                                tr("Stop the training run at the next step, save its checkpoint and curves, and "
                                   "quit?"),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    ask->setObjectName(QStringLiteral("closeWhileTraining"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::finished, this, [this](int answer) {
      if (answer == QMessageBox::Yes) stop_runs_then_close();
    });
    ask->open();
    return;
  }
  QSettings settings;
  settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("window/splitter"),
                    findChild<QSplitter*>(QStringLiteral("mainSplitter"))->saveState());
  settings.setValue(QStringLiteral("window/tab"), tabs_->currentIndex());
  // An import, export or data build still working is cancelled and waited for: no thread
  // outlives the window.
  BackgroundTask::join_all();
  event->accept();
}

}  // namespace lmlab::app
