// query_parser: a lexer and a recursive-descent parser for the grammar in query_parser.h.
// It is strict where a lenient parser would silently guess: "AND AND", an unbalanced quote or
// parenthesis and an unknown field are errors, because a reader who typed them meant something
// else and deserves to be told.

#include "searchd/query_parser.h"

#include <cctype>

namespace vnsearch {
namespace {

// Deeper nesting asks nothing a reader needs, and each level is a level of recursion here and in
// query building.
constexpr int kMaxNesting = 32;

enum class LexKind { kWord, kPhrase, kAnd, kOr, kNot, kOpen, kClose, kEnd };

struct Lexeme {
  LexKind kind = LexKind::kEnd;
  std::string text;
  std::string field;
  bool exclude = false;  // written with a leading '-'
  bool prefix = false;   // written with a trailing '*'
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsChunkEnd(char c) { return IsSpace(c) || c == '"' || c == '(' || c == ')'; }

class Lexer {
 public:
  explicit Lexer(std::string_view input) : input_(input) {}

  // Splits the whole input; returns false with *error set on an unbalanced quote.
  bool Run(std::vector<Lexeme>* out, std::string* error) {
    while (true) {
      while (at_ < input_.size() && IsSpace(input_[at_])) ++at_;
      if (at_ >= input_.size()) break;
      Lexeme lexeme;
      if (!ReadOne(&lexeme, error)) return false;
      out->push_back(std::move(lexeme));
    }
    out->push_back(Lexeme{});
    return true;
  }

 private:
  bool ReadPhrase(Lexeme* lexeme, std::string* error) {
    size_t close = input_.find('"', at_ + 1);
    if (close == std::string_view::npos) {
      *error = "unbalanced quote: close the phrase with \" or remove the opening \"";
      return false;
    }
    lexeme->kind = LexKind::kPhrase;
    lexeme->text = std::string(input_.substr(at_ + 1, close - at_ - 1));
    at_ = close + 1;
    return true;
  }

  bool ReadOne(Lexeme* lexeme, std::string* error) {
    char c = input_[at_];
    if ((c == '-' || c == '+') && at_ + 1 < input_.size() && !IsSpace(input_[at_ + 1])) {
      lexeme->exclude = c == '-';
      ++at_;
      c = input_[at_];
    }
    if (c == '(' || c == ')') {
      lexeme->kind = c == '(' ? LexKind::kOpen : LexKind::kClose;
      ++at_;
      return true;
    }
    if (c == '"') return ReadPhrase(lexeme, error);
    size_t end = at_;
    while (end < input_.size() && !IsChunkEnd(input_[end])) ++end;
    std::string_view chunk = input_.substr(at_, end - at_);
    // field:value — letters, a colon, and something right after it.
    size_t colon = chunk.find(':');
    bool field_like = colon != std::string_view::npos && colon > 0;
    for (size_t i = 0; field_like && i < colon; ++i) {
      field_like = std::isalpha(static_cast<unsigned char>(chunk[i])) != 0;
    }
    bool value_follows =
        colon + 1 < chunk.size() || (colon + 1 == chunk.size() && end < input_.size() &&
                                     (input_[end] == '"' || input_[end] == '('));
    if (field_like && value_follows) {
      std::string field(chunk.substr(0, colon));
      for (char& letter : field) letter = static_cast<char>(std::tolower(letter));
      if (!IsKnownField(field)) {
        *error = "unknown field \"" + field +
                 ":\": use title:, person:, unit: or term:, or put the text in quotes";
        return false;
      }
      lexeme->field = field;
      at_ += colon + 1;
      if (colon + 1 == chunk.size()) {
        if (input_[at_] == '"') return ReadPhrase(lexeme, error);
        lexeme->kind = LexKind::kOpen;  // field:( … ) applies the field to the whole group
        ++at_;
        return true;
      }
      chunk = chunk.substr(colon + 1);
    }
    at_ = end;
    if (lexeme->field.empty() && !lexeme->exclude) {
      if (chunk == "AND" || chunk == "&&") {
        lexeme->kind = LexKind::kAnd;
        return true;
      }
      if (chunk == "OR" || chunk == "||") {
        lexeme->kind = LexKind::kOr;
        return true;
      }
      if (chunk == "NOT") {
        lexeme->kind = LexKind::kNot;
        return true;
      }
    }
    lexeme->kind = LexKind::kWord;
    if (chunk.size() > 1 && chunk.back() == '*') {
      lexeme->prefix = true;
      chunk.remove_suffix(1);
    }
    lexeme->text = std::string(chunk);
    return true;
  }

  std::string_view input_;
  size_t at_ = 0;
};

class Parser {
 public:
  explicit Parser(std::vector<Lexeme> lexemes) : lexemes_(std::move(lexemes)) {}

