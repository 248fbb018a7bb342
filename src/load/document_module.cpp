// The entry point of cio-gap-documents.so (see load/document_readers.h): the only symbol the
// module exports.
#include "cio_gap/load/document_readers.h"
#include "cio_gap/load/pdf_reader.h"

extern "C" __attribute__((visibility("default"))) const cio_gap::DocumentReaders* cio_gap_document_readers() {
  static const cio_gap::DocumentReaders readers{CIO_GAP_VERSION, &cio_gap::read_pdf_posting, &cio_gap::read_office_posting};
  return &readers;
}
