#pragma once

#include <QMainWindow>

class QLabel;
class QListView;
class QPushButton;
class QTabWidget;
class QTextBrowser;

namespace lmlab::app {

class FineTuneView;
class LessonCatalog;
class LessonRunner;
class PlaygroundView;
class RunStore;
class RunLogFollower;
class RunsView;
class SessionBridge;
class TrainView;

// The lab's frame: a Lessons tab (lesson list on the left, the selected lesson on the right),
// the Pretraining and Fine-tuning labs, the Runs comparison, and a status bar naming the
// device that training uses and the library versions. Runs and their checkpoints live under
// the user's data folder.
class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);

  QString device_text() const;
  // "en" or "ko": the learner's choice, or the system's language the first time.
  static QString saved_language();
  LessonCatalog* lessons() const { return lessons_; }
  LessonRunner* lesson_runner() const { return runner_; }
  TrainView* train_view() const { return train_view_; }
  FineTuneView* finetune_view() const { return finetune_view_; }
  RunStore* runs() const { return runs_; }
  void open_lab_and_train();
  void open_finetune_and_train(const QString& checkpoint, bool from_scratch = false);
  void open_tab(int index);
  void pretrain_on(const QString& corpus);  // the pretraining lab's corpus from now on
  void open_playground(const QString& checkpoint, const QString& text);
  // File → Open run log: the log becomes a run on the Runs tab, followed while it grows.
  void open_run_log(const QString& path);

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void build_menus();
  void show_lesson(int row);
  void set_language(const QString& language);
  void show_about();
  // The labs' sessions that are training (or preparing a run).
  QList<SessionBridge*> busy_bridges() const;
  // Stops every training run at a step boundary; when all have saved their checkpoint and
  // curves (their views write run.json on finished), closes the window.
  void stop_runs_then_close();

  LessonCatalog* lessons_;
  QListView* lesson_list_;
  QTextBrowser* content_;
  LessonRunner* runner_;
  QPushButton* run_lesson_;
  QPushButton* cancel_lesson_;
  QLabel* lesson_status_;
  RunStore* runs_;
  TrainView* train_view_;
  FineTuneView* finetune_view_;
  PlaygroundView* playground_;
  RunsView* runs_view_;
  RunLogFollower* log_follower_;
  QTabWidget* tabs_;
  QLabel* device_label_;
  QLabel* versions_label_;
  // Menus and labs keep the language they started in; this says so until the next start.
  QLabel* restart_notice_;
  QString interface_language_;
  bool closing_ = false;  // stopping runs on the way out
};

}  // namespace lmlab::app
