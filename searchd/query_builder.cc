// query_builder: walks the parse tree and emits Xapian queries over the schema's term spaces.
//
// A few words side by side must all match (as in the engines readers know). Within that, articles
// where two query words stand next to each other in the text score higher: each adjacent pair is
// added as an optional two-word phrase (OP_AND_MAYBE), which is how "khoa học" the word outranks
// "khoa" and "học" scattered through a page, without requiring a Vietnamese word segmenter.
//
// Many words side by side — a sentence, a question — are ranked instead (RankedCombination): an
// article that answers "Người mẹ khám thai ở nơi khác phát hiện được gì?" rarely holds every
// word of it. Question words ("gì", "nào", "bao nhiêu") are not looked for in either case.
//
// A code typed as one chunk ("KH&CN", "2022-2025") matches the code term or its parts as a
// phrase, so "2022-2025" also finds "2022 – 2025".
//
// Abbreviations are expanded here, in vnsearch's own query building, rather than with Xapian
// synonyms: Xapian's remote backend has no synonym table, and shards may be remote one day.
// "KH&CN" becomes (kh&cn OR khcn OR "khoa học [và] công nghệ"), and the words "Tài nguyên và
// Môi trường" typed side by side become ("tài nguyên [và] môi trường" OR tn&mt OR tnmt).

#include "searchd/query_builder.h"

#include <algorithm>
#include <bitset>
#include <cmath>

#include "analysis/abbreviations.h"
#include "article/canonical_name.h"
#include "index/schema.h"
#include "searchd/query_limits.h"
#include "searchd/question_words.h"
#include "searchd/quorum_source.h"

namespace vnsearch {
namespace {

// Whether `query` holds a positional operator: a phrase, or words near each other.
bool HoldsPositionalOperator(const Xapian::Query& query) {
  Xapian::Query::op type = query.get_type();
  if (type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR) return true;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    if (HoldsPositionalOperator(query.get_subquery(i))) return true;
  }
  return false;
}

constexpr Xapian::termcount kWildcardExpansionLimit = kWildcardExpansion;
constexpr double kTypedFormBonus = 0.5;

class Builder {
 public:
  // `with_boosts`: add the optional adjacent-pair phrases (for ranking); without them the
  // query matches the same articles at less cost (for counting).
  // `statistics`: the index whose term frequencies pick a ranked match's anchors, or nullptr.
  // `expand_wildcard`: see WildcardExpander (query_builder.h).
  Builder(MatchSpace space, bool with_boosts, const RankingOptions& options,
          const Xapian::Database* statistics, const WildcardExpander& expand_wildcard)
      : space_(space),
        with_boosts_(with_boosts),
        options_(options),
        statistics_(statistics),
        expand_wildcard_(expand_wildcard) {}

  // Makes `and_node` (words side by side, not negated) a ranked match: its free words need not
  // all be there (RankedCombination).
  void RankFreeText(const QueryNode* and_node) { ranked_node_ = long_node_ = and_node; }

  // Makes `and_node` a long query without ranking it: its question words are skipped as in a
  // ranked one, so that "every word" means the same words.
  void TreatAsLong(const QueryNode* and_node) { long_node_ = and_node; }

  // The adjacent-pair bonus of the ranked matches built since the last call (empty when none),
  // which the searcher applies to the best of them only (see BuiltQuery::pair_bonus).
  Xapian::Query TakePairBonus() {
    Xapian::Query bonus;
    if (!pair_bonuses_.empty()) {
      bonus = Xapian::Query(Xapian::Query::OP_OR, pair_bonuses_.begin(), pair_bonuses_.end());
    }
    pair_bonuses_.clear();
    return bonus;
  }

  // Ranked queries' weightless sides go through `precompute_matches` (query_builder.h), which
  // must outlive the builder.
  void PrecomputeMatchesWith(const MatchesPrecomputer& precompute_matches) {
    precompute_matches_ = &precompute_matches;
  }

  // Every quorum of terms (a QuorumPostingSource) put in a query built so far.
  const std::vector<TermQuorum>& quorums() const { return quorums_; }

  // For each child of `and_node`, whether it is a question word that is neither required nor
  // weighted: in a long query, or one that ends with a question mark. A few words without one
  // are keywords, all looked for: "Bao giờ cho đến tháng Mười" is a film, "kịch bản nào cho
  // Triều Tiên" part of a headline. Only in the exact space; never all of the words.
  std::vector<bool> SkippedQuestionWords(const QueryNode& and_node, bool long_query) const {
    const std::vector<QueryNode>& children = and_node.children;
    std::vector<bool> skipped(children.size(), false);
    if (!options_.skip_question_words || space_ != MatchSpace::kExact) return skipped;
    if (!long_query && !EndsWithQuestionMark(and_node)) return skipped;
    std::vector<size_t> worded;  // children holding a word: "?" alone is not a word
    std::vector<std::string> exact_words, typed_words;
    for (size_t i = 0; i < children.size(); ++i) {
      std::vector<Token> tokens;
      if (children[i].kind == QueryNode::Kind::kWords ||
          children[i].kind == QueryNode::Kind::kPhrase) {
        Analyze(children[i].text, &tokens);
        if (tokens.empty()) continue;
      }
      worded.push_back(i);
      exact_words.push_back(PlainWordSpelling(children[i]));
      typed_words.push_back(children[i].text);
    }
    std::vector<bool> asking = FindQuestionWords(exact_words, typed_words);
    if (std::find(asking.begin(), asking.end(), false) == asking.end()) return skipped;
    for (size_t i = 0; i < worded.size(); ++i) skipped[worded[i]] = asking[i];
    return skipped;
  }

