// match_bitmap: the articles a query matches, as a bitmap over one revision's document numbers,
// worked out from its terms' bitmaps and posting lists without a Xapian pass — for a query whose
// matches depend only on which terms an article holds (words, codes, abbreviations, filters).
#ifndef VNSEARCH_SEARCHD_MATCH_BITMAP_H_
#define VNSEARCH_SEARCHD_MATCH_BITMAP_H_

#include <xapian.h>

#include <optional>
#include <vector>

#include "searchd/quorum_source.h"
#include "searchd/term_bitmaps.h"

namespace vnsearch {

// Whether the matches of `query` depend only on which terms an article holds: terms (and
// MatchAll) and quorums of terms (QuorumPostingSource, when one of `quorums`, the query's)
// joined by AND, OR, AND_NOT, FILTER, SYNONYM, AND_MAYBE and SCALE_WEIGHT. A phrase, a value
// range, another posting source or a wildcard left to Xapian need Xapian's pass.
bool MatchesByTermsAlone(const Xapian::Query& query, const std::vector<TermQuorum>& quorums);

// The matches of `query` in `database`, which must be the revision of `bitmaps`: frequent terms
// from their bitmaps, the others from their posting lists. Nothing when !MatchesByTermsAlone.
std::optional<TermBitmap> MatchBitmap(const Xapian::Query& query, const Xapian::Database& database,
                                      TermBitmaps* bitmaps, const std::vector<TermQuorum>& quorums);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_MATCH_BITMAP_H_
