#pragma once

#include <QString>

class QCoreApplication;

namespace lmlab::app {

// What the app's own command line asks for (demos, screenshots, the start-up test, a CLI run
// to follow). Parsed with QCommandLineParser: --help and --version answer and exit, an
// unknown option or a bad value is named and exits with 1.
struct LaunchOptions {
  bool startup_time = false;  // print how long the window took to become visible, then quit
  bool lab = false;           // the pretraining lab, training at once
  QString finetune;           // a checkpoint the fine-tuning lab starts from at once
  bool scratch = false;       // with finetune: the same model with fresh weights
  int tab = -1;               // open on this tab (0: lessons … 4: runs)
  QString playground;         // a checkpoint to load in the playground …
  QString prompt;             // … and the text it generates from and tokenizes
  QString open_log;           // a run log written by lmlab-cli --log, followed as a run
};

LaunchOptions parse_command_line(const QCoreApplication& app);

}  // namespace lmlab::app
