// query_limits: counted on the parse tree, before any index is touched.

#include "searchd/query_limits.h"

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

std::optional<std::string> CheckQueryLimits(const QueryNode& root) {
  QueryCost cost;
  Count(root, &cost);
  if (cost.words > kMaxQueryWords) {
    return "the query has " + std::to_string(cost.words) + " words; at most " +
           std::to_string(kMaxQueryWords) + " are searched: shorten it";
  }
  if (cost.wildcards > kMaxQueryWildcards) {
    return "the query has " + std::to_string(cost.wildcards) + " wildcards (word*); at most " +
           std::to_string(kMaxQueryWildcards) + ": remove some";
  }
  return std::nullopt;
}

}  // namespace vnsearch
