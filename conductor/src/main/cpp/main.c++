// nova-mock-agent: a mock LPU inference agent as its own process. It listens on its engine's UNIX
// socket, serves the conductor's one connection, and exits when that connection ends, when it has
// drained, or when the conductor that started it is gone (an agent never outlives its conductor).
//
// It is native, on the reference Cap'n Proto library, because a conductor starts one per engine,
// 64 at a time: a JVM spends over 100 ms of CPU before it listens on a UNIX socket, this under 5 ms.
// It also means every process test speaks the protocol between two independent implementations.
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <thread>

#include "log.h"
#include "mock_agent.h"

namespace {

[[noreturn]] void fail(int code, const std::string& message) {
  nova::log("ERROR", message);
  _exit(code);
}

// Exits once the parent is gone. Polling getppid, because PR_SET_PDEATHSIG follows the thread that
// started the agent, and a JVM's thread may end long before the conductor does.
void watchParent() {
  pid_t parent = getppid();
  std::thread([parent] {
    while (getppid() == parent) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    fail(3, "the conductor that started this agent is gone; exiting");
  }).detach();
}

int listenOn(const std::string& path) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (path.size() >= sizeof address.sun_path) {
    fail(2, "socket path " + path + " is " + std::to_string(path.size()) + " bytes; a UNIX socket path holds at most " +
        std::to_string(sizeof address.sun_path - 1));
  }
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  unlink(path.c_str());  // a socket file left by a crashed predecessor on this engine
  int server = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (server < 0 || bind(server, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(server, 1) != 0) {
    fail(1, "cannot listen on " + path + ": " + std::strerror(errno));
  }
  return server;
}

}  // namespace

int main(int argc, char** argv) {
  nova::AgentOptions options;
  try {
    options = nova::AgentOptions::parse(argc, argv);
  } catch (const std::invalid_argument& e) {
    std::cerr << "nova-mock-agent: " << e.what() << "\n" << nova::kUsage << std::endl;
    return 2;
  }
  if (options.help) {
    std::cout << nova::kUsage << std::endl;
    return 0;
  }
  nova::gEngine = options.engine;
  signal(SIGPIPE, SIG_IGN);  // a write to a closed connection fails with EPIPE instead of killing the agent
  watchParent();
  int server = listenOn(options.socket);
  pollfd waiting{server, POLLIN, 0};
  int ready = poll(&waiting, 1, options.connectTimeoutMs > INT32_MAX ? -1 : static_cast<int>(options.connectTimeoutMs));
  if (ready <= 0) {
    unlink(options.socket.c_str());
    fail(4, "no conductor connected to " + options.socket + " within " + std::to_string(options.connectTimeoutMs) + " ms; exiting");
  }
  int connection = accept4(server, nullptr, nullptr, SOCK_CLOEXEC);
  close(server);
  unlink(options.socket.c_str());  // one conductor, one connection: nobody else may attach
  if (connection < 0) fail(1, std::string("accept failed: ") + std::strerror(errno));
  nova::MockAgent agent(options, connection);
  switch (agent.serve()) {
    case nova::MockAgent::Ended::kDrained:
      nova::log("INFO", "drained; exiting");
      break;
    case nova::MockAgent::Ended::kClosed:
      nova::log("INFO", "the conductor closed the connection; exiting");
      break;
    case nova::MockAgent::Ended::kBadFrame:
      _exit(1);
  }
  _exit(0);  // request threads may still be winding down; nothing of theirs needs to finish
}
