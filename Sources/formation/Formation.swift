import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
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
                SessionCommand.self, ShiftCommand.self, Attend.self, ReportCommand<PersonHistory>.self,
                Import.self, Validate.self,
                BackupCommand.self, CheckCommand.self, LogCommand.self, UndoCommand.self,
                ServeCommand.self,
            ])
    }

    /// Parses, runs, and turns every failure into one line on stderr and a sysexits code
    /// (DESIGN.md §4). Usage errors are one line in the reader's language, exit 64.
    /// A broken pipe is an error of `write(2)` (SIGPIPE ignored), so that it becomes exit 74 like a
    /// full disk; so does a message that stderr refused, after the command has done its work.
    /// Ends the process with `code`. Every byte was written with `write(2)`, so nothing is left in a
    /// buffer; when a solver search abandoned at its time limit still runs (`battle plan`), `_exit`
    /// ends it without running C++ static destructors that thread may still be using.
    static func end(_ code: Int32) -> Never {
        if BattlePlanning.solverStillRunning { _exit(code) }
        Foundation.exit(code)
    }

    static func main() {
        signal(SIGPIPE, SIG_IGN)
        // Ctrl-C and SIGTERM reach us even when the program that started us had them blocked
        // (a blocked mask is inherited across exec: a test runner's worker thread, some
        // supervisors): otherwise an import could not be interrupted, nor the board stopped.
        var stopping = sigset_t()
        sigemptyset(&stopping)
        for stop in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stopping, stop) }
        pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
        // A closed stdin, stdout or stderr (`>&-`) gets /dev/null read-only in its place: writes
        // there fail (exit 74) instead of landing in the next file opened, which would take fd 1.
        for descriptor: Int32 in 0 ... 2 where fcntl(descriptor, F_GETFD) == -1 {
            let placeholder = open("/dev/null", O_RDONLY)
            if placeholder >= 0, placeholder != descriptor { dup2(placeholder, descriptor); close(placeholder) }
        }
        let language = Help.language
        if let value = ProcessInfo.processInfo.environment["FORMATION_LANG"], !value.isEmpty, Language(code: value) == nil {
            Terminal.error(Message(.langEnvironmentInvalid, value).text(language))
            end(ExitCodes.usage)
        }
        let arguments = ArgumentErrors.arranged(Array(CommandLine.arguments.dropFirst()))
        let (path, unknown) = ArgumentErrors.walk(arguments)
        if let unknown {
            Terminal.error(ArgumentErrors.unknownCommand(unknown, path: path).text(language))
            end(ExitCodes.usage)
        }
        if let unknown = ArgumentErrors.unknownOption(in: arguments, path: path) {
            Terminal.error(unknown.text(language))
            end(ExitCodes.usage)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            end(Terminal.standardErrorFailed ? ExitCodes.ioError : 0)
        } catch let failure as any LocalizedFailure {
            Terminal.error(failure.message.text(language))
            end(ExitCodes.code(for: failure))
        } catch let refused as ScheduleRefused {
            for line in ScheduleOutput.refused(refused, language).lines { Terminal.standardError(line) }
            end(ExitCodes.dataError)
        } catch let refused as ShiftRefused {
            for problem in refused.problems { Terminal.error(problem.message.text(language)) }
            end(ExitCodes.dataError)
        } catch let failure as CommandFailure {
            for line in failure.lines { Terminal.standardError(line) }
            end(failure.code)
        } catch {
            // swift-argument-parser's own texts (help, version, usage errors) through the same
            // writes as ours, rather than its `print`, which loses them silently on a full disk.
            let code = exitCode(for: error)
            var text = fullMessage(for: error)
            if code == .success {
                text = HelpLocalization.localized(text, language)
                if !text.isEmpty {
                    do { try Terminal.data(text) } catch let failure as OutputFailure {
                        Terminal.error(failure.message.text(language))
                        end(ExitCodes.ioError)
                    } catch {}
                }
            } else if code == .validationFailure, !text.isEmpty {
                // A usage error: one line in the reader's language, with "did you mean".
                Terminal.error(ArgumentErrors.oneLine(text, path: path).text(language))
            } else if !text.isEmpty {
                Terminal.standardError(text)
            }
            end(code.rawValue)
        }
    }
}
