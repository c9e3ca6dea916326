#include "startup_clock.h"

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

namespace lmlab::app {

double ms_since_process_start() {
  std::ifstream stat("/proc/self/stat");
  std::string line;
  if (!std::getline(stat, line)) return -1;
  // Field 2 (comm) may contain spaces; fields after the closing parenthesis are plain.
  const auto close = line.rfind(')');
  if (close == std::string::npos) return -1;
  std::istringstream rest(line.substr(close + 2));
  std::string field;
  unsigned long long start_ticks = 0;
  for (int index = 3; rest >> field; ++index) {
    if (index == 22) {
      start_ticks = std::stoull(field);
      break;
    }
  }
  std::ifstream uptime_file("/proc/uptime");
  double uptime_s = 0;
  if (!(uptime_file >> uptime_s) || start_ticks == 0) return -1;
  const double ticks_per_s = static_cast<double>(sysconf(_SC_CLK_TCK));
  return (uptime_s - static_cast<double>(start_ticks) / ticks_per_s) * 1000.0;
}

}  // namespace lmlab::app
