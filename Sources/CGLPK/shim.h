#ifndef SELFFORMATION_CGLPK_SHIM_H
#define SELFFORMATION_CGLPK_SHIM_H
#include <glpk.h>
#endif
