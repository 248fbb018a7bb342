# Warnings as an INTERFACE target: every project target links it, dependencies do not see it.
add_library(cio_gap_warnings INTERFACE)
target_compile_options(cio_gap_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
option(CIO_GAP_WERROR "Treat warnings as errors" OFF)
if(CIO_GAP_WERROR)
  target_compile_options(cio_gap_warnings INTERFACE -Werror)
endif()
