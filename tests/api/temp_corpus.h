// temp_corpus: test helper that makes corpus folders in a temporary directory — a copy of
// corpus/, or many generated articles — and removes them afterwards.
#ifndef VNSEARCH_TESTS_API_TEMP_CORPUS_H_
#define VNSEARCH_TESTS_API_TEMP_CORPUS_H_

#include <filesystem>
#include <fstream>
#include <string>

namespace vnsearch::testing {

class TempFolder {
 public:
  TempFolder() {
    char pattern[] = "/tmp/vnsearch-corpus-XXXXXX";
    path_ = mkdtemp(pattern);
  }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline void WriteText(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Copies the articles of corpus/ into `folder`.
inline void CopyCorpus(const std::string& folder) {
  std::filesystem::create_directories(folder);
  for (const auto& entry : std::filesystem::directory_iterator(VNSEARCH_CORPUS)) {
    std::filesystem::copy_file(entry.path(), folder + "/" + entry.path().filename().string());
  }
}

// Writes `count` distinct articles (the corpus articles, each with a numbered line added) under
// `folder` as gen/NNNNN.txt.
inline void GenerateArticles(const std::string& folder, int count) {
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(VNSEARCH_CORPUS)) {
    texts.push_back(ReadText(entry.path().string()));
  }
  for (int i = 0; i < count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "gen/%05d.txt", i);
    WriteText(folder + "/" + name,
              texts[i % texts.size()] + "\nBản tin bổ sung số " + std::to_string(i) + ".\n");
  }
}

}  // namespace vnsearch::testing

#endif  // VNSEARCH_TESTS_API_TEMP_CORPUS_H_
