// query_limits: how much work one query may ask for. A query is text a stranger sends, and its
// cost grows with its words and, above all, with its wildcards (each `prefix*` becomes an OR of
// up to kWildcardExpansion indexed words): 1,020 negated wildcards once took 211 s of CPU and
// 1.2 GB. Queries past these limits are refused with a message; the search itself also runs
// under a time budget (searcher.h). Pure; thread-safe.
#ifndef VNSEARCH_SEARCHD_QUERY_LIMITS_H_
#define VNSEARCH_SEARCHD_QUERY_LIMITS_H_

#include <optional>
#include <string>

#include "searchd/query_parser.h"

namespace vnsearch {

constexpr size_t kMaxQueryWords = 64;   // words, in or out of quotes and fields
constexpr size_t kMaxQueryWildcards = 6;
// The most frequent indexed words a wildcard stands for (its rarer completions are left out).
constexpr unsigned kWildcardExpansion = 100;

// What is wrong with `root` (a parsed query) when it asks for more than the limits, with how
// to fix it; nullopt when it is within them.
std::optional<std::string> CheckQueryLimits(const QueryNode& root);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_QUERY_LIMITS_H_
