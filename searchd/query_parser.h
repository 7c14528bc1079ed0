// query_parser: the syntax of a vnsearch query, separate from its meaning.
// Turns what a reader typed into a tree, or into an error a person can act on. Pure; thread-safe.
//
//   query   := or
//   or      := and ( "OR" and )*
//   and     := unary ( ["AND"] unary )*            — words side by side must all match
//   unary   := "NOT" unary | "-" primary | "+" primary | primary
//   primary := "(" or ")" | FIELD ":" primary | "\"" words "\"" | word [ "*" ]
//
// Operators are recognised in capitals only, so "and"/"or" stay ordinary words. FIELD is one of
// title, person, unit, term.
#ifndef VNSEARCH_SEARCHD_QUERY_PARSER_H_
#define VNSEARCH_SEARCHD_QUERY_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

namespace vnsearch {

struct QueryNode {
  enum class Kind {
    kWords,     // text typed without quotes; several words in one chunk ("tran-binh") form a phrase
    kPhrase,    // text typed in quotes
    kAnd,       // all children must match
    kOr,        // any child may match
    kAndNot,    // children[0] and not children[1]
    kMatchAll,  // every article (a query of only exclusions, or an empty query)
  };
  Kind kind = Kind::kMatchAll;
  std::string text;     // kWords, kPhrase: as typed
  std::string field;    // "" for text anywhere, or title / person / unit / term
  bool prefix = false;  // kWords typed with a trailing '*'
  std::vector<QueryNode> children;
};

struct ParsedQuery {
  bool ok = false;
  QueryNode root;
  std::string error;  // when !ok: what is wrong and how to fix it
};

// Parses `query`. An empty or all-space query parses to kMatchAll.
ParsedQuery ParseQuery(std::string_view query);

// The fields a query may name before a colon.
bool IsKnownField(std::string_view field);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_QUERY_PARSER_H_
