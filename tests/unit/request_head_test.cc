// Unit tests for reading request heads and chunked bodies: where a request ends, and what is
// refused before a handler sees it.

#include "searchd/request_head.h"

#include <gtest/gtest.h>

#include <string>

#include "searchd/chunked_body.h"

namespace vnsearch {
namespace {

RequestHead Read(const std::string& received) { return ReadRequestHead(received, HeadLimits()); }

TEST(RequestHeadTest, ACompleteHeadAndItsFraming) {
  std::string bytes =
      "POST /api/articles?x=1 HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n"
      "Range: bytes=0-1\r\nConnection: keep-alive\r\n\r\nhello";
  RequestHead head = Read(bytes);
  ASSERT_EQ(head.state, RequestHead::State::kComplete) << head.error_message;
  EXPECT_EQ(head.size, bytes.size() - 5);
  EXPECT_EQ(head.method, "POST");
  EXPECT_EQ(head.target, "/api/articles?x=1");
  EXPECT_EQ(head.framing, BodyFraming::kLength);
  EXPECT_EQ(head.content_length, 5u);
  EXPECT_TRUE(head.keep_alive);
  EXPECT_EQ(head.forwarded.find("Range"), std::string::npos) << "ranges are not passed on";
  EXPECT_EQ(head.request_line, "POST /api/articles?x=1 HTTP/1.1");
}

TEST(RequestHeadTest, IncompleteUntilTheBlankLine) {
  EXPECT_EQ(Read("").state, RequestHead::State::kIncomplete);
  EXPECT_EQ(Read("GET / HT").state, RequestHead::State::kIncomplete);
  EXPECT_EQ(Read("GET / HTTP/1.1\r\nHost: t\r\n").state, RequestHead::State::kIncomplete);
  EXPECT_EQ(Read("GET / HTTP/1.1\r\n\r\n").state, RequestHead::State::kComplete);
}

TEST(RequestHeadTest, ConnectionOptions) {
  EXPECT_FALSE(Read("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n").keep_alive);
  EXPECT_FALSE(Read("GET / HTTP/1.0\r\n\r\n").keep_alive);
  EXPECT_TRUE(Read("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keep_alive);
  EXPECT_EQ(Read("POST / HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n").framing,
            BodyFraming::kChunked);
}

TEST(RequestHeadTest, RefusalsAndTheirStatus) {
  struct Case {
    std::string bytes;
    int status;
  } cases[] = {
      {"GET /" + std::string(9000, 'a'), 414},
      {"GET /" + std::string(9000, 'a') + " HTTP/1.1\r\n\r\n", 414},
      {"GET / HTTP/1.1\r\n" + std::string(17000, 'a'), 431},
      {"\x16\x03\x01", 400},
      {"GET / HTTP/1.1\nHost: t\n\n", 400},
      {"GET / HTTP/1.1\r\nHost: t\rX: y\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost : t\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\n folded\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nNoColon\r\n\r\n", 400},
      {"GET  / HTTP/1.1\r\n\r\n", 400},
      {"get / HTTP/1.1\r\n\r\n", 400},
      {"GET / HTTP/1.2\r\n\r\n", 505},
      {"GET / FTP/1.1\r\n\r\n", 400},
      {"BREW / HTTP/1.1\r\n\r\n", 501},
      {"GET * HTTP/1.1\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501},
      {"POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nX: a\x7f\r\n\r\n", 400},
  };
  for (const Case& test : cases) {
    RequestHead head = Read(test.bytes);
    EXPECT_EQ(head.state, RequestHead::State::kBad) << test.bytes.substr(0, 60);
    EXPECT_EQ(head.error_status, test.status) << test.bytes.substr(0, 60);
    EXPECT_FALSE(head.error_message.empty());
  }
  std::string many = "GET / HTTP/1.1\r\n";
  for (int i = 0; i < 101; ++i) many += "X: y\r\n";
  EXPECT_EQ(Read(many + "\r\n").error_status, 431);
}

std::string Decode(const std::string& bytes, size_t limit, ChunkedBody::State* state,
                   size_t step = 1) {
  ChunkedBody decoder(limit);
  std::string body;
  for (size_t at = 0; at < bytes.size() && decoder.state() == ChunkedBody::State::kMore;
       at += step) {
    decoder.Feed(std::string_view(bytes).substr(at, step), &body);
  }
  *state = decoder.state();
  return body;
}

TEST(ChunkedBodyTest, DecodesWhateverTheSplit) {
  std::string bytes = "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer: x\r\n\r\nNEXT";
  for (size_t step : {1, 2, 7, 1000}) {
    ChunkedBody::State state;
    EXPECT_EQ(Decode(bytes, 100, &state, step), "hello world");
    EXPECT_EQ(state, ChunkedBody::State::kDone);
  }
  ChunkedBody decoder(100);
  std::string body;
  EXPECT_EQ(decoder.Feed(bytes, &body), bytes.size() - 4) << "stops at the end of the body";
}

TEST(ChunkedBodyTest, RefusesBadAndLargeBodies) {
  ChunkedBody::State state;
  Decode("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", 10, &state);
  EXPECT_EQ(state, ChunkedBody::State::kTooLarge);
  Decode("fffffffffff\r\n", 10, &state);
  EXPECT_EQ(state, ChunkedBody::State::kTooLarge) << "refused on its announced size";
  Decode("zz\r\n", 10, &state);
  EXPECT_EQ(state, ChunkedBody::State::kBad);
  Decode("5\r\nhelloX\r\n", 10, &state);
  EXPECT_EQ(state, ChunkedBody::State::kBad);
  Decode("5\nhello\n", 10, &state);
  EXPECT_EQ(state, ChunkedBody::State::kBad);
  Decode("1;" + std::string(5000, 'e') + "\r\n", 10, &state);
  EXPECT_EQ(state, ChunkedBody::State::kBad);
  Decode("0\r\n" + std::string(9000, 't'), 10, &state);
  EXPECT_EQ(state, ChunkedBody::State::kBad);
}

}  // namespace
}  // namespace vnsearch
