import Testing
import FormationDomain
@testable import FormationXML

/// `refuseUnwritable` checks UTF-8 bytes (issue 10: cheaper than decoding scalars); it must refuse
/// exactly what XML 1.0 cannot carry, as the scalar rule did.
@Suite struct XMLTextWritingTests {
    static func refused(_ text: String) -> Bool {
        (try? XMLTextWriting.refuseUnwritable(text, field: "f")) == nil
    }

    @Test func refusesExactlyTheScalarsXMLCannotCarry() {
        var scalars = Array(0...0xD7FF) + Array(0xE000...0x10FFFF).filter { $0 < 0x10000 || $0 % 97 == 0 || $0 >= 0x10FFF0 }
        scalars += [0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF]
        for value in scalars {
            let scalar = Unicode.Scalar(UInt32(value))!
            let unwritable = (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
            #expect(Self.refused("a\(scalar)b") == unwritable, "U+\(String(value, radix: 16))")
            #expect(Self.refused("\(scalar)") == unwritable, "U+\(String(value, radix: 16))")
        }
    }

    @Test func saysWhichFieldAndText() {
        #expect(throws: XMLWriteError(Message(.invalidValue, "title [en]", "bad\u{1}"))) {
            try XMLTextWriting.refuseUnwritable("bad\u{1}", field: "title [en]")
        }
    }
}
