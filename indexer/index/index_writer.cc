// index_writer: documents, and the names of their facet values as metadata (the preferred
// spelling of each, whatever the order articles come in), in the same Xapian commit, so a crash
// never leaves one without the other. (No spelling table: it cost half of indexing time; searchd
// corrects typos against the vocabulary instead.)

#include "index/index_writer.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "index/document_builder.h"
#include "index/generations.h"
#include "index/schema.h"

namespace vnsearch {
namespace {

// Calls `open` until it stops throwing DatabaseLockError or `lock_wait_seconds` have passed.
template <typename Open>
Xapian::WritableDatabase WaitForLock(double lock_wait_seconds, Open open) {
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                      std::chrono::duration<double>(lock_wait_seconds));
  while (true) {
    try {
      return open();
    } catch (const Xapian::DatabaseLockError&) {
      if (std::chrono::steady_clock::now() >= deadline) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
}

Xapian::WritableDatabase OpenForWriting(const std::string& path, double lock_wait_seconds,
                                        bool plain_folder) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) CreateIndexFolder(parent.string());
  std::error_code unknown;  // a path that cannot be looked at is not there: creating it says why
  if (!plain_folder && !std::filesystem::exists(path, unknown) &&
      !std::filesystem::is_symlink(path, unknown)) {
    // A new index starts as a generation, so that a later --rebuild can swap atomically.
    std::string generation = NewGenerationPath(path);
    CreateIndexFolder(generation);
    std::string error;
    if (!PublishGeneration(path, generation, &error)) {
      throw Xapian::DatabaseCreateError(path + ": " + error);
    }
  }
  return WaitForLock(lock_wait_seconds,
                     [&] { return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN); });
}

Xapian::WritableDatabase OpenLocation(const ShardLocation& location, double lock_wait_seconds,
                                      unsigned remote_timeout_ms) {
  if (!location.remote()) return OpenForWriting(location.path, lock_wait_seconds, false);
  return WaitForLock(lock_wait_seconds, [&] {
    return Xapian::Remote::open_writable(location.host, location.port, remote_timeout_ms,
                                         remote_timeout_ms);
  });
}

}  // namespace

void CreateIndexFolder(const std::string& folder) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) {
    throw Xapian::DatabaseCreateError("cannot create the folder " + folder + ": " +
                                      error.message() +
                                      " (choose a --db in a folder you can create and write to)");
  }
}

IndexWriter::IndexWriter(const std::string& path, double lock_wait_seconds, bool plain_folder)
    : database_(OpenForWriting(path, lock_wait_seconds, plain_folder)) {}

IndexWriter::IndexWriter(const ShardLocation& location, double lock_wait_seconds,
                         unsigned remote_timeout_ms)
    : database_(OpenLocation(location, lock_wait_seconds, remote_timeout_ms)) {}

void IndexWriter::MarkDerivedTermsIfEmpty() {
  // Every article this writer puts has its pair and expansion terms; an index that already holds
  // articles may hold some written without them, and keeps its mark (or lack of it). Done at the
  // first Put, not on opening: a writer that only holds the lock during a rebuild must have nothing
  // to commit (Xapian commits on closing, and would write through the swapped link).
  if (derived_terms_checked_) return;
  derived_terms_checked_ = true;
  if (database_.get_doccount() == 0) {
    database_.set_metadata(schema::kPairTermsMetadataKey, "1");
    database_.set_metadata(schema::kExpansionTermsMetadataKey, "1");
  }
}

void IndexWriter::Put(const PreparedArticle& prepared) {
  MarkDerivedTermsIfEmpty();
  std::string id_term = schema::ArticleIdTerm(prepared.article.id);
  if (database_.get_termfreq(id_term) > 0) replaced_ = true;
  database_.replace_document(id_term, prepared.document);
  changed_ = true;
  for (const auto& [key, name] : prepared.facet_names) {
    auto [kept, first_seen] = facet_names_.emplace(key, std::string());
    if (first_seen) kept->second = database_.get_metadata(key);
    if (IsPreferredFacetName(name, kept->second)) {
      kept->second = name;
      database_.set_metadata(key, name);
    }
  }
}

bool IndexWriter::Delete(const std::string& article_id) {
  std::string id_term = schema::ArticleIdTerm(article_id);
  if (database_.get_termfreq(id_term) == 0) return false;
  database_.delete_document(id_term);
  changed_ = true;
  return true;
}

void IndexWriter::CountUp(const char* key, bool count_this_commit) {
  std::string written = database_.get_metadata(key);
  if (!written.empty() && !count_this_commit) return;
  unsigned long long count = written.empty() ? 0 : std::strtoull(written.c_str(), nullptr, 10);
  database_.set_metadata(key, std::to_string(count + (count_this_commit ? 1 : 0)));
}

void IndexWriter::Commit() {
  if (changed_) {
    CountUp(schema::kCommitCountMetadataKey, true);
    CountUp(schema::kReplacementCountMetadataKey, replaced_);
    changed_ = false;
    replaced_ = false;
  }
  database_.commit();
}

std::unordered_map<std::string, std::string> IndexWriter::StoredContentHashes() {
  return ReadContentHashes(database_);
}

std::unordered_map<std::string, std::string> ReadContentHashes(const Xapian::Database& database) {
  std::unordered_map<Xapian::docid, std::string> hash_by_docid;
  for (Xapian::ValueIterator value = database.valuestream_begin(schema::kContentHashSlot);
       value != database.valuestream_end(schema::kContentHashSlot); ++value) {
    hash_by_docid[value.get_docid()] = *value;
  }
  std::unordered_map<std::string, std::string> hash_by_id;
  const std::string prefix = schema::kArticleId;
  for (Xapian::TermIterator term = database.allterms_begin(prefix);
       term != database.allterms_end(prefix); ++term) {
    Xapian::PostingIterator posting = database.postlist_begin(*term);
    if (posting == database.postlist_end(*term)) continue;
    hash_by_id[(*term).substr(prefix.size())] = hash_by_docid[*posting];
  }
  return hash_by_id;
}

}  // namespace vnsearch
