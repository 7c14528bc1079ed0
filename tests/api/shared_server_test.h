// shared_server_test: the fixture of an API test suite that shares one vnsearchd for all its
// tests — started in SetUpTestSuite, stopped in TearDownTestSuite.
#ifndef VNSEARCH_TESTS_API_SHARED_SERVER_TEST_H_
#define VNSEARCH_TESTS_API_SHARED_SERVER_TEST_H_

#include <gtest/gtest.h>

#include "api/searchd_process.h"

namespace vnsearch::testing {

// A suite derives as `class MySuite : public SharedServerTest<MySuite>` and defines
// `static SearchdProcess* Start()`, which indexes the suite's corpus and starts its server.
template <typename Suite>
class SharedServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = Suite::Start(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static inline SearchdProcess* server_ = nullptr;
};

}  // namespace vnsearch::testing

#endif  // VNSEARCH_TESTS_API_SHARED_SERVER_TEST_H_
