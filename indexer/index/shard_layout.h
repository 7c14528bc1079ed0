// shard_layout: where the shards of an index are and which shard owns an article. An index of N
// shards (vnsearch-index --shards N) is a folder holding shard-0 … shard-N-1 and a Xapian stub
// file XAPIANDB listing them, so that Xapian opens the folder as one database; one shard is a
// plain Xapian database. vnsearchd may also be given shards one by one (a path, or
// tcp://host:port of an xapian-tcpsrv), or a stub file listing them. Pure functions, plus reads
// and writes of stub files; thread-safe.
#ifndef VNSEARCH_INDEX_SHARD_LAYOUT_H_
#define VNSEARCH_INDEX_SHARD_LAYOUT_H_

#include <optional>
#include <string>
#include <vector>

namespace vnsearch {

// The stub file inside a sharded index's folder (Xapian's "stub directory").
inline constexpr char kShardStubName[] = "XAPIANDB";
// At most this many shards: far above one machine's worth, low enough to catch a typo.
inline constexpr int kMaxShards = 256;

// The shard (0 … shard_count-1) that owns `article_id`: 64-bit FNV-1a of the id, modulo the
// count. Stable across runs, machines and builds: resharding is the only thing that moves an
// article.
int ShardOf(const std::string& article_id, int shard_count);

// The folder name of shard `shard` inside a sharded index ("shard-2").
std::string ShardFolderName(int shard);

// The label kept in a shard's metadata (schema::kShardMetadataKey): "I/N".
std::string ShardLabel(int shard, int shard_count);

// One database of a set: a local path, or an xapian-tcpsrv.
struct ShardLocation {
  std::string path;   // local database; empty for a remote one
  std::string host;   // remote: the server's host
  unsigned port = 0;  // remote: the server's port

  bool remote() const { return path.empty(); }
  // As a person names it: the path, or tcp://host:port.
  std::string Name() const;
};

// The databases one --db value names, in shard order: "tcp://HOST:PORT" is one remote database;
// a path to a sharded index's folder, or to a Xapian stub file, is every database its stub lists
// (lines "auto PATH" or "glass PATH", relative to the stub's folder, and "remote HOST:PORT";
// "#" starts a comment); any other path is one local database. Returns nullopt with *error set
// when the value cannot be read: a malformed tcp:// address, an unreadable stub, a stub line of
// another kind.
std::optional<std::vector<ShardLocation>> ResolveDatabase(const std::string& spec,
                                                          std::string* error);

// Every database of several --db values, in order; nullopt with *error naming the bad value.
std::optional<std::vector<ShardLocation>> ResolveDatabases(const std::vector<std::string>& specs,
                                                           std::string* error);

// How many shards the index at `index_path` has: the lines of its stub for a sharded index, 1
// for a plain database, 0 when there is nothing at the path.
int LocalShardCount(const std::string& index_path);

// Writes the stub file of a sharded index of `shard_count` shards into `folder` (atomically:
// a temporary file renamed). Returns false with *error set on failure.
bool WriteShardStub(const std::string& folder, int shard_count, std::string* error);

}  // namespace vnsearch

#endif  // VNSEARCH_INDEX_SHARD_LAYOUT_H_
