// corpus_reader: the file-system edge of the indexer. Everything that can go wrong with an input
// file is turned into a message naming the file, so one bad article never stops a run.

#include "index/corpus_reader.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vnsearch {
namespace fs = std::filesystem;

namespace {

std::string IdFromPath(const fs::path& file, const fs::path& root) {
  fs::path relative = root.empty() ? file.filename() : file.lexically_relative(root);
  relative.replace_extension();
  return relative.generic_string();
}

}  // namespace

size_t FirstInvalidUtf8(const std::string& text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 code_point;
    U8_NEXT(bytes, i, length, code_point);
    if (code_point < 0) return static_cast<size_t>(start);
  }
  return std::string::npos;
}

std::vector<CorpusFile> ListCorpusFiles(const std::vector<std::string>& paths,
                                        std::vector<std::string>* errors) {
  std::vector<CorpusFile> files;
  for (const std::string& path : paths) {
    std::error_code error;
    fs::path root(path);
    if (fs::is_directory(root, error)) {
      std::vector<CorpusFile> found;
      for (fs::recursive_directory_iterator it(root, error), end; !error && it != end;
           it.increment(error)) {
        if (it->is_regular_file(error) && it->path().extension() == ".txt") {
          found.push_back({it->path().string(), IdFromPath(it->path(), root)});
        }
      }
      if (error) errors->push_back(path + ": " + error.message());
      std::sort(found.begin(), found.end(),
                [](const CorpusFile& a, const CorpusFile& b) { return a.path < b.path; });
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(root, error)) {
      files.push_back({root.string(), IdFromPath(root, fs::path())});
    } else {
      errors->push_back(path + ": no such file or directory");
    }
  }
  return files;
}

bool ReadArticleFile(const std::string& path, std::string* text, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  std::ostringstream contents;
  contents << in.rdbuf();
  *text = contents.str();
  if (text->find_first_not_of(" \t\r\n") == std::string::npos) {
    *error = path + ": empty file";
    return false;
  }
  size_t invalid = FirstInvalidUtf8(*text);
  if (invalid != std::string::npos) {
    *error = path + ": not valid UTF-8 at byte " + std::to_string(invalid) +
             " (convert it with iconv -t UTF-8)";
    return false;
  }
  return true;
}

std::string ContentHash(const std::string& text) {
  uint64_t hash = 1469598103934665603ULL;
  for (unsigned char byte : text) {
    hash ^= byte;
    hash *= 1099511628211ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

}  // namespace vnsearch
