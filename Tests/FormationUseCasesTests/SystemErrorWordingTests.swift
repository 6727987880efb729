import FormationDomain
import Foundation
import Testing
@testable import FormationUseCases

/// File failures give the system's reason in the reader's language.
@Suite struct SystemErrorWordingTests {
    @Test func knownReasonsReadInSpanish() {
        let full = FileFailure.unwritable("/media/usb/b.xml", reason: String(cString: strerror(ENOSPC)))
        #expect(full.message.text(.es) == "/media/usb/b.xml: no se puede escribir (el disco está lleno)")
        #expect(full.message.text(.en).contains("the disk is full"))
        let readOnly = FileFailure.unwritable("/media/usb/b.xml", reason: String(cString: strerror(EROFS)))
        #expect(readOnly.message.text(.es).contains("es de solo lectura"))
        let failing = FileFailure.unreadable("/media/usb/b.xml", reason: String(cString: strerror(EIO)))
        #expect(failing.message.text(.es).contains("error de entrada/salida"))
        for code in SystemErrorWording.known.keys {
            let text = Message(.outputUnwritable, arguments: [.text("f"), SystemErrorWording.argument(String(cString: strerror(code)))]).text(.es)
            #expect(!text.contains(String(cString: strerror(code))), "errno \(code) left in English: \(text)")
        }
    }

    @Test func anUnknownReasonKeepsTheSystemsText() {
        #expect(SystemErrorWording.argument("Something unusual") == .text("Something unusual"))
    }
}
