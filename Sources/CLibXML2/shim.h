#ifndef SELFFORMATION_CLIBXML2_SHIM_H
#define SELFFORMATION_CLIBXML2_SHIM_H
// xmlversion.h first, then drop ICU: Debian's libxml2 headers would otherwise pull in the
// system ICU headers, which clash with Foundation's own ICU (STYLE.md, known traps).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

/// xmlFree is a global function-pointer variable; Swift 6 refuses it as shared mutable state.
static inline void sf_xmlFree(void *pointer) { xmlFree(pointer); }
#endif
