// The binaries' numeric flags are parsed whole: a value with anything after its digits, or out of
// range, ends the program with status 2 and a message naming the flag, before it does anything.

#include <gtest/gtest.h>

#include <string>

#include "api/run_command.h"

namespace vnsearch::testing {
namespace {

// Runs `binary` with `arguments`, expects status 2 and a message naming `flag` and `value`.
void ExpectRefused(const std::string& binary, const std::string& arguments, const std::string& flag,
                   const std::string& value) {
  int status = -1;
  std::string output = RunCommand(binary + " " + arguments + " 2>&1", &status);
  EXPECT_EQ(status, 2) << arguments << ": " << output;
  EXPECT_NE(output.find(flag + " must be from"), std::string::npos) << arguments << ": " << output;
  EXPECT_NE(output.find("not " + value), std::string::npos) << arguments << ": " << output;
}

TEST(CommandLineTest, SearchdRefusesANumberWithTrailingCharacters) {
  const std::string daemon = VNSEARCH_DAEMON;
  ExpectRefused(daemon, "--threads 8x", "--threads", "8x");
  ExpectRefused(daemon, "--threads=0", "--threads", "0");
  ExpectRefused(daemon, "--timeout 10s", "--timeout", "10s");
  ExpectRefused(daemon, "--port 80.5", "--port", "80.5");
  ExpectRefused(daemon, "--cache-entries ' 5'", "--cache-entries", " 5");
  ExpectRefused(daemon, "--search-slots -1", "--search-slots", "-1");
}

TEST(CommandLineTest, IndexerRefusesANumberWithTrailingCharacters) {
  const std::string indexer = VNSEARCH_INDEXER;
  ExpectRefused(indexer, "--threads 8x corpus", "--threads", "8x");
  ExpectRefused(indexer, "--batch 0 corpus", "--batch", "0");
  ExpectRefused(indexer, "--wait -1 corpus", "--wait", "-1");
  ExpectRefused(indexer, "--shards 2x corpus", "--shards", "2x");
}

}  // namespace
}  // namespace vnsearch::testing
