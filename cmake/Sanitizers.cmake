# AddressSanitizer and UndefinedBehaviorSanitizer as an INTERFACE target: cio_gap_lib links it
# PUBLIC, so the library, the binary, the tests and the fuzz targets are all instrumented when
# CIO_GAP_SANITIZE is on (scripts/ci-hardening), and nothing changes when it is off.
option(CIO_GAP_SANITIZE "Build with -fsanitize=address,undefined (see scripts/ci-hardening)" OFF)
add_library(cio_gap_sanitizers INTERFACE)
if(CIO_GAP_SANITIZE OR CIO_GAP_BUILD_FUZZERS)
  # Any report is a failure: undefined behaviour aborts instead of printing and going on.
  set(CIO_GAP_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_compile_options(cio_gap_sanitizers INTERFACE ${CIO_GAP_SANITIZER_FLAGS})
  target_link_options(cio_gap_sanitizers INTERFACE ${CIO_GAP_SANITIZER_FLAGS})
endif()
