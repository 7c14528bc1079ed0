// shard_layout: the stub format is Xapian's own (backends/dbfactory.cc reads the same lines), so a
// sharded index opens as one database in any Xapian tool (xapian-delve, quest, xapian-tcpsrv);
// reading it here as well gives vnsearch each shard on its own, which it needs for per-shard
// metadata, for sending a write to its owner, and for going on without a shard that is down.

#include "index/shard_layout.h"

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace vnsearch {
namespace fs = std::filesystem;

namespace {

constexpr char kTcpScheme[] = "tcp://";

// "HOST:PORT" → location; false when it is not one.
bool ParseHostPort(const std::string& text, ShardLocation* location) {
  size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return false;
  char* end = nullptr;
  long port = std::strtol(text.c_str() + colon + 1, &end, 10);
  if (*end != '\0' || port < 1 || port > 65535) return false;
  location->host = text.substr(0, colon);
  if (location->host.size() > 2 && location->host.front() == '[' && location->host.back() == ']') {
    location->host = location->host.substr(1, location->host.size() - 2);  // [::1]
  }
  location->port = static_cast<unsigned>(port);
  return true;
}

// The stub file of `path`: the path itself when it is a file, its XAPIANDB when it is a folder
// holding one, else "".
std::string StubFileOf(const std::string& path) {
  std::error_code ignored;
  if (fs::is_regular_file(path, ignored)) return path;
  if (fs::is_directory(path, ignored) &&
      fs::is_regular_file(fs::path(path) / kShardStubName, ignored)) {
    return (fs::path(path) / kShardStubName).string();
  }
  return "";
}

std::optional<std::vector<ShardLocation>> ReadStub(const std::string& stub_file,
                                                   std::string* error) {
  std::ifstream in(stub_file);
  if (!in) {
    *error = stub_file + ": cannot read the stub file";
    return std::nullopt;
  }
  fs::path folder = fs::path(stub_file).parent_path();
  std::vector<ShardLocation> locations;
  std::string line;
  for (int line_number = 1; std::getline(in, line); ++line_number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    size_t space = line.find(' ');
    std::string kind = line.substr(0, space);
    std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    ShardLocation location;
    if ((kind == "auto" || kind == "glass") && !rest.empty()) {
      location.path = fs::path(rest).is_absolute() ? rest : (folder / rest).string();
    } else if (kind == "remote" && ParseHostPort(rest, &location)) {
    } else {
      *error = stub_file + ":" + std::to_string(line_number) +
               ": not a database line vnsearch reads (write \"auto PATH\" or "
               "\"remote HOST:PORT\")";
      return std::nullopt;
    }
    locations.push_back(location);
  }
  if (locations.empty()) {
    *error = stub_file + ": the stub file lists no database";
    return std::nullopt;
  }
  return locations;
}

}  // namespace

int ShardOf(const std::string& article_id, int shard_count) {
  if (shard_count <= 1) return 0;
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : article_id) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return static_cast<int>(hash % static_cast<uint64_t>(shard_count));
}

std::string ShardFolderName(int shard) { return "shard-" + std::to_string(shard); }

std::string ShardLabel(int shard, int shard_count) {
  return std::to_string(shard) + "/" + std::to_string(shard_count);
}

std::string ShardLocation::Name() const {
  if (!remote()) return path;
  bool ipv6 = host.find(':') != std::string::npos;
  return std::string(kTcpScheme) + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::optional<std::vector<ShardLocation>> ResolveDatabase(const std::string& spec,
                                                          std::string* error) {
  if (spec.rfind(kTcpScheme, 0) == 0) {
    ShardLocation location;
    if (!ParseHostPort(spec.substr(sizeof(kTcpScheme) - 1), &location)) {
      *error = spec + ": write a remote database as tcp://HOST:PORT (an xapian-tcpsrv)";
      return std::nullopt;
    }
    return std::vector<ShardLocation>{location};
  }
  if (spec.empty()) {
    *error = "an empty database path: name a folder, a stub file or tcp://HOST:PORT";
    return std::nullopt;
  }
  std::string stub_file = StubFileOf(spec);
  if (!stub_file.empty()) return ReadStub(stub_file, error);
  ShardLocation location;
  location.path = spec;
  return std::vector<ShardLocation>{location};
}

std::optional<std::vector<ShardLocation>> ResolveDatabases(const std::vector<std::string>& specs,
                                                           std::string* error) {
  std::vector<ShardLocation> all;
  for (const std::string& spec : specs) {
    std::optional<std::vector<ShardLocation>> locations = ResolveDatabase(spec, error);
    if (!locations) return std::nullopt;
    all.insert(all.end(), locations->begin(), locations->end());
  }
  if (all.size() > static_cast<size_t>(kMaxShards)) {
    *error = "more than " + std::to_string(kMaxShards) + " databases";
    return std::nullopt;
  }
  return all;
}

int LocalShardCount(const std::string& index_path) {
  std::error_code ignored;
  if (!fs::exists(index_path, ignored)) return 0;
  std::string stub_file = StubFileOf(index_path);
  if (stub_file.empty()) return 1;
  std::string error;
  std::optional<std::vector<ShardLocation>> locations = ReadStub(stub_file, &error);
  return locations ? static_cast<int>(locations->size()) : 1;
}

bool WriteShardStub(const std::string& folder, int shard_count, std::string* error) {
  fs::path stub = fs::path(folder) / kShardStubName;
  fs::path temporary = stub.string() + ".tmp-" + std::to_string(getpid());
  {
    std::ofstream out(temporary);
    out << "# vnsearch index of " << shard_count << " shards: an article's shard is FNV-1a(id) mod "
        << shard_count
        << ". Written by vnsearch-index --shards; reshard with --rebuild --shards N.\n";
    for (int shard = 0; shard < shard_count; ++shard) {
      out << "auto " << ShardFolderName(shard) << "\n";
    }
    out.flush();
    if (!out) {
      *error =
          "cannot write " + temporary.string() + " (is the disk full, or the folder read-only?)";
      std::error_code ignored;  // removing the partial temporary file is cleanup only
      fs::remove(temporary, ignored);
      return false;
    }
  }
  std::error_code fs_error;
  fs::rename(temporary, stub, fs_error);
  if (fs_error) {
    *error = "cannot write " + stub.string() + ": " + fs_error.message();
    std::error_code ignored;  // removing the temporary file is cleanup only
    fs::remove(temporary, ignored);
    return false;
  }
  return true;
}

}  // namespace vnsearch
