// install_layout: where vnsearchd finds the files installed with it, from where its own binary is.
// The binary's folder to the web folder is a relative path CMake computes from the install layout.

#include "searchd/install_layout.h"

#include <filesystem>
#include <system_error>

#ifndef VNSEARCH_WEB_FROM_BINARY
#error "VNSEARCH_WEB_FROM_BINARY (e.g. ../share/vnsearch/web) is set by searchd/CMakeLists.txt"
#endif

namespace vnsearch {

std::string RunningBinaryPath(const char* argv0) {
  std::error_code error;
  std::filesystem::path binary = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::string(argv0) : binary.string();
}

std::string DefaultWebRoot(const std::string& binary_path) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path installed =
      (fs::path(binary_path).parent_path() / VNSEARCH_WEB_FROM_BINARY).lexically_normal();
  if (fs::is_directory(installed, error)) return installed.string();
  if (fs::is_directory("web", error)) return "web";
  return installed.string();
}

}  // namespace vnsearch
