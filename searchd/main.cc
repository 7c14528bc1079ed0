// vnsearchd: the vnsearch HTTP daemon. Serves the search API and the browser page.
// Usage: vnsearchd [--db DIR] [--host HOST] [--port PORT] [--web DIR] [--threads N] (see --help)

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>

#include "index/command_line.h"
#include "searchd/http_api.h"
#include "searchd/install_layout.h"
#include "vnsearch/version.h"

namespace vnsearch {
// The --help text, made from vnsearchd.usage (the source of the man page too).
const char* UsageText();
}  // namespace vnsearch

namespace {

// Parses the integer `text` of `flag` into `*target`, or says what the flag takes.
template <typename Number>
bool ParseNumberFlag(const char* flag, const std::string& text, long min, long max,
                     const char* unit, Number* target) {
  long value = 0;
  if (!vnsearch::ParseFlagNumber(text, min, max, &value)) {
    std::cerr << vnsearch::BadFlagNumberMessage("vnsearchd", flag, min, max, text, unit) << "\n";
    return false;
  }
  *target = static_cast<Number>(value);
  return true;
}

// Reads the token from `path`: its first line, without surrounding white space.
bool ReadTokenFile(const std::string& path, std::string* token) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "vnsearchd: cannot read the token file " << path << "\n";
    return false;
  }
  std::string line;
  std::getline(in, line);
  size_t begin = line.find_first_not_of(" \t\r");
  size_t end = line.find_last_not_of(" \t\r");
  *token = begin == std::string::npos ? "" : line.substr(begin, end - begin + 1);
  if (token->empty()) {
    std::cerr << "vnsearchd: the token file " << path
              << " is empty: put the token on its first line\n";
    return false;
  }
  return true;
}

// A token goes in an Authorization header: visible ASCII only.
bool IsUsableToken(const std::string& token) {
  if (token.size() > 1024) return false;
  for (char c : token) {
    if (c < 0x21 || c > 0x7E) return false;
  }
  return true;
}

