// query_limits: how much work one query may ask for. A query is text a stranger sends, and its
// cost grows with its words and, above all, with its wildcards (each `prefix*` becomes an OR of
// up to kWildcardExpansion indexed words): 1,020 negated wildcards once took 211 s of CPU and
// 1.2 GB. Queries past these limits are refused with a message; the search itself also runs
// under a time budget (searcher.h). Pure functions (EstimatePostings reads the database it is
// given); thread-safe.
#ifndef VNSEARCH_SEARCHD_QUERY_LIMITS_H_
#define VNSEARCH_SEARCHD_QUERY_LIMITS_H_

#include <xapian.h>

#include <cstdint>
#include <string>

#include "searchd/query_builder.h"
#include "searchd/query_parser.h"

namespace vnsearch {

constexpr size_t kMaxQueryWords = 64;  // words, in or out of quotes and fields
constexpr size_t kMaxQueryWildcards = 6;
// The most frequent indexed words a wildcard stands for (its rarer completions are left out).
constexpr unsigned kWildcardExpansion = 100;
// The postings (article, word pairs) one pass over the query's matches may read: about 0.2 s of
// a core. A pass reads each term's postings; a wildcard's, those of all its expansions — on the
// 20,000-article benchmark index "t*" alone reads 678,021.
constexpr uint64_t kMaxQueryPostings = 1500000;

// Whether `root` (a parsed query) is within the limits; when it is not, *error says what it
// asks for beyond them and how to fix it.
bool CheckQueryLimits(const QueryNode& root, std::string* error);

// The postings a pass over `built`'s matches reads in `database`: the frequencies of its terms,
// and of each wildcard's kWildcardExpansion most frequent expansions. Reads the term list, not
// the postings: a few milliseconds.
uint64_t EstimatePostings(const Xapian::Database& database, const BuiltQuery& built);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_QUERY_LIMITS_H_
