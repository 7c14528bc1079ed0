// abbreviations: parses the compiled-in table and runs both columns through the analyzer, so an
// abbreviation is matched exactly as the indexer spelled it ("KH&CN" → "kh&cn").

#include "analysis/abbreviations.h"

#include <sstream>

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

}  // namespace

const std::vector<AbbreviationGroup>& AbbreviationGroups() {
  static const std::vector<AbbreviationGroup> groups = ParseTable(AbbreviationTableText());
  return groups;
}

}  // namespace vnsearch
