// bench_corpus: reads benchmark articles with the indexer's own file listing and reader, so that
// article ids and the files skipped are exactly those of vnsearch-index over the same folder.

#include "bench_corpus.h"

#include <cstdlib>

#include "index/corpus_reader.h"

namespace vnsearch::bench {

std::string DefaultCorpusFolder() {
  if (const char* folder = std::getenv("VNSEARCH_BENCH_CORPUS"); folder && *folder) return folder;
  return std::string(VNSEARCH_SOURCE_DIR) + "/../shared/bench/vnnews-20k";
}

std::vector<BenchArticle> ReadBenchCorpus(const std::string& folder, size_t max_articles,
                                          std::vector<std::string>* errors) {
  std::vector<CorpusFile> files = ListCorpusFiles({folder}, errors);
  if (max_articles != 0 && files.size() > max_articles) files.resize(max_articles);
  std::vector<BenchArticle> articles;
  articles.reserve(files.size());
  for (const CorpusFile& file : files) {
    BenchArticle article;
    article.article_id = file.article_id;
    std::string error;
    if (!ReadArticleFile(file.path, &article.text, &error)) {
      errors->push_back(error);
      continue;
    }
    size_t line_end = article.text.find('\n');
    if (line_end == std::string::npos) line_end = article.text.size();
    size_t title_end = line_end;
    while (title_end > 0 &&
           (article.text[title_end - 1] == '\r' || article.text[title_end - 1] == ' ' ||
            article.text[title_end - 1] == '\t')) {
      --title_end;
    }
    article.title_end = title_end;
    article.body_begin = article.text.find_first_not_of(" \t\r\n", line_end);
    if (article.body_begin == std::string::npos) article.body_begin = article.text.size();
    articles.push_back(std::move(article));
  }
  return articles;
}

}  // namespace vnsearch::bench
