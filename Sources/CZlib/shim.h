// zlib for reading rotated `.gz` mail logs (RelayLive's LogReader).
#include <zlib.h>
