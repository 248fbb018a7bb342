# Writes OUTPUT: a C++ source holding every RULES_DIR/*.yaml as a string, in sorted order,
# so the default rules ship inside the binary.
file(GLOB rule_files ${RULES_DIR}/*.yaml)
list(SORT rule_files)
set(body "")
foreach(path IN LISTS rule_files)
  get_filename_component(name ${path} NAME)
  file(READ ${path} content)
  string(FIND "${content}" ")cio_gap_rules\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${path} contains the embedding delimiter")
  endif()
  string(APPEND body "    {\"rules/${name}\", R\"cio_gap_rules(${content})cio_gap_rules\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp
"// Generated from rules/*.yaml by cmake/EmbedRules.cmake; do not edit.
#include \"cio_gap/load/embedded_rules.h\"

namespace cio_gap {

const std::vector<EmbeddedFile>& embedded_rule_files() {
  static const std::vector<EmbeddedFile> files = {
${body}  };
  return files;
}

}  // namespace cio_gap
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