  // The free words of `and_node` that are looked for if it is long: what decides whether it is.
  size_t CountSoughtFreeWords(const QueryNode& and_node) const {
    std::vector<bool> skipped = SkippedQuestionWords(and_node, /*long_query=*/true);
    size_t count = 0;
    for (size_t i = 0; i < and_node.children.size(); ++i) {
      std::vector<Token> tokens;
      if (skipped[i] || !IsFreeWord(and_node.children[i])) continue;
      Analyze(and_node.children[i].text, &tokens);
      count += !tokens.empty();
    }
    return count;
  }

  static bool EndsWithQuestionMark(const QueryNode& and_node) {
    if (and_node.children.empty()) return false;
    const std::string& last = and_node.children.back().text;
    size_t end = last.find_last_not_of(" \t");
    return end != std::string::npos && last[end] == '?';
  }

  // Typed without quotes, field or '*': in a ranked query, optional.
  static bool IsFreeWord(const QueryNode& child) {
    return child.kind == QueryNode::Kind::kWords && child.field.empty() && !child.prefix;
  }

  Xapian::Query Build(const QueryNode& node, bool relaxed, bool negated, BuiltQuery* out) {
    switch (node.kind) {
      case QueryNode::Kind::kMatchAll:
        return MatchEverything();
      case QueryNode::Kind::kWords:
      case QueryNode::Kind::kPhrase:
        return BuildText(node, negated, out);
      case QueryNode::Kind::kAndNot: {
        Xapian::Query left = Build(node.children[0], relaxed, negated, out);
        Xapian::Query right = Build(node.children[1], relaxed, !negated, out);
        return Xapian::Query(Xapian::Query::OP_AND_NOT, left, right);
      }
      case QueryNode::Kind::kOr: {
        std::vector<Xapian::Query> parts;
        for (const QueryNode& child : node.children) {
          parts.push_back(Build(child, relaxed, negated, out));
        }
        return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
      }
      case QueryNode::Kind::kAnd:
        return BuildAnd(node, relaxed, negated, out);
    }
    return Xapian::Query();
  }

 private:
  const char* Prefix(const std::string& field) const {
    if (field == "title")
      return space_ == MatchSpace::kExact ? schema::kTitleExact : schema::kTitleFolded;
    if (field == "person") return schema::kPersonWord;
    if (field == "unit") return schema::kUnitWord;
    return space_ == MatchSpace::kExact ? schema::kExact : schema::kFolded;
  }

  const std::string& Spelling(const Token& token) const {
    return space_ == MatchSpace::kExact ? token.exact : token.folded;
  }

  // Positions are kept in the folded space only (schema.h): phrases are matched there.
  static const char* PositionalPrefix(const std::string& field) {
    return field == "title" ? schema::kTitleFolded : schema::kFolded;
  }

