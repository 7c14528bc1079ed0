// generations: how `vnsearch-index --rebuild` replaces a live index atomically. The database
// path a user names (var/db) becomes a symbolic link to a generation folder beside it
// (var/db.gen-<time>); a rebuild writes a new generation and renames a new link over the old one,
// which readers notice (Searcher::Refresh) and reopen. Functions touch the file system; they are
// safe to call from one process at a time (the index writer's lock is held around them).
#ifndef VNSEARCH_INDEX_GENERATIONS_H_
#define VNSEARCH_INDEX_GENERATIONS_H_

#include <string>

namespace vnsearch {

// A new, empty generation folder path beside `database_path` (not yet created).
std::string NewGenerationPath(const std::string& database_path);

// Points `database_path` at `generation_path` atomically (rename of a symbolic link), and
// removes the generation it pointed at before, if any. A plain folder at `database_path` (an
// index made before generations) is first moved aside: the one moment it is not there, a
// reader that opens it gets a retryable error. Returns false with *error set on failure.
bool PublishGeneration(const std::string& database_path, const std::string& generation_path,
                       std::string* error);

// What `database_path` currently resolves to (the generation folder), for readers to notice a
// swap; the path itself when it is not a link.
std::string CurrentGeneration(const std::string& database_path);

}  // namespace vnsearch

#endif  // VNSEARCH_INDEX_GENERATIONS_H_