bool ParseOptions(int argc, char** argv, vnsearch::ServerOptions* options) {
  auto env = [](const char* name, std::string* target) {
    if (const char* value = std::getenv(name)) *target = value;
  };
  std::string port_text = std::to_string(options->port);
  std::string threads_text = std::to_string(options->threads);
  options->web_root = vnsearch::DefaultWebRoot(vnsearch::RunningBinaryPath(argv[0]));
  std::string database_text;
  env("VNSEARCH_DB", &database_text);
  if (!database_text.empty()) options->databases = {database_text};
  std::string shard_timeout_text = std::to_string(options->shard_timeout_ms / 1000.0);
  env("VNSEARCH_SHARD_TIMEOUT", &shard_timeout_text);
  bool database_given = false;
  env("VNSEARCH_HOST", &options->host);
  env("VNSEARCH_PORT", &port_text);
  env("VNSEARCH_WEB", &options->web_root);
  env("VNSEARCH_THREADS", &threads_text);
  std::string timeout_text = std::to_string(options->timeout_seconds);
  env("VNSEARCH_CORS_ORIGIN", &options->cors_origin);
  env("VNSEARCH_ACCESS_LOG", &options->access_log);
  env("VNSEARCH_TIMEOUT", &timeout_text);
  env("VNSEARCH_TOKEN", &options->token);
  std::string token_file;
  env("VNSEARCH_TOKEN_FILE", &token_file);
  env("VNSEARCH_CORPUS", &options->corpus);
  std::string cache_text = std::to_string(options->cache_entries);
  env("VNSEARCH_CACHE_ENTRIES", &cache_text);
  std::string search_slots_text;
  env("VNSEARCH_SEARCH_SLOTS", &search_slots_text);
  for (int i = 1; i < argc; ++i) {
    std::string argument = argv[i];
    auto value = [&](const char* flag, std::string* target) {
      std::string with_equals = std::string(flag) + "=";
      if (argument == flag && i + 1 < argc) {
        *target = argv[++i];
        return true;
      }
      if (argument.rfind(with_equals, 0) == 0) {
        *target = argument.substr(with_equals.size());
        return true;
      }
      return false;
    };
    if (argument == "--help" || argument == "-h") {
      std::cout << vnsearch::UsageText();
      std::exit(0);
    }
    if (argument == "--version") {
      std::cout << "vnsearchd " << vnsearch::kVersion << "\n";
      std::exit(0);
    }
    std::string database;
    if (value("--db", &database)) {
      if (!database_given) options->databases.clear();
      database_given = true;
      options->databases.push_back(database);
      continue;
    }
    if (value("--host", &options->host) || value("--shard-timeout", &shard_timeout_text) ||
        value("--port", &port_text) || value("--web", &options->web_root) ||
        value("--threads", &threads_text) || value("--cors-origin", &options->cors_origin) ||
        value("--access-log", &options->access_log) || value("--timeout", &timeout_text) ||
        value("--token", &options->token) || value("--token-file", &token_file) ||
        value("--corpus", &options->corpus) || value("--cache-entries", &cache_text) ||
        value("--search-slots", &search_slots_text)) {
      continue;
    }
    std::cerr << "vnsearchd: unknown option " << argument << "\n" << vnsearch::UsageText();
    return false;
  }
  if (!token_file.empty() && !ReadTokenFile(token_file, &options->token)) return false;
  if (!options->token.empty() && !IsUsableToken(options->token)) {
    std::cerr << "vnsearchd: the token must be 1 to 1024 visible ASCII characters (no spaces)\n";
    return false;
  }
  if (!ParseNumberFlag("--port", port_text, 0, 65535, "", &options->port) ||
      !ParseNumberFlag("--timeout", timeout_text, 1, 3600, "seconds", &options->timeout_seconds) ||
      !ParseNumberFlag("--cache-entries", cache_text, 0, 1000000, "", &options->cache_entries) ||
      !ParseNumberFlag("--threads", threads_text, 1, 256, "", &options->threads) ||
      (!search_slots_text.empty() &&
       !ParseNumberFlag("--search-slots", search_slots_text, 0, 256, "", &options->search_slots))) {
    return false;
  }
  char* timeout_end = nullptr;
  double shard_timeout = std::strtod(shard_timeout_text.c_str(), &timeout_end);
  if (timeout_end == shard_timeout_text.c_str() || *timeout_end != '\0' || shard_timeout < 0.05 ||
      shard_timeout > 3600) {
    std::cerr << "vnsearchd: --shard-timeout must be from 0.05 to 3600 seconds, not "
              << shard_timeout_text << "\n";
    return false;
  }
  options->shard_timeout_ms = static_cast<unsigned>(shard_timeout * 1000);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  vnsearch::ServerOptions options;
  if (!ParseOptions(argc, argv, &options)) return 2;

  // Ctrl-C and SIGTERM stop the server cleanly: block them everywhere, wait for them on one thread.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a client that goes away is an error on its socket, not a signal

  vnsearch::HttpServer server(vnsearch::LimitsFor(options), options.threads);
  std::string error;
  if (!vnsearch::InstallRoutes(options, &server, &error)) {
    std::cerr << "vnsearchd: " << error << "\n";
    return 1;
  }
  int port = server.Bind(options.host, options.port, &error);
  if (port < 0) {
    std::cerr << "vnsearchd: " << error << " (in use? pick another with --port)\n";
    return 1;
  }
  std::atomic<bool> stopped_by_signal{false};
  std::thread signal_waiter([&server, &stopped_by_signal, stop_signals] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    stopped_by_signal = true;
    server.Stop();
  });
  std::string served;
  for (const std::string& database : options.databases) {
    served += (served.empty() ? "" : " + ") + database;
  }
  std::cout << "vnsearchd: serving " << served << " on http://" << options.host << ":" << port
            << "/" << std::endl;
  server.Run();
  std::cout << "vnsearchd: stopped" << std::endl;
  // The server may have stopped for another reason: then wake the waiter so it can finish.
  if (!stopped_by_signal) pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  return 0;
}
