#ifndef SELFFORMATION_CLIBXML2_SHIM_H
#define SELFFORMATION_CLIBXML2_SHIM_H
// xmlversion.h first, then drop ICU: Debian's libxml2 headers would otherwise pull in the
// system ICU headers, which clash with Foundation's own ICU (STYLE.md, known traps).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/globals.h>

/// xmlFree is a global function-pointer variable; Swift 6 refuses it as shared mutable state.
static inline void sf_xmlFree(void *pointer) { xmlFree(pointer); }

/// A generic error handler that drops the message. Generic handlers are variadic, which Swift
/// cannot write, so the silencing lives here.
__attribute__((unused)) static void sf_ignoreGenericError(void *context, const char *message, ...) {
    (void) context;
    (void) message;
}

/// The calling thread's generic and structured error handlers, saved around one synchronous
/// parse so that libxml2 never prints to stderr and every error reaches our collector.
/// Both settings are thread-local in libxml2 (per-thread global state).
typedef struct {
    void *genericFunction;
    void *genericContext;
    xmlStructuredErrorFunc structuredFunction;
    void *structuredContext;
} sf_errorHandlers;

/// Installs `handler` (with `context`) as this thread's structured error handler and silences
/// generic errors; returns what was there, for `sf_restoreErrorHandlers`.
static inline sf_errorHandlers sf_installErrorHandlers(xmlStructuredErrorFunc handler, void *context) {
    sf_errorHandlers saved;
    saved.genericFunction = (void *) xmlGenericError;
    saved.genericContext = xmlGenericErrorContext;
    saved.structuredFunction = xmlStructuredError;
    saved.structuredContext = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(NULL, sf_ignoreGenericError);
    xmlSetStructuredErrorFunc(context, handler);
    return saved;
}

static inline void sf_restoreErrorHandlers(sf_errorHandlers saved) {
    xmlSetGenericErrorFunc(saved.genericContext, (xmlGenericErrorFunc) saved.genericFunction);
    xmlSetStructuredErrorFunc(saved.structuredContext, saved.structuredFunction);
}
#endif
