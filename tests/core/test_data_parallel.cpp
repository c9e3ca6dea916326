// Data-parallel pretraining on c10d with real worker processes on localhost: two ranks
// follow one process's trajectory (Gloo on the CPU; NCCL on two GPUs, in the cuda label),
// and faults (a rank that never arrives, a port in use, a rank that dies) end in a named
// error instead of a hang.
#include "error_text.h"
#include "lmlab/device_choice.h"
#include "lmlab/dist/data_parallel.h"
#include "lmlab/error.h"
#include "lmlab/io/checkpoint.h"
#include "lmlab/io/safetensors.h"
#include "lmlab/train/pretrainer.h"
#include "skip_without_cuda.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

using namespace lmlab;

using lmlab::test::error_of;

namespace {

constexpr int64_t kSteps = 6;

// A tiny BERT (MLM + NSP: per-rank masked counts differ, which the loss weights must undo)
// without dropout, its embeddings frozen (frozen parameters stay out of the buckets). MLM
// alone leaves the NSP head and pooler without gradients, on every rank.
std::unique_ptr<Pretrainer> make_trainer(uint64_t weight_seed, const std::string& objectives = "mlm+nsp",
                                         const c10::Device& device = c10::Device(c10::kCPU)) {
  ModelConfig config;
  config.arch = Architecture::Bert;
  config.vocab_size = 60, config.d_model = 32, config.n_layers = 2, config.n_heads = 2, config.d_ff = 64;
  config.max_seq_len = 24, config.dropout = 0, config.attention_dropout = 0;
  torch::manual_seed(weight_seed);
  LanguageModel model(config);
  model->to(device);
  for (auto& p : model->body().embeddings->parameters()) p.set_requires_grad(false);
  std::mt19937 rng(5);
  TokenizedCorpus corpus(6);
  for (auto& document : corpus)
    for (int s = 0; s < 5; ++s) {
      std::vector<int> sentence(3 + rng() % 5);
      for (auto& id : sentence) id = 7 + static_cast<int>(rng() % 53);
      document.push_back(sentence);
    }
  PretrainSettings settings;
  settings.objectives = Objectives::parse(objectives);
  settings.steps = kSteps;
  settings.warmup_steps = 0;
  settings.adamw.lr = 3e-3;
  PretrainingBatcher batcher(corpus, settings.objectives, SpecialIds{}, config.vocab_size, 7, 24, 11);
  return std::make_unique<Pretrainer>(model, std::move(batcher), settings);
}

int free_port() {
  std::random_device rd;
  return 20000 + static_cast<int>(rd() % 20000);
}

// Runs this test binary as one rank (the DataParallelWorker test), output to log; extra_env
// holds NAME=value pairs (LMLAB_DP_OBJECTIVES, LMLAB_DP_DEVICE, LMLAB_DP_DIE_AT).
pid_t spawn_rank(int rank, int world, int port, const std::string& out, const std::string& log,
                 const std::vector<std::string>& extra_env = {}) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1), ::dup2(fd, 2);
    ::setenv("MASTER_ADDR", "127.0.0.1", 1);
    ::setenv("MASTER_PORT", std::to_string(port).c_str(), 1);
    ::setenv("RANK", std::to_string(rank).c_str(), 1);
    ::setenv("WORLD_SIZE", std::to_string(world).c_str(), 1);
    ::setenv("LMLAB_DIST_TIMEOUT_S", "10", 1);
    ::setenv("LMLAB_DP_OUT", out.c_str(), 1);
    for (const auto& variable : extra_env) ::putenv(const_cast<char*>(variable.c_str()));
    ::execl("/proc/self/exe", "lmlab_core_tests", "--gtest_filter=DataParallelWorker.*", nullptr);
    ::_exit(127);
  }
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every test here needs a build with Gloo (core/CMakeLists.txt).
class DataParallelJob : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!LMLAB_HAS_GLOO) GTEST_SKIP() << "built without gloo's headers (libgloo-dev)";
  }
};

}  // namespace

