// jsonl_import: reading and checking happen on one thread before indexing starts (parsing JSON
// is cheap next to analysing the articles, which the indexing run does in parallel), so that
// duplicate ids are settled before any file is written.

#include "index/jsonl_import.h"

#include <fstream>
#include <unordered_map>

#include "index/corpus_reader.h"
#include "index/corpus_writer.h"

namespace vnsearch {

std::vector<ImportedArticle> ReadJsonLines(const std::string& path,
                                           std::vector<std::string>* errors) {
  std::vector<ImportedArticle> articles;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errors->push_back(path + ": cannot open (pass --jsonl a file of JSON Lines)");
    return articles;
  }
  size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    std::string origin = path + ":" + std::to_string(line_number);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    size_t invalid_at = FirstInvalidUtf8(line);
    if (invalid_at != std::string::npos) {
      errors->push_back(origin + ": not valid UTF-8 at byte " + std::to_string(invalid_at) +
                        " of the line (convert the file with iconv -t UTF-8)");
      continue;
    }
    ImportedArticle article;
    std::string problem;
    if (!ReadJsonArticle(line, &article.fields, &problem)) {
      errors->push_back(origin + ": " + problem);
      continue;
    }
    article.corpus_text = CorpusText(article.fields);
    article.content_hash = ContentHash(article.corpus_text);
    article.article_id = JsonArticleId(article.fields, article.content_hash);
    if (!IsValidArticleId(article.article_id)) {
      errors->push_back(origin + ": id \"" + article.article_id +
                        "\": use letters, digits, . _ - and / (no \"..\")");
      continue;
    }
    article.origin = std::move(origin);
    articles.push_back(std::move(article));
  }
  return articles;
}

void KeepLastOfEachId(std::vector<ImportedArticle>* articles, std::vector<std::string>* errors) {
  std::unordered_map<std::string, size_t> last_of_id;
  for (size_t i = 0; i < articles->size(); ++i) last_of_id[(*articles)[i].article_id] = i;
  std::vector<ImportedArticle> kept;
  for (size_t i = 0; i < articles->size(); ++i) {
    ImportedArticle& article = (*articles)[i];
    size_t last = last_of_id[article.article_id];
    if (last != i) {
      errors->push_back(article.origin + ": id \"" + article.article_id + "\" comes again at " +
                        (*articles)[last].origin + ", which is kept");
      continue;
    }
    kept.push_back(std::move(article));
  }
  *articles = std::move(kept);
}

}  // namespace vnsearch
