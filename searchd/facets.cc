// facets: an article has several units and persons, and ValueCountMatchSpy counts whole slot
// values, so each slot holds the article's values as one canonical list (sorted, one a line) and
// the counts of the lists are split and summed here. The result is exact: an article counts once
// for each value it holds, and every list is read once.

#include "searchd/facets.h"

#include <algorithm>
#include <unordered_map>

#include "article/canonical_name.h"
#include "index/document_builder.h"
#include "index/schema.h"

namespace vnsearch {

// NameKey() runs the analyzer; the names of an index are few and asked for again and again, so
// each worker thread remembers the keys it has computed.
const std::string& FacetKey(const std::string& name) {
  thread_local std::unordered_map<std::string, std::string> cache;
  auto found = cache.find(name);
  if (found != cache.end()) return found->second;
  if (cache.size() > 200000) cache.clear();  // a bound, far above any real index's names
  return cache.emplace(name, NameKey(name)).first->second;
}

const std::vector<FacetDefinition>& Facets() {
  static const std::vector<FacetDefinition> facets = {
      {"unit", schema::kUnitFilter, schema::kUnitsSlot},
      {"term", schema::kTermFilter, schema::kTermsSlot},
      {"person", schema::kPersonFilter, schema::kPersonsSlot},
  };
  return facets;
}

const FacetDefinition* FindFacet(const std::string& name) {
  for (const FacetDefinition& facet : Facets()) {
    if (name == facet.name) return &facet;
  }
  return nullptr;
}

Xapian::Query FacetFilter(const FacetSelection& selection, const std::string& except_facet) {
  std::vector<Xapian::Query> across;
  for (const auto& [name, values] : selection) {
    const FacetDefinition* facet = FindFacet(name);
    if (facet == nullptr || values.empty() || name == except_facet) continue;
    std::vector<Xapian::Query> within;
    for (const std::string& value : values) {
      within.emplace_back(FacetFilterTerm(facet->filter_prefix, value));
    }
    across.emplace_back(Xapian::Query::OP_OR, within.begin(), within.end());
  }
  if (across.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, across.begin(), across.end());
}

void SplitSlotValue(const std::string& slot_value, Xapian::doccount frequency,
                    std::map<std::string, Xapian::doccount>* counts) {
  size_t start = 0;
  while (start < slot_value.size()) {
    size_t end = slot_value.find(schema::kFacetValueSeparator, start);
    if (end == std::string::npos) end = slot_value.size();
    if (end > start) (*counts)[slot_value.substr(start, end - start)] += frequency;
    start = end + 1;
  }
}

std::vector<FacetValue> CountsFromSpy(const Xapian::ValueCountMatchSpy& spy,
                                      const std::vector<std::string>& selected, size_t limit) {
  std::map<std::string, Xapian::doccount> by_name;
  for (Xapian::TermIterator it = spy.values_begin(); it != spy.values_end(); ++it) {
    SplitSlotValue(*it, it.get_termfreq(), &by_name);
  }
  // Merge spellings of one name; the most frequent spelling names the merged value.
  std::unordered_map<std::string, size_t> index_by_key;
  std::vector<FacetValue> values;
  std::vector<Xapian::doccount> best_spelling_count;
  for (const auto& [name, count] : by_name) {
    const std::string& key = FacetKey(name);
    auto found = index_by_key.find(key);
    if (found == index_by_key.end()) {
      index_by_key.emplace(key, values.size());
      values.push_back({name, count, false});
      best_spelling_count.push_back(count);
      continue;
    }
    FacetValue& merged = values[found->second];
    merged.count += count;
    if (count > best_spelling_count[found->second]) {
      best_spelling_count[found->second] = count;
      merged.value = name;
    }
  }
  std::vector<FacetValue> shown;
  for (const std::string& wanted : selected) {
    auto found = index_by_key.find(FacetKey(wanted));
    FacetValue value{wanted, 0, true};
    if (found != index_by_key.end()) {
      value = values[found->second];
      value.selected = true;
    }
    bool already = false;
    for (const FacetValue& existing : shown) {
      already |= FacetKey(existing.value) == FacetKey(value.value);
    }
    if (!already) shown.push_back(value);
  }
  std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  for (const FacetValue& value : values) {
    if (shown.size() >= limit + selected.size()) break;
    bool already = false;
    for (const FacetValue& existing : shown) {
      already |= FacetKey(existing.value) == FacetKey(value.value);
    }
    if (!already) shown.push_back(value);
  }
  // Selected first keeps them visible; then by count.
  std::stable_sort(shown.begin(), shown.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.selected != b.selected ? a.selected : a.count > b.count;
  });
  return shown;
}

}  // namespace vnsearch
