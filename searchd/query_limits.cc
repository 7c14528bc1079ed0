// query_limits: counted on the parse tree, before any index is touched.

#include "searchd/query_limits.h"

#include <functional>
#include <map>
#include <queue>
#include <vector>

namespace vnsearch {
namespace {

struct QueryCost {
  size_t words = 0;
  size_t wildcards = 0;
};

void Count(const QueryNode& node, QueryCost* cost) {
  if (node.kind == QueryNode::Kind::kWords || node.kind == QueryNode::Kind::kPhrase) {
    bool in_word = false;
    for (char c : node.text) {
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (!space && !in_word) ++cost->words;
      in_word = !space;
    }
    if (node.prefix) ++cost->wildcards;
  }
  for (const QueryNode& child : node.children) Count(child, cost);
}

}  // namespace

bool CheckQueryLimits(const QueryNode& root, std::string* error) {
  QueryCost cost;
  Count(root, &cost);
  if (cost.words > kMaxQueryWords) {
    *error = "the query has " + std::to_string(cost.words) + " words; at most " +
             std::to_string(kMaxQueryWords) + " are searched: shorten it";
    return false;
  }
  if (cost.wildcards > kMaxQueryWildcards) {
    *error = "the query has " + std::to_string(cost.wildcards) + " wildcards (word*); at most " +
             std::to_string(kMaxQueryWildcards) + ": remove some";
    return false;
  }
  return true;
}

uint64_t EstimatePostings(const Xapian::Database& database, const BuiltQuery& built) {
  uint64_t postings = 0;
  const Xapian::Query& matches = built.query_matches;
  for (Xapian::TermIterator term = matches.get_terms_begin(); term != matches.get_terms_end();
       ++term) {
    postings += (*term).empty() ? database.get_doccount() : database.get_termfreq(*term);
  }
  std::map<std::string, uint64_t> expansion_postings;  // by stem: a stem may come back
  for (const std::string& stem : built.wildcards) {
    auto [known, inserted] = expansion_postings.emplace(stem, 0);
    if (inserted) {
      std::priority_queue<Xapian::doccount, std::vector<Xapian::doccount>,
                          std::greater<Xapian::doccount>>
          most_frequent;
      for (Xapian::TermIterator term = database.allterms_begin(stem);
           term != database.allterms_end(stem); ++term) {
        most_frequent.push(term.get_termfreq());
        if (most_frequent.size() > kWildcardExpansion) most_frequent.pop();
      }
      for (; !most_frequent.empty(); most_frequent.pop()) known->second += most_frequent.top();
    }
    postings += known->second;
  }
  return postings;
}

}  // namespace vnsearch
