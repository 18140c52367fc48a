#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H

#include <zlib.h>

/// `deflateInit2` / `inflateInit2` are function-like macros that pass
/// `ZLIB_VERSION` and `sizeof(z_stream)`; Swift cannot import function-like
/// macros, so expose them as real functions. `windowBits` 31 selects gzip.
static inline int czlib_deflate_init2(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}

static inline int czlib_inflate_init2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

#endif /* CZLIB_SHIM_H */
