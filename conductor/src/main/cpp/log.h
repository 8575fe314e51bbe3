// One line per event on stderr, in the conductor's own layout (time, level, [engine], message), so
// an agent's lines read the same as the conductor's in one log.
#pragma once

#include <sys/time.h>

#include <cstdio>
#include <ctime>
#include <string>

namespace nova {

inline std::string gEngine = "agent";

inline void log(const char* level, const std::string& message) {
  timeval now;
  gettimeofday(&now, nullptr);
  tm local;
  localtime_r(&now.tv_sec, &local);
  char stamp[16];
  strftime(stamp, sizeof stamp, "%H:%M:%S", &local);
  // one fprintf per line: lines from several threads never interleave
  fprintf(stderr, "%s.%03ld %-5s [%s] MockAgent: %s\n", stamp, static_cast<long>(now.tv_usec / 1000), level, gEngine.c_str(),
      message.c_str());
}

}  // namespace nova
