import FormationDomain
import Testing
@testable import FormationUseCases

/// The change log reads in the reader's language, down to why a change cannot be undone.
@Suite struct ChangeLogWordingTests {
    @Test func aChangeTooLargeToUndoSaysSoInSpanish() {
        let reason = ChangeLog.reasonNotUndoable("changeset of 22.6 MB, over the 16.0 MB kept for undo")
        #expect(Message(.logNotUndoable, arguments: [reason]).text(.es) == "(no se puede deshacer: el cambio ocupa 22.6 MB, más de los 16.0 MB que se guardan para deshacer)")
        #expect(Message(.undoNotUndoable, arguments: [.text("7"), reason]).text(.en).contains("changeset of 22.6 MB"))
        #expect(ChangeLog.reasonNotUndoable("something else") == .text("something else"))
    }
}

/// A PIN refused for want of memory is not told to the facilitator as a badly typed PIN.
@Suite struct PINRefusedWordingTests {
    @Test func aHashThatCannotRunIsNotABadPIN() {
        #expect(PINRefused.invalid.message.text(.es) == "un PIN tiene de 4 a 12 cifras")
        #expect(PINRefused.unavailable.message.id == .pinUnavailable)
        #expect(PINRefused.unavailable.message.text(.es).contains("libsodium"))
    }
}
