// shard_set: each worker thread holds its own connections, but whether a remote shard is down is
// known process-wide (a small registry under a mutex): once one thread has waited for a shard's
// timeout, the others leave that shard out at once instead of each waiting in turn, and it is
// tried again every kRetryDownShardSeconds — which is how a shard that returns is taken back.
//
// A connection to xapian-tcpsrv also ends when the server closes it for being idle (its
// --idle-timeout, 60 s by default); such a shard is reconnected, not reported down.

#include "searchd/shard_set.h"

#include <fcntl.h>
#include <limits.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <map>
#include <mutex>

#include "index/schema.h"

namespace vnsearch {
namespace {

using Clock = std::chrono::steady_clock;

// When each remote shard (by name) was last found down, across the process.
class DownRegistry {
 public:
  static DownRegistry& Get() {
    static DownRegistry registry;
    return registry;
  }
  bool RecentlyDown(const std::string& name) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = down_since_.find(name);
    return found != down_since_.end() &&
           Clock::now() - found->second <
               std::chrono::duration<double>(ShardSet::kRetryDownShardSeconds);
  }
  void MarkDown(const std::string& name) {
    std::lock_guard<std::mutex> lock(mutex_);
    down_since_[name] = Clock::now();
  }
  void MarkUp(const std::string& name) {
    std::lock_guard<std::mutex> lock(mutex_);
    down_since_.erase(name);
  }

 private:
  std::mutex mutex_;
  std::map<std::string, Clock::time_point> down_since_;
};

// The path `spec` leads to through the symbolic links it ends in, each read once: a rebuild
// publishes a generation by pointing the --db link at it (generations.h). Cheaper than
// std::filesystem::canonical, which resolves every folder on the way (a dozen system calls):
// LayoutKey runs before every request.
std::string LinkedPath(const std::string& spec) {
  std::string path = std::filesystem::path(spec).lexically_normal().string();
  while (path.size() > 1 && path.back() == '/') path.pop_back();  // "db/" would follow the link
  constexpr int kMaxLinks = 40;  // as the kernel's own limit for a path (ELOOP)
  for (int link = 0; link < kMaxLinks; ++link) {
    char target[PATH_MAX];
    ssize_t length = ::readlink(path.c_str(), target, sizeof target);
    if (length <= 0 || static_cast<size_t>(length) == sizeof target) break;  // not a link
    std::string next(target, static_cast<size_t>(length));
    size_t folder_end = path.find_last_of('/');
    if (next.front() != '/' && folder_end != std::string::npos) {
      next = path.substr(0, folder_end + 1) + next;  // relative to the link's folder
    }
    path = std::filesystem::path(next).lexically_normal().string();
    while (path.size() > 1 && path.back() == '/') path.pop_back();
  }
  return path;
}

// Reads the file at `path` (a shard stub: a few lines) into *text; false with errno set when it
// cannot be opened (ENOENT: none; ENOTDIR: a folder on the way is a file).
bool ReadSmallFile(const std::string& path, std::string* text) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buffer[4096];
  ssize_t got;
  while ((got = ::read(fd, buffer, sizeof buffer)) > 0)
    text->append(buffer, static_cast<size_t>(got));
  ::close(fd);
  return true;
}

Xapian::Database OpenLocation(const ShardLocation& location, unsigned timeout_ms) {
  if (!location.remote()) return Xapian::Database(location.path);
  return Xapian::Remote::open(location.host, location.port, timeout_ms, timeout_ms);
}

}  // namespace

ShardSet::ShardSet(std::vector<std::string> specs, unsigned remote_timeout_ms)
    : specs_(std::move(specs)), remote_timeout_ms_(remote_timeout_ms) {
  OpenAll();
}

std::string ShardSet::LayoutKey() const {
  std::string key;
  for (const std::string& spec : specs_) {
    if (spec.rfind("tcp://", 0) == 0) continue;
    std::string generation = LinkedPath(spec);
    key += generation;
    // A shard stub, as a folder's XAPIANDB or as the file named: its text lists the shards.
    std::string stub_text;
    if (ReadSmallFile(generation + "/" + kShardStubName, &stub_text) ||
        (errno == ENOTDIR && ReadSmallFile(generation, &stub_text))) {
      key += "=" + stub_text;
    }
    key += ";";
  }
  return key;
}

