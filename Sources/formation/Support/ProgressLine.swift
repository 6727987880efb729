import Foundation
import FormationUseCases
import FormationViews

/// One line on stderr redrawn in place while long work runs, only when stderr is a
/// terminal: nothing at all is written to a pipe or a file.
///
/// `@unchecked Sendable`: the shared flags are read and written under `State.lock`; the timer is
/// only resumed and cancelled.
final class ProgressLine: @unchecked Sendable {
    /// What the timer's handler shares with `stop()`; the handler holds it, not the line, so that a
    /// redraw already running when the line goes away touches nothing freed.
    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var stopped = false
        var drawn = false
    }

    private let state = State()
    private let timer: any DispatchSourceTimer

    /// Starts redrawing `render()` every quarter of a second, after half a second (quick commands
    /// show nothing); nil when stderr is not a terminal.
    init?(_ render: @escaping @Sendable () -> String) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + 0.5, repeating: 0.25)
        let state = state
        timer.setEventHandler {
            let text = render()
            state.lock.withLock {
                guard !state.stopped else { return }
                ProgressLine.write("\r\u{1B}[K" + text)
                state.drawn = true
            }
        }
        timer.resume()
    }

    /// Stops redrawing and clears the line.
    func stop() {
        state.lock.withLock {
            guard !state.stopped else { return }
            state.stopped = true
            if state.drawn { Self.write("\r\u{1B}[K") }
        }
        timer.cancel()
    }

    deinit { stop() }

    private static func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// "12.3 MB" with one decimal.
    static func megabytes(_ bytes: Int64) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }

    /// "1 min 05 s", "42 s".
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 60 ? "\(s / 60) min \(String(format: "%02d", s % 60)) s" : "\(s) s"
    }
}

/// Ctrl-C while a write runs: instead of dying at once, the running SQL statement is
/// interrupted, so the transaction is rolled back and the command can say that nothing was written.
///
/// `@unchecked Sendable`: `fired` and `finished` are read and written under `State.lock`.
final class InterruptWatch: @unchecked Sendable {
    /// Shared with the signal handler, which holds it (not the watch: the handler may still be
    /// looping when the watch goes away).
    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var fired = false
        var finished = false
    }

    private let state = State()
    private let source: any DispatchSourceSignal

    /// SIGINT blocked on this (the main) thread as well as ignored. Dispatch reads signals through
    /// a `signalfd` on Linux, which sees only a signal left pending: sent to the process while
    /// the main thread had it unblocked and ignored, it was thrown away, and now and then a Ctrl-C
    /// during an import did nothing. Dispatch's own threads block it already.
    private static var interrupt: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        return set
    }

    init(store: FormationStore) {
        var blocked = Self.interrupt
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global(qos: .userInitiated))
        let state = state
        source.setEventHandler {
            state.lock.withLock { state.fired = true }
            // The statement running now, or the next one: the import keeps running statements.
            while !state.lock.withLock({ state.finished }) {
                store.interrupt()
                usleep(20_000)
            }
        }
        source.resume()
    }

    var fired: Bool { state.lock.withLock { state.fired } }

    /// Stops interrupting; a later Ctrl-C ends the process as usual.
    func stop() {
        state.lock.withLock { state.finished = true }
        source.cancel()
        signal(SIGINT, SIG_DFL)
        var blocked = Self.interrupt
        pthread_sigmask(SIG_UNBLOCK, &blocked, nil)
    }
}
