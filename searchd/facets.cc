// facets: an article has several units and persons, and ValueCountMatchSpy counts whole slot
// values, so each slot holds the article's values as one canonical list — sorted 8-byte ids —
// and the counts of the lists are split and summed here. The result is exact: an article counts
// once for each value it holds. Ids rather than names keep the spy's work (one map entry per
// distinct list) and the split cheap; the few names shown are read from metadata.

#include "searchd/facets.h"

#include <algorithm>
#include <mutex>
#include <shared_mutex>
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
      within.emplace_back(schema::FacetFilterTerm(facet->filter_prefix, value));
    }
    across.emplace_back(Xapian::Query::OP_OR, within.begin(), within.end());
  }
  if (across.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, across.begin(), across.end());
}

void SplitSlotValue(const std::string& slot_value, Xapian::doccount frequency,
                    std::unordered_map<std::string, Xapian::doccount>* counts) {
  for (size_t at = 0; at + schema::kFacetIdBytes <= slot_value.size();
       at += schema::kFacetIdBytes) {
    (*counts)[slot_value.substr(at, schema::kFacetIdBytes)] += frequency;
  }
}

namespace {

// The names of facet value ids, shared by every worker thread: a name read once — over the
// network, for a remote shard — serves every later request. A value id is the hash of the
// value's key, so its name never goes stale; the bound only caps memory.
class FacetNameCache {
 public:
  static FacetNameCache& Get() {
    static FacetNameCache cache;
    return cache;
  }
  bool Find(const std::string& key, std::string* name) {
    std::shared_lock<std::shared_mutex> lock(mutex_);
    auto found = names_.find(key);
    if (found == names_.end()) return false;
    *name = found->second;
    return true;
  }
  void Add(const std::string& key, const std::string& name) {
    std::unique_lock<std::shared_mutex> lock(mutex_);
    if (names_.size() > 500000) names_.clear();  // far above any real index's names
    names_.emplace(key, name);
  }

 private:
  std::shared_mutex mutex_;
  std::unordered_map<std::string, std::string> names_;
};

// The name of a facet value id, from the metadata the index writer keeps in the shard of each
// article that holds the value; "" when no shard names it.
std::string FacetValueName(const FacetDefinition& facet,
                           const std::vector<Xapian::Database>& shards, const std::string& id) {
  std::string key = schema::FacetNameKey(facet.filter_prefix, id);
  std::string name;
  if (FacetNameCache::Get().Find(key, &name)) return name;
  // Each shard keeps the spelling its own articles prefer; the same rule picks among them.
  for (const Xapian::Database& shard : shards) {
    std::string spelling = shard.get_metadata(key);
    if (IsPreferredFacetName(spelling, name)) name = std::move(spelling);
  }
  if (!name.empty()) FacetNameCache::Get().Add(key, name);
  return name;
}

}  // namespace

CountedValues CountedFromSpy(const Xapian::ValueCountMatchSpy& spy) {
  std::unordered_map<std::string, Xapian::doccount> counts;
  for (Xapian::TermIterator it = spy.values_begin(); it != spy.values_end(); ++it) {
    SplitSlotValue(*it, it.get_termfreq(), &counts);
  }
  CountedValues counted;
  counted.reserve(counts.size());
  for (const auto& [id, count] : counts) counted.emplace_back(count, id);
  return counted;
}

std::vector<FacetValue> CountsFromSpy(const Xapian::ValueCountMatchSpy& spy,
                                      const FacetDefinition& facet,
                                      const std::vector<Xapian::Database>& shards,
                                      const std::vector<std::string>& selected, size_t limit) {
  return ShownFacetValues(CountedFromSpy(spy), facet, shards, selected, limit);
}

std::vector<FacetValue> ShownFacetValues(const CountedValues& counted, const FacetDefinition& facet,
                                         const std::vector<Xapian::Database>& shards,
                                         const std::vector<std::string>& selected, size_t limit) {
  std::vector<FacetValue> shown;
  std::vector<std::string> shown_ids;
  for (const std::string& wanted : selected) {
    std::string id = schema::FacetValueId(facet.filter_prefix, wanted);
    if (std::find(shown_ids.begin(), shown_ids.end(), id) != shown_ids.end()) continue;
    auto found = std::find_if(counted.begin(), counted.end(),
                              [&](const auto& value) { return value.second == id; });
    std::string name = FacetValueName(facet, shards, id);
    shown.push_back(
        {name.empty() ? wanted : name, found == counted.end() ? 0 : found->first, true});
    shown_ids.push_back(id);
  }
  // The most frequent `limit` others, by count then name. Names are read only for the values
  // that can be shown: a large match set counts thousands of values, most of them never shown.
  std::vector<std::pair<Xapian::doccount, const std::string*>> by_count;
  by_count.reserve(counted.size());
  for (const auto& [count, id] : counted) {
    if (!shown_ids.empty() &&
        std::find(shown_ids.begin(), shown_ids.end(), id) != shown_ids.end()) {
      continue;
    }
    by_count.emplace_back(count, &id);
  }
  auto more_frequent = [](const auto& a, const auto& b) { return a.first > b.first; };
  // Only the first values by count are ever read: those with at least the count of the
  // limit-th are put first and sorted; the rest are sorted only if unnamed values leave room.
  size_t sorted = by_count.size();
  if (limit < by_count.size() / 4) {
    std::nth_element(by_count.begin(), by_count.begin() + limit, by_count.end(), more_frequent);
    Xapian::doccount threshold = by_count[limit].first;
    sorted = static_cast<size_t>(
        std::partition(by_count.begin(), by_count.end(),
                       [&](const auto& value) { return value.first >= threshold; }) -
        by_count.begin());
  }
  std::sort(by_count.begin(), by_count.begin() + sorted, more_frequent);
  size_t others = 0;
  for (size_t group = 0; group < by_count.size() && others < limit;) {
    if (group == sorted) {  // every value sorted so far was shown or unnamed: sort the rest
      std::sort(by_count.begin() + sorted, by_count.end(), more_frequent);
      sorted = by_count.size();
    }
    size_t group_end = group;
    while (group_end < by_count.size() && by_count[group_end].first == by_count[group].first) {
      ++group_end;
    }
    std::vector<std::string> names;  // of the values with this count; unnamed ones not shown
    for (size_t i = group; i < group_end; ++i) {
      std::string name = FacetValueName(facet, shards, *by_count[i].second);
      if (!name.empty()) names.push_back(std::move(name));
    }
    std::sort(names.begin(), names.end());
    for (size_t i = 0; i < names.size() && others < limit; ++i, ++others) {
      shown.push_back({names[i], by_count[group].first, false});
    }
    group = group_end;
  }
  return shown;
}

}  // namespace vnsearch
