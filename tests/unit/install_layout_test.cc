// Unit tests for where vnsearchd finds its web page when neither --web nor VNSEARCH_WEB says: the
// installation's share/vnsearch/web beside its binary's folder, then ./web.

#include "searchd/install_layout.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace vnsearch {
namespace {

namespace fs = std::filesystem;

// A temporary folder for one test, removed after it.
class InstallLayoutTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("vnsearch-install-layout-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "prefix");
    daemon_ = (root_ / "prefix" / "sbin" / "vnsearchd").string();
    installed_web_ =
        (fs::path(daemon_).parent_path() / VNSEARCH_WEB_FROM_BINARY).lexically_normal();
  }
  void TearDown() override { fs::remove_all(root_); }

  fs::path root_;
  std::string daemon_;
  fs::path installed_web_;
};

TEST_F(InstallLayoutTest, FindsTheInstallationsWebFolder) {
  EXPECT_EQ(installed_web_, (root_ / "prefix" / "share" / "vnsearch" / "web"));
  fs::create_directories(installed_web_);
  EXPECT_EQ(DefaultWebRoot(daemon_), installed_web_.string());
}

TEST_F(InstallLayoutTest, FallsBackToTheWorkingFoldersWebThenNamesTheInstallations) {
  fs::path working = root_ / "working";
  fs::create_directories(working);
  fs::path previous = fs::current_path();
  fs::current_path(working);
  std::string without_any = DefaultWebRoot(daemon_);
  fs::create_directories(working / "web");
  std::string with_working_web = DefaultWebRoot(daemon_);
  fs::create_directories(installed_web_);
  std::string with_both = DefaultWebRoot(daemon_);
  fs::current_path(previous);

  EXPECT_EQ(without_any, installed_web_.string());  // for the error that follows to name
  EXPECT_EQ(with_working_web, "web");
  EXPECT_EQ(with_both, installed_web_.string());  // the installation's wins
}

TEST(InstallLayoutBuildTreeTest, TheBuildTreeHasTheInstallLayout) {
  fs::path web = DefaultWebRoot(std::string(VNSEARCH_BUILD_DIR) + "/searchd/vnsearchd");
  EXPECT_TRUE(fs::is_regular_file(web / "index.html")) << web;
}

TEST(InstallLayoutBinaryTest, RunningBinaryPathIsThisTest) {
  EXPECT_EQ(fs::path(RunningBinaryPath("unused")).filename(), "unit_tests");
}

}  // namespace
}  // namespace vnsearch
