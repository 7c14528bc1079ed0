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

// ForEach: every item once; an idle pool thread takes a share, and none when every thread is
// busy or a search waits; what an item throws reaches the caller.

// Runs `count` items of `item_ms` each through `pool`; returns how many ran on another thread
// than the caller's, and checks each ran once.
size_t ItemsHelpedWith(SearchPool* pool, size_t count, int item_ms) {
  std::vector<std::atomic<int>> runs(count);
  std::atomic<size_t> helped{0};
  std::thread::id caller = std::this_thread::get_id();
  pool->ForEach(count, [&](size_t index) {
    ++runs[index];
    if (std::this_thread::get_id() != caller) ++helped;
    std::this_thread::sleep_for(std::chrono::milliseconds(item_ms));
  });
  for (size_t i = 0; i < count; ++i) EXPECT_EQ(runs[i].load(), 1) << "item " << i;
  return helped.load();
}

// A search run through `pool` returns once its thread is back waiting: then it idles.
void WaitUntilIdle(SearchPool* pool) {
  pool->Run([] {});
}

TEST(SearchPoolTest, ForEachRunsEveryItemOnceWithAnIdleThreadsHelp) {
  SearchPool pool(1);
  WaitUntilIdle(&pool);
  EXPECT_EQ(ItemsHelpedWith(&pool, 0, 0), 0u);
  EXPECT_EQ(ItemsHelpedWith(&pool, 1, 0), 0u);  // one item is not shared
  size_t helped = ItemsHelpedWith(&pool, 20, 5);
  EXPECT_GE(helped, 4u);  // the idle thread took about half
  EXPECT_LE(helped, 16u);
  SearchPool none(0);
  EXPECT_EQ(ItemsHelpedWith(&none, 20, 1), 0u);
}

TEST(SearchPoolTest, ForEachInsideTheOnlyBusyThreadRunsItsItemsAlone) {
  SearchPool pool(1);
  size_t helped = 1;
  // The search holds the pool's one thread: no thread idles to help it.
  pool.Run([&] { helped = ItemsHelpedWith(&pool, 10, 2); });
  EXPECT_EQ(helped, 0u);
}

TEST(SearchPoolTest, AHelperTakesNoMoreItemsOnceASearchWaits) {
  SearchPool pool(1);
  WaitUntilIdle(&pool);
  std::atomic<bool> search_asked{false};
  std::atomic<size_t> helped_after_asked{0};
  std::thread::id caller = std::this_thread::get_id();
  std::thread asker;
  pool.ForEach(40, [&](size_t index) {
    if (std::this_thread::get_id() != caller && search_asked.load()) ++helped_after_asked;
    if (index == 4 && !search_asked.exchange(true)) {
      asker = std::thread([&] { pool.Run([] {}); });
      // Until the search is queued, the helper may still take items: wait for the queue.
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      helped_after_asked = 0;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  });
  asker.join();
  // At most the item the helper had begun when the search came.
  EXPECT_LE(helped_after_asked.load(), 1u);
}

TEST(SearchPoolTest, TheHelperTakesItemsWhileTheCallerRunsItsFirstWork) {
  SearchPool pool(1);
  WaitUntilIdle(&pool);
  std::thread::id caller = std::this_thread::get_id();
  std::atomic<bool> first_ran{false};
  std::atomic<size_t> helped_during_first{0};
  std::vector<std::atomic<int>> runs(10);
  pool.ForEach(
      10,
      [&](size_t index) {
        ++runs[index];
        if (std::this_thread::get_id() != caller && !first_ran.load()) ++helped_during_first;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      },
      [&] {
        EXPECT_EQ(std::this_thread::get_id(), caller);
        std::this_thread::sleep_for(std::chrono::milliseconds(60));
        first_ran = true;
      });
  EXPECT_TRUE(first_ran.load());
  for (size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(runs[i].load(), 1) << "item " << i;
  EXPECT_GE(helped_during_first.load(), 5u);  // 10 items of 2 ms fit in the 60 ms
  // Without a helper, `first` still runs, before the items.
  SearchPool none(0);
  std::vector<int> order;
  none.ForEach(
      2, [&](size_t index) { order.push_back(static_cast<int>(index)); },
      [&] { order.push_back(-1); });
  EXPECT_EQ(order, (std::vector<int>{-1, 0, 1}));
  // What `first` throws reaches the caller once the helper has stopped.
  EXPECT_THROW(pool.ForEach(
                   1000, [](size_t) { std::this_thread::sleep_for(std::chrono::microseconds(50)); },
                   [] { throw std::invalid_argument("facets"); }),
               std::invalid_argument);
}

TEST(SearchPoolTest, WhatAnItemThrowsReachesTheCaller) {
  SearchPool pool(1);
  std::atomic<int> ran{0};
  EXPECT_THROW(pool.ForEach(50,
                            [&](size_t index) {
                              ++ran;
                              std::this_thread::sleep_for(std::chrono::milliseconds(1));
                              if (index == 7) throw std::invalid_argument("bad article");
                            }),
               std::invalid_argument);
  EXPECT_LT(ran.load(), 50);                    // the items after a throw are not begun
  EXPECT_EQ(ItemsHelpedWith(&pool, 1, 0), 0u);  // the pool goes on
}

}  // namespace
}  // namespace vnsearch