  bool ParseAll(QueryNode* root, std::string* error) {
    if (Peek() == LexKind::kEnd) {
      root->kind = QueryNode::Kind::kMatchAll;
      return true;
    }
    if (!ParseOr(root, error)) return false;
    if (Peek() == LexKind::kClose) {
      *error = "unbalanced parenthesis: remove the ')' or add a '(' before it";
      return false;
    }
    return true;
  }

 private:
  LexKind Peek() const { return lexemes_[at_].kind; }

  static bool StartsOperand(LexKind kind) {
    return kind == LexKind::kWord || kind == LexKind::kPhrase || kind == LexKind::kOpen ||
           kind == LexKind::kNot;
  }

  bool ParseOr(QueryNode* node, std::string* error) {
    QueryNode first;
    if (!ParseAnd(&first, error)) return false;
    if (Peek() != LexKind::kOr) {
      *node = std::move(first);
      return true;
    }
    node->kind = QueryNode::Kind::kOr;
    node->children.push_back(std::move(first));
    while (Peek() == LexKind::kOr) {
      ++at_;
      if (!StartsOperand(Peek())) {
        *error = "OR needs a word on both sides: remove it or add the missing word";
        return false;
      }
      QueryNode next;
      if (!ParseAnd(&next, error)) return false;
      node->children.push_back(std::move(next));
    }
    return true;
  }

  bool ParseAnd(QueryNode* node, std::string* error) {
    std::vector<QueryNode> included;
    std::vector<QueryNode> excluded;
    if (!StartsOperand(Peek())) {
      *error = Peek() == LexKind::kClose
                   ? "empty parentheses: put words inside them or remove them"
                   : "AND and OR need a word on both sides: remove the operator or add the word";
      return false;
    }
    while (StartsOperand(Peek()) || Peek() == LexKind::kAnd) {
      if (Peek() == LexKind::kAnd) {
        ++at_;
        if (!StartsOperand(Peek())) {
          *error = "AND needs a word on both sides: remove it or add the missing word";
          return false;
        }
        continue;
      }
      bool negate = false;
      if (Peek() == LexKind::kNot) {
        ++at_;
        negate = true;
        if (!StartsOperand(Peek()) || Peek() == LexKind::kNot) {
          *error = "NOT needs a word after it: add the word to exclude or remove NOT";
          return false;
        }
      }
      negate = negate || lexemes_[at_].exclude;
      QueryNode operand;
      if (!ParsePrimary(&operand, error)) return false;
      (negate ? excluded : included).push_back(std::move(operand));
    }
    QueryNode positive;
    if (included.size() == 1) {
      positive = std::move(included.front());
    } else if (!included.empty()) {
      positive.kind = QueryNode::Kind::kAnd;
      positive.children = std::move(included);
    }
    if (excluded.empty()) {
      *node = std::move(positive);
      return true;
    }
    QueryNode negative;
    if (excluded.size() == 1) {
      negative = std::move(excluded.front());
    } else {
      negative.kind = QueryNode::Kind::kOr;
      negative.children = std::move(excluded);
    }
    node->kind = QueryNode::Kind::kAndNot;
    node->children.push_back(std::move(positive));
    node->children.push_back(std::move(negative));
    return true;
  }

  bool ParsePrimary(QueryNode* node, std::string* error) {
    const Lexeme& lexeme = lexemes_[at_];
    if (lexeme.kind == LexKind::kOpen) {
      std::string field = lexeme.field;
      ++at_;
      if (++depth_ > kMaxNesting) {
        *error = "parentheses nested more than " + std::to_string(kMaxNesting) +
                 " deep: simplify the query";
        return false;
      }
      if (!ParseOr(node, error)) return false;
      --depth_;
      if (Peek() != LexKind::kClose) {
        *error = "unbalanced parenthesis: add the closing ')'";
        return false;
      }
      ++at_;
      if (!field.empty()) ApplyField(field, node);
      return true;
    }
    node->kind =
        lexeme.kind == LexKind::kPhrase ? QueryNode::Kind::kPhrase : QueryNode::Kind::kWords;
    node->text = lexeme.text;
    node->field = lexeme.field;
    node->prefix = lexeme.prefix;
    ++at_;
    return true;
  }

  static void ApplyField(const std::string& field, QueryNode* node) {
    if (node->field.empty()) node->field = field;
    for (QueryNode& child : node->children) ApplyField(field, &child);
  }

  std::vector<Lexeme> lexemes_;
  size_t at_ = 0;
  int depth_ = 0;  // parentheses open at at_
};

}  // namespace

bool IsKnownField(std::string_view field) {
  return field == "title" || field == "person" || field == "unit" || field == "term";
}

ParsedQuery ParseQuery(std::string_view query) {
  ParsedQuery parsed;
  std::vector<Lexeme> lexemes;
  Lexer lexer(query);
  if (!lexer.Run(&lexemes, &parsed.error)) return parsed;
  Parser parser(std::move(lexemes));
  parsed.ok = parser.ParseAll(&parsed.root, &parsed.error);
  return parsed;
}

}  // namespace vnsearch
