// DataParallel for a build without gloo's headers (core/CMakeLists.txt): joining a job says
// what is missing, so the rest of LM Lab still builds and runs.
#include "lmlab/dist/data_parallel.h"

#include "lmlab/error.h"

namespace lmlab {

struct DataParallel::Impl {};

DataParallel::DataParallel(const DistributedEnv&, int64_t) {
  throw Error("this LM Lab was built without gloo's headers (Debian package libgloo-dev), so it cannot train "
              "data-parallel; install them and rebuild");
}

DataParallel::~DataParallel() = default;
void DataParallel::leader_first(const std::function<void()>& work) { work(); }
void DataParallel::attach(torch::nn::Module&) {}
int DataParallel::rank() const { return 0; }
int DataParallel::world_size() const { return 1; }
int DataParallel::local_rank() const { return 0; }
std::string DataParallel::backend() const { return {}; }
std::pair<int64_t, int64_t> DataParallel::rows(int64_t batch_size) const { return {0, batch_size}; }
void DataParallel::before_backward() {}
void DataParallel::after_backward() {}
void DataParallel::sum(std::vector<double>&) {}
void DataParallel::report_failure(const std::string&) noexcept {}
int64_t DataParallel::gradient_bytes() const { return 0; }

}  // namespace lmlab
