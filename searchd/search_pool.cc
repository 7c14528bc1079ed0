// search_gate: tickets in order of arrival. Searches end in any order, but each end lets the
// next ticket in, so the searches running are always the oldest waiting ones.

#include "searchd/search_gate.h"

namespace vnsearch {

SearchGate::Turn::Turn(SearchGate* gate) : gate_(gate) {
  if (gate_->slots_ == 0) return;
  std::unique_lock<std::mutex> lock(gate_->mutex_);
  uint64_t ticket = gate_->next_ticket_++;
  gate_->turn_ended_.wait(lock, [&] { return ticket < gate_->turns_ended_ + gate_->slots_; });
}

SearchGate::Turn::~Turn() {
  if (gate_->slots_ == 0) return;
  {
    std::lock_guard<std::mutex> lock(gate_->mutex_);
    ++gate_->turns_ended_;
  }
  gate_->turn_ended_.notify_all();
}

}  // namespace vnsearch
