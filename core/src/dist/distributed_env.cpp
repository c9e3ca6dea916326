#include "lmlab/dist/distributed_env.h"

#include "lmlab/error.h"
#include "lmlab/parse_number.h"

#include <cstdlib>

namespace lmlab {

namespace {

int integer_variable(const std::map<std::string, std::string>& v, const char* name, long min, long max) {
  const auto it = v.find(name);
  if (it == v.end()) throw Error(std::string("environment variable ") + name + " is not set (a data-parallel job "
                                 "needs MASTER_ADDR, MASTER_PORT, RANK and WORLD_SIZE)");
  const auto value = parse_integer(it->second);
  if (!value || *value < min || *value > max)
    throw Error(std::string("environment variable ") + name + " must be a whole number from " + std::to_string(min) +
                " to " + std::to_string(max) + ", got '" + it->second + "'");
  return static_cast<int>(*value);
}

}  // namespace

std::map<std::string, std::string> DistributedEnv::variables() const {
  return {{"MASTER_ADDR", master_addr},
          {"MASTER_PORT", std::to_string(master_port)},
          {"RANK", std::to_string(rank)},
          {"WORLD_SIZE", std::to_string(world_size)},
          {"LOCAL_RANK", std::to_string(local_rank)},
          {"LMLAB_DIST_TIMEOUT_S", std::to_string(timeout.count() / 1000)}};
}

std::optional<DistributedEnv> distributed_env_from(const std::map<std::string, std::string>& v) {
  if (!v.count("WORLD_SIZE")) return std::nullopt;
  DistributedEnv env;
  env.world_size = integer_variable(v, "WORLD_SIZE", 1, 4096);
  env.rank = integer_variable(v, "RANK", 0, env.world_size - 1);
  env.local_rank = v.count("LOCAL_RANK") ? integer_variable(v, "LOCAL_RANK", 0, 4095) : env.rank;
  env.master_port = integer_variable(v, "MASTER_PORT", 1, 65535);
  const auto addr = v.find("MASTER_ADDR");
  if (addr == v.end() || addr->second.empty())
    throw Error("environment variable MASTER_ADDR is not set (the address of rank 0)");
  env.master_addr = addr->second;
  if (v.count("LMLAB_DIST_TIMEOUT_S"))
    env.timeout = std::chrono::seconds(integer_variable(v, "LMLAB_DIST_TIMEOUT_S", 1, 86400));
  return env;
}

std::optional<DistributedEnv> distributed_env_from_environment() {
  std::map<std::string, std::string> v;
  for (const char* name :
       {"MASTER_ADDR", "MASTER_PORT", "RANK", "WORLD_SIZE", "LOCAL_RANK", "LMLAB_DIST_TIMEOUT_S"})
    if (const char* value = std::getenv(name)) v[name] = value;
  return distributed_env_from(v);
}

}  // namespace lmlab
