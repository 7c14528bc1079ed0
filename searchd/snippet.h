// snippet: the passage of an article shown under a hit, with the query's words marked.
// Uses vnsearch's analyzer (not Xapian's splitter), so folded and canonicalised matches are
// marked too: "tran binh trong" marks "Trần Bình Trọng". Pure; thread-safe.
#ifndef VNSEARCH_SEARCHD_SNIPPET_H_
#define VNSEARCH_SEARCHD_SNIPPET_H_

#include <string>
#include <string_view>
#include <vector>

#include "analysis/token_list.h"
#include "searchd/query_builder.h"

namespace vnsearch {

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string EscapeHtml(std::string_view text);

// Returns HTML: the window of about `max_words` words of `text` holding the most distinct
// matched words, each match wrapped in <mark>…</mark>, everything else escaped, "…" where the
// window cuts the text. With no match, the opening words of `text`.
std::string MakeSnippet(std::string_view text, const Highlighter& highlighter,
                        size_t max_words = 40);

// The same, over `tokens`, the analysis of `text` the caller already has.
std::string MakeSnippet(std::string_view text, const TokenList& tokens,
                        const Highlighter& highlighter, size_t max_words = 40);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_SNIPPET_H_