  // The positional terms `terms` in order within `window` positions (a phrase). When the index
  // has pair terms (schema::kFoldedPair) and the terms are the body's folded words, only the
  // articles holding enough of their adjacent pairs have their positions read: the same
  // matches and weights (pair terms are boolean), far fewer position lists decoded.
  // Two words side by side are exactly their pair term: no position is read at all (the weight
  // is the two words', as a phrase's is).
  Xapian::Query InOrder(const std::vector<std::string>& terms, Xapian::termcount window) const {
    Xapian::Query pairs = PairFilter(terms, window);
    if (!pairs.empty() && terms.size() == 2 && window == 2) {
      return Xapian::Query(Xapian::Query::OP_FILTER,
                           Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()), pairs);
    }
    Xapian::Query phrase(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), window);
    return pairs.empty() ? phrase : Xapian::Query(Xapian::Query::OP_FILTER, phrase, pairs);
  }

  // The pair terms an article must hold to match InOrder(terms, window), or an empty query when
  // none is worth asking. With k positions to spare, the words may leave k gaps, so all but k of
  // the adjacent pairs are there: any (pairs - k) of them.
  Xapian::Query PairFilter(const std::vector<std::string>& terms, Xapian::termcount window) const {
    constexpr size_t kMaxCombinations = 16;
    if (!options_.pair_terms || terms.size() < 2) return Xapian::Query();
    const std::string folded_prefix = schema::kFolded;
    std::vector<std::string> pairs;
    for (size_t i = 0; i + 1 < terms.size(); ++i) {
      if (terms[i].rfind(folded_prefix, 0) != 0 || terms[i + 1].rfind(folded_prefix, 0) != 0) {
        return Xapian::Query();  // title words (kTitleFolded) have no pair terms
      }
      pairs.push_back(schema::FoldedPairTerm(terms[i].substr(folded_prefix.size()),
                                             terms[i + 1].substr(folded_prefix.size())));
    }
    size_t spare = window > terms.size() ? window - terms.size() : 0;
    if (spare >= pairs.size()) return Xapian::Query();
    size_t needed = pairs.size() - spare;
    std::vector<Xapian::Query> choices;
    std::vector<bool> chosen(pairs.size(), false);
    std::fill(chosen.begin(), chosen.begin() + needed, true);
    do {  // every way to choose `needed` of the pairs (chosen is in descending order)
      if (choices.size() == kMaxCombinations) return Xapian::Query();
      std::vector<Xapian::Query> all;
      for (size_t i = 0; i < pairs.size(); ++i) {
        if (chosen[i]) all.emplace_back(pairs[i]);
      }
      choices.emplace_back(Xapian::Query::OP_AND, all.begin(), all.end());
    } while (std::prev_permutation(chosen.begin(), chosen.end()));
    return Xapian::Query(Xapian::Query::OP_OR, choices.begin(), choices.end());
  }

  // `words` side by side. In the exact space: side by side as folded words, each present with
  // its exact spelling.
  Xapian::Query Phrase(const std::vector<const Token*>& words, const std::string& field) const {
    std::vector<std::string> positional;
    for (const Token* word : words) positional.push_back(PositionalPrefix(field) + word->folded);
    Xapian::Query phrase = InOrder(positional, static_cast<Xapian::termcount>(positional.size()));
    if (space_ == MatchSpace::kFolded) return phrase;
    std::vector<Xapian::Query> exact{phrase};
    for (const Token* word : words) exact.emplace_back(Prefix(field) + word->exact);
    return Xapian::Query(Xapian::Query::OP_AND, exact.begin(), exact.end());
  }

  // person: and unit: look for the words of entity names, diacritics ignored, in any order;
  // term: for one term of office in any dash style.
  Xapian::Query BuildEntityField(const QueryNode& node, BuiltQuery* out) {
    if (node.field == "term") {
      return Xapian::Query(schema::FacetFilterTerm(schema::kTermFilter, node.text));
    }
    std::vector<std::string> terms;
    for (const std::string& word : FoldedTerms(ExpandAbbreviations(node.text))) {
      terms.push_back(Prefix(node.field) + word);
    }
    if (terms.empty()) return Xapian::Query();
    std::vector<Xapian::Query> words(terms.begin(), terms.end());
    if (node.prefix) {  // person:tra* — the last word as typed so far
      std::string exact_stem, folded_stem;
      SpellPrefix(node.text, &exact_stem, &folded_stem);
      words.back() = Wildcard(Prefix(node.field) + folded_stem);
      out->wildcards.push_back(Prefix(node.field) + folded_stem);
    }
    // Boolean: a filter on who or what the article names, not a matter of relevance.
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()), 0);
  }

  // One part of words side by side: what it matches, and its term when it is one plain word
  // ("" otherwise) — exact or folded by the space, and folded with positions, for pairs.
  struct Part {
    Xapian::Query query;
    Xapian::Query matches;  // the same articles, weightless and cheaper to find; empty: `query`
    bool optional = false;  // in a ranked match: a free word, which need not be there
    std::string term;
    std::string positional_term;
  };

  Xapian::Query BuildAnd(const QueryNode& node, bool relaxed, bool negated, BuiltQuery* out) {
    const std::vector<QueryNode>& children = node.children;
    std::vector<std::string> spelled(children.size());
    for (size_t i = 0; i < children.size(); ++i) spelled[i] = PlainWordSpelling(children[i]);
    bool ranked = &node == ranked_node_ && !negated;
    std::vector<bool> skipped = negated ? std::vector<bool>(children.size(), false)
                                        : SkippedQuestionWords(node, &node == long_node_);
    std::vector<Part> parts;
    for (size_t i = 0; i < children.size();) {
      if (skipped[i]) {
        out->plain_words.push_back(children[i].text);  // still typed: suggestions keep it
        parts.push_back(Part{});  // asks for nothing, and parts the words either side of it
        ++i;
        continue;
      }
      size_t expansion_end = 0;
      const AbbreviationGroup* group = FindExpansion(spelled, i, &expansion_end);
      if (group != nullptr) {
        if (!negated) {
          for (size_t j = i; j < expansion_end; ++j) out->plain_words.push_back(children[j].text);
        }
        Part part;
        part.query = GroupQuery(*group, children[i].field, "", negated, out);
        // (A query without boosts has the group in this form already.)
        if (with_boosts_) part.matches = GroupMatches(*group, children[i].field);
        part.optional = ranked;
        parts.push_back(std::move(part));
        i = expansion_end;
        continue;
      }
      const QueryNode& child = children[i++];
      Part part;
      part.query = child.kind == QueryNode::Kind::kWords
                       ? BuildText(child, negated, out, &part.term, &part.positional_term)
                       : Build(child, relaxed, negated, out);
      if (part.query.empty()) continue;  // punctuation alone ("-", "…") asks for nothing
      part.optional = ranked && IsFreeWord(child);
      parts.push_back(std::move(part));
    }
    if (ranked || (relaxed && !negated && options_.rank_fallback_like_ranked)) {
      return RankedCombination(parts, /*every_part_optional=*/relaxed && !ranked);
    }
    std::vector<Xapian::Query> queries;
    for (const Part& part : parts) {
      if (!part.query.empty()) queries.push_back(part.query);
    }
    Xapian::Query combined(relaxed ? Xapian::Query::OP_OR : Xapian::Query::OP_AND, queries.begin(),
                           queries.end());
    std::vector<Xapian::Query> adjacent_pairs;
    for (size_t i = 1; i < parts.size(); ++i) {
      if (parts[i - 1].positional_term.empty() || parts[i].positional_term.empty()) continue;
      adjacent_pairs.push_back(
          InOrder({parts[i - 1].positional_term, parts[i].positional_term}, 2));
    }
    if (adjacent_pairs.empty() || !with_boosts_) return combined;
    return Xapian::Query(
        Xapian::Query::OP_AND_MAYBE, combined,
        Xapian::Query(Xapian::Query::OP_OR, adjacent_pairs.begin(), adjacent_pairs.end()));
  }

  // How many articles hold `part`'s term; 0 (as rare as can be) when it is not one word or
  // there are no statistics.
  Xapian::doccount ArticlesWith(const Part& part) const {
    return statistics_ == nullptr || part.term.empty() ? 0 : statistics_->get_termfreq(part.term);
  }

  // A ranked match. An article must have every required part and a quorum of the rarer free
  // words (the anchors: the rarer half, by how many articles hold them), or a free code or
  // abbreviation; all free words then add weight. BM25 weighs each word by its rarity, so among
  // the matches the ranking is that of any-word matching, while articles that share only a
  // word or two, or only common words, with the query ("của", "được", "người") are not matches:
  // they would rank low anyway, and counting them would cost. Each adjacent pair of words found
  // side by side adds a share of the two words' own weight: a pair of rare words ("khám thai")
  // adds much, a pair of common ones little. In the fallback of a filtered query
  // (`every_part_optional`) nothing is required and any word will do.
  Xapian::Query RankedCombination(std::vector<Part> parts, bool every_part_optional) {
    std::vector<size_t> single_words;
    std::vector<Xapian::Query> required, other_free_parts, weighted;
    for (size_t i = 0; i < parts.size(); ++i) {
      if (parts[i].query.empty()) continue;
      if (every_part_optional) parts[i].optional = true;
      if (!parts[i].optional) {
        required.push_back(parts[i].query);
        continue;
      }
      weighted.push_back(parts[i].query);
      if (parts[i].term.empty()) {
        other_free_parts.push_back(parts[i].matches.empty() ? parts[i].query : parts[i].matches);
      } else {
        single_words.push_back(i);
      }
    }
    // Xapian 1.4 can weigh an article by a phrase it does not hold: when the OR of the ranked
    // side is only checked at the articles another list of the FILTER stands on, a phrase in it
    // adds its weight there without its positions being tested. ("Bà đã quyết" định điều gì,
    // relaxed, ranked first articles without the phrase by its weight.) So when the ranked side
    // holds a phrase, Xapian must walk that side: the quorum never leads, and the matches are
    // not made a bitmap (a short list, which would lead).
    bool phrase_weighted = std::any_of(required.begin(), required.end(), HoldsPositionalOperator) ||
                           std::any_of(weighted.begin(), weighted.end(), HoldsPositionalOperator);
    std::vector<Xapian::doccount> articles_with(parts.size(), 0);
    for (size_t i : single_words) articles_with[i] = ArticlesWith(parts[i]);
    std::stable_sort(single_words.begin(), single_words.end(),
                     [&](size_t a, size_t b) { return articles_with[a] < articles_with[b]; });
    // The anchors and their quorum are shares of the distinct words: a word typed three times
    // is one word an article can hold (`weighted` still holds it each time it was typed).
    std::vector<std::string> distinct_words;
    for (size_t i : single_words) {
      const std::string& term = parts[i].term;
      if (std::find(distinct_words.begin(), distinct_words.end(), term) == distinct_words.end()) {
        distinct_words.push_back(term);
      }
    }
    // The fallback keeps its promise, the articles with any of the words.
    size_t anchor_count =
        statistics_ == nullptr || every_part_optional
            ? distinct_words.size()
            : static_cast<size_t>(std::ceil(options_.ranked_anchor_share * distinct_words.size()));
    std::vector<std::string> anchors(
        distinct_words.begin(),
        distinct_words.begin() + std::min(anchor_count, distinct_words.size()));
    std::vector<Xapian::Query> enough_words = other_free_parts;
    if (!anchors.empty()) {
      double quorum_share = every_part_optional ? 0 : options_.ranked_quorum_share;
      size_t quorum =
          static_cast<size_t>(std::ceil(quorum_share * static_cast<double>(anchors.size())));
      if (options_.xapian_operators_only) {
        std::vector<Xapian::Query> any_anchor(anchors.begin(), anchors.end());
        enough_words.push_back(Xapian::Query(
            Xapian::Query::OP_SCALE_WEIGHT,
            Xapian::Query(Xapian::Query::OP_OR, any_anchor.begin(), any_anchor.end()), 0));
      } else {
        enough_words.push_back(QuorumPostingSource::Make(
            anchors, std::max<size_t>(quorum, 1),
            phrase_weighted ? SourceLead::kNeverLeads : SourceLead::kMayLead));
        quorums_.push_back({anchors, std::max<size_t>(quorum, 1)});
      }
    }
    Xapian::Query matches;  // weightless: which articles match
    if (!enough_words.empty()) {
      matches = Xapian::Query(Xapian::Query::OP_OR, enough_words.begin(), enough_words.end());
    }
    if (!required.empty()) {
      Xapian::Query all_required(Xapian::Query::OP_AND, required.begin(), required.end());
      matches = matches.empty() ? all_required
                                : Xapian::Query(Xapian::Query::OP_AND, all_required, matches);
    }
    if (matches.empty() || !with_boosts_) return matches;
    required.insert(required.end(), weighted.begin(), weighted.end());
    // The weightless side, as the searcher can have it read most cheaply.
    if (precompute_matches_ != nullptr && *precompute_matches_ && !phrase_weighted) {
      matches = (*precompute_matches_)(matches, quorums_);
    }
    Xapian::Query combined(Xapian::Query::OP_FILTER,
                           Xapian::Query(Xapian::Query::OP_OR, required.begin(), required.end()),
                           matches);
    if (options_.ranked_pair_weight <= 0) return combined;
    std::vector<Xapian::Query> adjacent_pairs;
    for (size_t i = 1; i < parts.size(); ++i) {
      const Part& first = parts[i - 1];
      const Part& second = parts[i];
      if (first.positional_term.empty() || second.positional_term.empty()) continue;
      Xapian::Query side_by_side = InOrder({first.positional_term, second.positional_term}, 2);
      if (space_ == MatchSpace::kExact) {  // positions are folded: the words must be exact too
        side_by_side = Xapian::Query(Xapian::Query::OP_FILTER, side_by_side,
                                     Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(first.term),
                                                   Xapian::Query(second.term)));
      }
      adjacent_pairs.push_back(side_by_side);
    }
    if (!adjacent_pairs.empty()) {
      pair_bonuses_.emplace_back(
          Xapian::Query::OP_SCALE_WEIGHT,
          Xapian::Query(Xapian::Query::OP_OR, adjacent_pairs.begin(), adjacent_pairs.end()),
          options_.ranked_pair_weight);
    }
    return combined;
  }

  // The one term a child stands for when it is a plain word (no quotes, '*' or field), else "".
  std::string PlainWordSpelling(const QueryNode& child) const {
    if (child.kind != QueryNode::Kind::kWords || child.prefix || !child.field.empty()) return "";
    std::vector<Token> tokens;
    Analyze(child.text, &tokens);
    return tokens.size() == 1 ? Spelling(tokens.front()) : "";
  }

  const std::vector<std::string>& InSpace(const SpacedTerms& terms) const {
    return space_ == MatchSpace::kExact ? terms.exact : terms.folded;
  }

  // The group whose expansion the plain words spelled[begin..) spell out, with "và" optional;
  // sets *end past the last word used. Longest expansion wins.
  const AbbreviationGroup* FindExpansion(const std::vector<std::string>& spelled, size_t begin,
                                         size_t* end) const {
    if (spelled[begin].empty()) return nullptr;
    const AbbreviationGroup* best = nullptr;
    for (const AbbreviationGroup& group : AbbreviationGroups()) {
      const std::vector<std::string>& words = InSpace(group.expansion_words);
      if (words.size() < 2) continue;
      size_t at = begin;
      size_t matched = 0;
      while (at < spelled.size() && matched < words.size()) {
        if (spelled[at] == words[matched]) {
          ++matched;
          ++at;
        } else if (group.optional_words > 0 && (spelled[at] == "và" || spelled[at] == "va")) {
          ++at;
        } else {
          break;
        }
      }
      if (matched == words.size() && (best == nullptr || at > *end)) {
        best = &group;
        *end = at;
      }
    }
    return best;
  }

  // The folded positional terms of a group's expansion, and the window they must stand in ("và"
  // may stand between any two). The expansion is matched in the folded space, where positions
  // are: its accents add nothing.
  std::vector<std::string> ExpansionWords(const AbbreviationGroup& group, const std::string& field,
                                          Xapian::termcount* window) const {
    std::vector<std::string> words;
    for (const std::string& word : group.expansion_words.folded) {
      words.push_back(PositionalPrefix(field) + word);
    }
    *window = static_cast<Xapian::termcount>(words.size() + group.optional_words);
    return words;
  }

  // Which articles hold the group, weightless: any abbreviation, or the expansion where its
  // pairs are. The same articles as GroupQuery's, which Xapian evaluates with the phrase
  // leading (positions read for far more articles: UBND counts 4.7× slower that way).
  Xapian::Query GroupMatches(const AbbreviationGroup& group, const std::string& field) const {
    std::vector<Xapian::Query> forms;
    for (const std::string& term : InSpace(group.abbreviation_terms)) {
      forms.emplace_back(Prefix(field) + term);
    }
    forms.push_back(ExpansionTerm(group, field));
    if (forms.back().empty()) {
      Xapian::termcount window = 0;
      std::vector<std::string> words = ExpansionWords(group, field, &window);
      forms.back() = InOrder(words, window);
    }
    return Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
  }

  // The expansion's own term (schema::kExpansion: where the indexer found its words in order)
  // when the index has them and the field is not the title, which has none; else an empty
  // query, and the expansion is looked for as a phrase of its words.
  Xapian::Query ExpansionTerm(const AbbreviationGroup& group, const std::string& field) const {
    if (!options_.expansion_terms || field == "title" || !HasExpansionTerm(group)) {
      return Xapian::Query();
    }
    return Xapian::Query(schema::ExpansionTerm(group.expansion_words.folded));
  }

  // Every abbreviation of the group, or its expansion (its term, or a phrase), weighted as one
  // term (OP_SYNONYM: occurrences of all forms add up, as if one word). The form the reader typed
  // (`typed_term`, or the expansion when it is "") adds a little on top, so that among equals an
  // article that says exactly what was asked for ranks first. A query without boosts (one that
  // only says which articles match) gets GroupMatches().
  Xapian::Query GroupQuery(const AbbreviationGroup& group, const std::string& field,
                           const std::string& typed_term, bool negated, BuiltQuery* out) {
    if (!negated) {
      for (const std::string& term : InSpace(group.abbreviation_terms)) {
        out->highlighter.terms.insert(term);
      }
      out->highlighter.sequences.push_back({InSpace(group.expansion_words), true});
    }
    if (!with_boosts_) return GroupMatches(group, field);
    const std::string prefix = Prefix(field);
    std::vector<Xapian::Query> forms;
    Xapian::Query typed_form;
    for (const std::string& term : InSpace(group.abbreviation_terms)) {
      forms.emplace_back(prefix + term);
      if (term == typed_term) typed_form = forms.back();
    }
    // The expansion: its term, or else a plain phrase (a pair filter inside the synonym would
    // change the frequency Xapian estimates for the synonym, and so its weight; the pairs
    // filter the whole group instead, below: an article with any abbreviation, or with the
    // expansion's pairs).
    forms.push_back(ExpansionTerm(group, field));
    const bool expansion_is_term = !forms.back().empty();
    Xapian::termcount window = 0;
    std::vector<std::string> words;
    if (!expansion_is_term) {
      words = ExpansionWords(group, field, &window);
      forms.back() = Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), window);
    }
    if (typed_term.empty()) typed_form = forms.back();
    Xapian::Query any_form(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end());
    // The typed form is one of the forms: the bonus only weighs.
    Xapian::Query group_query(
        Xapian::Query::OP_OR, any_form,
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, typed_form, kTypedFormBonus));
    if (expansion_is_term) return group_query;  // every form a term: nothing to filter
    Xapian::Query pairs = PairFilter(words, window);
    if (pairs.empty()) return group_query;
    std::vector<Xapian::Query> holders(forms.begin(), forms.end() - 1);  // the abbreviations
    holders.push_back(pairs);
    return Xapian::Query(Xapian::Query::OP_FILTER, group_query,
                         Xapian::Query(Xapian::Query::OP_OR, holders.begin(), holders.end()));
  }

  const AbbreviationGroup* GroupOfAbbreviation(const std::string& spelled) const {
    for (const AbbreviationGroup& group : AbbreviationGroups()) {
      for (const std::string& term : InSpace(group.abbreviation_terms)) {
        if (term == spelled) return &group;
      }
    }
    return nullptr;
  }

  // kWords or kPhrase. Sets *single_term (and *single_folded, its positional folded term) when
  // the text is one plain word.
  Xapian::Query BuildText(const QueryNode& node, bool negated, BuiltQuery* out,
                          std::string* single_term = nullptr,
                          std::string* single_folded = nullptr) {
    if (node.field == "person" || node.field == "unit" || node.field == "term") {
      return BuildEntityField(node, out);
    }
    std::vector<Token> tokens;
    Analyze(node.text, &tokens);
    if (tokens.empty()) return Xapian::Query();
    const std::string prefix = Prefix(node.field);
    bool one_unit = tokens.size() == 1 || (tokens.front().kind == TokenKind::kCompound &&
                                           tokens.size() == 1 + CountParts(tokens, 1));
    if (!negated) {
      if (node.kind == QueryNode::Kind::kWords && node.field.empty() && !node.prefix) {
        out->plain_words.push_back(node.text);
        const char* title_prefix =
            space_ == MatchSpace::kExact ? schema::kTitleExact : schema::kTitleFolded;
        for (const Token& token : tokens) {
          if (token.kind != TokenKind::kCompound) {
            out->title_terms.push_back(title_prefix + Spelling(token));
          }
        }
      }
      std::vector<std::string> sequence;
      for (const Token& token : tokens) {
        if (token.kind != TokenKind::kCompound) sequence.push_back(Spelling(token));
      }
      if (one_unit) out->highlighter.terms.insert(Spelling(tokens.front()));
      if (sequence.size() > 1) out->highlighter.sequences.push_back({sequence, false});
    }
    std::vector<const Token*> words;  // words and parts, in order, for a phrase
    for (const Token& token : tokens) {
      if (token.kind != TokenKind::kCompound) words.push_back(&token);
    }
    if (node.prefix) {
      std::string exact_stem, folded_stem;
      SpellPrefix(node.text, &exact_stem, &folded_stem);
      const std::string& spelled_stem = space_ == MatchSpace::kExact ? exact_stem : folded_stem;
      std::string stem = prefix + spelled_stem;
      if (!negated) out->highlighter.prefixes.push_back(spelled_stem);
      out->wildcards.push_back(stem);
      Xapian::Query last = Wildcard(stem);
      words.pop_back();
      if (words.empty()) return last;
      Xapian::Query head = words.size() == 1 ? Xapian::Query(prefix + Spelling(*words.front()))
                                             : Phrase(words, node.field);
      return Xapian::Query(Xapian::Query::OP_AND, head, last);
    }
    if (one_unit && node.kind == QueryNode::Kind::kWords) {
      if (const AbbreviationGroup* group = GroupOfAbbreviation(Spelling(tokens.front()))) {
        return GroupQuery(*group, node.field, Spelling(tokens.front()), negated, out);
      }
    }
    if (tokens.size() == 1) {
      if (single_term != nullptr) {
        *single_term = prefix + Spelling(tokens.front());
        *single_folded = PositionalPrefix(node.field) + tokens.front().folded;
      }
      return Xapian::Query(prefix + Spelling(tokens.front()));
    }
    Xapian::Query phrase = Phrase(words, node.field);
    if (one_unit && node.kind == QueryNode::Kind::kWords) {
      // A code: the code term itself, or its parts side by side.
      return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(prefix + Spelling(tokens.front())),
                           phrase);
    }
    return phrase;
  }

  static size_t CountParts(const std::vector<Token>& tokens, size_t from) {
    size_t count = 0;
    while (from + count < tokens.size() && tokens[from + count].kind == TokenKind::kPart) ++count;
    return count;
  }

  // The terms starting with `stem`, the most frequent kWildcardExpansionLimit.
  Xapian::Query Wildcard(const std::string& stem) const {
    if (expand_wildcard_) return expand_wildcard_(stem, kWildcardExpansionLimit);
    return Xapian::Query(Xapian::Query::OP_WILDCARD, stem, kWildcardExpansionLimit,
                         Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  }

  MatchSpace space_;
  bool with_boosts_;
  const RankingOptions& options_;
  const Xapian::Database* statistics_;
  const QueryNode* ranked_node_ = nullptr;
  const QueryNode* long_node_ = nullptr;
  std::vector<Xapian::Query> pair_bonuses_;
  std::vector<TermQuorum> quorums_;
  const WildcardExpander& expand_wildcard_;
  const MatchesPrecomputer* precompute_matches_ = nullptr;
};