// One rank of the jobs below; skipped unless a test started this binary as a worker.
TEST(DataParallelWorker, TrainsItsShare) {
  const char* out = std::getenv("LMLAB_DP_OUT");
  if (!out) GTEST_SKIP() << "runs only as a worker process";
  const auto job = distributed_env_from_environment();
  const char* objectives = std::getenv("LMLAB_DP_OBJECTIVES");
  const char* device = std::getenv("LMLAB_DP_DEVICE");
  const auto rank_device = resolve_device(rank_device_choice(device ? device : "cpu", job->local_rank));
  auto parallel = std::make_shared<DataParallel>(*job);
  // Each rank starts from different weights: the broadcast must make them rank 0's.
  auto trainer = make_trainer(100 + static_cast<uint64_t>(job->rank), objectives ? objectives : "mlm+nsp", rank_device);
  parallel->attach(*trainer->model());
  trainer->set_data_parallel(parallel);
  const char* die_at = std::getenv("LMLAB_DP_DIE_AT");
  for (int64_t step = 1; step <= kSteps; ++step) {
    if (die_at && job->rank == 1 && step == std::atoi(die_at)) ::_exit(3);  // a crash, no goodbye
    trainer->step();
  }
  if (parallel->leader()) {
    std::cerr << "summed on " << parallel->backend() << "\n";
    trainer->model()->to(torch::kCPU);
    write_safetensors(out, model_weights(*trainer->model()));
  }
}

namespace {

// Two ranks train kSteps with these settings; returns rank 0's weights and its log.
std::pair<std::vector<std::pair<std::string, at::Tensor>>, std::string> train_two_ranks(
    const std::vector<std::string>& extra_env) {
  test::TempDir dir;
  const int port = free_port();
  const auto out = dir.file("two.safetensors");
  const pid_t rank0 = spawn_rank(0, 2, port, out, dir.file("rank0.log"), extra_env);
  const pid_t rank1 = spawn_rank(1, 2, port, out, dir.file("rank1.log"), extra_env);
  const int exit0 = wait_exit(rank0), exit1 = wait_exit(rank1);
  EXPECT_EQ(exit0, 0) << read_text(dir.file("rank0.log"));
  EXPECT_EQ(exit1, 0) << read_text(dir.file("rank1.log"));
  if (exit0 != 0 || exit1 != 0) return {};
  return {read_safetensors(out), read_text(dir.file("rank0.log"))};
}

// Weights after kSteps of one process, on device.
std::vector<std::pair<std::string, at::Tensor>> train_one_process(const std::string& objectives,
                                                                  const c10::Device& device) {
  auto single = make_trainer(100, objectives, device);
  for (int64_t step = 0; step < kSteps; ++step) single->step();
  single->model()->to(torch::kCPU);
  return model_weights(*single->model());
}

void expect_same_weights(const std::vector<std::pair<std::string, at::Tensor>>& two,
                         const std::vector<std::pair<std::string, at::Tensor>>& expected) {
  ASSERT_EQ(two.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(two[i].first, expected[i].first);
    EXPECT_TRUE(two[i].second.allclose(expected[i].second, 1e-4, 1e-5))
        << expected[i].first << ": largest gap " << (two[i].second - expected[i].second).abs().max().item<double>();
  }
  // The comparison means something: training moved the weights (the frozen embeddings and
  // any unused head excepted).
  const auto before = model_weights(*make_trainer(100)->model());
  int moved = 0;
  for (size_t i = 0; i < two.size(); ++i) moved += two[i].second.allclose(before[i].second) ? 0 : 1;
  EXPECT_GT(moved, static_cast<int>(two.size()) / 2);
}

}  // namespace

TEST_F(DataParallelJob, TwoProcessesFollowOneProcess) {
  const auto [two, log] = train_two_ranks({});
  if (two.empty()) return;
  EXPECT_NE(log.find("summed on Gloo"), std::string::npos) << log;
  expect_same_weights(two, train_one_process("mlm+nsp", torch::kCPU));
}

