#include "command_line.h"

#include "lmlab/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

namespace lmlab::app {

LaunchOptions parse_command_line(const QCoreApplication& app) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QStringLiteral("LM Lab: train small BERT- and GPT-style transformers and watch them learn."));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption lab(QStringLiteral("lab"), QStringLiteral("Open the pretraining lab and start training."));
  const QCommandLineOption finetune(QStringLiteral("finetune"),
                                    QStringLiteral("Open the fine-tuning lab on a checkpoint and start."),
                                    QStringLiteral("checkpoint"));
  const QCommandLineOption scratch(QStringLiteral("scratch"),
                                   QStringLiteral("With --finetune: the same model with fresh weights (the baseline)."));
  const QCommandLineOption tab(QStringLiteral("tab"),
                               QStringLiteral("Open on tab N: 0 lessons, 1 pretraining, 2 fine-tuning, 3 playground, 4 runs."),
                               QStringLiteral("N"));
  const QCommandLineOption playground(QStringLiteral("playground"),
                                      QStringLiteral("Load a checkpoint in the playground; the prompt argument is "
                                                     "generated from and tokenized."),
                                      QStringLiteral("checkpoint"));
  const QCommandLineOption open_log(QStringLiteral("open-log"),
                                    QStringLiteral("Follow a run log written by lmlab-cli --log, as a run."),
                                    QStringLiteral("file"));
  const QCommandLineOption startup_time(QStringLiteral("startup-time"),
                                        QStringLiteral("Print how long the window took to appear, then quit."));
  for (const auto* option : {&lab, &finetune, &scratch, &tab, &playground, &open_log, &startup_time})
    parser.addOption(*option);
  parser.addPositionalArgument(QStringLiteral("prompt"), QStringLiteral("With --playground: the text."),
                               QStringLiteral("[prompt]"));
  parser.process(app);

  LaunchOptions options;
  options.startup_time = parser.isSet(startup_time);
  options.lab = parser.isSet(lab);
  options.finetune = parser.value(finetune);
  options.scratch = parser.isSet(scratch);
  if (options.scratch && options.finetune.isEmpty()) {
    std::fprintf(stderr, "lmlab: --scratch needs --finetune CHECKPOINT\n");
    std::exit(1);
  }
  if (parser.isSet(tab)) {
    bool number = false;
    options.tab = parser.value(tab).toInt(&number);
    if (!number || options.tab < 0 || options.tab > 4) {
      std::fprintf(stderr, "lmlab: --tab takes a number from 0 to 4, got '%s'\n", qPrintable(parser.value(tab)));
      std::exit(1);
    }
  }
  options.playground = parser.value(playground);
  options.prompt = parser.positionalArguments().join(QLatin1Char(' '));
  if (!options.prompt.isEmpty() && options.playground.isEmpty()) {
    std::fprintf(stderr, "lmlab: unexpected argument '%s' (a prompt goes with --playground CHECKPOINT)\n",
                 qPrintable(options.prompt));
    std::exit(1);
  }
  options.open_log = parser.value(open_log);
  return options;
}

}  // namespace lmlab::app
