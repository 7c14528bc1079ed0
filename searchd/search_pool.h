// search_gate: lets a fixed number of searches compute at once; the others wait their turn, in
// the order they came. Searches sharing the cores all take longer, the longest longest of all,
// while searches taking turns wait the same short while: the slowest answers come sooner.
// Thread-safe.
#ifndef VNSEARCH_SEARCHD_SEARCH_GATE_H_
#define VNSEARCH_SEARCHD_SEARCH_GATE_H_

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace vnsearch {

class SearchGate {
 public:
  // `slots`: searches computed at once; 0 lets every search in at once (no gate).
  explicit SearchGate(unsigned slots) : slots_(slots) {}
  SearchGate(const SearchGate&) = delete;
  SearchGate& operator=(const SearchGate&) = delete;

  // One search's turn: waits for it when made, gives it up when destroyed.
  class Turn {
   public:
    explicit Turn(SearchGate* gate);
    ~Turn();
    Turn(const Turn&) = delete;
    Turn& operator=(const Turn&) = delete;

   private:
    SearchGate* const gate_;
  };

  unsigned slots() const { return slots_; }

 private:
  const unsigned slots_;
  std::mutex mutex_;
  std::condition_variable turn_ended_;
  uint64_t next_ticket_ = 0;  // the ticket the next search to come takes
  uint64_t turns_ended_ = 0;  // searches done: ticket t may start once t < turns_ended_ + slots_
};

}  // namespace vnsearch

#endif  // VNSEARCH_SEARCHD_SEARCH_GATE_H_
