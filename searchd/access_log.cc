// access_log: escaping first decides what is text; secrets are withheld before escaping, on the
// target as the client sent it.

#include "searchd/access_log.h"

#include <httplib.h>
#include <unicode/utf8.h>

#include <cstdio>

namespace vnsearch {
namespace {

constexpr size_t kMaxLoggedBytes = 2048;  // of a target or request line
constexpr char kWithheld[] = "[withheld]";

bool IsSecretName(std::string name) {
  for (char& c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  for (const char* secret : {"token", "access_token", "api_key", "apikey", "key", "password",
                             "secret", "authorization"}) {
    if (name == secret) return true;
  }
  return false;
}

bool Holds(const std::string& text, const std::string& token) {
  if (token.empty()) return false;
  return text.find(token) != std::string::npos ||
         httplib::detail::decode_url(text, true).find(token) != std::string::npos;
}

}  // namespace

std::string EscapeForLog(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 code_point;
    U8_NEXT(bytes, i, length, code_point);
    bool plain = code_point >= 0x20 && code_point != 0x7F && code_point != '"' &&
                 code_point != '\\' && !(code_point >= 0x80 && code_point < 0xA0);
    if (plain) {
      escaped.append(text.substr(start, i - start));
      continue;
    }
    for (int32_t k = start; k < i; ++k) {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02X", bytes[k]);
      escaped += hex;
    }
  }
  return escaped;
}

std::string WithholdSecrets(const std::string& target, const std::string& token) {
  size_t question = target.find('?');
  std::string path = target.substr(0, question);
  std::string result = Holds(path, token) ? kWithheld : path;
  if (question == std::string::npos) return result;
  result += '?';
  std::string query = target.substr(question + 1);
  for (size_t start = 0; start <= query.size();) {
    size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    std::string pair = query.substr(start, end - start);
    size_t equals = pair.find('=');
    std::string name = pair.substr(0, equals);
    if (start > 0) result += '&';
    if (Holds(name, token)) {
      result += kWithheld;
    } else if (equals != std::string::npos &&
               (IsSecretName(httplib::detail::decode_url(name, true)) ||
                Holds(pair.substr(equals + 1), token))) {
      result += name + "=" + kWithheld;
    } else {
      result += pair;
    }
    start = end + 1;
  }
  return result;
}

std::string AccessLogLine(const std::string& remote_addr, const std::string& method,
                          const std::string& target, const std::string& request_line, int status,
                          size_t body_bytes, double seconds, const std::string& token) {
  std::string request;
  size_t first_space = request_line.find(' ');
  size_t second_space = request_line.find(' ', first_space + 1);
  if (!method.empty()) {
    request = method + " " + WithholdSecrets(target, token);
  } else if (first_space != std::string::npos && second_space != std::string::npos) {
    request = request_line.substr(0, first_space + 1) +
              WithholdSecrets(request_line.substr(first_space + 1, second_space - first_space - 1),
                              token);
  } else {
    request = Holds(request_line, token) ? kWithheld : request_line;
  }
  // Whatever else may hold it (a method, a line that is not HTTP at all).
  if (Holds(request, token)) request = kWithheld;
  if (request.size() > kMaxLoggedBytes) request = request.substr(0, kMaxLoggedBytes) + "...";
  char tail[96];
  std::snprintf(tail, sizeof tail, "\" %d %zu %.2fms\n", status, body_bytes, seconds * 1000);
  return EscapeForLog(remote_addr) + " \"" + EscapeForLog(request) + tail;
}

}  // namespace vnsearch
