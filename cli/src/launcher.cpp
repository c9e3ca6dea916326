#include "launcher.h"

#include "lmlab/dist/distributed_env.h"
#include "lmlab/error.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>

namespace lmlab::cli {

namespace {

std::vector<std::string>& command_line() {
  static std::vector<std::string> args;
  return args;
}

// The arguments without --nproc N (a worker runs one rank).
std::vector<std::string> worker_arguments() {
  std::vector<std::string> out;
  const auto& args = command_line();
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--nproc") {
      ++i;
      continue;
    }
    if (args[i].rfind("--nproc=", 0) == 0) continue;
    out.push_back(args[i]);
  }
  return out;
}

void require_free_port(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  // As the rendezvous store binds: a port whose last connections linger in TIME-WAIT (a run
  // that just ended or failed) is free to it.
  const int reuse = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof reuse);
  const bool taken = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 && errno == EADDRINUSE;
  ::close(fd);
  if (taken)
    throw Error("port " + std::to_string(port) + " on 127.0.0.1 is already in use; choose another with --master-port");
}

std::string describe_exit(int status) {
  if (WIFSIGNALED(status)) return std::string("was killed by signal ") + strsignal(WTERMSIG(status));
  return "exited with code " + std::to_string(WEXITSTATUS(status));
}

// The running ranks, for the signal handler (async-signal-safe: a fixed array of atomics).
constexpr int kMaxRanks = 256;  // --nproc's maximum (parallel_job.cpp)
std::atomic<pid_t> running_ranks[kMaxRanks];

// SIGINT or SIGTERM sent to the launcher alone (kill, a job control script) reaches the ranks
// as it would have from a terminal: SIGINT stops them at a step boundary with a checkpoint,
// SIGTERM ends them. The launcher waits for them either way.
void forward_to_ranks(int signal_number) {
  for (auto& pid : running_ranks)
    if (const pid_t p = pid.load(); p > 0) ::kill(p, signal_number);
}

}  // namespace

int threads_per_rank(const DistributedEnv& job) {
  const char* local = std::getenv("LOCAL_WORLD_SIZE");
  const int ranks_here = local ? std::max(1, std::atoi(local)) : job.world_size;
  const long cores = ::sysconf(_SC_NPROCESSORS_ONLN);
  return std::max(1, static_cast<int>(cores) / ranks_here);
}

void remember_command_line(int argc, char** argv) { command_line().assign(argv, argv + argc); }

int run_local_ranks(int nproc, int port, int timeout_s) {
  require_free_port(port);
  const auto args = worker_arguments();
  std::map<pid_t, int> ranks;
  const pid_t launcher = ::getpid();
  for (int rank = 0; rank < nproc; ++rank) {
    DistributedEnv env;
    env.rank = rank, env.local_rank = rank, env.world_size = nproc;
    env.master_port = port;
    env.timeout = std::chrono::seconds(timeout_s);
    const pid_t pid = ::fork();
    if (pid < 0) throw Error(std::string("cannot start worker processes: ") + std::strerror(errno));
    if (pid == 0) {
      // A worker dies with its launcher (kill -9, SIGTERM, SIGINT sent to it alone), rather
      // than training on, re-parented, and rewriting --out after the user gave up on the run.
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);
      if (::getppid() != launcher) ::_exit(1);  // it died before prctl took effect
      for (const auto& [name, value] : env.variables()) ::setenv(name.c_str(), value.c_str(), 1);
      ::setenv("LOCAL_WORLD_SIZE", std::to_string(nproc).c_str(), 1);
      std::vector<char*> argv;
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execv("/proc/self/exe", argv.data());
      std::cerr << "lmlab-cli: cannot start rank " << rank << ": " << std::strerror(errno) << "\n";
      ::_exit(127);
    }
    ranks[pid] = rank;
    running_ranks[rank] = pid;
  }
  struct sigaction forward {};
  forward.sa_handler = forward_to_ranks;
  sigemptyset(&forward.sa_mask);
  ::sigaction(SIGINT, &forward, nullptr);
  ::sigaction(SIGTERM, &forward, nullptr);
  int result = 0;
  while (!ranks.empty()) {
    int status = 0;
    const pid_t pid = ::waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      break;
    }
    const auto it = ranks.find(pid);
    if (it == ranks.end()) continue;
    const int rank = it->second;
    ranks.erase(it);
    running_ranks[rank] = 0;
    const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    const bool interrupted = WIFEXITED(status) && WEXITSTATUS(status) == 130;
    if (!ok && result == 0) {
      result = interrupted ? 130 : 1;
      if (!interrupted) {
        std::cerr << "lmlab-cli: rank " << rank << " " << describe_exit(status)
                  << (ranks.empty() ? "" : "; stopping the other ranks") << "\n";
        for (const auto& [other, r] : ranks) ::kill(other, SIGTERM);
      }
    }
  }
  return result;
}

}  // namespace lmlab::cli
