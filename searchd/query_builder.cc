// query_builder: walks the parse tree and emits Xapian queries over the schema's term spaces.
//
// Words side by side must all match (as in the engines readers know). Within that, articles where
// two query words stand next to each other in the text score higher: each adjacent pair is added
// as an optional two-word phrase (OP_AND_MAYBE), which is how "khoa học" the word outranks "khoa"
// and "học" scattered through a page, without requiring a Vietnamese word segmenter.
//
// A code typed as one chunk ("KH&CN", "2022-2025") matches the code term or its parts as a
// phrase, so "2022-2025" also finds "2022 – 2025".
//
// Abbreviations are expanded here, in vnsearch's own query building, rather than with Xapian
// synonyms: Xapian's remote backend has no synonym table, and shards may be remote one day.
// "KH&CN" becomes (kh&cn OR khcn OR "khoa học [và] công nghệ"), and the words "Tài nguyên và
// Môi trường" typed side by side become ("tài nguyên [và] môi trường" OR tn&mt OR tnmt).

#include "searchd/query_builder.h"

#include "analysis/abbreviations.h"
#include "article/canonical_name.h"
#include "index/document_builder.h"
#include "index/schema.h"
#include "searchd/query_limits.h"

namespace vnsearch {
namespace {

constexpr Xapian::termcount kWildcardExpansionLimit = kWildcardExpansion;
constexpr double kTypedFormBonus = 0.5;

class Builder {
 public:
  // `with_boosts`: add the optional adjacent-pair phrases (for ranking); without them the
  // query matches the same articles at less cost (for counting).
  Builder(MatchSpace space, bool with_boosts, const WildcardExpander& expand_wildcard)
      : space_(space), with_boosts_(with_boosts), expand_wildcard_(expand_wildcard) {}

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
    if (field == "title") return space_ == MatchSpace::kExact ? schema::kTitleExact
                                                              : schema::kTitleFolded;
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

  // `words` side by side. In the exact space: side by side as folded words, each present with
  // its exact spelling.
  Xapian::Query Phrase(const std::vector<const Token*>& words, const std::string& field) const {
    std::vector<Xapian::Query> positional;
    for (const Token* word : words) positional.emplace_back(PositionalPrefix(field) + word->folded);
    Xapian::Query phrase(Xapian::Query::OP_PHRASE, positional.begin(), positional.end(),
                         positional.size());
    if (space_ == MatchSpace::kFolded) return phrase;
    std::vector<Xapian::Query> exact{phrase};
    for (const Token* word : words) exact.emplace_back(Prefix(field) + word->exact);
    return Xapian::Query(Xapian::Query::OP_AND, exact.begin(), exact.end());
  }

