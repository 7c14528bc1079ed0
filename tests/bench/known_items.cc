// known_items: picks by position rather than at random so that a run is reproducible without a
// seed and a change in the score is a change in vnsearch, never in the sample.

#include "known_items.h"

#include <algorithm>

#include "query_forms.h"

namespace vnsearch::bench {

std::vector<KnownItem> PickKnownItems(const std::vector<BenchArticle>& articles, size_t count) {
  std::vector<size_t> eligible;
  std::vector<std::vector<std::string>> title_words(articles.size());
  for (size_t index = 0; index < articles.size(); ++index) {
    title_words[index] = HeadlineWords(articles[index].Title());
    if (title_words[index].size() >= kMinTitleWords) eligible.push_back(index);
  }
  std::vector<KnownItem> items;
  if (eligible.empty() || count == 0) return items;
  size_t stride = std::max<size_t>(1, eligible.size() / count);
  for (size_t pick = 0; pick < count && pick * stride < eligible.size(); ++pick) {
    size_t article_index = eligible[pick * stride];
    const std::vector<std::string>& words = title_words[article_index];
    size_t length = std::min(words.size(), 4 + pick % 3);
    size_t start = (pick * 7) % (words.size() - length + 1);
    KnownItem item;
    item.article_index = article_index;
    for (size_t i = start; i < start + length; ++i) {
      if (!item.fragment.empty()) item.fragment += ' ';
      item.fragment += words[i];
    }
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace vnsearch::bench
