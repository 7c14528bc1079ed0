// Tests for search_pool: never more searches at once than its threads, every one is run and its
// asker waits for it, what a search throws reaches its asker, and no pool (0 threads) runs each
// search on the thread asking.

#include "searchd/search_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace vnsearch {
namespace {

// Runs `searches` threads that each ask `pool` for a search holding its thread for a moment;
// returns the most that ran at once.
int MostAtOnce(SearchPool* pool, int searches) {
  std::atomic<int> running{0};
  std::atomic<int> most{0};
  std::atomic<int> done{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < searches; ++i) {
    threads.emplace_back([&] {
      bool ran = false;
      pool->Run([&] {
        int now = ++running;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        --running;
        ran = true;
      });
      EXPECT_TRUE(ran);  // Run returns once the search has ended
      ++done;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(done.load(), searches);
  return most.load();
}

TEST(SearchPoolTest, NeverMoreAtOnceThanItsThreads) {
  SearchPool two(2);
  int most = MostAtOnce(&two, 12);
  EXPECT_LE(most, 2);
  EXPECT_GE(most, 1);
  SearchPool one(1);
  EXPECT_EQ(MostAtOnce(&one, 6), 1);
}

TEST(SearchPoolTest, ASearchRunsOnAThreadOfThePool) {
  SearchPool pool(1);
  std::thread::id first, second;
  pool.Run([&] { first = std::this_thread::get_id(); });
  pool.Run([&] { second = std::this_thread::get_id(); });
  EXPECT_NE(first, std::this_thread::get_id());
  EXPECT_EQ(first, second);
}

TEST(SearchPoolTest, WhatASearchThrowsReachesItsAsker) {
  SearchPool pool(2);
  EXPECT_THROW(pool.Run([] { throw std::invalid_argument("bad query"); }), std::invalid_argument);
  int ran = 0;
  pool.Run([&] { ++ran; });  // the pool goes on
  EXPECT_EQ(ran, 1);
}

TEST(SearchPoolTest, NoThreadsMeansEachSearchRunsOnItsAsker) {
  SearchPool none(0);
  std::thread::id ran_on;
  none.Run([&] { ran_on = std::this_thread::get_id(); });
  EXPECT_EQ(ran_on, std::this_thread::get_id());
  // Twelve threads each running a search of 20 ms: without a pool, several overlap.
  EXPECT_GT(MostAtOnce(&none, 12), 2);
}

}  // namespace
}  // namespace vnsearch