// Without NSP no rank computes the NSP head's gradients: as in one process, AdamW must skip
// those parameters (a zero gradient would still apply weight decay and move them).
TEST_F(DataParallelJob, AParameterNoRankUsedIsLeftAsOneProcessLeavesIt) {
  const auto [two, log] = train_two_ranks({"LMLAB_DP_OBJECTIVES=mlm"});
  if (two.empty()) return;
  expect_same_weights(two, train_one_process("mlm", torch::kCPU));
  const auto initial = model_weights(*make_trainer(100, "mlm")->model());
  int unused = 0;
  for (size_t i = 0; i < two.size(); ++i)
    if (two[i].first.rfind("next_sentence.", 0) == 0 || two[i].first.rfind("pooler.", 0) == 0) {
      ++unused;
      EXPECT_TRUE(two[i].second.equal(initial[i].second)) << two[i].first << " moved without a gradient";
    }
  EXPECT_EQ(unused, 4) << "the NSP head and the pooler: a weight and a bias each";
}

// NCCL sums the gradients of models on CUDA, one GPU per rank; the result follows one
// process on one GPU within float tolerance.
TEST(Cuda, DataParallelOnNcclFollowsOneProcess) {
  if (!LMLAB_HAS_GLOO) GTEST_SKIP() << "built without gloo's headers (libgloo-dev): the job's host group is Gloo";
  LMLAB_SKIP_WITHOUT_CUDA();
  if (torch::cuda::device_count() < 2)
    GTEST_SKIP() << "NCCL needs a GPU per rank and this machine has " << torch::cuda::device_count();
  const auto [two, log] = train_two_ranks({"LMLAB_DP_DEVICE=cuda"});
  if (two.empty()) return;
  EXPECT_NE(log.find("summed on NCCL"), std::string::npos) << log;
  expect_same_weights(two, train_one_process("mlm+nsp", c10::Device(c10::kCUDA, 0)));
}

TEST_F(DataParallelJob, ARankThatNeverArrivesIsNamed) {
  DistributedEnv env;
  env.world_size = 3, env.rank = 0, env.master_port = free_port(), env.timeout = std::chrono::seconds(2);
  const auto message = error_of([&] { DataParallel alone(env); });
  EXPECT_NE(message.find("rank(s) 1, 2 of 3 never arrived"), std::string::npos) << message;
}

TEST_F(DataParallelJob, APortInUseIsSaid) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int port = 0;
  for (int attempt = 0; attempt < 20 && port == 0; ++attempt) {
    const int candidate = free_port();
    address.sin_port = htons(static_cast<uint16_t>(candidate));
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) port = candidate;
  }
  ASSERT_NE(port, 0);
  ::listen(fd, 1);
  DistributedEnv env;
  env.world_size = 2, env.rank = 0, env.master_port = port, env.timeout = std::chrono::seconds(2);
  const auto message = error_of([&] { DataParallel taken(env); });
  ::close(fd);
  EXPECT_NE(message.find("cannot listen on 127.0.0.1:" + std::to_string(port)), std::string::npos) << message;
  EXPECT_NE(message.find("in use"), std::string::npos) << message;
}

TEST_F(DataParallelJob, ARankThatDiesStopsTheOthersWithAMessage) {
  test::TempDir dir;
  const int port = free_port();
  const auto start = std::chrono::steady_clock::now();
  const pid_t rank0 = spawn_rank(0, 2, port, dir.file("w"), dir.file("rank0.log"));
  const pid_t rank1 = spawn_rank(1, 2, port, dir.file("w"), dir.file("rank1.log"), {"LMLAB_DP_DIE_AT=3"});
  EXPECT_EQ(wait_exit(rank1), 3);
  EXPECT_NE(wait_exit(rank0), 0);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 30) << "rank 0 should fail within its timeout, not hang";
  EXPECT_NE(read_text(dir.file("rank0.log")).find("lost contact with the other ranks"), std::string::npos)
      << read_text(dir.file("rank0.log"));
}
