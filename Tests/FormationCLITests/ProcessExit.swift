import Foundation

extension Process {
    /// Waits for the process to end by polling `isRunning` every millisecond.
    ///
    /// Foundation's `waitUntilExit()` on Linux spins the run loop with a 50 ms timer and is not
    /// woken when the child ends, so every wait cost about 50 ms; under libfaketime (issue 14's
    /// `faketime '2031-06-15 12:00' swift test`) that timer never fires at all and the wait lasts
    /// until some other process ends. `isRunning` is updated by Foundation's own child monitor.
    func waitForExit() {
        while isRunning { usleep(1000) }
    }
}
