import Foundation
import FormationStorage

/// One line on stderr redrawn in place while long work runs (issue 22), only when stderr is a
/// terminal: nothing at all is written to a pipe or a file.
///
/// `@unchecked Sendable`: `stopped` is read and written under `lock`; the timer is only resumed
/// and cancelled.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var drawn = false
    private let timer: any DispatchSourceTimer

    /// Starts redrawing `render()` every quarter of a second, after half a second (quick commands
    /// show nothing); nil when stderr is not a terminal.
    init?(_ render: @escaping @Sendable () -> String) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + 0.5, repeating: 0.25)
        timer.setEventHandler { [unowned self] in
            let text = render()
            lock.withLock {
                guard !stopped else { return }
                Self.write("\r\u{1B}[K" + text)
                drawn = true
            }
        }
        timer.resume()
    }

    /// Stops redrawing and clears the line.
    func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            if drawn { Self.write("\r\u{1B}[K") }
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

/// Ctrl-C while a write runs (issue 22): instead of dying at once, the running SQL statement is
/// interrupted, so the transaction is rolled back and the command can say that nothing was written.
///
/// `@unchecked Sendable`: `fired` and `finished` are read and written under `lock`.
final class InterruptWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var firedFlag = false
    private var finished = false
    private let source: any DispatchSourceSignal

    init(store: FormationStore) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global(qos: .userInitiated))
        source.setEventHandler { [unowned self] in
            lock.withLock { firedFlag = true }
            // The statement running now, or the next one: the import keeps running statements.
            while !lock.withLock({ finished }) {
                store.interrupt()
                usleep(20_000)
            }
        }
        source.resume()
    }

    var fired: Bool { lock.withLock { firedFlag } }

    /// Stops interrupting; a later Ctrl-C ends the process as usual.
    func stop() {
        lock.withLock { finished = true }
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
