#include "session_stress.h"

#include <chrono>
#include <random>
#include <thread>

namespace lmlab::test {

void drive_random_commands(TrainingSession& session, int count, uint64_t seed,
                           const std::function<void(TrainingJob&, uint64_t)>& freeze, const std::string& save_dir) {
  const auto drive = [&](uint64_t thread_seed, int commands) {
    std::mt19937_64 rng(thread_seed);
    for (int i = 0; i < commands; ++i) {
      switch (rng() % 7) {
        case 0: session.pause(); break;
        case 1: session.resume(); break;
        case 2: {
          const uint64_t choice = rng();
          session.post([freeze, choice](TrainingJob& job) { freeze(job, choice); });  // a copy: it may run after we return
          break;
        }
        case 3:
          if (!save_dir.empty() && rng() % 20 == 0) session.save(save_dir);
          break;
        case 4: session.set_probe(rng() % 2 ? "a [MASK] probe" : "another probe"); break;
        default: session.post([](TrainingJob&) {});
      }
      if (rng() % 4 == 0) std::this_thread::sleep_for(std::chrono::microseconds(rng() % 500));
    }
  };
  std::thread other(drive, seed + 1, count / 2);
  drive(seed, count - count / 2);
  other.join();
  session.resume();
}

}  // namespace lmlab::test
