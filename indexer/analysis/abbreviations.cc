// abbreviations: parses the compiled-in table and runs both columns through the analyzer, so an
// abbreviation is matched exactly as the indexer spelled it ("KH&CN" → "kh&cn").

#include "analysis/abbreviations.h"

#include <algorithm>
#include <sstream>
#include <unordered_map>

#include "analysis/analyzer.h"

namespace vnsearch {
namespace {

void AddAbbreviation(const std::string& abbreviation, AbbreviationGroup* group) {
  std::vector<Token> tokens;
  Analyze(abbreviation, &tokens);
  if (tokens.empty()) return;
  group->abbreviations.push_back(abbreviation);
  group->abbreviation_terms.exact.push_back(tokens.front().exact);
  group->abbreviation_terms.folded.push_back(tokens.front().folded);
}

void SetExpansion(const std::string& expansion, AbbreviationGroup* group) {
  group->expansion = expansion;
  std::vector<Token> tokens;
  Analyze(expansion, &tokens);
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::kCompound) continue;
    if (token.folded == "va") {
      ++group->optional_words;
      continue;
    }
    group->expansion_words.exact.push_back(token.exact);
    group->expansion_words.folded.push_back(token.folded);
  }
}

std::vector<AbbreviationGroup> ParseTable(const std::string& text) {
  std::vector<AbbreviationGroup> groups;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string abbreviation = line.substr(0, tab);
    std::string expansion = line.substr(tab + 1);
    while (!expansion.empty() && (expansion.back() == '\r' || expansion.back() == ' ')) {
      expansion.pop_back();
    }
    AbbreviationGroup* group = nullptr;
    for (AbbreviationGroup& existing : groups) {
      if (existing.expansion == expansion) group = &existing;
    }
    if (group == nullptr) {
      groups.emplace_back();
      group = &groups.back();
      SetExpansion(expansion, group);
    }
    AddAbbreviation(abbreviation, group);
  }
  return groups;
}

// The groups whose expansion has two words or more, by the folded spelling of its first word.
using GroupsByFirstWord = std::unordered_map<std::string, std::vector<const AbbreviationGroup*>>;

const GroupsByFirstWord& ExpansionsByFirstWord() {
  static const GroupsByFirstWord by_first_word = [] {
    GroupsByFirstWord groups;
    for (const AbbreviationGroup& group : AbbreviationGroups()) {
      if (HasExpansionTerm(group)) groups[group.expansion_words.folded.front()].push_back(&group);
    }
    return groups;
  }();
  return by_first_word;
}

// Whether `group`'s words after the first stand after `first_position`, in order, leaving at
// most group.optional_words positions between them. `at(p)` is the range of tokens at p.
// Taking each word at the nearest position it can have is never worse than a farther one: it
// leaves the most positions to spare for the words after it.
template <typename TokensAt>
bool RestFollows(const AbbreviationGroup& group, uint32_t first_position, const TokensAt& at) {
  const std::vector<std::string>& words = group.expansion_words.folded;
  size_t spare = group.optional_words;
  uint32_t position = first_position;
  for (size_t word = 1; word < words.size(); ++word) {
    bool found = false;
    for (size_t gap = 0; gap <= spare && !found; ++gap) {
      auto [token, end] = at(position + 1 + static_cast<uint32_t>(gap));
      for (; token != end; ++token) {
        if ((*token)->folded != words[word]) continue;
        position += 1 + static_cast<uint32_t>(gap);
        spare -= gap;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

}  // namespace

const std::vector<AbbreviationGroup>& AbbreviationGroups() {
  static const std::vector<AbbreviationGroup> groups = ParseTable(AbbreviationTableText());
  return groups;
}

std::vector<std::pair<const AbbreviationGroup*, uint32_t>> CountExpansions(
    const std::vector<Token>& tokens) {
  std::vector<std::pair<const AbbreviationGroup*, uint32_t>> counts;
  if (tokens.empty()) return counts;
  const GroupsByFirstWord& by_first_word = ExpansionsByFirstWord();
  // The tokens in position order (a compound and its first part share one), and where each
  // position's begin among them: two allocations for a field, not one per position.
  std::vector<const Token*> sorted;
  sorted.reserve(tokens.size());
  for (const Token& token : tokens) sorted.push_back(&token);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Token* a, const Token* b) { return a->position < b->position; });
  const uint32_t first = sorted.front()->position, last = sorted.back()->position;
  std::vector<uint32_t> begins(last - first + 2);
  for (const Token* token : sorted) ++begins[token->position - first + 1];
  for (size_t i = 1; i < begins.size(); ++i) begins[i] += begins[i - 1];
  auto at = [&](uint32_t position) {
    if (position > last) return std::make_pair(sorted.end(), sorted.end());
    return std::make_pair(sorted.begin() + begins[position - first],
                          sorted.begin() + begins[position - first + 1]);
  };
  std::vector<const AbbreviationGroup*> found_here;
  for (uint32_t position = first; position <= last; ++position) {
    found_here.clear();
    auto [token, end] = at(position);
    for (; token != end; ++token) {
      auto groups = by_first_word.find((*token)->folded);
      if (groups == by_first_word.end()) continue;
      for (const AbbreviationGroup* group : groups->second) {
        if (std::find(found_here.begin(), found_here.end(), group) != found_here.end()) continue;
        if (!RestFollows(*group, position, at)) continue;
        found_here.push_back(group);
        auto counted = std::find_if(counts.begin(), counts.end(),
                                    [&](const auto& count) { return count.first == group; });
        if (counted == counts.end()) {
          counts.emplace_back(group, 1);
        } else {
          ++counted->second;
        }
      }
    }
  }
  return counts;
}

}  // namespace vnsearch
