#include "lmlab/blas_kernels.h"
#include "lmlab/device.h"
#include "main_window.h"
#include "startup_clock.h"
#include "train_view.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char** argv) {
  lmlab::select_blas_kernels(argv);
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("LM Lab"));
  QApplication::setApplicationName(QStringLiteral("lmlab"));
  QApplication::setApplicationDisplayName(QStringLiteral("LM Lab"));
  QApplication::setDesktopFileName(QStringLiteral("lmlab"));

  // --startup-time: print how long the window took to become visible, then quit. Used by
  // the test that keeps start-up under 1.5 s.
  const bool report_startup = argc > 1 && std::strcmp(argv[1], "--startup-time") == 0;

  // UI strings follow the saved language (or the system's) from the start; lesson texts
  // switch at once when the learner picks another language.
  QTranslator ui_strings, qt_strings;
  if (lmlab::app::MainWindow::saved_language() == QLatin1String("ko")) {
    if (ui_strings.load(QStringLiteral(":/i18n/lmlab_ko.qm"))) QApplication::installTranslator(&ui_strings);
    if (qt_strings.load(QStringLiteral("qtbase_ko"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
      QApplication::installTranslator(&qt_strings);
  }

  lmlab::set_cpu_threads(0);
  lmlab::app::MainWindow window;
  window.show();
  // --lab: open on the pretraining lab and start training at once; --finetune DIR: open the
  // fine-tuning lab on that checkpoint (or, with --scratch, its fresh twin) and start; --tab N: open on tab N (demos, screenshots).
  if (argc > 1 && std::strcmp(argv[1], "--lab") == 0) window.open_lab_and_train();
  if (argc > 2 && std::strcmp(argv[1], "--finetune") == 0)
    window.open_finetune_and_train(QString::fromLocal8Bit(argv[2]), argc > 3 && std::strcmp(argv[3], "--scratch") == 0);
  if (argc > 2 && std::strcmp(argv[1], "--tab") == 0) window.open_tab(std::atoi(argv[2]));
  // --playground DIR TEXT: load DIR in the playground, generate from TEXT and tokenize it.
  if (argc > 3 && std::strcmp(argv[1], "--playground") == 0)
    window.open_playground(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
  // --open-log FILE: follow a run log written by lmlab-cli --log (a run on another machine).
  if (argc > 2 && std::strcmp(argv[1], "--open-log") == 0) window.open_run_log(QString::fromLocal8Bit(argv[2]));
  if (report_startup) {
    QTimer::singleShot(0, &app, [&app] {
      std::printf("window visible after %.0f ms\n", lmlab::app::ms_since_process_start());
      app.quit();
    });
  }
  return app.exec();
}
