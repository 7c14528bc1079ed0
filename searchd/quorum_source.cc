// quorum_source: a merge of the terms' posting lists. The next match can be no earlier than the
// quorum-th smallest article number the lists are at, so every list behind it skips there at
// once; the lists that then stand on that article are counted. Each step moves some list forward,
// and the cost is that of reading the lists, as for an OR of the terms.

#include "searchd/quorum_source.h"

#include <algorithm>

namespace vnsearch {

TermQuorum TermQuorum::Distinct() const {
  TermQuorum distinct{terms, std::max<size_t>(quorum, 1)};
  std::sort(distinct.terms.begin(), distinct.terms.end());
  distinct.terms.erase(std::unique(distinct.terms.begin(), distinct.terms.end()),
                       distinct.terms.end());
  return distinct;
}

QuorumPostingSource::QuorumPostingSource(std::vector<std::string> terms, size_t quorum,
                                         SourceLead lead)
    : lead_(lead) {
  TermQuorum held = TermQuorum{std::move(terms), quorum}.Distinct();
  terms_ = std::move(held.terms);
  quorum_ = held.quorum;
}

Xapian::Query QuorumPostingSource::Make(std::vector<std::string> terms, size_t quorum,
                                        SourceLead lead) {
  return Xapian::Query((new QuorumPostingSource(std::move(terms), quorum, lead))->release());
}

void QuorumPostingSource::init(const Xapian::Database& database) {
  database_ = database;
  postings_.clear();
  docids_.clear();
  std::vector<Xapian::doccount> frequencies;
  for (const std::string& term : terms_) {
    postings_.push_back(database_.postlist_begin(term));
    docids_.push_back(postings_.back() == Xapian::PostingIterator() ? kEnded : *postings_.back());
    frequencies.push_back(database_.get_termfreq(term));
  }
  std::sort(frequencies.begin(), frequencies.end());
  // At most: the articles of all but the quorum-1 most frequent terms; about: the quorum-th
  // rarest term's articles, as likely a match as any.
  Xapian::doccount sum = 0;
  for (size_t i = 0; i + (quorum_ - 1) < frequencies.size(); ++i) sum += frequencies[i];
  termfreq_max_ = std::min(sum, database_.get_doccount());
  termfreq_estimate_ =
      quorum_ <= frequencies.size() ? std::min(frequencies[quorum_ - 1], termfreq_max_) : 0;
  if (lead_ == SourceLead::kNeverLeads) {  // Xapian walks the AND's rarest list first
    termfreq_estimate_ = termfreq_max_ = database_.get_doccount();
  }
  current_ = 0;
  at_end_ = false;
}

void QuorumPostingSource::MoveTo(size_t list, Xapian::docid at_least) {
  Xapian::PostingIterator& posting = postings_[list];
  posting.skip_to(at_least);
  docids_[list] = posting == Xapian::PostingIterator() ? kEnded : *posting;
}

void QuorumPostingSource::SettleFrom(Xapian::docid at_least) {
  std::vector<Xapian::docid>& positions = positions_;
  while (true) {
    positions.clear();
    for (size_t list = 0; list < postings_.size(); ++list) {
      if (docids_[list] < at_least) MoveTo(list, at_least);
      if (docids_[list] != kEnded) positions.push_back(docids_[list]);
    }
    if (positions.size() < quorum_) {
      at_end_ = true;
      return;
    }
    std::nth_element(positions.begin(), positions.begin() + (quorum_ - 1), positions.end());
    Xapian::docid candidate = positions[quorum_ - 1];
    size_t holding = 0;
    for (size_t list = 0; list < postings_.size(); ++list) {
      if (docids_[list] < candidate) MoveTo(list, candidate);
      holding += docids_[list] == candidate;
    }
    if (holding >= quorum_) {
      current_ = candidate;
      return;
    }
    at_least = candidate + 1;
  }
}

void QuorumPostingSource::next(double) { SettleFrom(current_ + 1); }

void QuorumPostingSource::skip_to(Xapian::docid at_least, double) {
  if (at_least > current_) SettleFrom(at_least);
}

Xapian::PostingSource* QuorumPostingSource::clone() const {
  return new QuorumPostingSource(terms_, quorum_, lead_);
}

std::string TermQuorum::QueryDescription() const {
  return "Query(PostingSource(" + QuorumPostingSource(terms, quorum).get_description() + "))";
}

std::string QuorumPostingSource::get_description() const {
  std::string description = "QuorumPostingSource(" + std::to_string(quorum_) + " of";
  for (const std::string& term : terms_) description += " " + term;
  return description + ")";
}

}  // namespace vnsearch
