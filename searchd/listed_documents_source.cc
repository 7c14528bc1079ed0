// listed_documents_source: a sorted vector walked forward; skip_to is a binary search.

#include "searchd/listed_documents_source.h"

#include <algorithm>

namespace vnsearch {

ListedDocumentsSource::ListedDocumentsSource(std::vector<Xapian::docid> documents)
    : documents_(std::move(documents)) {
  std::sort(documents_.begin(), documents_.end());
  documents_.erase(std::unique(documents_.begin(), documents_.end()), documents_.end());
}

Xapian::Query ListedDocumentsSource::Make(std::vector<Xapian::docid> documents) {
  return Xapian::Query((new ListedDocumentsSource(std::move(documents)))->release());
}

void ListedDocumentsSource::init(const Xapian::Database&) {
  at_ = 0;
  started_ = false;
}

void ListedDocumentsSource::next(double) {
  if (started_) ++at_;
  started_ = true;
}

void ListedDocumentsSource::skip_to(Xapian::docid at_least, double) {
  size_t from = started_ ? at_ : 0;
  started_ = true;
  at_ = static_cast<size_t>(
      std::lower_bound(documents_.begin() + static_cast<long>(from), documents_.end(), at_least) -
      documents_.begin());
}

Xapian::PostingSource* ListedDocumentsSource::clone() const {
  return new ListedDocumentsSource(documents_);
}

std::string ListedDocumentsSource::get_description() const {
  return "ListedDocumentsSource(" + std::to_string(documents_.size()) + " documents)";
}

}  // namespace vnsearch
