// http_request_fuzzer: libFuzzer target over what vnsearchd does with a request before any index
// is involved: reading the head (request_head), decoding a chunked body, the route, the query
// string's parameters and their checks, the query's parse, limits and Xapian query, and the
// access log line. Any crash, hang, leak or sanitizer report is a bug; so is a log line with a
// raw control character or the token in it.

#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "searchd/access_log.h"
#include "searchd/api_routes.h"
#include "searchd/chunked_body.h"
#include "searchd/query_builder.h"
#include "searchd/query_limits.h"
#include "searchd/request_head.h"
#include "searchd/request_params.h"

namespace {

constexpr char kToken[] = "fuzz-token";

void CheckParameters(const httplib::Params& params) {
  try {
    vnsearch::SearchRequest search = vnsearch::ParseSearchRequest(params);
    vnsearch::ParsedQuery parsed = vnsearch::ParseQuery(search.query);
    if (!parsed.ok) return;
    std::string problem;
    if (!vnsearch::CheckQueryLimits(parsed.root, &problem)) return;
    vnsearch::BuiltQuery built = vnsearch::BuildQuery(parsed.root);
    (void)built.query.get_description();
  } catch (const vnsearch::BadParameter& error) {
    if (std::string(error.what()).empty()) __builtin_trap();
  }
  for (const char* name : {"q", "prefix"}) {
    try {
      vnsearch::TextParameter(params, name);
    } catch (const vnsearch::BadParameter&) {
    }
  }
}

void CheckLogLine(const std::string& line) {
  if (line.empty() || line.back() != '\n') __builtin_trap();
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    unsigned char byte = static_cast<unsigned char>(line[i]);
    if (byte < 0x20 || byte == 0x7F) __builtin_trap();
  }
  if (line.find(kToken) != std::string::npos) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string received(reinterpret_cast<const char*>(data), size);
  vnsearch::RequestHead head = vnsearch::ReadRequestHead(received, vnsearch::HeadLimits());
  CheckLogLine(vnsearch::AccessLogLine("127.0.0.1", "", "", head.request_line, 400, 0, 0, kToken));
  if (head.state == vnsearch::RequestHead::State::kBad && head.error_message.empty()) {
    __builtin_trap();
  }
  if (head.state != vnsearch::RequestHead::State::kComplete) return 0;
  if (head.size > received.size() || head.forwarded.size() > head.size) __builtin_trap();
  if (head.forwarded.size() < 4 ||
      head.forwarded.compare(head.forwarded.size() - 4, 4, "\r\n\r\n") != 0) {
    __builtin_trap();
  }
  if (head.framing == vnsearch::BodyFraming::kChunked) {
    vnsearch::ChunkedBody body_decoder(4096);
    std::string body;
    size_t used = body_decoder.Feed(std::string_view(received).substr(head.size), &body);
    if (used > received.size() - head.size || body.size() > 4096) __builtin_trap();
  }
  std::string target = head.target;
  size_t question = target.find('?');
  std::string path = httplib::detail::decode_url(target.substr(0, question), false);
  vnsearch::RouteMatch route = vnsearch::MatchRoute(path);
  (void)vnsearch::AllowsMethod(route.route, head.method);
  httplib::Params params;
  if (question != std::string::npos) {
    httplib::detail::parse_query_text(target.substr(question + 1), params);
  }
  CheckParameters(params);
  CheckLogLine(vnsearch::AccessLogLine("::1", head.method, target, head.request_line, 200, size,
                                       0.001, kToken));
  return 0;
}
