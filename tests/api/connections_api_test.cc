// API tests of what a hostile client can do with connections and request framing (issue #12):
// idle and slow connections must not starve the workers, heads and bodies are bounded however
// they are sent, and a write is refused before its body is read.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/api_client.h"
#include "api/raw_http.h"
#include "api/searchd_process.h"
#include "api/temp_corpus.h"

namespace vnsearch::testing {
namespace {

using nlohmann::json;

constexpr char kToken[] = "conn-token-51c2";

double SecondsSince(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

class ConnectionsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_ = temp_ / "corpus";
    CopyCorpus(corpus_);
    server_ = std::make_unique<SearchdProcess>(
        std::vector<std::string>{corpus_},
        std::vector<std::string>{"--token", kToken, "--corpus", corpus_, "--threads", "2",
                                 "--timeout", "2", "--access-log", "off"});
  }

  int port() const { return server_->port(); }

  size_t CorpusFiles() const {
    size_t files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus_)) {
      files += entry.is_regular_file();
    }
    return files;
  }

  TempFolder temp_;
  std::string corpus_;
  std::unique_ptr<SearchdProcess> server_;
};

const char kSearch[] = "GET /api/search?q=tran+binh+trong HTTP/1.1\r\nHost: t\r\n\r\n";

// 200 idle connections once delayed a search by two minutes: each held a worker for 5 s.
TEST_F(ConnectionsApiTest, IdleAndSlowConnectionsDoNotDelayASearch) {
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < 200; ++i) idle.push_back(std::make_unique<RawConnection>(port()));
  for (int i = 0; i < 50; ++i) {  // and 50 that started a request and stalled
    idle.push_back(std::make_unique<RawConnection>(port()));
    idle.back()->Send("GET /api/search?q=x HTTP/1.1\r\nHost: t\r\nX-Slow: ");
  }
  for (int round = 0; round < 3; ++round) {
    auto started = std::chrono::steady_clock::now();
    RawAnswer answer = RawRequest(port(), kSearch);
    EXPECT_EQ(answer.status, 200);
    EXPECT_LT(SecondsSince(started), 1.0) << "round " << round;
  }
}

TEST_F(ConnectionsApiTest, AHeadThatDoesNotArriveInTimeGets408) {
  RawConnection slow(port());
  ASSERT_TRUE(slow.Send("GET /api/search?q=x HTTP/1.1\r\nHost: t\r\n"));
  auto started = std::chrono::steady_clock::now();
  RawAnswer answer = slow.Read(6);
  EXPECT_EQ(answer.status, 408) << answer.head;
  EXPECT_LT(SecondsSince(started), 4.0);  // --timeout 2
  EXPECT_EQ(json::parse(answer.body)["error"]["code"], "timeout");
}

TEST_F(ConnectionsApiTest, AnIdleConnectionIsClosed) {
  RawConnection idle(port());
  EXPECT_TRUE(idle.ClosedWithin(8)) << "idle connections close after 5 s";
}

