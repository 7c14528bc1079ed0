// Tests for search_gate: never more searches at once than its slots, every one gets its turn,
// and no gate (0 slots) holds none back.

#include "searchd/search_gate.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace vnsearch {
namespace {

// Runs `searches` threads that each take a turn at `gate` and hold it for a moment; returns the
// most that held a turn at once.
int MostAtOnce(SearchGate* gate, int searches) {
  std::atomic<int> running{0};
  std::atomic<int> most{0};
  std::atomic<int> done{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < searches; ++i) {
    threads.emplace_back([&] {
      SearchGate::Turn turn(gate);
      int now = ++running;
      int seen = most.load();
      while (now > seen && !most.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      --running;
      ++done;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(done.load(), searches);
  return most.load();
}

TEST(SearchGateTest, NeverMoreAtOnceThanItsSlots) {
  SearchGate two(2);
  int most = MostAtOnce(&two, 12);
  EXPECT_LE(most, 2);
  EXPECT_GE(most, 1);
  SearchGate one(1);
  EXPECT_EQ(MostAtOnce(&one, 6), 1);
}

TEST(SearchGateTest, NoSlotsMeansNoGate) {
  SearchGate open(0);
  // Twelve threads holding a turn for 20 ms each: without a gate, several overlap.
  EXPECT_GT(MostAtOnce(&open, 12), 2);
}

}  // namespace
}  // namespace vnsearch
