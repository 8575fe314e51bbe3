// The mock agent's work: inference at the model's pace, vision encoding, LoRA adapters, heartbeats
// and the drain.
#include <sys/socket.h>

#include <algorithm>
#include <thread>

#include "log.h"
#include "mock_agent.h"
#include "mock_model.h"

namespace nova {

bool MockAgent::Request::pauseUntil(std::chrono::steady_clock::time_point until) {
  std::unique_lock<std::mutex> lock(mutex);
  return !wake.wait_until(lock, until, [this] { return cancelled; });
}

void MockAgent::start(uint64_t seq, std::function<void(Request&)> work) {
  auto request = std::make_shared<Request>();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    running_[seq] = request;
  }
  std::thread([this, seq, request, work = std::move(work)] {
    work(*request);
    std::lock_guard<std::mutex> lock(mutex_);
    running_.erase(seq);
    changed_.notify_all();
  }).detach();
}

std::optional<std::pair<FailureCode, std::string>> MockAgent::refusal(const std::string& adapter) {
  AgentState state = state_;
  if (state == AgentState::DRAINING) return std::make_pair(FailureCode::DRAINING, options_.engine + " is draining and takes no new work");
  if (state != AgentState::READY) return std::make_pair(FailureCode::OVERLOADED, options_.engine + " has no model loaded yet");
  std::lock_guard<std::mutex> lock(mutex_);
  if (!adapter.empty() && std::find(adapters_.begin(), adapters_.end(), adapter) == adapters_.end()) {
    return std::make_pair(FailureCode::UNKNOWN_ADAPTER,
        "adapter '" + adapter + "' is not loaded on " + options_.engine + "; loaded: " + loadedList());
  }
  return std::nullopt;
}

void MockAgent::infer(uint64_t seq, Request& request, std::string prompt, std::string adapter, uint32_t maxTokens, uint32_t imageTokens) {
  std::vector<std::string> whole = MockModel::answer(prompt, adapter, imageTokens);
  size_t count = std::min<size_t>(whole.size(), maxTokens);
  // An absolute schedule keeps the rate exact: pauses shorter than a timer tick add up instead of each rounding up.
  auto next = std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.firstTokenMs);
  auto interval = std::chrono::nanoseconds(static_cast<int64_t>(1e9 / options_.tokensPerSecond));
  for (size_t i = 0; i < count; i++) {
    if (i > 0) next += interval;
    if (!request.pauseUntil(next)) return;  // cancelled: the conductor expects nothing more
    bool sent = send(seq, [&](Frame::Builder f) {
      auto token = f.initToken();
      token.setIndex(static_cast<uint32_t>(i));
      token.setText(whole[i]);
    });
    if (!sent) return;
  }
  completed_++;
  send(seq, [&](Frame::Builder f) {
    auto done = f.initDone();
    done.setPromptTokens(MockModel::promptTokens(prompt) + imageTokens);
    done.setCompletionTokens(static_cast<uint32_t>(count));
    done.setFinishReason(whole.size() > count ? "length" : "stop");
  });
}

void MockAgent::encode(uint64_t seq, Request& request, uint32_t images) {
  if (!request.pauseUntil(std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.firstTokenMs))) return;
  completed_++;
  send(seq, [&](Frame::Builder f) { f.initEncoded().setImageTokens(images * kImageTokens); });
}

// Lets what runs finish (handle() already turned new work away), says so, and ends the connection: the process then exits.
void MockAgent::drain(uint64_t seq) {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    log("INFO", "draining " + std::to_string(running_.size()) + " request(s) in flight");
    changed_.wait(lock, [this] { return running_.empty() || stopping_; });
  }
  state_ = AgentState::DRAINED;
  send(seq, [this](Frame::Builder f) { f.initDrained().setCompleted(completed_); });
  drained_ = true;
  shutdown(fd_, SHUT_RDWR);  // wakes the reader, which ends the connection
}

void MockAgent::beat() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    send(0, [this](Frame::Builder f) { fillHeartbeat(f.initHeartbeat()); });
    lock.lock();
    changed_.wait_for(lock, std::chrono::milliseconds(options_.heartbeatMs), [this] { return stopping_.load(); });
  }
}

void MockAgent::fillHeartbeat(Heartbeat::Builder heartbeat) {
  heartbeat.setSentNanos(monotonicNanos());
  heartbeat.setState(state_);
  heartbeat.setCompleted(completed_);
  std::lock_guard<std::mutex> lock(mutex_);
  heartbeat.setInFlight(static_cast<uint32_t>(running_.size()));
  auto list = heartbeat.initAdapters(static_cast<unsigned>(adapters_.size()));
  for (size_t i = 0; i < adapters_.size(); i++) list.set(static_cast<unsigned>(i), adapters_[i]);
}

MockAgent::AdapterResult MockAgent::loadAdapter(const std::string& name, uint16_t rank) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!setup_) return {false, "no model is loaded yet; adapters load after setup"};
  if (setup_->lora == LoraMode::NONE) return {false, setup_->model + " takes no LoRA adapters"};
  if (std::find(adapters_.begin(), adapters_.end(), name) != adapters_.end()) return {true, name + " was already loaded"};
  if (adapters_.size() >= setup_->maxAdapters) {
    return {false, "at most " + std::to_string(setup_->maxAdapters) + " adapter(s) fit at once and " + loadedList() +
        " are loaded; unload one first"};
  }
  adapters_.push_back(name);
  return {true, name + " loaded (rank " + std::to_string(rank) + ")"};
}

MockAgent::AdapterResult MockAgent::unloadAdapter(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (setup_ && setup_->lora == LoraMode::STATIC) return {false, "static adapters stay loaded for the life of the agent"};
  auto it = std::find(adapters_.begin(), adapters_.end(), name);
  if (it == adapters_.end()) return {false, "adapter '" + name + "' is not loaded; loaded: " + loadedList()};
  adapters_.erase(it);
  return {true, name + " unloaded"};
}

void MockAgent::sendAdapterResult(uint64_t seq, const AdapterResult& result) {
  send(seq, [&](Frame::Builder f) {
    auto r = f.initAdapterResult();
    r.setOk(result.ok);
    r.setMessage(result.message);
    std::lock_guard<std::mutex> lock(mutex_);
    auto list = r.initLoaded(static_cast<unsigned>(adapters_.size()));
    for (size_t i = 0; i < adapters_.size(); i++) list.set(static_cast<unsigned>(i), adapters_[i]);
  });
}

// The adapters as Java prints a list, "[a, b]"; callers hold mutex_.
std::string MockAgent::loadedList() {
  std::string out = "[";
  for (size_t i = 0; i < adapters_.size(); i++) out += (i ? ", " : "") + adapters_[i];
  return out + "]";
}

}  // namespace nova
