#ifndef CMALLOC_SHIM_H
#define CMALLOC_SHIM_H

/// glibc's `malloc_trim` (`<malloc.h>`, which Swift's Glibc module does not include). Linux only.
#if defined(__linux__)
#include <malloc.h>
#endif

#endif /* CMALLOC_SHIM_H */
