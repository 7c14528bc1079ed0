// wildcard_expansion: the terms a typed prefix ("khoa*") stands for, over every shard at once.
// Xapian expands OP_WILDCARD on each shard by itself — the most frequent terms of that shard,
// weighted with that shard's statistics — so vnsearch expands prefixes itself, from the merged
// vocabulary, and gives Xapian the terms. Not thread-safe (it reads a Xapian::Database).
#ifndef VNSEARCH_SEARCHD_WILDCARD_EXPANSION_H_
#define VNSEARCH_SEARCHD_WILDCARD_EXPANSION_H_

#include <xapian.h>

#include <string>

namespace vnsearch {

// OP_SYNONYM of the `limit` terms of `database` (every shard) starting with `stem` that the
// most articles hold (ties: the first in term order) — the terms weighted as one, as
// OP_WILDCARD weights them; MatchNothing when there is none.
Xapian::Query ExpandWildcard(const Xapian::Database& database, const std::string& stem,
                             Xapian::termcount limit);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_WILDCARD_EXPANSION_H_
