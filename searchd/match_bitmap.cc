// match_bitmap: AND and FILTER intersect their parts, OR and SYNONYM unite them, AND_NOT takes
// the others from the first; AND_MAYBE and SCALE_WEIGHT change weights only, so they match what
// their first part matches; a quorum of k terms keeps, word by word, which documents hold at
// least 1, 2, … k of the terms seen so far. Each operator works word by word over the bitmaps.

#include "searchd/match_bitmap.h"

#include <algorithm>
#include <string>

namespace vnsearch {

namespace {

// The one quorum of `quorums` that `leaf` (a posting source) is, or null.
const TermQuorum* QuorumOf(const Xapian::Query& leaf, const std::vector<TermQuorum>& quorums) {
  const std::string description = leaf.get_description();
  const TermQuorum* found = nullptr;
  for (const TermQuorum& quorum : quorums) {
    if (quorum.QueryDescription() != description) continue;
    // Two quorums described alike must be alike (terms with spaces could blur a description).
    if (found != nullptr) {
      TermQuorum first = found->Distinct(), other = quorum.Distinct();
      if (first.terms != other.terms || first.quorum != other.quorum) return nullptr;
    }
    found = &quorum;
  }
  return found;
}

}  // namespace

bool MatchesByTermsAlone(const Xapian::Query& query, const std::vector<TermQuorum>& quorums) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
    case Xapian::Query::LEAF_MATCH_ALL:
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return true;
    case Xapian::Query::LEAF_POSTING_SOURCE:
      return QuorumOf(query, quorums) != nullptr;
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
        if (!MatchesByTermsAlone(query.get_subquery(i), quorums)) return false;
      }
      return query.get_num_subqueries() > 0;
    default:
      return false;
  }
}

namespace {

std::optional<TermBitmap> TermMatches(const std::string& term, const Xapian::Database& database,
                                      TermBitmaps* bitmaps) {
  const Xapian::doccount frequency = database.get_termfreq(term);
  if (std::shared_ptr<const TermBitmap> kept = bitmaps->Of(database, term, frequency)) {
    return *kept;
  }
  return bitmaps->Read(database, term);
}

// What a QuorumPostingSource of `asked` matches.
std::optional<TermBitmap> QuorumMatches(const TermQuorum& asked, const Xapian::Database& database,
                                        TermBitmaps* bitmaps) {
  const TermQuorum quorum = asked.Distinct();
  std::vector<TermBitmap> lists;
  for (const std::string& term : quorum.terms) {
    std::optional<TermBitmap> list = TermMatches(term, database, bitmaps);
    if (!list) return std::nullopt;
    lists.push_back(std::move(*list));
  }
  TermBitmap matches(bitmaps->words(), 0);
  // at_least[j]: the documents of this word holding at least j of the terms seen so far.
  std::vector<uint64_t> at_least(quorum.quorum + 1);
  for (size_t word = 0; word < matches.size(); ++word) {
    std::fill(at_least.begin(), at_least.end(), 0);
    at_least[0] = ~uint64_t{0};
    for (const TermBitmap& list : lists) {
      for (size_t j = quorum.quorum; j > 0; --j) at_least[j] |= at_least[j - 1] & list[word];
    }
    matches[word] = at_least[quorum.quorum];
  }
  return matches;
}

}  // namespace

std::optional<TermBitmap> MatchBitmap(const Xapian::Query& query, const Xapian::Database& database,
                                      TermBitmaps* bitmaps,
                                      const std::vector<TermQuorum>& quorums) {
  const Xapian::Query::op op = query.get_type();
  switch (op) {
    case Xapian::Query::LEAF_TERM:
      return TermMatches(*query.get_terms_begin(), database, bitmaps);
    case Xapian::Query::LEAF_MATCH_ALL:
      return TermMatches(std::string(), database, bitmaps);  // "": every document
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return TermBitmap(bitmaps->words(), 0);
    case Xapian::Query::LEAF_POSTING_SOURCE: {
      const TermQuorum* quorum = QuorumOf(query, quorums);
      if (quorum == nullptr) return std::nullopt;
      return QuorumMatches(*quorum, database, bitmaps);
    }
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      return MatchBitmap(query.get_subquery(0), database, bitmaps, quorums);
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_AND_NOT:
      break;
    default:
      return std::nullopt;
  }
  if (query.get_num_subqueries() == 0) return std::nullopt;
  std::optional<TermBitmap> matches =
      MatchBitmap(query.get_subquery(0), database, bitmaps, quorums);
  if (!matches) return std::nullopt;
  TermBitmap& result = *matches;
  for (size_t i = 1; i < query.get_num_subqueries(); ++i) {
    std::optional<TermBitmap> part = MatchBitmap(query.get_subquery(i), database, bitmaps, quorums);
    if (!part) return std::nullopt;
    const TermBitmap& other = *part;
    if (op == Xapian::Query::OP_AND || op == Xapian::Query::OP_FILTER) {
      for (size_t word = 0; word < result.size(); ++word) result[word] &= other[word];
    } else if (op == Xapian::Query::OP_AND_NOT) {  // the first, and none of the others
      for (size_t word = 0; word < result.size(); ++word) result[word] &= ~other[word];
    } else {
      for (size_t word = 0; word < result.size(); ++word) result[word] |= other[word];
    }
  }
  return matches;
}

}  // namespace vnsearch