  // person: and unit: look for the words of entity names, diacritics ignored, in any order;
  // term: for one term of office in any dash style.
  Xapian::Query BuildEntityField(const QueryNode& node) {
    if (node.field == "term") return Xapian::Query(FacetFilterTerm(schema::kTermFilter, node.text));
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
    }
    // Boolean: a filter on who or what the article names, not a matter of relevance.
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()), 0);
  }

  Xapian::Query BuildAnd(const QueryNode& node, bool relaxed, bool negated, BuiltQuery* out) {
    const std::vector<QueryNode>& children = node.children;
    std::vector<std::string> spelled(children.size());
    for (size_t i = 0; i < children.size(); ++i) spelled[i] = PlainWordSpelling(children[i]);
    std::vector<Xapian::Query> parts;
    // Per part: its one positional (folded) term, or "" when it is not one plain word.
    std::vector<std::string> single_terms;
    for (size_t i = 0; i < children.size();) {
      size_t expansion_end = 0;
      const AbbreviationGroup* group = FindExpansion(spelled, i, &expansion_end);
      if (group != nullptr) {
        if (!negated) {
          for (size_t j = i; j < expansion_end; ++j) out->plain_words.push_back(children[j].text);
        }
        parts.push_back(GroupQuery(*group, children[i].field, "", negated, out));
        single_terms.emplace_back();
        i = expansion_end;
        continue;
      }
      const QueryNode& child = children[i++];
      std::string single_term;
      std::string single_folded;
      Xapian::Query part = child.kind == QueryNode::Kind::kWords
                               ? BuildText(child, negated, out, &single_term, &single_folded)
                               : Build(child, relaxed, negated, out);
      if (part.empty()) continue;  // punctuation alone ("-", "…") asks for nothing
      parts.push_back(part);
      single_terms.push_back(single_folded);
    }
    Xapian::Query combined(relaxed ? Xapian::Query::OP_OR : Xapian::Query::OP_AND, parts.begin(),
                           parts.end());
    std::vector<Xapian::Query> adjacent_pairs;
    for (size_t i = 1; i < single_terms.size(); ++i) {
      if (single_terms[i - 1].empty() || single_terms[i].empty()) continue;
      Xapian::Query pair[] = {Xapian::Query(single_terms[i - 1]), Xapian::Query(single_terms[i])};
      adjacent_pairs.emplace_back(Xapian::Query::OP_PHRASE, pair, pair + 2, 2);
    }
    if (adjacent_pairs.empty() || !with_boosts_) return combined;
    return Xapian::Query(
        Xapian::Query::OP_AND_MAYBE, combined,
        Xapian::Query(Xapian::Query::OP_OR, adjacent_pairs.begin(), adjacent_pairs.end()));
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

  // Every abbreviation of the group, or its expansion as a phrase ("và" may stand between),
  // weighted as one term (OP_SYNONYM: occurrences of all forms add up, as if one word). The
  // form the reader typed (`typed_term`, or the expansion when it is "") adds a little on top,
  // so that among equals an article that says exactly what was asked for ranks first.
  Xapian::Query GroupQuery(const AbbreviationGroup& group, const std::string& field,
                           const std::string& typed_term, bool negated, BuiltQuery* out) {
    const std::string prefix = Prefix(field);
    std::vector<Xapian::Query> forms;
    Xapian::Query typed_form;
    for (const std::string& term : InSpace(group.abbreviation_terms)) {
      forms.emplace_back(prefix + term);
      if (term == typed_term) typed_form = forms.back();
      if (!negated) out->highlighter.terms.insert(term);
    }
    // The expansion is matched in the folded space, where positions are: its accents add nothing.
    std::vector<std::string> words;
    for (const std::string& word : group.expansion_words.folded) {
      words.push_back(PositionalPrefix(field) + word);
    }
    forms.emplace_back(Xapian::Query::OP_PHRASE, words.begin(), words.end(),
                       words.size() + group.optional_words);
    if (typed_term.empty()) typed_form = forms.back();
    if (!negated) out->highlighter.sequences.push_back({InSpace(group.expansion_words), true});
    Xapian::Query any_form(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end());
    return Xapian::Query(
        Xapian::Query::OP_OR, any_form,
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, typed_form, kTypedFormBonus));
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
      return BuildEntityField(node);
    }
    std::vector<Token> tokens;
    Analyze(node.text, &tokens);
    if (tokens.empty()) return Xapian::Query();
    const std::string prefix = Prefix(node.field);
    bool one_unit = tokens.size() == 1 ||
                    (tokens.front().kind == TokenKind::kCompound &&
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
  const WildcardExpander& expand_wildcard_;
};

bool AnyDiacritics(const QueryNode& node) {
  if (!node.text.empty() && HasDiacritics(node.text)) return true;
  for (const QueryNode& child : node.children) {
    if (AnyDiacritics(child)) return true;
  }
  return false;
}

}  // namespace

bool Highlighter::MatchesWord(const Token& token) const {
  const std::string& spelling = space == MatchSpace::kExact ? token.exact : token.folded;
  if (terms.count(spelling) != 0) return true;
  for (const std::string& prefix : prefixes) {
    if (spelling.compare(0, prefix.size(), prefix) == 0) return true;
  }
  return false;
}

std::vector<bool> Highlighter::MatchTokens(const std::vector<Token>& tokens) const {
  std::vector<bool> matched(tokens.size(), false);
  for (size_t i = 0; i < tokens.size(); ++i) matched[i] = MatchesWord(tokens[i]);
  if (sequences.empty()) return matched;
  std::vector<size_t> words;  // indexes of words and parts: sequences never hold a whole code
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::kCompound) words.push_back(i);
  }
  auto spelling = [&](size_t word) -> const std::string& {
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

BuiltQuery BuildQuery(const QueryNode& root, const WildcardExpander& expand_wildcard) {
  BuiltQuery built;
  built.space = ChooseSpace(root);
  built.highlighter.space = built.space;
  Builder builder(built.space, /*with_boosts=*/true, expand_wildcard);
  built.query = builder.Build(root, /*relaxed=*/false, /*negated=*/false, &built);
  BuiltQuery scratch;  // later passes see the same words; keep the first pass's lists
  scratch.highlighter.space = built.space;
  built.relaxed = builder.Build(root, /*relaxed=*/true, /*negated=*/false, &scratch);
  Builder matcher(built.space, /*with_boosts=*/false, expand_wildcard);
  built.query_matches = matcher.Build(root, /*relaxed=*/false, /*negated=*/false, &scratch);
  built.relaxed_matches = matcher.Build(root, /*relaxed=*/true, /*negated=*/false, &scratch);
  if (!built.title_terms.empty()) {
    std::vector<Xapian::Query> in_title(built.title_terms.begin(), built.title_terms.end());
    Xapian::Query title_boost(Xapian::Query::OP_OR, in_title.begin(), in_title.end());
    built.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, built.query, title_boost);
    built.relaxed = Xapian::Query(Xapian::Query::OP_AND_MAYBE, built.relaxed, title_boost);
  }
  return built;
}

}  // namespace vnsearch