void ShardSet::OpenAll() {
  layout_key_ = LayoutKey();
  std::string error;
  std::optional<std::vector<ShardLocation>> locations = ResolveDatabases(specs_, &error);
  if (!locations) throw std::invalid_argument(error);
  shards_.clear();
  has_remote_ = false;
  for (const ShardLocation& location : *locations) {
    shards_.push_back({location, Xapian::Database(), false, ""});
    has_remote_ = has_remote_ || location.remote();
  }
  std::string local_errors;
  for (Shard& shard : shards_) {
    if (!TryOpen(&shard) && !shard.location.remote()) {
      local_errors += (local_errors.empty() ? "" : "; ") + shard.error;
    }
  }
  // A set of shards built by vnsearch-index --shards carries each shard's number: a list in
  // another order would rank correctly but send writes to shards that do not own the article.
  size_t count = shards_.size();
  for (size_t i = 0; i < count && count > 1; ++i) {
    if (!shards_[i].up) continue;
    std::string label = shards_[i].database.get_metadata(schema::kShardMetadataKey);
    std::string expected = ShardLabel(static_cast<int>(i), static_cast<int>(count));
    if (!label.empty() && label != expected) {
      throw std::invalid_argument(shards_[i].location.Name() + " is shard " + label +
                                  " (number/count, from 0) as " +
                                  "vnsearch-index built it, but is given as shard " + expected +
                                  ": give every shard once, in the order of their numbers");
    }
  }
  Combine();
  if (live_.empty()) {
    if (!local_errors.empty()) throw Xapian::DatabaseOpeningError(local_errors);
    throw ShardsUnavailable("no shard answers: " + DownErrors());
  }
}

bool ShardSet::TryOpen(Shard* shard) {
  const std::string name = shard->location.Name();
  shard->up = false;
  if (shard->location.remote() && DownRegistry::Get().RecentlyDown(name)) {
    if (shard->error.empty()) shard->error = name + ": did not answer";
    return false;
  }
  try {
    shard->database = OpenLocation(shard->location, remote_timeout_ms_);
    shard->up = true;
    shard->error.clear();
    if (shard->location.remote()) DownRegistry::Get().MarkUp(name);
  } catch (const Xapian::Error& error) {
    shard->error = name + ": " + error.get_description();
    if (shard->location.remote()) DownRegistry::Get().MarkDown(name);
  }
  return shard->up;
}

void ShardSet::Combine() {
  live_.clear();
  combined_ = Xapian::Database();
  for (const Shard& shard : shards_) {
    if (!shard.up) continue;
    live_.push_back(shard.database);
    combined_.add_database(shard.database);
  }
}

bool ShardSet::Reopen(Shard* shard) {
  try {
    shard->database.reopen();
    return false;
  } catch (const Xapian::NetworkTimeoutError& error) {
    shard->up = false;
    shard->error = shard->location.Name() + ": " + error.get_description();
    DownRegistry::Get().MarkDown(shard->location.Name());
  } catch (const Xapian::NetworkError&) {
    TryOpen(shard);  // a connection the server closed as idle: reconnect
  }
  return true;
}

void ShardSet::Refresh() {
  if (LayoutKey() != layout_key_) {
    OpenAll();
    return;
  }
  bool changed = false;
  for (Shard& shard : shards_) {
    if (shard.up) {
      if (Reopen(&shard)) changed = true;
    } else if (TryOpen(&shard)) {
      changed = true;
    }
  }
  if (changed) Combine();
  if (live_.empty()) throw ShardsUnavailable("no shard answers: " + DownErrors());
}

bool ShardSet::RecoverFromNetworkError() {
  for (Shard& shard : shards_) {
    if (shard.up && shard.location.remote()) Reopen(&shard);
  }
  Combine();
  return !live_.empty();
}

std::vector<std::string> ShardSet::DownShards() const {
  std::vector<std::string> names;
  for (const Shard& shard : shards_) {
    if (!shard.up) names.push_back(shard.location.Name());
  }
  return names;
}

std::string ShardSet::DownErrors() const {
  std::string errors;
  for (const Shard& shard : shards_) {
    if (!shard.up) errors += (errors.empty() ? "" : "; ") + shard.error;
  }
  return errors;
}

std::string ShardSet::RevisionKey() const {
  std::string key = layout_key_;
  for (const Shard& shard : shards_) {
    if (!shard.up) {
      key += "down";
    } else if (!shard.location.remote()) {
      key += std::to_string(shard.database.get_revision());
    } else {
      // The remote backend reports no revision: the database's UUID (new after a rebuild) and
      // vnsearch's commit count name its state instead.
      key += shard.database.get_uuid() + "#" +
             shard.database.get_metadata(schema::kCommitCountMetadataKey);
    }
    key += ",";
  }
  return key;
}

}  // namespace vnsearch
