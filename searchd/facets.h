// facets: the three facets of vnsearch (unit, term, person) — their filters and their counts.
// Counting reads whole slot values (an article's value ids) with Xapian's stock
// ValueCountMatchSpy and splits them here, so it runs unchanged on remote shards (xapian-tcpsrv
// knows only Xapian's own match spies); names come from the database's metadata.
// Functions are pure or take the objects they use; a FacetCounter is not thread-safe.
#ifndef VNSEARCH_SEARCHD_FACETS_H_
#define VNSEARCH_SEARCHD_FACETS_H_

#include <xapian.h>

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace vnsearch {

struct FacetDefinition {
  const char* name;           // as in the API: "unit", "term", "person"
  const char* filter_prefix;  // schema's boolean filter prefix
  Xapian::valueno slot;       // schema's value slot holding the article's values
};

// The facets, in API order.
const std::vector<FacetDefinition>& Facets();
const FacetDefinition* FindFacet(const std::string& name);

struct FacetValue {
  std::string value;
  Xapian::doccount count = 0;
  bool selected = false;
};

// Selected values per facet name; values as the API shows them (any spelling: they are keyed).
using FacetSelection = std::map<std::string, std::vector<std::string>>;

// The filter for `selection`: OR within a facet, AND across facets, leaving out `except_facet`
// (for multi-select counts). Returns an empty query when nothing is selected.
Xapian::Query FacetFilter(const FacetSelection& selection, const std::string& except_facet = "");

// NameKey(name), remembered per thread: the names of an index are few and asked for often.
const std::string& FacetKey(const std::string& name);

// Splits one article's slot value (concatenated ids) into `counts`, adding `frequency` to each.
void SplitSlotValue(const std::string& slot_value, Xapian::doccount frequency,
                    std::unordered_map<std::string, Xapian::doccount>* counts);

// The values of a facet a counting pass found, each once, in any order: (count, schema id).
using CountedValues = std::vector<std::pair<Xapian::doccount, std::string>>;

// The values of `counted` to show for `facet`, named from the metadata of `shards` (each shard
// names the values of its own articles: Xapian reads the metadata of a database of several
// shards from the first one only, so each is asked in turn), most frequent first, cut to
// `limit`; the `selected` values always included first (count 0 if the matches have none).
std::vector<FacetValue> ShownFacetValues(const CountedValues& counted, const FacetDefinition& facet,
                                         const std::vector<Xapian::Database>& shards,
                                         const std::vector<std::string>& selected, size_t limit);

// The values `spy` counted (whole slot values: each article's list of ids), split and summed.
CountedValues CountedFromSpy(const Xapian::ValueCountMatchSpy& spy);

// ShownFacetValues() of the values `spy` counted.
std::vector<FacetValue> CountsFromSpy(const Xapian::ValueCountMatchSpy& spy,
                                      const FacetDefinition& facet,
                                      const std::vector<Xapian::Database>& shards,
                                      const std::vector<std::string>& selected, size_t limit);

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_FACETS_H_
