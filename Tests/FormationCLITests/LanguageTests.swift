import Foundation
import Testing

/// Issue 6: the same scenario in Spanish and English gives the same JSON and exit codes, and
/// text fully in the chosen language.
@Suite struct LanguageTests {
    /// Runs one scenario and returns every command's (stdout-if-JSON, exit code), and all text output.
    func scenario(_ environment: [String: String]) throws -> (json: [String], codes: [Int32], text: String) {
        var cli = try CLI()
        cli.language = ""
        var json: [String] = [], codes: [Int32] = [], text = ""
        func step(_ arguments: String...) throws { try step(arguments: arguments) }
        func step(arguments: [String]) throws {
            let result = try cli.run(arguments: arguments, environment: environment)
            codes.append(result.code)
            if arguments.contains("json") { json.append(Self.normalised(result.stdout)) } else { text += result.stdout + result.stderr }
        }
        try step(arguments: ["import", "--verbose"] + CurriculumCommandTests.packs)
        try step("plant", "add", "Amuay", "--state", "Falcón", "--ownership", "state")
        try step("plant", "add", "Amuay", "--state", "Falcón")
        try step("person", "add", "Ana Rivas", "--plant", "Amuay")
        try step("person", "show", "Nadie")
        try step("battle", "add", "Batalla de Amuay", "--plant", "Amuay", "--start", "2026-12-01", "--end", "2026-12-05",
                 "--time-zone", "America/Caracas")
        try step("battle", "add", "Otra", "--plant", "Amuay", "--start", "2026-12-05", "--end", "2026-12-01")
        try step("session", "add", "--battle", "Batalla de Amuay", "--workshop", "lockout-tagout", "--start", "2026-12-01 08:00",
                 "--end", "2026-12-01 11:00", "--place", "Patio", "--facilitator", "Ana Rivas")
        try step("session", "add", "--battle", "Batalla de Amuay", "--workshop", "lockout-tagout", "--start", "2026-12-01 08:00",
                 "--end", "2026-12-01 11:00", "--place", "Patio", "--facilitator", "Ana Rivas", "--force")
        try step("battle", "show", "Batalla de Amuay")
        try step("workshop", "show", "lockout-tagout")
        try step("plant", "list", "--format", "json")
        try step("person", "list", "--format", "json")
        try step("battle", "list", "--format", "json")
        try step("curriculum", "list", "--format", "json")
        try step("workshop", "show", "lockout-tagout", "--format", "json")
        try step("battle", "check", "Batalla de Amuay", "--format", "json")
        return (json, codes, text)
    }

    /// Ids are random per run: replace UUIDs so the two runs compare.
    static func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", with: "<id>", options: .regularExpression)
            .replacingOccurrences(of: "\\[[0-9a-f]{8}\\]", with: "[<id>]", options: .regularExpression)
    }

    @Test func sameJSONAndExitCodesInBothLanguages() throws {
        let spanish = try scenario(["LANG": "es_VE.UTF-8"])
        let english = try scenario(["LANG": "en_US.UTF-8"])
        #expect(spanish.codes == english.codes)
        #expect(spanish.codes == [0, 0, 65, 0, 65, 0, 65, 65, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(spanish.json == english.json)
        #expect(spanish.text != english.text)
    }

    @Test func spanishTextReadsInSpanish() throws {
        let spanish = try scenario(["LANG": "es_VE.UTF-8"]).text
        for phrase in ["ya existe un registro de planta llamado 'Amuay'", "ninguna persona coincide con 'Nadie'",
                       "el final (2026-12-01) es anterior al inicio (2026-12-05)", "nunca ha asistido ni ha dado",
                       "conflicto registrado", "martes 1 de diciembre de 2026", "Objetivos:", "Plan de actividades:",
                       "versión 1 agregada"] {
            #expect(spanish.contains(phrase), "missing: \(phrase)")
        }
        for english in ["already exists", "no person matches", "comes before", "Objectives:", "recorded conflict", "added ("] {
            #expect(!spanish.contains(english), "English leaked into Spanish: \(english)")
        }
    }

    @Test func languageFlagBeatsEnvironment() throws {
        let cli = try CLI()
        try #require(try cli.run("plant", "add", "La Gaviota", "--state", "Sucre").code == 0)
        let result = try cli.run("person", "show", "Nadie", "--lang", "es", environment: ["FORMATION_LANG": "en", "LANG": "en_US.UTF-8"])
        #expect(result.stderr == "formation: error: ninguna persona coincide con 'Nadie'\n")
        let help = try cli.run("plant", "--help", environment: ["LANG": "es_VE.UTF-8", "FORMATION_LANG": ""])
        #expect(help.stdout.contains("Plantas donde se dan las batallas."))
    }
}
