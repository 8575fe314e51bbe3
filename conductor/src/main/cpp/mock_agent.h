// One mock agent's side of its connection: it loads nothing, but answers every message as a real
// agent would, at a model's pace. Each inference runs on its own thread; the replies of several
// requests interleave on the one connection, told apart by their seq.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <time.h>

#include <functional>

#include "agent_options.h"
#include "conductor.capnp.h"

namespace nova {

class MockAgent {
 public:
  MockAgent(const AgentOptions& options, int fd) : options_(options), fd_(fd) {}

  enum class Ended { kClosed, kDrained, kBadFrame };

  // Serves the connection until it ends, a drain completes, or a frame cannot be served.
  Ended serve();

 private:
  struct Request {  // one inference or encoding in flight, which a cancel wakes
    std::mutex mutex;
    std::condition_variable wake;
    bool cancelled = false;
    bool pauseUntil(std::chrono::steady_clock::time_point until);  // false when cancelled
  };
  struct Setup {
    std::string model;
    std::string role;
    LoraMode lora;
    uint16_t maxAdapters;
  };
  struct AdapterResult {
    bool ok;
    std::string message;
  };

  bool handle(Frame::Reader frame);
  void load(uint64_t seq, Setup setup);
  void infer(uint64_t seq, Request& request, std::string prompt, std::string adapter, uint32_t maxTokens, uint32_t imageTokens);
  void encode(uint64_t seq, Request& request, uint32_t images);
  void drain(uint64_t seq);
  void beat();
  void start(uint64_t seq, std::function<void(Request&)> work);
  std::optional<std::pair<FailureCode, std::string>> refusal(const std::string& adapter);
  AdapterResult loadAdapter(const std::string& name, uint16_t rank);
  AdapterResult unloadAdapter(const std::string& name);
  void sendAdapterResult(uint64_t seq, const AdapterResult& result);
  void fillHeartbeat(Heartbeat::Builder heartbeat);
  std::string loadedList();
  template <typename Fill>
  bool send(uint64_t seq, Fill fill);

  const AgentOptions options_;
  const int fd_;
  std::mutex writeMutex_;
  bool closed_ = false;  // under writeMutex_
  std::atomic<AgentState> state_ = AgentState::STARTING;
  std::atomic<uint64_t> completed_ = 0;
  std::atomic<bool> drained_ = false;
  std::atomic<bool> stopping_ = false;
  std::mutex mutex_;  // guards what follows
  std::condition_variable changed_;
  std::optional<Setup> setup_;
  std::vector<std::string> adapters_;  // in load order: the conductor evicts the oldest first
  std::map<uint64_t, std::shared_ptr<Request>> running_;
};

template <typename Fill>
inline bool MockAgent::send(uint64_t seq, Fill fill) {
  capnp::MallocMessageBuilder message(128);
  Frame::Builder frame = message.initRoot<Frame>();
  frame.setVersion(PROTOCOL_VERSION);
  frame.setSeq(seq);
  fill(frame);
  std::lock_guard<std::mutex> lock(writeMutex_);
  if (closed_) return false;
  try {
    capnp::writeMessageToFd(fd_, message);
    return true;
  } catch (const kj::Exception&) {
    closed_ = true;  // the connection is gone; the conductor fails this request over
    return false;
  }
}

inline uint64_t monotonicNanos() {  // the clock Java's System.nanoTime reads
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<uint64_t>(t.tv_sec) * 1000000000ULL + t.tv_nsec;
}

}  // namespace nova
