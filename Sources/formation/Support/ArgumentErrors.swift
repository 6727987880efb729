import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
import Foundation

/// What a person typed on the command line, made ready for swift-argument-parser, and its usage
/// errors said in the reader's language, on one line, with "did you mean" where a word was
/// mistyped. The parser's own texts are English and several lines long.
enum ArgumentErrors {
    /// The options every command takes, which people also type before the subcommand
    /// (`formation --lang en battle list`), where the parser does not look for them.
    static let globalOptions = ["--lang", "--database"]

    /// `arguments` with global options typed before the subcommand moved after it. With a help
    /// request they are dropped: the language was read from the raw arguments already.
    static func arranged(_ arguments: [String]) -> [String] {
        var leading: [String] = [], rest = arguments[...]
        while let first = rest.first, let option = globalOptions.first(where: { first == $0 || first.hasPrefix($0 + "=") }) {
            leading.append(first)
            rest = rest.dropFirst()
            if first == option, let value = rest.first {
                leading.append(value)
                rest = rest.dropFirst()
            }
        }
        let asksForHelp = rest.contains { $0 == "--help" || $0 == "-h" } || rest.first == "help"
        return Array(rest) + (asksForHelp ? [] : leading)
    }

    /// The subcommands named in `arguments` (`help` aside), and the first word that names none
    /// where a subcommand was expected.
    static func walk(_ arguments: [String]) -> (path: [any ParsableCommand.Type], unknown: String?) {
        var path: [any ParsableCommand.Type] = [Formation.self]
        for word in arguments.drop(while: { $0 == "help" }) {
            guard !word.hasPrefix("-") else { break }
            let subcommands = path.last!.configuration.subcommands
            guard !subcommands.isEmpty else { break }
            guard let next = subcommands.first(where: { $0.configuration.commandName == word }) else { return (path, word) }
            path.append(next)
        }
        return (path, nil)
    }

    static func commandLine(_ path: [any ParsableCommand.Type]) -> String {
        path.compactMap { $0.configuration.commandName }.joined(separator: " ")
    }

    /// One line for a word where a subcommand was expected.
    static func unknownCommand(_ word: String, path: [any ParsableCommand.Type]) -> Message {
        let names = path.last!.configuration.subcommands.compactMap { $0.configuration.commandName }
        let near = Suggestions.nearest(to: word, among: names)
        return near.isEmpty ? Message(.argUnknownCommand, word, commandLine(path))
            : Message(.argUnknownCommandSuggesting, word, commandLine(path), near.joined(separator: ", "))
    }

    /// The first `--option` in `arguments` that the command at the end of `path` does not take: said
    /// before anything else, since the parser would first complain of the option it replaced
    /// (`--facilitador` for `--facilitator` reads as a missing `--facilitator`).
    static func unknownOption(in arguments: [String], path: [any ParsableCommand.Type]) -> Message? {
        guard let command = path.last, command.configuration.subcommands.isEmpty else { return nil }
        let known = Set(optionNames(of: command) + ["--version"])
        for argument in arguments.prefix(while: { $0 != "--" }) where argument.hasPrefix("--") && argument.count > 2 {
            let name = String(argument.prefix { $0 != "=" })
            if !known.contains(name) { return oneLine("Unknown option '\(name)'", path: path) }
        }
        return nil
    }

    /// The parser's message for a usage error, as one line in the reader's language.
    static func oneLine(_ parserText: String, path: [any ParsableCommand.Type]) -> Message {
        let first = parserText.split(separator: "\n").first.map(String.init) ?? parserText
        let text = first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first
        let command = commandLine(path)
        if let option = captured(text, "Unknown option '", "'") {
            let options = optionNames(of: path.last!)
            let near = Suggestions.nearest(to: option, among: options)
            return near.isEmpty ? Message(.argUnknownOption, option, command)
                : Message(.argUnknownOptionSuggesting, option, command, near.joined(separator: ", "))
        }
        if let missing = captured(text, "Missing expected argument '", "'") ?? captured(text, "Missing value for '", "'") {
            return Message(.argMissing, String(missing.split(separator: " ").first ?? Substring(missing)), command)
        }
        if let value = captured(text, "The value '", "' is invalid for '"), let rest = text.range(of: "' is invalid for '") {
            let option = String(text[rest.upperBound...].prefix { $0 != "'" }.split(separator: " ").first ?? "")
            // "'state', 'worker-controlled' or 'private'." → the values alone, in any language.
            let choices = text.range(of: "Please provide one of ").map { range in
                text[range.upperBound...].split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            } ?? []
            return Message(.argInvalidValue, value, option, choices.joined(separator: ", "))
        }
        if let argument = captured(text, "Unexpected argument '", "'") {
            return Message(.argUnexpected, argument, command)
        }
        return Message(.argOther, text)
    }

    /// The long options a command takes, read from its usage line.
    private static func optionNames(of command: any ParsableCommand.Type) -> [String] {
        let usage = Formation.usageString(for: command)
        var names: [String] = []
        var scanner = usage[...]
        while let start = scanner.range(of: "--") {
            let name = scanner[start.lowerBound...].prefix { $0 == "-" || $0.isLetter }
            if name.count > 2 { names.append(String(name)) }
            scanner = scanner[start.upperBound...]
        }
        return Array(Set(names + ["--help"])).sorted()
    }

    private static func captured(_ text: String, _ before: String, _ after: String) -> String? {
        guard let start = text.range(of: before) else { return nil }
        let tail = text[start.upperBound...]
        guard let end = tail.range(of: after) else { return nil }
        return String(tail[..<end.lowerBound])
    }
}
