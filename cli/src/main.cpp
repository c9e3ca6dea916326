// lmlab-cli: the Qt-free command line over LM Lab's core, for servers, scripts and benchmarks.
#include "command.h"
#include "described_options.h"
#include "launcher.h"

#include "lmlab/blas_kernels.h"
#include "lmlab/device.h"
#include "lmlab/error.h"
#include "lmlab/version.h"

#include <c10/util/Exception.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <new>

namespace lmlab::cli {

std::vector<Command> all_commands() {
  std::vector<Command> commands = {info_command()};
  for (auto& c : tokenizer_commands()) commands.push_back(std::move(c));
  commands.push_back(pretrain_command());
  commands.push_back(finetune_command());
  commands.push_back(distill_command());
  commands.push_back(fewshot_command());
  commands.push_back(baseline_command());
  for (auto& c : inspect_commands()) commands.push_back(std::move(c));
  for (auto& c : inspect_view_commands()) commands.push_back(std::move(c));
  for (auto& c : hf_commands()) commands.push_back(std::move(c));
  commands.push_back(data_stats_command());
  commands.push_back(data_build_command());
  commands.push_back(bench_command());
  commands.push_back(describe_command());
  return commands;
}

namespace {

void print_usage(std::ostream& out, const std::vector<Command>& commands) {
  out << "Usage: lmlab-cli COMMAND [OPTIONS]\n"
         "       lmlab-cli --help | --version\n\n"
         "LM Lab trains small BERT- and GPT-style transformers so you can watch them learn.\n\n"
         "Commands:\n";
  for (const auto& c : commands)
    out << "  " << c.name << std::string(c.name.size() < 18 ? 18 - c.name.size() : 1, ' ')
        << c.summary << "\n";
  out << "\nRun 'lmlab-cli COMMAND --help' for a command's options.\n";
}

void print_command_usage(std::ostream& out, const Command& command) {
  out << "Usage: lmlab-cli " << command.name;
  for (const auto& o : command.options)
    if (o.positional) out << " [" << o.value_name << "]";
  out << " [OPTIONS]\n\n"
      << command.summary << "\n\nOptions:\n"
      << format_options(command.options) << "  --help                      show this help\n";
}

int run(int argc, char** argv) {
  const std::vector<Command> commands = all_commands();
  if (argc < 2) {
    print_usage(std::cerr, commands);
    return 2;
  }
  std::string first = argv[1];
  int rest = 2;
  // "data build" and "data stats" are spelled as two words in the docs.
  if (first == "data" && argc > 2 && (std::string(argv[2]) == "build" || std::string(argv[2]) == "stats")) {
    first += "-" + std::string(argv[2]);
    rest = 3;
  }
  // Commands named in two words ("inspect logit-lens").
  if (argc > 2 && std::any_of(commands.begin(), commands.end(),
                              [&](const Command& c) { return c.name == first + " " + argv[2]; })) {
    first += " " + std::string(argv[2]);
    rest = 3;
  }
  if (first == "--help" || first == "-h" || first == "help") {
    print_usage(std::cout, commands);
    return 0;
  }
  if (first == "--version") {
    std::cout << "lmlab-cli " << LMLAB_VERSION << "\n";
    return 0;
  }
  const Command* command = nullptr;
  for (const auto& c : commands)
    if (c.name == first) command = &c;
  if (!command) {
    // A group's first word alone ("data", "inspect"): its commands.
    std::vector<const Command*> group;
    for (const auto& c : commands)
      if (c.name.rfind(first + " ", 0) == 0 || c.name.rfind(first + "-", 0) == 0) group.push_back(&c);
    if (!group.empty()) {
      const bool asked = argc > 2 && (std::string(argv[2]) == "--help" || std::string(argv[2]) == "-h");
      std::ostream& out = asked ? std::cout : std::cerr;
      out << "lmlab-cli " << first << " takes one of:\n";
      for (const auto* c : group) out << "  lmlab-cli " << c->name << "  " << c->summary << "\n";
      out << "\nRun 'lmlab-cli " << group.front()->name << " --help' for a command's options.\n";
      return asked ? 0 : 2;
    }
    std::cerr << "lmlab-cli: unknown " << (first.rfind("-", 0) == 0 ? "option" : "command")
              << " '" << first << "'\n\n";
    print_usage(std::cerr, commands);
    return 2;
  }
  std::vector<std::string> args(argv + rest, argv + argc);
  for (const auto& a : args)
    if (a == "--help" || a == "-h") {
      print_command_usage(std::cout, *command);
      return 0;
    }
  try {
    set_cpu_threads(0);
    return command->run(Options(command->options, args));
  } catch (const UsageError& e) {
    std::cerr << "lmlab-cli " << command->name << ": " << e.what() << "\n"
              << "Run 'lmlab-cli " << command->name << " --help' for its options.\n";
    return 2;
  } catch (const Error& e) {
    // Core errors name settings by key; here they are this command's options.
    std::vector<std::string> keys;
    for (const auto& option : command->options) {
      keys.push_back(option.name);
      std::replace(keys.back().begin(), keys.back().end(), '-', '_');
    }
    // A data-parallel worker says which rank it is.
    const char* rank = std::getenv("WORLD_SIZE") ? std::getenv("RANK") : nullptr;
    std::cerr << "lmlab-cli " << command->name << (rank ? std::string(" [rank ") + rank + "]" : std::string())
              << ": error: " << flag_hints(e.what(), keys) << "\n";
    return 1;
  } catch (const std::bad_alloc&) {
    std::cerr << "lmlab-cli " << command->name << ": error: not enough memory (a smaller model, batch or file?)\n";
    return 1;
  } catch (const c10::Error& e) {
    // A check inside LibTorch that LM Lab's own checks did not foresee: its message without
    // the C++ stack trace, which says nothing to a learner.
    const std::string what = e.what_without_backtrace();
    std::cerr << "lmlab-cli " << command->name << ": internal error (LibTorch): " << what.substr(0, what.find('\n'))
              << "\n";
    return 3;
  }
}

}  // namespace
}  // namespace lmlab::cli

int main(int argc, char** argv) {
  lmlab::select_blas_kernels(argv);
  lmlab::cli::remember_command_line(argc, argv);
  try {
    return lmlab::cli::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "lmlab-cli: internal error: " << e.what() << "\n";
    return 3;
  }
}
