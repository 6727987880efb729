#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FormationDomain
import Synchronization

/// One guarded byte stream read by two parsers on two threads: the validator (XSD, no tree) and
/// the reader that builds domain values. Each has its own cursor; the `InputGuard` runs once,
/// on whichever thread first needs bytes nobody has checked yet, and no parser ever sees a byte
/// it has not cleared.
///
/// Memory stays bounded: at most `window` chunks (64 KiB each) are kept; a parser that runs that
/// far ahead of the other waits for it. Neither waits for anything else here, so they cannot
/// deadlock: the one behind always has bytes to read.
///
/// `@unchecked Sendable`: every mutable field is guarded by `mutex` (see `withLock`), except the
/// guard itself, which only the thread holding the `producing` token touches.
final class SharedInput: @unchecked Sendable {
    enum Party: Int {
        case reader = 0, validator = 1
    }

    private struct Cursor {
        var chunk = 0
        var offset = 0
        /// Set once this party was told "error" (the violation, or cancellation).
        var failed = false
        var done = false
    }

    private let inputGuard: InputGuard
    private let collector: IssueCollector
    private let window: Int
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    // Guarded by `mutex`.
    private var chunks: [GuardedChunk] = []
    private var firstChunk = 0
    private var cursors = [Cursor(), Cursor()]
    private var producing = false
    private var ended = false
    private var failureIssue: XMLIssue?
    private var cancelled = false
    /// Set when the reader stopped early: the validator may finish what was read, nothing more.
    private var productionStopped = false

    /// Start tags of the chunks the reader has taken, for `nextStartTag()`; reader thread only.
    private var readerStartTags: [XMLPosition] = []
    private var readerStartTagsHead = 0

    init(inputGuard: InputGuard, collector: IssueCollector, window: Int = 32) {
        self.inputGuard = inputGuard
        self.collector = collector
        self.window = max(2, window)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    private func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// The guard's violation, once found (it may lie ahead of both parsers).
    var failure: XMLIssue? {
        guard failed.load(ordering: .acquiring) else { return nil }
        return withLock { failureIssue }
    }

    /// Whether the guard found a violation (cheap: an atomic).
    private let failed = Atomic<Bool>(false)

    /// Whether `party` has been told "error": its parser's later complaints are consequences.
    func hasFailed(_ party: Party) -> Bool { withLock { cursors[party.rawValue].failed } }

    /// Lets the validator read what has been checked so far, then fail: used when the reader stops
    /// early, so that validation still reports everything before that place (and only that).
    func stopProduction() {
        withLock {
            productionStopped = true
            pthread_cond_broadcast(condition)
        }
    }

    /// Makes every later read fail, so that both parsers stop soon.
    func cancel() {
        withLock {
            cancelled = true
            pthread_cond_broadcast(condition)
        }
    }

    /// The position of the next start tag the reader has not claimed yet, in document order.
    /// Reader thread only.
    func nextStartTag() -> XMLPosition? {
        guard readerStartTagsHead < readerStartTags.count else { return nil }
        let position = readerStartTags[readerStartTagsHead]
        readerStartTagsHead += 1
        if readerStartTagsHead >= 1024, readerStartTagsHead * 2 >= readerStartTags.count {
            readerStartTags.removeFirst(readerStartTagsHead)
            readerStartTagsHead = 0
        }
        return position
    }

    /// Copies `count` checked bytes for `party`, fewer only at the end of the document. Short reads
    /// are joined here: libxml2 2.9.14's pull parser, used by the validator, misreads documents
    /// that arrive a byte or two at a time (as a pipe may deliver them), and full reads make each
    /// parser's progress, hence the issues reported, independent of timing.
    /// - Returns: bytes copied, 0 at the end of a clean document, -1 at a violation or once cancelled.
    func read(_ party: Party, into destination: UnsafeMutablePointer<UInt8>, count: Int) -> Int32 {
        let index = party.rawValue
        var copied = 0
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while copied < count {
            if cancelled || (party == .validator && collector.validatorMustStop) {
                if copied > 0 { return Int32(copied) }
                cursors[index].failed = true
                return -1
            }
            let cursor = cursors[index]
            if cursor.chunk < firstChunk + chunks.count {
                let chunk = chunks[cursor.chunk - firstChunk]
                let n = min(count - copied, chunk.bytes.count - cursor.offset)
                if cursor.offset == 0, party == .reader { readerStartTags.append(contentsOf: chunk.startTags) }
                (destination + copied).update(from: chunk.bytes.baseAddress! + cursor.offset, count: n)
                copied += n
                if cursor.offset + n == chunk.bytes.count {
                    cursors[index].chunk += 1
                    cursors[index].offset = 0
                    dropConsumedChunks()
                } else {
                    cursors[index].offset += n
                }
                continue
            }
            if ended {
                if copied > 0 { return Int32(copied) }
                cursors[index].done = true
                if failureIssue != nil { cursors[index].failed = true }
                return failureIssue == nil ? 0 : -1
            }
            if productionStopped {
                if copied > 0 { return Int32(copied) }
                cursors[index].failed = true
                return -1
            }
            if producing || chunks.count >= window {
                // Safe to wait even with bytes in hand: the party behind never waits for this one.
                pthread_cond_wait(condition, mutex)
                continue
            }
            producing = true
            pthread_mutex_unlock(mutex)
            let output = inputGuard.produce()
            pthread_mutex_lock(mutex)
            producing = false
            switch output {
            case .chunk(let chunk): chunks.append(chunk)
            case .end: ended = true
            case .failed(let issue):
                ended = true
                failureIssue = issue
                failed.store(true, ordering: .releasing)
            }
            pthread_cond_broadcast(condition)
        }
        return Int32(copied)
    }

    /// Forgets chunks both parties have read (or that a finished party will never read). Locked.
    private func dropConsumedChunks() {
        let live = cursors.filter { !$0.done && !$0.failed }
        let slowest = live.map(\.chunk).min() ?? (firstChunk + chunks.count)
        let drop = min(chunks.count, max(0, slowest - firstChunk))
        guard drop > 0 else { return }
        chunks.removeFirst(drop)
        firstChunk += drop
        pthread_cond_broadcast(condition)
    }

    /// Called when a party stops reading for good (its parser finished or gave up).
    func leave(_ party: Party) {
        withLock {
            cursors[party.rawValue].done = true
            dropConsumedChunks()
            pthread_cond_broadcast(condition)
        }
    }
}

/// libxml2's I/O read callbacks, one per party; `context` is the `SharedInput`.
func readForReader(_ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
    readShared(context, buffer, length, .reader)
}

func readForValidator(_ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
    readShared(context, buffer, length, .validator)
}

private func readShared(
    _ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32, _ party: SharedInput.Party
) -> Int32 {
    guard let context, let buffer, length > 0 else { return length == 0 ? 0 : -1 }
    let input = Unmanaged<SharedInput>.fromOpaque(context).takeUnretainedValue()
    return buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
        input.read(party, into: $0, count: Int(length))
    }
}

/// The source is closed by its owner (`ByteInput`), not by libxml2.
func closeNothing(_ context: UnsafeMutableRawPointer?) -> Int32 { 0 }
