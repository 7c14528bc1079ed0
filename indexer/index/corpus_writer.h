// corpus_writer: writes article files into a corpus folder, the source of truth the index is
// built from (corpus_reader reads them back). Stateless functions; thread-safe for distinct ids.
#ifndef VNSEARCH_INDEX_CORPUS_WRITER_H_
#define VNSEARCH_INDEX_CORPUS_WRITER_H_

#include <string>

namespace vnsearch {

// Whether `article_id` can name a file under a corpus folder: letters, digits, . _ - and /
// between non-empty parts, no "..", at most 200 bytes.
bool IsValidArticleId(const std::string& article_id);

// `<corpus_folder>/<article_id>.txt`: the file an article id names (the inverse of the ids
// ListCorpusFiles gives).
std::string CorpusFilePath(const std::string& corpus_folder, const std::string& article_id);

// Writes `text` to `path` atomically (a temporary file renamed over it), creating folders as
// needed. Returns false and sets *error ("cannot write corpus/x.txt.tmp") when it cannot.
bool WriteCorpusFile(const std::string& path, const std::string& text, std::string* error);

}  // namespace vnsearch

#endif  // VNSEARCH_INDEX_CORPUS_WRITER_H_
