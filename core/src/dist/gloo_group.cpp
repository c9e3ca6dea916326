#include "process_groups.h"

#include "lmlab/error.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>

#include <cstdlib>

namespace lmlab::dist {

namespace {

std::shared_ptr<gloo::transport::Device> gloo_device(const DistributedEnv& env) {
  if (const char* interface = std::getenv("GLOO_SOCKET_IFNAME"))
    return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
  if (env.master_addr == "127.0.0.1" || env.master_addr == "localhost")
    return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
  return c10d::ProcessGroupGloo::createDefaultDevice();
}

}  // namespace

c10::intrusive_ptr<compat::CollectiveGroup> connect_gloo(const c10::intrusive_ptr<c10d::Store>& store,
                                                         const DistributedEnv& env) {
  auto options = c10d::ProcessGroupGloo::Options::create(env.timeout);
  options->devices.push_back(gloo_device(env));
  options->threads = 2;
  try {
    return c10::make_intrusive<c10d::ProcessGroupGloo>(store, env.rank, env.world_size, options);
  } catch (const std::exception& e) {
    const std::string what = e.what();
    throw Error("could not connect the Gloo process group (rank " + std::to_string(env.rank) + "): " +
                what.substr(0, what.find('\n')));
  }
}

}  // namespace lmlab::dist
