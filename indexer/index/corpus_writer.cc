// corpus_writer: the rename makes a write all or nothing, so a crash never leaves half an
// article for the next indexing run to pick up; the fsyncs make it survive a power cut.

#include "index/corpus_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>

namespace vnsearch {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxIdBytes = 200;

}  // namespace

bool IsValidArticleId(const std::string& article_id) {
  if (article_id.empty() || article_id.size() > kMaxIdBytes) return false;
  if (article_id.front() == '/' || article_id.back() == '/') return false;
  for (char c : article_id) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '.' || c == '_' || c == '-' || c == '/';
    if (!allowed) return false;
  }
  size_t start = 0;
  while (start <= article_id.size()) {
    size_t end = article_id.find('/', start);
    if (end == std::string::npos) end = article_id.size();
    std::string part = article_id.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  // GET /api/articles/<id>/similar is another route: such an id could never be read back.
  constexpr std::string_view kSimilar = "/similar";
  return !(article_id.size() >= kSimilar.size() &&
           article_id.compare(article_id.size() - kSimilar.size(), kSimilar.size(), kSimilar) == 0);
}

std::string CorpusFilePath(const std::string& corpus_folder, const std::string& article_id) {
  return (fs::path(corpus_folder) / (article_id + ".txt")).string();
}

bool SyncFolder(const std::string& folder, std::string* error) {
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    *error = "cannot sync folder " + folder + ": " + std::strerror(errno);
    if (fd >= 0) ::close(fd);
    return false;
  }
  ::close(fd);
  return true;
}

bool WriteCorpusFile(const std::string& corpus_folder, const std::string& path,
                     const std::string& text, std::string* error) {
  std::error_code fs_error;
  fs::path folder = fs::path(path).parent_path();
  fs::create_directories(folder, fs_error);
  if (fs_error) {
    *error = "cannot create folder " + folder.string() + ": " + fs_error.message();
    return false;
  }
  std::string temporary = path + ".tmp";
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = "cannot create " + temporary + ": " + std::strerror(errno);
    return false;
  }
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<size_t>(n);
  }
  bool synced = written == text.size() && ::fsync(fd) == 0;
  std::string write_error = std::strerror(errno);
  ::close(fd);
  if (!synced) {
    *error = "cannot write " + temporary + ": " + write_error + " (is the disk full?)";
    fs::remove(temporary, fs_error);
    return false;
  }
  fs::rename(temporary, path, fs_error);
  if (fs_error) {
    *error = "cannot move " + temporary + " to " + path + ": " + fs_error.message();
    fs::remove(temporary, fs_error);
    return false;
  }
  fs::path root = fs::path(corpus_folder).lexically_normal();
  if (root.filename().empty()) root = root.parent_path();  // "corpus/"
  for (fs::path at = folder.lexically_normal();; at = at.parent_path()) {
    if (!SyncFolder(at.empty() ? "." : at.string(), error)) return false;
    if (at == root || at.empty() || at == at.parent_path()) break;
  }
  return true;
}

}  // namespace vnsearch