bool AnyDiacritics(const QueryNode& node) {
  if (!node.text.empty() && HasDiacritics(node.text)) return true;
  for (const QueryNode& child : node.children) {
    if (AnyDiacritics(child)) return true;
  }
  return false;
}

}  // namespace

bool Highlighter::MatchesWord(const TokenView& token) const {
  std::string_view spelling = space == MatchSpace::kExact ? token.exact : token.folded;
  if (terms.count(spelling) != 0) return true;
  for (const std::string& prefix : prefixes) {
    if (spelling.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

std::vector<bool> Highlighter::MatchTokens(const TokenList& tokens) const {
  // The bytes a matching spelling can start with, and the lengths it can have (bit n: n bytes,
  // bit 63: 63 or more): most tokens of a body are ruled out by two look-ups, without a search
  // of `terms` (an empty term or prefix could match anything, and rules out nothing).
  static constexpr size_t kLongest = 63;
  auto length_bit = [](size_t length) { return uint64_t{1} << std::min(length, kLongest); };
  std::bitset<256> first_bytes;
  uint64_t lengths = 0;
  bool any_token = false;
  for (const std::set<std::string, std::less<>>::value_type& term : terms) {
    if (term.empty())
      any_token = true;
    else
      first_bytes.set(static_cast<unsigned char>(term[0]));
    lengths |= length_bit(term.size());
  }
  for (const std::string& prefix : prefixes) {
    if (prefix.empty())
      any_token = true;
    else
      first_bytes.set(static_cast<unsigned char>(prefix[0]));
    lengths |= ~(length_bit(prefix.size()) - 1);  // this length and every longer one
  }
  std::vector<bool> matched(tokens.size(), false);
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string_view spelling = space == MatchSpace::kExact ? tokens[i].exact : tokens[i].folded;
    if (!any_token &&
        (spelling.empty() || !first_bytes.test(static_cast<unsigned char>(spelling[0])) ||
         (lengths & length_bit(spelling.size())) == 0)) {
      continue;
    }
    matched[i] = MatchesWord(tokens[i]);
  }
  if (sequences.empty()) return matched;
  std::vector<size_t> words;  // indexes of words and parts: sequences never hold a whole code
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::kCompound) words.push_back(i);
  }
  auto spelling = [&](size_t word) -> std::string_view {
    return space == MatchSpace::kExact ? tokens[words[word]].exact : tokens[words[word]].folded;
  };
  for (const WordSequence& sequence : sequences) {
    const std::vector<std::string>& wanted = sequence.words;
    for (size_t start = 0; start < words.size(); ++start) {
      if (spelling(start) != wanted.front()) continue;
      size_t at = start;
      size_t found = 0;
      while (at < words.size() && found < wanted.size()) {
        if (spelling(at) == wanted[found]) {
          ++found;
        } else if (!sequence.conjunction_optional || tokens[words[at]].folded != "va") {
          break;
        }
        ++at;
      }
      if (found < wanted.size()) continue;
      for (size_t word = start; word < at; ++word) matched[words[word]] = true;
    }
  }
  return matched;
}

