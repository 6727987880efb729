// SQLite's session extension (changesets for the change log and undo). Debian's libsqlite3 is built
// with both options; sqlite3.h declares the API only when they are defined before it is included.
#ifndef SQLITE_ENABLE_SESSION
#define SQLITE_ENABLE_SESSION 1
#endif
#ifndef SQLITE_ENABLE_PREUPDATE_HOOK
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#endif
#include <sqlite3.h>

/// Every conflict met while undoing aborts the whole undo (the caller names the later change).
static inline int formation_changeset_abort_on_conflict(void *context, int conflict, sqlite3_changeset_iter *iterator) {
    (void)context; (void)conflict; (void)iterator;
    return SQLITE_CHANGESET_ABORT;
}
