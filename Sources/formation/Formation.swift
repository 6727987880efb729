import ArgumentParser
import FormationDomain
import FormationUseCases
import Foundation

/// `formation`: the self-formation programme of the Productive Workers' Army, offline on one machine.
///
/// Every command states its `commandName`: without it swift-argument-parser derives the name with
/// `String(describing:)` at each start, a protocol-conformance search of the whole binary per
/// command, which was half of process start (64 -> 30 M instructions for `--version`, BENCHMARKS.md).
@main
struct Formation: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "formation",
            abstract: Help.text(.helpFormation),
            version: "0.1.0",
            subcommands: [
                PlantCommand.self, PersonCommand.self, BattleCommand.self,
                CurriculumCommand.self, WorkshopCommand.self,
                SessionCommand.self, ShiftCommand.self, Attend.self, HistoryCommand.self,
                Import.self, Validate.self,
                BackupCommand.self, CheckCommand.self,
            ])
    }

    /// Parses, runs, and turns every failure into one line on stderr and a sysexits code
    /// (DESIGN.md §4). Argument errors keep swift-argument-parser's own message and exit 64.
    static func main() {
        let language = Help.language
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as any LocalizedFailure {
            Terminal.error(failure.message.text(language))
            Foundation.exit(ExitCodes.code(for: failure))
        } catch let refused as ScheduleRefused {
            for line in ScheduleOutput.refused(refused, language).lines { Terminal.standardError(line) }
            Foundation.exit(ExitCodes.dataError)
        } catch let refused as ShiftRefused {
            for problem in refused.problems { Terminal.error(problem.message.text(language)) }
            Foundation.exit(ExitCodes.dataError)
        } catch let failure as CommandFailure {
            for line in failure.lines { Terminal.standardError(line) }
            Foundation.exit(failure.code)
        } catch {
            exit(withError: error)
        }
    }
}
