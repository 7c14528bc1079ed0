// schema: every Xapian term prefix, value slot and key vnsearch uses, in one place, and the
// functions that build terms and keys from them. The indexer writes by these names and searchd
// reads by them; nothing else spells a prefix.
#ifndef VNSEARCH_INDEX_SCHEMA_H_
#define VNSEARCH_INDEX_SCHEMA_H_

#include <xapian.h>

#include <string>
#include <vector>

namespace vnsearch::schema {

// ---- Term prefixes -------------------------------------------------------------------------
// Every analysed word is indexed twice: exact (canonical diacritics) unprefixed, with its
// frequency; folded (no diacritics) under kFolded, with its positions. Phrases are matched on
// folded positions — an exact phrase is the folded phrase with each exact word present — so the
// position table, the largest part of an index, is kept once.
inline constexpr char kExact[] = "";
inline constexpr char kFolded[] = "XF";
// Two folded words side by side ("XBmoi truong"), as boolean terms (no frequency, no position):
// a phrase is looked for only in the articles holding each of its pairs, so most articles are
// ruled out without reading their positions. Not added to the document's length or statistics.
inline constexpr char kFoldedPair[] = "XB";
// An abbreviation group's expansion found in the text (analysis/abbreviations.h: its folded
// words in order, "và" or another word allowed in the gaps the table allows) as one word,
// "XEkhoa hoc cong nghe", with its frequency (a title occurrence counts kTitleWdf): a group is
// searched as its abbreviations or this term, without reading the positions of its words.
inline constexpr char kExpansion[] = "XE";
// The title alone, for `title:` queries (exact without positions, folded with them).
inline constexpr char kTitleExact[] = "S";
inline constexpr char kTitleFolded[] = "XS";
// The unique id of an article ("Q" + article id): replace_document() and lookups use it.
inline constexpr char kArticleId[] = "Q";
// Boolean facet filters: prefix + facet key. A unit's or person's key is NameKey() of its name
// (folded, "và" and punctuation dropped: "XUbo tai nguyen moi truong"), so a filter matches
// whatever accents or abbreviation the article used; a term's key is "YYYY-YYYY".
inline constexpr char kUnitFilter[] = "XU";
inline constexpr char kTermFilter[] = "XT";
inline constexpr char kPersonFilter[] = "XP";
// Role facts (who held which role in which unit, for which term): a boolean term per fact's
// person, unit and role (prefix + NameKey) and term ("YYYY-YYYY"), for /api/roles and the
// person and unit pages.
inline constexpr char kRolePersonFilter[] = "XRP";
inline constexpr char kRoleUnitFilter[] = "XRU";
inline constexpr char kRoleTitleFilter[] = "XRR";
inline constexpr char kRoleTermFilter[] = "XRT";
// Each folded word of the article's person and unit names, for `person:` and `unit:` queries
// ("person:trong" finds the articles naming Trần Bình Trọng).
inline constexpr char kPersonWord[] = "XPW";
inline constexpr char kUnitWord[] = "XUW";

// ---- Value slots ---------------------------------------------------------------------------
enum ValueSlot : Xapian::valueno {
  kDateSlot = 0,         // "YYYYMMDD", or empty when the date is unknown: sorts and ranges
  kUnitsSlot = 1,        // the article's unit ids, sorted, concatenated (facet counting)
  kTermsSlot = 2,        // same for terms of office
  kPersonsSlot = 3,      // same for persons
  kContentHashSlot = 4,  // hash of the source text: incremental reindexing skips unchanged files
  // The article's directory entry as compact JSON, without its body: {"id","title","date",
  // "main_unit","units":[{"name","parent"}],"role_facts":[…]} (the person and unit pages read
  // thousands of these; the full article in the document data is much larger).
  kDirectorySlot = 5,
  // "YYYYMMDD" ("00000000" when undated) + the article id: the one sort key that orders every
  // article, so that the order of equals — same date, same relevance — is the same for one index
  // and for any number of shards, local or remote (Xapian breaks other ties by document number,
  // which differs between layouts; and the remote backend sorts by a value slot, not by a
  // KeyMaker).
  kDateThenIdSlot = 6,
};

// A facet value's id: the 64-bit FNV-1a hash of its key, as 8 big-endian bytes. Slots hold ids,
// not names, so that counting compares short fixed-width strings; ids of one facet's values are
// concatenated in order, kFacetIdBytes each.
inline constexpr size_t kFacetIdBytes = 8;

// ---- Metadata keys ------------------------------------------------------------------------
// Metadata key of a facet value's name: filter prefix + ':' + id in hex ("XU:9c2e…" → "Bộ Khoa
// học và Công nghệ"). Written by the index writer, read by searchd to show counted ids.
inline constexpr char kFacetNameSeparator = ':';
// Metadata of each shard of a sharded index (vnsearch-index --shards N): "I/N", this shard's
// number from 0 and the number of shards. vnsearchd checks it, so that a list of shards in the
// wrong order is refused instead of sending writes to a shard that does not own the article.
// (Xapian::Database::get_metadata on several databases reads only the first, so searchd reads
// every metadata key shard by shard.)
inline constexpr char kShardMetadataKey[] = "shard";
// How many commits vnsearch's writers made to the database, counted up by every commit that
// changed something. vnsearchd names the state of a remote shard by it (with its UUID): Xapian's
// remote backend does not report revisions, and cached answers must end with the state they
// were computed on.
inline constexpr char kCommitCountMetadataKey[] = "commits";
// How many of those commits replaced an article, written by every commit of vnsearch's writers
// (from 0). An article put again under its id keeps its document number with new contents;
// added ones are numbered after the last, and deleted ones never match again. So between two
// revisions with the same count, every document numbered up to the last one before holds what
// it held or is gone: searchd then reads only the documents numbered after into its facet
// columns instead of every article again. (A writer older than this key does not count; like the
// marks below, the key describes the writers that have written since it appeared.)
inline constexpr char kReplacementCountMetadataKey[] = "replacements";
// "1" in a database whose every article has its kFoldedPair terms: set when an index is begun
// empty by a writer that adds them. searchd filters phrases by pairs only when every shard has
// it (an index built before is searched as before, until rebuilt).
inline constexpr char kPairTermsMetadataKey[] = "pair_terms";
// "1" in a database whose every article has its kExpansion terms, set like kPairTermsMetadataKey:
// searchd looks for an abbreviation's expansion by its term only when every shard has it.
inline constexpr char kExpansionTermsMetadataKey[] = "expansion_terms";

// ---- Positions and weights -----------------------------------------------------------------
// Title words take positions from 1; the body starts after this gap so that no phrase spans the
// end of the title and the start of the body.
inline constexpr Xapian::termpos kBodyPositionGap = 100;
// A title word counts this many times in the shared term spaces: BM25 then ranks an article
// whose headline names the query above one that mentions it in passing.
inline constexpr Xapian::termcount kTitleWdf = 5;

// ---- Terms and keys built from the names above (pure; thread-safe) -------------------------
// The unique id term of an article id: kArticleId + the id.
std::string ArticleIdTerm(const std::string& article_id);

// The boolean filter term for `value` of the facet with filter `prefix` (kUnitFilter,
// kTermFilter, kPersonFilter, or a role filter): the value's key under the prefix.
std::string FacetFilterTerm(const char* prefix, const std::string& value);

// The id of `value` in the facet with filter `prefix` (kFacetIdBytes bytes), and the metadata
// key under which its name is kept.
std::string FacetValueId(const char* prefix, const std::string& value);
std::string FacetNameKey(const char* prefix, const std::string& id);

// The kFoldedPair term of folded words `first` and `second` side by side.
std::string FoldedPairTerm(const std::string& first, const std::string& second);

// The kExpansion term of an expansion whose folded words are `folded_words`.
std::string ExpansionTerm(const std::vector<std::string>& folded_words);

// kDateSlot's form of a date "YYYY-MM-DD": "YYYYMMDD" (empty for an empty date). The indexer
// writes it and searchd's date ranges compare with it.
std::string DateSlotValue(const std::string& iso_date);

// kDateThenIdSlot's value for an article dated `iso_date` (or undated: "") with id `article_id`,
// and the article id such a value holds.
std::string DateThenIdSlotValue(const std::string& iso_date, const std::string& article_id);
std::string ArticleIdOfDateThenId(const std::string& slot_value);

}  // namespace vnsearch::schema

#endif  // VNSEARCH_INDEX_SCHEMA_H_
