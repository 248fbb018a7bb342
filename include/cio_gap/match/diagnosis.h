#pragma once

#include <span>
#include <vector>

#include "cio_gap/model/posting.h"
#include "cio_gap/text/segmenter.h"

namespace cio_gap {

/// Why a posting with these sentences and findings demands nothing: no_role_text when no
/// sentence lies outside a boilerplate section (or there is none), no_qualifications when
/// there is role text but no finding; none when it demands something.
Diagnosis diagnose(std::span<const Sentence> sentences, const std::vector<Finding>& findings);

}  // namespace cio_gap
