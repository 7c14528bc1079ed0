// match_bitmap: AND and FILTER intersect their parts, OR and SYNONYM unite them, AND_NOT takes
// the others from the first; AND_MAYBE and SCALE_WEIGHT change weights only, so they match what
// their first part matches. Each operator works word by word over the revision's bitmaps.

#include "searchd/match_bitmap.h"

namespace vnsearch {

bool MatchesByTermsAlone(const Xapian::Query& query) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
    case Xapian::Query::LEAF_MATCH_ALL:
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return true;
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
        if (!MatchesByTermsAlone(query.get_subquery(i))) return false;
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

}  // namespace

std::optional<TermBitmap> MatchBitmap(const Xapian::Query& query, const Xapian::Database& database,
                                      TermBitmaps* bitmaps) {
  const Xapian::Query::op op = query.get_type();
  switch (op) {
    case Xapian::Query::LEAF_TERM:
      return TermMatches(*query.get_terms_begin(), database, bitmaps);
    case Xapian::Query::LEAF_MATCH_ALL:
      return TermMatches(std::string(), database, bitmaps);  // "": every document
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return TermBitmap(bitmaps->words(), 0);
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      return MatchBitmap(query.get_subquery(0), database, bitmaps);
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
  std::optional<TermBitmap> matches = MatchBitmap(query.get_subquery(0), database, bitmaps);
  if (!matches) return std::nullopt;
  TermBitmap& result = *matches;
  for (size_t i = 1; i < query.get_num_subqueries(); ++i) {
    std::optional<TermBitmap> part = MatchBitmap(query.get_subquery(i), database, bitmaps);
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
