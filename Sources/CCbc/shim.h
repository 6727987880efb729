#ifndef SELFFORMATION_CCBC_SHIM_H
#define SELFFORMATION_CCBC_SHIM_H
// COIN-OR CBC's C interface (apt: coinor-libcbc-dev; pkg-config cbc), the MIP solver behind
// `battle plan`. Only FormationPlanning sees it, behind `internal import`.
#include <coin/Cbc_C_Interface.h>
#endif
