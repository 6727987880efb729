import Foundation
import Testing

/// Usage errors in the reader's language, on one line, with "did you mean"; Spanish values and
/// global options wherever people type them (issue 21).
@Suite struct ArgumentErrorTests {
    func cli(_ language: String) throws -> CLI {
        var cli = try CLI()
        cli.language = language
        return cli
    }

    func expectUsage(_ result: CLI.Result, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.code == 64, sourceLocation: sourceLocation)
        #expect(result.stderr == "formation: error: \(line)\n", sourceLocation: sourceLocation)
    }

    @Test func mistypedCommandsAndOptionsSuggestTheRightOnes() throws {
        let es = try cli("es"), en = try cli("en")
        expectUsage(try es.run("sesion", "list", "--battle", "X"), "'sesion' no es una orden de 'formation'; ¿quiso decir session?")
        expectUsage(try en.run("battle", "lst"), "'lst' is not a command of 'formation battle'; did you mean list?")
        expectUsage(try es.run("help", "sesion", useDatabaseFlag: false), "'sesion' no es una orden de 'formation'; ¿quiso decir session?")
        expectUsage(try es.run("plant", "add", "P", "--state", "Sucre", "--ownersip", "state"),
                    "opción desconocida '--ownersip' para 'formation plant add'; ¿quiso decir --ownership?")
        expectUsage(try en.run("session", "list", "--batle", "B"),
                    "unknown option '--batle' for 'formation session list'; did you mean --battle?")
        expectUsage(try es.run("session", "add", "--battle", "B", "--facilitador", "Ana"),
                    "opción desconocida '--facilitador' para 'formation session add'; ¿quiso decir --facilitator?")
    }

    @Test func missingAndInvalidValuesAreOneLine() throws {
        let es = try cli("es")
        expectUsage(try es.run("session", "add", "--battle", "X"), "'formation session add' necesita --workshop: vea formation session add --help")
        expectUsage(try es.run("plant", "add", "P", "--state", "Sucre", "--ownership", "nacional"),
                    "'nacional' no es un valor válido para --ownership: use state, worker-controlled, private")
        expectUsage(try es.run("plant", "list", "extra"), "argumento inesperado 'extra' para 'formation plant list': vea formation plant list --help")
    }

    @Test func spanishValuesAreTaken() throws {
        let es = try cli("es")
        try #require(try es.run("plant", "add", "Indorca", "--state", "Bolívar", "--ownership", "control obrero").code == 0)
        try #require(try es.run("plant", "add", "Planta Estatal", "--state", "Sucre", "--ownership", "Estatal").code == 0)
        try #require(try es.run("person", "add", "Ana Rivas", "--plant", "Indorca", "--sector", "público").code == 0)
        let plants = try #require(try es.json("plant", "list") as? [[String: Any]])
        #expect(Set(plants.compactMap { $0["ownership"] as? String }) == ["worker-controlled", "state"])
        let people = try #require(try es.json("person", "list") as? [[String: Any]])
        #expect(people.first?["sector"] as? String == "public")
    }

    @Test func globalOptionsBeforeTheSubcommandAndAnUnknownLanguage() throws {
        let cli = try CLI()
        try #require(try cli.run("plant", "add", "La Gaviota", "--state", "Sucre").code == 0)
        let listed = try cli.run(arguments: ["--lang", "es", "--database", cli.database, "plant", "list"], useDatabaseFlag: false)
        #expect(listed.code == 0, "\(listed.stderr)")
        let help = try cli.run(arguments: ["--lang", "en", "battle", "--help"], useDatabaseFlag: false)
        #expect(help.code == 0)
        #expect(help.stdout.contains("formation battle <subcommand>"), "\(help.stdout)")
        let french = try cli.run(arguments: ["plant", "list"], environment: ["FORMATION_LANG": "fr"])
        #expect(french.code == 64)
        #expect(french.stderr == "formation: error: unknown language 'fr' in FORMATION_LANG: use es or en\n")
    }
}
