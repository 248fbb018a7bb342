#include "cio_gap/cli/cli.h"

int main(int argc, char** argv) { return cio_gap::run_cli(argc, argv); }
