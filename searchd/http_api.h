// http_api: the HTTP face of vnsearch — routes, parameter checking, JSON and error shapes, the
// access log and metrics, on an HttpServer. Handlers run on the server's worker threads; each
// thread owns its own Searcher.
#ifndef VNSEARCH_SEARCHD_HTTP_API_H_
#define VNSEARCH_SEARCHD_HTTP_API_H_

#include <string>
#include <vector>

#include "searchd/http_server.h"

namespace vnsearch {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  // The databases served as one, in shard order (index/shard_layout.h): index folders, stub
  // files, tcp://host:port of xapian-tcpsrv.
  std::vector<std::string> databases = {"var/db"};
  unsigned shard_timeout_ms = 3000;  // bound on each exchange with a remote shard
  std::string web_root = "web";
  int threads = 8;
  std::string cors_origin;          // Access-Control-Allow-Origin for the API, or none
  std::string access_log = "-";     // "-" for standard error, "off", or a file to append to
  int timeout_seconds = 10;         // a request's head must arrive within; each I/O wait after
  size_t max_body_bytes = 4 << 20;  // request bodies larger than this are refused (413)
  std::string token;                // bearer token for writes; empty: writes are disabled (403)
  std::string corpus = "corpus";    // where articles written over HTTP are kept as files
  size_t cache_entries = 2000;      // search answers kept for repeated requests (0: none)
  // Threads of the search pool (search_pool.h); -1: one per core, 0: none (each search is
  // computed by the worker that read it).
  int search_slots = -1;
};

// The searches `options` let compute at once (0: no limit).
unsigned SearchSlots(const ServerOptions& options);

// The OpenAPI document served at /api/openapi.json: searchd/openapi.json, compiled in.
const char* OpenApiDocumentText();

// The connection limits `options` ask for.
HttpLimits LimitsFor(const ServerOptions& options);

// Installs every route of the API and the static page on `server`, with limits, CORS, the
// access log and metrics. Returns false with *error set when the options cannot work (no index,
// no web root, an access log that cannot be opened).
bool InstallRoutes(const ServerOptions& options, HttpServer* server, std::string* error);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_HTTP_API_H_
