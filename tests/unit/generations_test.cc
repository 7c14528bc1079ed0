// Generations of an index: each new one has a path of its own, and publishing one swaps the
// link so that the database path opens it.

#include "index/generations.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <set>

namespace vnsearch {
namespace {

namespace fs = std::filesystem;

TEST(GenerationsTest, PathsMadeInTheSameMillisecondDiffer) {
  std::set<std::string> paths;
  for (int i = 0; i < 100; ++i) paths.insert(NewGenerationPath("/tmp/x/db"));
  EXPECT_EQ(paths.size(), 100u);
}

TEST(GenerationsTest, APublishedGenerationIsWhatTheDatabasePathOpens) {
  fs::path folder =
      fs::temp_directory_path() / ("vnsearch-generations-" + std::to_string(getpid()));
  fs::remove_all(folder);
  fs::create_directories(folder);
  std::string database = (folder / "db").string();
  std::string first = NewGenerationPath(database);
  fs::create_directories(first);
  std::string error;
  ASSERT_TRUE(PublishGeneration(database, first, &error)) << error;
  std::string second = NewGenerationPath(database);
  EXPECT_NE(second, first);
  fs::create_directories(second);
  ASSERT_TRUE(PublishGeneration(database, second, &error)) << error;
  EXPECT_EQ(fs::canonical(database), fs::canonical(second));
  EXPECT_FALSE(fs::exists(first)) << "the replaced generation is removed";
  fs::remove_all(folder);
}

}  // namespace
}  // namespace vnsearch
