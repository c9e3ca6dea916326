#include "command_line.h"
#include "lmlab/blas_kernels.h"
#include "lmlab/device.h"
#include "lmlab/version.h"
#include "main_window.h"
#include "startup_clock.h"
#include "train_view.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

int main(int argc, char** argv) {
  lmlab::select_blas_kernels(argv);
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("LM Lab"));
  QApplication::setApplicationName(QStringLiteral("lmlab"));
  QApplication::setApplicationDisplayName(QStringLiteral("LM Lab"));
  QApplication::setDesktopFileName(QStringLiteral("lmlab"));
  QApplication::setApplicationVersion(QStringLiteral(LMLAB_VERSION));
  const auto launch = lmlab::app::parse_command_line(app);

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
  if (launch.lab) window.open_lab_and_train();
  if (!launch.finetune.isEmpty()) window.open_finetune_and_train(launch.finetune, launch.scratch);
  if (launch.tab >= 0) window.open_tab(launch.tab);
  if (!launch.playground.isEmpty()) window.open_playground(launch.playground, launch.prompt);
  if (!launch.open_log.isEmpty()) window.open_run_log(launch.open_log);
  // The start-up test (tests/app/startup_time.sh) keeps this under 1.5 s.
  if (launch.startup_time) {
    QTimer::singleShot(0, &app, [&app] {
      std::printf("window visible after %.0f ms\n", lmlab::app::ms_since_process_start());
      app.quit();
    });
  }
  return app.exec();
}
