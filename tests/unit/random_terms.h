// random_terms: an in-memory index whose documents hold a few terms at random (a fixed
// sequence), for tests that hold what vnsearch works out against what Xapian matches.
#ifndef VNSEARCH_TESTS_UNIT_RANDOM_TERMS_H_
#define VNSEARCH_TESTS_UNIT_RANDOM_TERMS_H_

#include <xapian.h>

#include <cstdint>
#include <string>

#include "index/schema.h"

namespace vnsearch {

// `documents` documents holding "a", "b" and "c" (about a half, a third and two fifths of them:
// frequent enough for term bitmaps), "rare" (every hundredth and about 1 in 100 more: too few
// for one) and "every"; each with one of four units, "AAAAAAAA" to "DDDDDDDD", in the unit slot.
inline Xapian::WritableDatabase RandomTermsDatabase(int documents, uint32_t seed) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  uint32_t random = seed;
  auto next_percent = [&random] {
    random = random * 1103515245u + 12345u;  // the C standard's example generator
    return (random >> 16) % 100;
  };
  for (int i = 1; i <= documents; ++i) {
    Xapian::Document document;
    if (next_percent() < 50) document.add_term("a");
    if (next_percent() < 35) document.add_term("b");
    if (next_percent() < 40) document.add_term("c");
    if (i % 100 == 0 || next_percent() < 1) document.add_term("rare");
    document.add_term("every");
    document.add_value(schema::kUnitsSlot,
                       std::string(schema::kFacetIdBytes, static_cast<char>('A' + i % 4)));
    database.add_document(document);
  }
  return database;
}

}  // namespace vnsearch

#endif  // VNSEARCH_TESTS_UNIT_RANDOM_TERMS_H_
