// listed_documents_source: a Xapian posting source that matches a given list of documents (by
// Xapian document number), with weight 0 — for running a costlier query over a few matches
// found already. Like every PostingSource, not thread-safe.
#ifndef VNSEARCH_SEARCHD_LISTED_DOCUMENTS_SOURCE_H_
#define VNSEARCH_SEARCHD_LISTED_DOCUMENTS_SOURCE_H_

#include <xapian.h>

#include <string>
#include <vector>

namespace vnsearch {

class ListedDocumentsSource : public Xapian::PostingSource {
 public:
  explicit ListedDocumentsSource(std::vector<Xapian::docid> documents);

  // A query matching exactly `documents`: the source, owned by the query.
  static Xapian::Query Make(std::vector<Xapian::docid> documents);

  void init(const Xapian::Database& database) override;
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return documents_.size(); }
  Xapian::doccount get_termfreq_max() const override { return documents_.size(); }
  void next(double min_weight) override;
  void skip_to(Xapian::docid at_least, double min_weight) override;
  bool at_end() const override { return at_ >= documents_.size(); }
  Xapian::docid get_docid() const override { return documents_[at_]; }
  Xapian::PostingSource* clone() const override;
  std::string get_description() const override;

 private:
  std::vector<Xapian::docid> documents_;  // sorted, distinct
  size_t at_ = 0;
  bool started_ = false;
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_LISTED_DOCUMENTS_SOURCE_H_
