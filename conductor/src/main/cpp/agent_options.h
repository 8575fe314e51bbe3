// A mock agent's command line: every option is `--name value`; socket and engine are required.
#pragma once

#include <cmath>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>

namespace nova {

constexpr const char* kUsage = R"(Usage: nova-mock-agent --socket PATH --engine NODE [options]
  --socket PATH              the UNIX socket to listen on
  --engine NODE              the inference engine this agent runs on, e.g. c1r1e0
  --first-token-ms N         pause before the first token (default 50)
  --tokens-per-second N      pace after the first token (default 200)
  --load-ms N                how long loading the model pretends to take (default 0)
  --heartbeat-ms N           interval between heartbeats (default 1000)
  --connect-timeout-ms N     exit if the conductor has not connected by then (default 30000)
  -h, --help                 this text)";

struct AgentOptions {
  std::string socket;
  std::string engine;
  int64_t firstTokenMs = 50;
  double tokensPerSecond = 200;
  int64_t loadMs = 0;
  int64_t heartbeatMs = 1000;
  int64_t connectTimeoutMs = 30000;
  bool help = false;

  // Throws std::invalid_argument saying what is wrong.
  static AgentOptions parse(int argc, char** argv) {
    std::map<std::string, std::string> given;
    for (int i = 1; i < argc; i++) {
      std::string name = argv[i];
      if (name == "-h" || name == "--help") {
        AgentOptions help;
        help.help = true;
        return help;
      }
      if (!known(name)) throw std::invalid_argument("unknown option '" + name + "'");
      if (i + 1 == argc) throw std::invalid_argument(name + " needs a value");
      if (!given.emplace(name, argv[++i]).second) throw std::invalid_argument(name + " is given twice");
    }
    AgentOptions o;
    for (const char* required : {"--socket", "--engine"}) {
      if (!given.count(required)) throw std::invalid_argument(std::string("missing required option ") + required);
    }
    o.socket = given["--socket"];
    o.engine = given["--engine"];
    if (given.count("--first-token-ms")) o.firstTokenMs = millis("--first-token-ms", given["--first-token-ms"]);
    if (given.count("--tokens-per-second")) o.tokensPerSecond = positive("--tokens-per-second", given["--tokens-per-second"]);
    if (given.count("--load-ms")) o.loadMs = millis("--load-ms", given["--load-ms"]);
    if (given.count("--heartbeat-ms")) o.heartbeatMs = millis("--heartbeat-ms", given["--heartbeat-ms"]);
    if (given.count("--connect-timeout-ms")) o.connectTimeoutMs = millis("--connect-timeout-ms", given["--connect-timeout-ms"]);
    return o;
  }

 private:
  static bool known(const std::string& name) {
    for (const char* n : {"--socket", "--engine", "--first-token-ms", "--tokens-per-second", "--load-ms", "--heartbeat-ms",
             "--connect-timeout-ms"}) {
      if (name == n) return true;
    }
    return false;
  }

  static int64_t millis(const std::string& name, const std::string& value) {
    size_t end = 0;
    try {
      long long ms = std::stoll(value, &end);
      if (end == value.size() && ms >= 0) return ms;
    } catch (const std::exception&) {
      // falls through to the message below
    }
    throw std::invalid_argument(name + " takes a whole number of milliseconds, 0 or more; got '" + value + "'");
  }

  static double positive(const std::string& name, const std::string& value) {
    size_t end = 0;
    try {
      double n = std::stod(value, &end);
      if (end == value.size() && n > 0 && std::isfinite(n)) return n;
    } catch (const std::exception&) {
      // falls through to the message below
    }
    throw std::invalid_argument(name + " takes a number above 0; got '" + value + "'");
  }
};

}  // namespace nova
