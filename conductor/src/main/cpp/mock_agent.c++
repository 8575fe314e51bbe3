#include "mock_agent.h"

#include <capnp/serialize.h>
#include <kj/io.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <thread>

#include "log.h"
#include "mock_model.h"

namespace nova {

namespace {
constexpr uint64_t kMaxFrameWords = 1 << 20;  // 8 MiB, as the conductor's own limit

std::string text(capnp::Text::Reader t) { return std::string(t.cStr(), t.size()); }
}  // namespace

MockAgent::Ended MockAgent::serve() {
  pid_t pid = getpid();
  send(0, [&](Frame::Builder f) {
    auto hello = f.initHello();
    hello.setAgentId("mock-" + std::to_string(pid));
    hello.setEngine(options_.engine);
    hello.setPid(pid);
    hello.setMock(true);
  });
  std::thread beater([this] { beat(); });
  Ended ended = Ended::kClosed;
  try {
    kj::FdInputStream raw(fd_);
    kj::BufferedInputStreamWrapper in(raw);
    capnp::ReaderOptions limits;
    limits.traversalLimitInWords = kMaxFrameWords;
    while (in.tryGetReadBuffer().size() > 0) {
      capnp::InputStreamMessageReader message(in, limits);
      if (!handle(message.getRoot<Frame>())) {
        ended = Ended::kBadFrame;
        break;
      }
    }
  } catch (const kj::Exception& e) {
    if (!drained_) {  // a drain ends the connection under the reader
      log("ERROR", "bad frame from the conductor, closing: " + std::string(e.getDescription().cStr()));
      ended = Ended::kBadFrame;
    }
  }
  stopping_ = true;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [seq, request] : running_) {
      std::lock_guard<std::mutex> wake(request->mutex);
      request->cancelled = true;
      request->wake.notify_all();
    }
    changed_.notify_all();
  }
  beater.join();
  return drained_ ? Ended::kDrained : ended;
}

bool MockAgent::handle(Frame::Reader frame) {
  uint64_t seq = frame.getSeq();
  if (frame.getVersion() != PROTOCOL_VERSION) {
    std::string why = "frame has protocol version " + std::to_string(frame.getVersion()) + " but this agent speaks version " +
        std::to_string(PROTOCOL_VERSION);
    send(seq, [&](Frame::Builder f) {
      auto failure = f.initFailure();
      failure.setCode(FailureCode::UNSUPPORTED_VERSION);
      failure.setMessage(why);
    });
    log("ERROR", why + "; closing");
    return false;
  }
  switch (frame.which()) {
    case Frame::SETUP: {
      auto s = frame.getSetup();
      Setup setup{text(s.getModel()), text(s.getRole()), s.getLoraMode(), s.getMaxAdapters()};
      std::thread([this, seq, setup] { load(seq, setup); }).detach();
      return true;
    }
    case Frame::ASSIGN:
      send(seq, [](Frame::Builder f) { f.setAssigned(); });
      return true;
    case Frame::LOAD_ADAPTER: {
      AdapterResult r = loadAdapter(text(frame.getLoadAdapter().getName()), frame.getLoadAdapter().getRank());
      sendAdapterResult(seq, r);
      return true;
    }
    case Frame::UNLOAD_ADAPTER:
      sendAdapterResult(seq, unloadAdapter(text(frame.getUnloadAdapter().getName())));
      return true;
    case Frame::INFER: {
      auto r = frame.getInfer();
      std::string prompt;  // the conductor's prompt: each message's content after a newline
      for (auto m : r.getMessages()) prompt += "\n" + text(m.getContent());
      // refused here, on the reader, so a request that came before a drain is served and one after it is not
      if (auto refused = refusal(text(r.getAdapter()))) {
        send(seq, [&](Frame::Builder f) {
          auto failure = f.initFailure();
          failure.setCode(refused->first);
          failure.setMessage(refused->second);
        });
        return true;
      }
      start(seq, [this, seq, prompt, adapter = text(r.getAdapter()), max = r.getMaxTokens(), images = r.getImageTokens()](Request& q) {
        infer(seq, q, prompt, adapter, max, images);
      });
      return true;
    }
    case Frame::ENCODE: {
      uint32_t images = frame.getEncode().getImages().size();
      start(seq, [this, seq, images](Request& q) { encode(seq, q, images); });
      return true;
    }
    case Frame::CANCEL: {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = running_.find(seq);
      if (it != running_.end()) {
        std::lock_guard<std::mutex> wake(it->second->mutex);
        it->second->cancelled = true;
        it->second->wake.notify_all();
      }
      return true;
    }
    case Frame::PING: {
      auto ping = frame.getPing();
      send(seq, [&](Frame::Builder f) {
        auto pong = f.initPong();
        pong.setSentNanos(ping.getSentNanos());
        pong.setPayload(ping.getPayload());
      });
      return true;
    }
    case Frame::STATUS_REQUEST:
      send(seq, [this](Frame::Builder f) { fillHeartbeat(f.initStatus()); });
      return true;
    case Frame::DRAIN:
      state_ = AgentState::DRAINING;
      std::thread([this, seq] { drain(seq); }).detach();
      return true;
    case Frame::HELLO: case Frame::SETUP_DONE: case Frame::ASSIGNED: case Frame::ADAPTER_RESULT: case Frame::ENCODED:
    case Frame::TOKEN: case Frame::DONE: case Frame::FAILURE: case Frame::HEARTBEAT: case Frame::DRAINED: case Frame::STATUS:
    case Frame::PONG:
      log("WARN", "ignoring a frame of kind " + std::to_string(static_cast<int>(frame.which())) + ", which only agents send");
      return true;
  }
  log("ERROR", "frame of unknown kind " + std::to_string(static_cast<int>(frame.which())) + " (a newer schema?); closing");
  return false;
}

void MockAgent::load(uint64_t seq, Setup setup) {
  state_ = AgentState::LOADING;
  auto started = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(std::chrono::milliseconds(options_.loadMs));
  std::string message = "mock " + setup.model + " (" + setup.role + ") loaded";
  {
    std::lock_guard<std::mutex> lock(mutex_);
    setup_ = std::move(setup);
  }
  state_ = AgentState::READY;
  auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  send(seq, [&](Frame::Builder f) {
    auto done = f.initSetupDone();
    done.setOk(true);
    done.setMessage(message);
    done.setLoadMillis(static_cast<uint32_t>(took));
  });
}

}  // namespace nova
