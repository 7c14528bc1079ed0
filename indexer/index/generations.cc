// generations: rename(2) of a symbolic link over another is atomic, so a reader opening the path
// sees either the old generation or the new one, never a half-built index.

#include "index/generations.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>

namespace vnsearch {
namespace fs = std::filesystem;

std::string NewGenerationPath(const std::string& database_path) {
  // The stamp alone is not unique: a first build publishes an empty generation and may start
  // the rebuilt one within the same millisecond. A counter, and a check, make each path new.
  static std::atomic<unsigned> made{0};
  auto now = std::chrono::system_clock::now().time_since_epoch();
  long long stamp = std::chrono::duration_cast<std::chrono::milliseconds>(now).count();
  fs::path path = fs::path(database_path).lexically_normal();
  std::string name = path.filename().string();
  if (name.empty()) name = path.parent_path().filename().string();
  while (true) {
    fs::path generation =
        path.parent_path() / (name + ".gen-" + std::to_string(stamp) + "-" +
                              std::to_string(getpid()) + "-" + std::to_string(made++));
    std::error_code ignored;
    if (!fs::exists(generation, ignored)) return generation.string();
  }
}

std::string CurrentGeneration(const std::string& database_path) {
  std::error_code error;
  fs::path resolved = fs::canonical(database_path, error);
  return error ? database_path : resolved.string();
}

bool PublishGeneration(const std::string& database_path, const std::string& generation_path,
                       std::string* error) {
  fs::path link = fs::path(database_path).lexically_normal();
  if (link.filename().empty()) link = link.parent_path();
  std::error_code fs_error;
  fs::path previous;
  if (fs::is_symlink(link, fs_error)) {
    previous = fs::canonical(link, fs_error);
  } else if (fs::exists(link, fs_error)) {
    previous = link.string() + ".gen-before-rebuild-" + std::to_string(getpid());
    fs::rename(link, previous, fs_error);
    if (fs_error) {
      *error = "cannot move " + link.string() + " aside: " + fs_error.message();
      return false;
    }
  }
  // The link holds the generation's name relative to the link's folder, so the pair can move.
  fs::path target = fs::path(generation_path).filename();
  fs::path temporary = link.string() + ".link-" + std::to_string(getpid());
  fs::remove(temporary, fs_error);
  fs::create_directory_symlink(target, temporary, fs_error);
  if (fs_error) {
    *error = "cannot create " + temporary.string() + ": " + fs_error.message();
    return false;
  }
  fs::rename(temporary, link, fs_error);
  if (fs_error) {
    *error = "cannot replace " + link.string() + ": " + fs_error.message();
    return false;
  }
  if (!previous.empty() && fs::canonical(link, fs_error) != previous) {
    fs::remove_all(previous, fs_error);  // readers still holding it keep their open files
  }
  return true;
}

}  // namespace vnsearch
