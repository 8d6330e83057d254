#ifndef DAGFORGE_CGIT2_SHIM_H
#define DAGFORGE_CGIT2_SHIM_H
#include <git2.h>
#endif
