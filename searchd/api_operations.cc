// api_operations: what an operator asks — /healthz, /metrics, /api/openapi.json — and the
// access log and metrics of every request.

#include <chrono>
#include <cstdio>

#include "searchd/access_log.h"
#include "searchd/api_internal.h"
#include "vnsearch/version.h"

namespace vnsearch {
namespace api {

void Api::Health(httplib::Response* response) {
  Guarded(response, [&] {
    Xapian::doccount documents =
        ReadIndex([](Searcher& searcher) { return searcher.DocumentCount(); });
    SendJson(response, 200, {{"status", "ok"}, {"version", kVersion}, {"documents", documents}});
  });
}

void Api::MetricsPage(httplib::Response* response) {
  Guarded(response, [&] {
    Xapian::doccount documents =
        ReadIndex([](Searcher& searcher) { return searcher.DocumentCount(); });
    response->set_content(metrics_.Render(documents, FacetColumnReadCounts()),
                          "text/plain; version=0.0.4; charset=utf-8");
  });
}

void Api::OpenApiDocument(httplib::Response* response) {
  response->set_content(OpenApiDocumentText(), "application/json; charset=utf-8");
}

void Api::WriteLog(const std::string& line) {
  if (!access_log_) return;
  std::fwrite(line.data(), 1, line.size(), access_log_.get());
  std::fflush(access_log_.get());
}

void Api::Log(const httplib::Request& request, const httplib::Response& response) {
  const RequestContext* context = CurrentRequest();
  auto now = std::chrono::steady_clock::now();
  double seconds =
      context == nullptr ? 0 : std::chrono::duration<double>(now - context->started).count();
  std::string route = request.method.empty() ? "unparsed" : RouteOf(request.path);
  metrics_.Record(route, response.status, seconds);
  WriteLog(AccessLogLine(request.remote_addr, request.method, request.target,
                         context == nullptr ? "" : context->request_line, response.status,
                         response.body.size(), seconds, token_));
}

void Api::LogRefused(const RefusedRequest& refused) {
  std::string route = "unparsed";
  size_t first_space = refused.request_line.find(' ');
  size_t second_space = refused.request_line.find(' ', first_space + 1);
  if (second_space != std::string::npos) {
    std::string target =
        refused.request_line.substr(first_space + 1, second_space - first_space - 1);
    route = RouteOf(httplib::detail::decode_url(target.substr(0, target.find('?')), false));
  }
  metrics_.Record(route, refused.status, refused.seconds);
  WriteLog(AccessLogLine(refused.remote_addr, "", "", refused.request_line, refused.status,
                         refused.body_bytes, refused.seconds, token_));
}

}  // namespace api
}  // namespace vnsearch
