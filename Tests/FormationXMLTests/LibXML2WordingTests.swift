import Foundation
import FormationDomain
import Testing
@testable import FormationXML

/// libxml2's common errors read in the reader's language, with what they name kept.
@Suite struct LibXML2WordingTests {
    static let parserCases: [(String, String)] = [
        ("Opening and ending tag mismatch: title line 11 and titel", "la etiqueta de cierre </titel> no corresponde a <title>, abierta en la línea 11"),
        ("Input is not proper UTF-8, indicate encoding ! Bytes: 0xF1 0x6F 0x3C 0x2F", "el archivo no está en UTF-8"),
        ("Premature end of data in tag workshop line 4", "el archivo termina antes de cerrar <workshop>, abierta en la línea 4"),
        ("Couldn't find end of Start Tag title line 7", "a la etiqueta <title> de la línea 7 le falta"),
        ("Extra content at the end of the document", "hay contenido después del final del documento"),
        ("Document is empty", "el documento está vacío"),
        ("Attribute id redefined", "el atributo 'id' aparece dos veces"),
        ("Specification mandates value for attribute id", "el atributo 'id' no tiene valor"),
        ("AttValue: \" or ' expected", "el valor de un atributo va entre comillas"),
        ("StartTag: invalid element name", "un '<' que no empieza un nombre de elemento válido"),
        ("Namespace prefix x on title is not defined", "el prefijo de espacio de nombres 'x' de 'title' no está definido"),
    ]

    static let schemaCases: [(String, String)] = [
        ("Element 'participant': The attribute 'person' is required but missing.", "elemento 'participant': falta el atributo obligatorio 'person'"),
        ("Element 'homework': This element is not expected. Expected is one of ( materials, outline ).",
         "elemento 'homework': este elemento no va aquí; se esperaba: materials, outline"),
        ("Element 'extra': This element is not expected.", "elemento 'extra': este elemento no va aquí"),
        ("Element 'workshop': Missing child element(s). Expected is ( title ).", "elemento 'workshop': faltan elementos; se esperaba: title"),
        ("Element 'workshop', attribute 'category': [facet 'enumeration'] The value 'cooking' is not an element of the set {'technical', 'safety'}.",
         "elemento 'workshop', atributo 'category': 'cooking' no es uno de {'technical', 'safety'}"),
        ("Element 'workshop', attribute 'minutes': [facet 'maxInclusive'] The value '2000' is greater than the maximum value allowed ('1440').",
         "'2000' es mayor que el máximo, 1440"),
        ("Element 'workshop', attribute 'minutes': [facet 'minInclusive'] The value '0' is less than the minimum value allowed ('1').",
         "'0' es menor que el mínimo, 1"),
        ("Element 'workshop', attribute 'minutes': 'ten' is not a valid value of the atomic type 'xs:positiveInteger'.",
         "'ten' no es un valor válido de tipo xs:positiveInteger"),
        ("Element 'workshop', attribute 'id': [facet 'pattern'] The value 'Bad Id' is not accepted by the pattern '[a-z0-9][a-z0-9.\\-]{0,63}'.",
         "identificador mal formado 'Bad Id'"),
        ("Element 'title': [facet 'pattern'] The value '   ' is not accepted by the pattern '[\\s\\S]*\\S[\\s\\S]*'.",
         "elemento 'title': el texto está vacío o tiene solo espacios"),
        ("Element 'workshop', attribute 'colour': The attribute 'colour' is not allowed.", "el atributo 'colour' no va aquí"),
        ("Element 'workshops': Character content other than whitespace is not allowed because the content type is 'element-only'.",
         "aquí no va texto, solo elementos"),
    ]

    @Test(arguments: parserCases)
    func parserErrorsReadInSpanish(_ english: String, _ spanish: String) {
        let argument = LibXML2Wording.parser(english)
        guard case .message = argument else { Issue.record("not recognised: \(english)"); return }
        let text = Message(.xmlNotWellFormed, arguments: [argument]).text(.es)
        #expect(text.hasPrefix("XML mal formado: "))
        #expect(text.contains(spanish), "\(text)")
    }

    @Test(arguments: schemaCases)
    func schemaErrorsReadInSpanish(_ english: String, _ spanish: String) {
        let argument = LibXML2Wording.schema(english)
        let text = Message(.xmlSchemaViolation, arguments: [argument]).text(.es)
        #expect(text.contains(spanish), "\(text)")
        #expect(!text.contains("Element") && !text.contains("The value"), "\(text)")
    }

    @Test func anUnknownTextIsKeptAsLibxml2WordedIt() {
        #expect(LibXML2Wording.parser("Something new in libxml2 3.0") == .text("Something new in libxml2 3.0"))
        #expect(LibXML2Wording.schema("Element 'a': Something new.") == .message(Message(.xmlSchemaAt, arguments: [.text("a"), .text("Something new.")])))
    }

    /// A pack saved as ANSI (Latin-1) by a Windows editor, read for real.
    @Test func aPackSavedAsANSIIsToldToSaveItAsUTF8() {
        var bytes = Array("<?xml version=\"1.0\"?>\n<curriculum xmlns=\"urn:selfformation:curriculum:1\"><title>Dise".utf8)
        bytes += [0xF1, 0x6F] + Array("</title></curriculum>\n".utf8)
        let texts = messages(read(.bytes(bytes)))
        #expect(texts.contains { $0.contains("vuelva a guardarlo como UTF-8") }, "\(texts)")
    }

    func messages(_ result: Result<PositionedCurriculum, XMLReadFailure>) -> [String] {
        guard case .failure(let failure) = result else { return [] }
        return failure.issues.map { $0.message.text(.es) }
    }
}
