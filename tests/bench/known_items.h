// known_items: which articles the known-item evaluation looks for, and the headline fragment it
// types for each. Pure and deterministic (the same picks on every run); thread-safe.
#ifndef VNSEARCH_TESTS_BENCH_KNOWN_ITEMS_H_
#define VNSEARCH_TESTS_BENCH_KNOWN_ITEMS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "bench_corpus.h"

namespace vnsearch::bench {

// One known item: a headline fragment and the article it came from.
struct KnownItem {
  size_t article_index = 0;  // into the articles given to PickKnownItems
  std::string fragment;      // 4-6 consecutive headline words, as written, joined by one space
};

// Headlines shorter than this are never picked: a 4-word fragment of them is nearly the whole
// title, and such short lines are often not headlines at all.
constexpr size_t kMinTitleWords = 5;

// Up to `count` known items: every k-th article whose headline has at least kMinTitleWords
// words (see HeadlineWords), so the picks spread over the whole corpus. The fragment's length
// (4, 5, 6) and starting word rotate with the pick number. Fewer items when the corpus has
// fewer eligible articles.
std::vector<KnownItem> PickKnownItems(const std::vector<BenchArticle>& articles, size_t count);

}  // namespace vnsearch::bench

#endif  // VNSEARCH_TESTS_BENCH_KNOWN_ITEMS_H_