MatchSpace ChooseSpace(const QueryNode& root) {
  return AnyDiacritics(root) ? MatchSpace::kExact : MatchSpace::kFolded;
}

// The words typed side by side at the top of `root` (before any exclusion), which a long query
// ranks; nullptr when the top is something else (OR, one word, a field).
const QueryNode* FreeText(const QueryNode& root) {
  if (root.kind == QueryNode::Kind::kAnd) return &root;
  if (root.kind == QueryNode::Kind::kAndNot && root.children[0].kind == QueryNode::Kind::kAnd) {
    return &root.children[0];
  }
  return nullptr;
}

BuiltQuery BuildQuery(const QueryNode& root, const RankingOptions& options,
                      const Xapian::Database* statistics, const WildcardExpander& expand_wildcard,
                      const MatchesPrecomputer& precompute_matches) {
  BuiltQuery built;
  built.space = ChooseSpace(root);
  const QueryNode* free_text = FreeText(root);
  built.ranked = free_text != nullptr && options.ranked_from_words > 0 &&
                 Builder(built.space, false, options, nullptr, expand_wildcard)
                         .CountSoughtFreeWords(*free_text) >= options.ranked_from_words;
  if (built.ranked && options.fold_ranked_queries) built.space = MatchSpace::kFolded;
  built.highlighter.space = built.space;
  Builder builder(built.space, /*with_boosts=*/true, options, statistics, expand_wildcard);
  builder.PrecomputeMatchesWith(precompute_matches);
  if (built.ranked) builder.RankFreeText(free_text);
  built.query = builder.Build(root, /*relaxed=*/false, /*negated=*/false, &built);
  built.pair_bonus = builder.TakePairBonus();
  BuiltQuery scratch;  // later passes see the same words; keep the first pass's lists
  scratch.highlighter.space = built.space;
  Builder matcher(built.space, /*with_boosts=*/false, options, statistics, expand_wildcard);
  if (built.ranked) {  // no fallback: what it would find, the ranked query finds already
    matcher.RankFreeText(free_text);
    built.query_matches = matcher.Build(root, /*relaxed=*/false, /*negated=*/false, &scratch);
    Builder every_word(built.space, /*with_boosts=*/false, options, nullptr, expand_wildcard);
    every_word.TreatAsLong(free_text);
    built.every_word = every_word.Build(root, /*relaxed=*/false, /*negated=*/false, &scratch);
    built.quorums.insert(built.quorums.end(), every_word.quorums().begin(),
                         every_word.quorums().end());
  } else {
    built.relaxed = builder.Build(root, /*relaxed=*/true, /*negated=*/false, &scratch);
    built.relaxed_pair_bonus = builder.TakePairBonus();
    built.query_matches = matcher.Build(root, /*relaxed=*/false, /*negated=*/false, &scratch);
    built.relaxed_matches = matcher.Build(root, /*relaxed=*/true, /*negated=*/false, &scratch);
  }
  for (const Builder* used : {&builder, &matcher}) {
    built.quorums.insert(built.quorums.end(), used->quorums().begin(), used->quorums().end());
  }
  if (!built.title_terms.empty()) {
    std::vector<Xapian::Query> in_title(built.title_terms.begin(), built.title_terms.end());
    Xapian::Query title_boost(Xapian::Query::OP_OR, in_title.begin(), in_title.end());
    bool ranked_boost = options.ranked_headline_boost;
    if (!built.ranked || ranked_boost) {
      built.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, built.query, title_boost);
    }
    if (!built.ranked && (!options.rank_fallback_like_ranked || ranked_boost)) {
      built.relaxed = Xapian::Query(Xapian::Query::OP_AND_MAYBE, built.relaxed, title_boost);
    }
  }
  return built;
}

}  // namespace vnsearch
