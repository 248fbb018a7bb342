#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cio_gap {

/// Whether `path` names standard output: "-" or "/dev/stdout".
bool is_standard_output(std::string_view path);

/// Writes `text` to the file `path` as its kind asks:
/// - a regular file (new or existing) is replaced atomically: the text goes to a temporary file
///   in the same folder, flushed to disk, then renamed over the path, so a reader never sees
///   half a report. A new file gets 0666 less the umask; an existing one keeps its mode (and,
///   when allowed, its owner and group).
/// - a symbolic link is followed: the file it points at is replaced as above (or written
///   through when it is not a regular file) and the link stays a link.
/// - anything else that exists (a character device such as /dev/null, a FIFO, a terminal,
///   /proc/self/fd/N) is opened and written through; it is never replaced.
/// Throws Error "path: reason" on failure; a temporary file never outlives a failure.
void write_output_file(const std::string& path, std::string_view text);

/// Receives a piece of an output's text.
using OutputPieceSink = std::function<void(std::string_view)>;
/// Writes an output's text, piece by piece, to the sink it is given.
using OutputProducer = std::function<void(const OutputPieceSink&)>;

/// As write_output_file, but the text is written piece by piece as `text` produces it, so a
/// large report is never held whole. Whatever `text` throws leaves no file behind.
void write_output_file_by_pieces(const std::string& path, const OutputProducer& text);

/// Throws Error when `output` is one of `inputs` (the same device and inode, whatever the
/// names or links): "OUTPUT: is an input of this run (INPUT); write the output elsewhere".
/// Inputs that do not exist are passed over.
void refuse_input_as_output(const std::string& output, const std::vector<std::string>& inputs);

/// Throws Error when two of `outputs` name the same file (the same path, or the same device
/// and inode): "OUTPUT: written twice in one run (from FIRST and SECOND)". `origins[i]` says
/// where outputs[i] comes from.
void refuse_duplicate_outputs(const std::vector<std::string>& outputs, const std::vector<std::string>& origins);

}  // namespace cio_gap
