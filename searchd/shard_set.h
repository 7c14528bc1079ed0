// shard_set: the databases vnsearchd serves as one — local shards, remote shards behind
// xapian-tcpsrv, or a single index — opened shard by shard and combined into one
// Xapian::Database, whose searches Xapian runs with global statistics (the remote backend
// exchanges term statistics before ranking). A shard that cannot be reached is left out and
// named (DownShards) until it answers again, so that searches go on over the others, flagged
// partial. Not thread-safe (Xapian::Database objects are not): give each thread its own.
#ifndef VNSEARCH_SEARCHD_SHARD_SET_H_
#define VNSEARCH_SEARCHD_SHARD_SET_H_

#include <xapian.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

#include "index/shard_layout.h"

namespace vnsearch {

// Thrown when no shard of the set can be reached (or the layout cannot be read): the answer is
// a 503 that names them.
class ShardsUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ShardSet {
 public:
  // Opens every database the --db values `specs` name (index/shard_layout.h), in order, with
  // `remote_timeout_ms` on each exchange with a remote shard. Throws
  // Xapian::DatabaseOpeningError when a local database cannot be opened and there is no other,
  // ShardsUnavailable when no shard at all can be reached, and std::invalid_argument when a
  // value cannot be read or the shards are labelled out of order (the message says which).
  ShardSet(std::vector<std::string> specs, unsigned remote_timeout_ms);

  ShardSet(const ShardSet&) = delete;
  ShardSet& operator=(const ShardSet&) = delete;

  // Picks up what writers committed since the last call; reopens everything after a rebuild
  // swapped a generation in (index/generations.h); tries again a shard that was down, at most
  // once per kRetryDownShardSeconds across the process. Cheap when nothing changed.
  void Refresh();

  // After a Xapian::NetworkError: finds which shards no longer answer (reconnecting those whose
  // connection merely went idle), leaves them out, and returns whether any shard is left.
  bool RecoverFromNetworkError();

  // Every shard that answers, as one database. Valid until the next Refresh or recovery.
  const Xapian::Database& combined() const { return combined_; }
  // The same shards one by one, in shard order (per-shard metadata lives there).
  const std::vector<Xapian::Database>& live_shards() const { return live_; }
  // The names (path or tcp://host:port) of the shards left out, in shard order.
  std::vector<std::string> DownShards() const;
  // Why each shard left out is down, for an error message.
  std::string DownErrors() const;
  // How many shards the set has, up or down.
  size_t shard_count() const { return shards_.size(); }
  bool has_remote() const { return has_remote_; }

  // Names the state of what is served (every shard's generation and revision, and which shards
  // are down): answers computed on one state are valid exactly while it lasts. One round trip
  // per remote shard.
  std::string RevisionKey() const;

  // How long a shard found down is left alone before it is tried again.
  static constexpr double kRetryDownShardSeconds = 2.0;

 private:
  struct Shard {
    ShardLocation location;
    Xapian::Database database;
    bool up = false;
    std::string error;  // why it is down
  };

  void OpenAll();
  bool TryOpen(Shard* shard);
  // Reopens an open shard at its latest revision; a shard that times out is marked down, one
  // whose connection was closed is opened again. Returns whether the shard was reconnected or
  // lost (the combined database must then be rebuilt).
  bool Reopen(Shard* shard);
  void Combine();
  // The generation of every local --db value (what its links resolve to, and its stub's text):
  // a change means a rebuild swapped something in.
  std::string LayoutKey() const;

  const std::vector<std::string> specs_;
  const unsigned remote_timeout_ms_;
  std::string layout_key_;
  std::vector<Shard> shards_;
  std::vector<Xapian::Database> live_;
  Xapian::Database combined_;
  bool has_remote_ = false;
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_SHARD_SET_H_
