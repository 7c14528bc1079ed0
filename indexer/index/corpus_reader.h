// corpus_reader: finds article files under the paths a user gives and reads them safely.
// Stateless functions; thread-safe.
#ifndef VNSEARCH_INDEX_CORPUS_READER_H_
#define VNSEARCH_INDEX_CORPUS_READER_H_

#include <string>
#include <vector>

namespace vnsearch {

// One article file and the id it gets: its path relative to the root it was found under,
// without the ".txt" extension ("000_2bc41360e3854d8f", "2024/05/abc").
struct CorpusFile {
  std::string path;
  std::string article_id;
};

// Expands files and directories (recursively, in sorted order) into the `.txt` files they hold.
// A path that does not exist is reported in *error and skipped.
std::vector<CorpusFile> ListCorpusFiles(const std::vector<std::string>& paths,
                                        std::vector<std::string>* errors);

// Reads a whole file into *text. Returns false and sets *error ("corpus/x.txt: not valid UTF-8
// at byte 1832", "...: empty file", "...: cannot open: Permission denied") when the file cannot be
// used as an article.
bool ReadArticleFile(const std::string& path, std::string* text, std::string* error);

// The byte offset of the first ill-formed UTF-8 sequence in `text`, or std::string::npos.
size_t FirstInvalidUtf8(const std::string& text);

// A stable 64-bit FNV-1a hash of `text`, in hex: the content hash stored with each article.
std::string ContentHash(const std::string& text);

}  // namespace vnsearch

#endif  // VNSEARCH_INDEX_CORPUS_READER_H_
