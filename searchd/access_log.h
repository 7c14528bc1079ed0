// access_log: the line vnsearchd logs for each answered request —
//   127.0.0.1 "GET /api/search?q=..." 200 5321 3.10ms
// Whatever came from the request is escaped (control characters, quotes, backslashes and bytes
// that are not UTF-8 as \xHH), so a request cannot forge or break log lines, and the write
// token is never written: values of token-like parameters, and any value or path holding the
// token, are withheld. Pure; thread-safe.
#ifndef VNSEARCH_SEARCHD_ACCESS_LOG_H_
#define VNSEARCH_SEARCHD_ACCESS_LOG_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace vnsearch {

// `text` with control characters, '"', '\\' and ill-formed UTF-8 bytes written as \xHH.
std::string EscapeForLog(std::string_view text);

// `target` (a raw request target) with secrets withheld: the values of the parameters token,
// access_token, api_key, key, password and secret, and any parameter or path that holds `token`
// (raw or percent-decoded), become "[withheld]".
std::string WithholdSecrets(const std::string& target, const std::string& token);

// The access log line for a request, ending in a newline. `method` and `target` as received
// (empty when the request line could not be read: `request_line` is shown instead).
std::string AccessLogLine(const std::string& remote_addr, const std::string& method,
                          const std::string& target, const std::string& request_line, int status,
                          size_t body_bytes, double seconds, const std::string& token);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_ACCESS_LOG_H_
