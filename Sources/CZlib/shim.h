// Exposes the system zlib (deflate, crc32) to Swift.
#include <zlib.h>
