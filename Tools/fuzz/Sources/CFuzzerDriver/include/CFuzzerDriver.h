#ifndef CFUZZERDRIVER_H
#define CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, from LLVM's `FuzzerInterface.h`: parses libFuzzer's flags from `argc`/`argv` and fuzzes
/// `callback`. Provided by the runtime that `-sanitize=fuzzer` links.
///
/// SwiftPM links every executable with `main` aliased to `<Module>_main`, so libFuzzer's own `main` is never
/// used; each harness defines `<Module>_main` and calls this instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif /* CFUZZERDRIVER_H */
