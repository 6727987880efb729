import ArgumentParser
import FormationDomain
import FormationUseCases
import FormationViews
import FormationWeb
import Foundation

/// `formation serve [--bind ADDRESS] [--port N]`: the plant's board until Ctrl-C or SIGTERM.
struct ServeCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "serve", abstract: Help.text(.helpServe)) }
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: ArgumentHelp(Help.text(.helpServeBind), valueName: "address")) var bind = "127.0.0.1"
    @Option(name: .long, help: ArgumentHelp(Help.text(.helpServePort), valueName: "port")) var port = 8080

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError(Help.text(.helpServePortInvalid, String(port))) }
    }

    /// Serves until a signal stops it; says where to point a phone, and that it stopped.
    ///
    /// The server is asynchronous and the command is not: `run` waits on a semaphore while the
    /// server's task runs on the concurrency pool (the main thread is not one of its threads).
    func run() throws {
        let language = global.language
        // Writes (attendance from a phone) create nothing: the database must already exist. Pages
        // are read side by side, one connection per core and a spare, while writes take turns.
        let board = Board(store: try global.openStore(readers: ProcessInfo.processInfo.activeProcessorCount + 1))
        if bind == "0.0.0.0" || bind == "::" {
            for address in NetworkAddresses.local() {
                Terminal.standardError(Message(.webServingOpen, address, String(port)).text(language))
            }
        }
        Terminal.standardError(Message(.webServing, bind, String(port)).text(language))
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let app = board.application(host: bind, port: port)
        Task {
            do { try await app.runService() } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            throw CommandFailure(lines: ["formation: " + String(describing: error)], code: ExitCodes.ioError)
        }
        Terminal.standardError(Message(.webStopped).text(language))
    }
}

/// The server task's error, read by `run` only after the semaphore says the task is over.
/// `@unchecked Sendable`: written once by that task before `signal()`, read after `wait()`.
private final class Outcome: @unchecked Sendable {
    var error: (any Error)?
}
