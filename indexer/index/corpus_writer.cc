// corpus_writer: the rename makes a write all or nothing, so a crash never leaves half an
// article for the next indexing run to pick up.

#include "index/corpus_writer.h"

#include <filesystem>
#include <fstream>

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
  return true;
}

std::string CorpusFilePath(const std::string& corpus_folder, const std::string& article_id) {
  return (fs::path(corpus_folder) / (article_id + ".txt")).string();
}

bool WriteCorpusFile(const std::string& path, const std::string& text, std::string* error) {
  std::error_code fs_error;
  fs::create_directories(fs::path(path).parent_path(), fs_error);
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      *error = "cannot write " + temporary;
      return false;
    }
  }
  fs::rename(temporary, path, fs_error);
  if (fs_error) {
    *error = "cannot move " + temporary + " to " + path + ": " + fs_error.message();
    return false;
  }
  return true;
}

}  // namespace vnsearch