TEST_F(ConnectionsApiTest, HeadsAreBounded) {
  std::string many_big_fields = "GET / HTTP/1.1\r\nHost: t\r\n";
  for (int i = 0; i < 8000 && many_big_fields.size() < (1 << 20); ++i) {
    many_big_fields += "X-" + std::to_string(i) + ": " + std::string(8000, 'a') + "\r\n";
  }
  std::string many_small_fields = "GET / HTTP/1.1\r\nHost: t\r\n";
  for (int i = 0; i < 150; ++i) many_small_fields += "X-" + std::to_string(i) + ": a\r\n";
  struct Case {
    std::string request;
    int status;
  } cases[] = {
      {many_big_fields + "\r\n", 431},
      {many_small_fields + "\r\n", 431},
      {"GET /api/search?q=" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: t\r\n\r\n", 414},
      {"GET /" + std::string(100000, 'a'), 414},              // no line end at all
      {"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 400},  // a TLS handshake
      {"GET / HTTP/1.1\nHost: t\n\n", 400},                   // bare line feeds
      {"GET / HTTP/1.1\r\nHost : t\r\n\r\n", 400},            // space before the colon
      {"GET / HTTP/1.1\r\nHost: t\r\n folded\r\n\r\n", 400},
      {"GET /\x1b[31mred HTTP/1.1\r\nHost: t\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost: t\x01\r\n\r\n", 400},
      {"GET / HTTP/2.0\r\nHost: t\r\n\r\n", 505},
      {"BREW /pot HTTP/1.1\r\nHost: t\r\n\r\n", 501},
      {"GET http://example.com/ HTTP/1.1\r\nHost: t\r\n\r\n", 400},
      {"POST /api/articles HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n",
       400},
      {"POST /api/articles HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n"
       "Transfer-Encoding: chunked\r\n\r\n",
       400},
      {"POST /api/articles HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n", 501},
      {"POST /api/articles HTTP/1.1\r\nHost: t\r\nContent-Length: -1\r\n\r\n", 400},
  };
  for (const Case& test : cases) {
    RawAnswer answer = RawRequest(port(), test.request);
    EXPECT_EQ(answer.status, test.status) << test.request.substr(0, 80);
    if (answer.status >= 400) {
      json error = json::parse(answer.body, nullptr, false);
      EXPECT_TRUE(error.contains("error")) << answer.body;
    }
  }
  EXPECT_EQ(RawRequest(port(), kSearch).status, 200) << "still serving";
}

// A 256 MiB chunked body without a token was read whole before the 401.
TEST_F(ConnectionsApiTest, AWriteIsRefusedBeforeItsBodyIsRead) {
  long resident_before = server_->ResidentKib();
  for (const std::string framing :
       {"Transfer-Encoding: chunked\r\n", "Content-Length: 268435456\r\n"}) {
    RawConnection connection(port());
    // The head only: the answer must come without the body.
    ASSERT_TRUE(connection.Send("POST /api/articles HTTP/1.1\r\nHost: t\r\n" + framing +
                                "Content-Type: text/plain\r\n\r\n"));
    auto started = std::chrono::steady_clock::now();
    RawAnswer answer = connection.Read(5);
    EXPECT_EQ(answer.status, 401) << framing;
    EXPECT_LT(SecondsSince(started), 1.0);
    // What a client sends after that is dropped, not kept.
    std::string junk(1 << 20, 'x');
    for (int i = 0; i < 64 && connection.Send(junk); ++i) {
    }
  }
  EXPECT_LT(server_->ResidentKib() - resident_before, 32 * 1024) << "KiB more after the bodies";
}

std::string ChunkedPost(const std::string& token, size_t chunks, size_t chunk_bytes) {
  char size[32];
  std::snprintf(size, sizeof size, "%zx\r\n", chunk_bytes);
  std::string request = "POST /api/articles HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + token +
                        "\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
  std::string text = "Tin ngắn về Đại hội Chi bộ. ";
  std::string chunk;
  while (chunk.size() < chunk_bytes) chunk += text;
  chunk.resize(chunk_bytes);
  while (static_cast<unsigned char>(chunk.back()) >= 0x80) chunk.back() = '.';  // whole UTF-8
  for (size_t i = 0; i < chunks; ++i) request += size + chunk + "\r\n";
  return request + "0\r\n\r\n";
}

// With the token, a 6 MiB chunked article was stored despite the 4 MiB limit.
TEST_F(ConnectionsApiTest, BodiesAreBoundedHoweverSent) {
  size_t files_before = CorpusFiles();
  RawAnswer chunked = RawRequest(port(), ChunkedPost(kToken, 6, 1 << 20));
  EXPECT_EQ(chunked.status, 413) << chunked.body;
  std::string length_head = "POST /api/articles HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " +
                            std::string(kToken) + "\r\nContent-Type: text/plain\r\n";
  RawAnswer by_length =
      RawRequest(port(), length_head + "Content-Length: 6291456\r\n\r\n" + std::string(1000, 'x'));
  EXPECT_EQ(by_length.status, 413);
  // Tiny chunks cannot hide a body behind their framing either.
  RawAnswer tiny = RawRequest(port(), ChunkedPost(kToken, 200000, 1), 60);
  EXPECT_EQ(tiny.status, 201) << tiny.body;
  RawAnswer bad_chunk =
      RawRequest(port(), length_head + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");
  EXPECT_EQ(bad_chunk.status, 400);
  RawAnswer cut_short = RawRequest(port(), length_head + "Content-Length: 100\r\n\r\nonly this", 6);
  EXPECT_EQ(cut_short.status, 408);
  EXPECT_EQ(CorpusFiles(), files_before + 1) << "only the tiny-chunk article was stored";

  // Within the limit, a chunked article is stored.
  RawAnswer fits = RawRequest(port(), ChunkedPost(kToken, 4, 128 << 10), 60);
  EXPECT_EQ(fits.status, 201) << fits.body;
}

// PATCH or POST without a length once held a worker for the whole read timeout.
TEST_F(ConnectionsApiTest, MissingLengthsAndWrongMethodsAreAnsweredAtOnce) {
  struct Case {
    std::string request;
    int status;
    std::string allow;
  } cases[] = {
      {"PATCH /api/articles/x HTTP/1.1\r\nHost: t\r\n\r\n", 405, "GET, HEAD, PUT, DELETE"},
      {"POST /api/articles HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + std::string(kToken) +
           "\r\n\r\n",
       411, ""},
      {"PUT /api/articles/x HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + std::string(kToken) +
           "\r\n\r\n",
       411, ""},
      {"POST /api/search HTTP/1.1\r\nHost: t\r\nContent-Length: 1000000\r\n\r\n", 405, "GET, HEAD"},
  };
  for (const Case& test : cases) {
    auto started = std::chrono::steady_clock::now();
    RawConnection connection(port());
    connection.Send(test.request);
    RawAnswer answer = connection.Read(5);
    EXPECT_EQ(answer.status, test.status) << test.request;
    EXPECT_EQ(answer.Header("Allow"), test.allow) << test.request;
    EXPECT_LT(SecondsSince(started), 1.0) << test.request;
  }
}

TEST_F(ConnectionsApiTest, KeepAlivePipeliningAndRangesIgnored) {
  RawConnection connection(port());
  // Two requests in one packet, then a third after the answers.
  connection.Send(std::string(kSearch) + "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_EQ(connection.Read().status, 200);
  RawAnswer health = connection.Read();
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(json::parse(health.body)["status"], "ok");
  // A refused request with no body keeps the connection too.
  connection.Send("POST /api/search HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_EQ(connection.Read().status, 405);
  // A thousand ranges once multiplied the answer: ranges are not served.
  std::string ranges = "bytes=0-";
  for (int i = 0; i < 1000; ++i) ranges += ",0-";
  connection.Send("GET /api/search?q=dai+hoi HTTP/1.1\r\nHost: t\r\nRange: " + ranges +
                  "\r\nConnection: close\r\n\r\n");
  RawAnswer whole = connection.Read();
  EXPECT_EQ(whole.status, 200);
  EXPECT_TRUE(json::parse(whole.body, nullptr, false).is_object());
  EXPECT_TRUE(connection.ClosedWithin(2)) << "Connection: close is honoured";
}

}  // namespace
}  // namespace vnsearch::testing
