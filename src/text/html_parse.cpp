#include "cio_gap/text/html_parse.h"

#include <csetjmp>
#include <cstdlib>

namespace cio_gap {
namespace {

// gumbo's allocations for one parse, counted against a budget and linked in a list. gumbo
// cannot be told to stop and does not expect an allocation to fail, so when the budget runs
// out (or malloc fails) the allocator jumps back to where the parse began and every block
// still in the list is freed. That is sound here: gumbo is C, keeps all its state in the
// blocks it allocated through us, holds no lock and no global state, and the jump leaves only
// gumbo's frames and the allocator's, none of which owns an object with a destructor.
struct alignas(std::max_align_t) BlockHeader {
  BlockHeader* previous;
  BlockHeader* next;
  std::size_t size;
};

// What a block costs beyond its size: the header and malloc's own (16 bytes with glibc).
constexpr std::size_t kBlockOverhead = sizeof(BlockHeader) + 16;

struct ParseBudget {
  std::size_t live = 0;   // bytes gumbo holds now
  std::size_t limit = 0;  // bytes it may hold
  BlockHeader blocks{&blocks, &blocks, 0};  // the blocks it holds, in a ring
  std::jmp_buf over_budget;
};

void* budget_allocate(void* userdata, std::size_t size) {
  auto* budget = static_cast<ParseBudget*>(userdata);
  void* memory = nullptr;
  if (size + kBlockOverhead <= budget->limit - budget->live) memory = std::malloc(sizeof(BlockHeader) + size);
  if (memory == nullptr) std::longjmp(budget->over_budget, 1);
  auto* header = static_cast<BlockHeader*>(memory);
  header->size = size;
  header->previous = &budget->blocks;
  header->next = budget->blocks.next;
  budget->blocks.next->previous = header;
  budget->blocks.next = header;
  budget->live += size + kBlockOverhead;
  return header + 1;
}

void budget_deallocate(void* userdata, void* pointer) {
  if (pointer == nullptr) return;
  auto* budget = static_cast<ParseBudget*>(userdata);
  BlockHeader* header = static_cast<BlockHeader*>(pointer) - 1;
  header->previous->next = header->next;
  header->next->previous = header->previous;
  budget->live -= header->size + kBlockOverhead;
  std::free(header);
}

// Runs gumbo; nullptr when the budget ran out. Holds nothing with a destructor, as the
// allocator may jump back into it.
GumboOutput* parse_within(ParseBudget* budget, const GumboOptions* options, const char* html, std::size_t size) {
  if (setjmp(budget->over_budget) != 0) return nullptr;
  return gumbo_parse_with_options(options, html, size);
}

}  // namespace

// The budget is a member only through this handle, so that the header needs no <csetjmp>.
struct HtmlParse::Budget : ParseBudget {};

std::size_t html_parse_budget(std::size_t html_bytes) {
  return kHtmlParseBaseBytes + kHtmlParseBytesPerByte * html_bytes;
}

HtmlParse::HtmlParse(std::string_view html, std::size_t limit, GumboTag fragment_context)
    : budget_(std::make_unique<Budget>()) {
  budget_->limit = limit;
  options_ = kGumboDefaultOptions;
  options_.allocator = budget_allocate;
  options_.deallocator = budget_deallocate;
  options_.userdata = static_cast<ParseBudget*>(budget_.get());
  options_.max_errors = 0;  // we never read the error list; do not let a broken page fill it
  options_.fragment_context = fragment_context;
  output_ = parse_within(budget_.get(), &options_, html.data(), html.size());
  if (output_ == nullptr) {
    while (budget_->blocks.next != &budget_->blocks) budget_deallocate(options_.userdata, budget_->blocks.next + 1);
  }
}

HtmlParse::~HtmlParse() {
  if (output_ != nullptr) gumbo_destroy_output(&options_, output_);
}

std::size_t HtmlParse::limit() const { return budget_->limit; }

}  // namespace cio_gap
