// corpus_writer: writes article files into a corpus folder, the source of truth the index is
// built from (corpus_reader reads them back). Stateless functions; thread-safe for distinct ids.
#ifndef VNSEARCH_INDEX_CORPUS_WRITER_H_
#define VNSEARCH_INDEX_CORPUS_WRITER_H_

#include <string>

namespace vnsearch {

// Whether `article_id` can name a file under a corpus folder and be read back over HTTP: letters,
// digits, . _ - and / between non-empty parts, no "..", at most 200 bytes, not ending in
// "/similar" (the route of similar articles).
bool IsValidArticleId(const std::string& article_id);

// `<corpus_folder>/<article_id>.txt`: the file an article id names (the inverse of the ids
// ListCorpusFiles gives).
std::string CorpusFilePath(const std::string& corpus_folder, const std::string& article_id);

// Writes `text` to `path`, a file under `corpus_folder`, durably: a temporary file, fsynced,
// renamed over `path`, and its folder fsynced (and the folders above it up to `corpus_folder`,
// which may have been created). Once this returns true the file survives a crash of the
// machine. Returns false and sets *error ("cannot write corpus/x.txt.tmp: No space left…") when
// it cannot.
bool WriteCorpusFile(const std::string& corpus_folder, const std::string& path,
                     const std::string& text, std::string* error);

// Makes the entries of `folder` durable (a file created, renamed or removed in it). Returns
// false and sets *error when it cannot.
bool SyncFolder(const std::string& folder, std::string* error);

}  // namespace vnsearch

#endif  // VNSEARCH_INDEX_CORPUS_WRITER_H_
