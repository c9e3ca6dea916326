// The session's threading under ThreadSanitizer: a torch-free job, 1000 random commands from
// two threads while it trains, events read from the session thread. Exit 0 when it ends
// cleanly with events delivered; TSan reports fail the test (halt_on_error).
#include "lmlab/session/training_session.h"
#include "session_stress.h"

#include <atomic>
#include <cstdio>
#include <numeric>
#include <vector>

namespace {

struct BusyJob : lmlab::TrainingJob {
  int64_t n = 0;
  uint64_t frozen = 0;
  std::vector<double> work = std::vector<double>(20000, 1.0);
  std::string probe;
  lmlab::SessionInfo info() const override { return {}; }
  bool done() const override { return n >= 1'000'000; }
  lmlab::SessionStep step() override {
    const double sum = std::accumulate(work.begin(), work.end(), 0.0);
    return {++n, sum / static_cast<double>(work.size()), {{"frozen", static_cast<double>(frozen)}}, 0.1, ""};
  }
  lmlab::Snapshot snapshot() override {
    lmlab::Snapshot s;
    s.step = n;
    return s;
  }
  void save(const std::string&) override {}
  void set_probe(std::string text) override { probe = std::move(text); }
};

struct Counter : lmlab::SessionSink {
  std::atomic<int64_t> steps{0}, snapshots{0};
  std::atomic<bool> finished{false};
  void on_step(const lmlab::SessionStep&) override { ++steps; }
  void on_snapshot(const lmlab::Snapshot&) override { ++snapshots; }
  void on_finished(int64_t, bool) override { finished = true; }
};

}  // namespace

int main() {
  Counter sink;
  lmlab::SessionOptions options;
  options.snapshot_interval_ms = 1;
  options.stay_open = true;
  lmlab::TrainingSession session(std::make_unique<BusyJob>(), sink, options);
  session.start();
  lmlab::test::drive_random_commands(
      session, 1000, 7, [](lmlab::TrainingJob& job, uint64_t choice) { static_cast<BusyJob&>(job).frozen = choice; }, "");
  session.stop();
  // A session that stays open keeps answering probes after training until it is closed.
  session.set_probe("after the end");
  session.close();
  session.wait();
  std::printf("steps %lld, snapshots %lld, finished %d\n", static_cast<long long>(sink.steps.load()),
              static_cast<long long>(sink.snapshots.load()), sink.finished.load() ? 1 : 0);
  return sink.finished && sink.steps > 0 ? 0 : 1;
}
