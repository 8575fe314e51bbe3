// What a mock agent "generates": deterministic words chosen by a hash of the prompt and the adapter,
// so the same request always gets the same tokens, on any agent. A stream resumed on another agent
// after a failover therefore continues exactly where it stopped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nova {

// A vision encoder's token count for one image: fixed, as a ViT's patch grid is (24 x 24).
constexpr uint32_t kImageTokens = 576;

class MockModel {
 public:
  // The whole answer, each word after its space; an adapter's name leads its answers.
  static std::vector<std::string> answer(std::string_view prompt, std::string_view adapter, uint32_t imageTokens) {
    uint64_t seed = mix(hash(prompt) * 31 + hash(adapter)) ^ imageTokens;
    size_t length = 24 + seed % 40;
    std::vector<std::string> tokens;
    tokens.reserve(length);
    if (!adapter.empty()) tokens.push_back("[" + std::string(adapter) + "]");
    for (uint64_t i = 0; tokens.size() < length; i++) {
      seed = mix(seed + i);
      tokens.push_back(" " + std::string(kWords[seed % kWordCount]));
    }
    return tokens;
  }

  // About one token per word, as a tokenizer would roughly count.
  static uint32_t promptTokens(std::string_view text) {
    uint32_t words = 0;
    bool inWord = false;
    for (char c : text) {
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
      if (!space && !inWord) words++;
      inWord = !space;
    }
    return words;
  }

 private:
  static constexpr const char* kWords[] = {"the", "conductor", "routes", "each", "request", "to", "an", "agent", "on",
      "an", "inference", "engine", "which", "streams", "tokens", "back", "over", "a", "unix", "socket", "while",
      "heartbeats", "report", "load", "and", "adapters", "so", "a", "crashed", "agent", "is", "restarted", "and", "its",
      "work", "fails", "over"};
  static constexpr uint64_t kWordCount = sizeof(kWords) / sizeof(kWords[0]);

  // splitmix64's finalizer: a cheap, well-spread hash.
  static uint64_t mix(uint64_t x) {
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }

  // FNV-1a over the UTF-8 bytes: stable across runs and machines, unlike std::hash.
  static uint64_t hash(std::string_view text) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ULL;
    return h;
  }
};

}  // namespace nova
