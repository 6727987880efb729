internal import CLibXML2
import FormationDomain
import Synchronization

/// Gathers one read's issues from every channel: the reader's parser and namespace errors, the
/// validating thread's schema errors, the input guard, and the reader's own checks.
///
/// The two threads each keep up to `maxIssues` issues, in file order, and stop when they have
/// more; the reader also stops at the first fatal error (well-formedness, namespaces). Each issue
/// is tagged with the number of element events its thread had seen (both threads see the same
/// events), and the final list is cut at the first event where either stopped, sorted, and cut
/// to `maxIssues` with one `tooManyErrors` line: so it does not depend on which thread ran ahead.
///
/// Never keeps libxml2's text where it could quote entity content or an external resource.
///
/// `@unchecked Sendable`: two threads record into it; the entries are behind a mutex, the flags
/// are atomics.
final class IssueCollector: @unchecked Sendable {
    enum Origin: Sendable { case parser, schema, guardian, reader }

    private struct Entry {
        let issue: XMLIssue
        let origin: Origin
        let event: Int
        let order: Int
    }

    private struct State {
        var entries: [Entry] = []
        var readerCount = 0
        var validatorCount = 0
        /// The first issue each side had no room for, and the reader's fatal error, with their events.
        var readerOverflow: (position: XMLPosition, event: Int)?
        var validatorOverflow: (position: XMLPosition, event: Int)?
        var readerFatal: Int?
        var order = 0
    }

    private let maxIssues: Int
    private let state = Mutex(State())
    private let count = Atomic<Int>(0)
    private let readerStop = Atomic<Bool>(false)
    private let validatorStop = Atomic<Bool>(false)
    /// The event where the validator stopped, for the reader to stop there too (`Int.max`: it did not).
    private let validatorStopEvent = Atomic<Int>(Int.max)

    init(maxIssues: Int) {
        self.maxIssues = max(1, maxIssues)
    }

    /// Whether the reader must stop: a fatal error, or too many issues of its own.
    var mustStop: Bool { readerStop.load(ordering: .acquiring) }

    /// Whether the validator must stop: too many schema issues.
    var validatorMustStop: Bool { validatorStop.load(ordering: .acquiring) }

    /// Where the validator stopped (in element events): the reader need not read past it.
    var validatorStoppedAtEvent: Int { validatorStopEvent.load(ordering: .acquiring) }

    /// No issue recorded (cheap: an atomic).
    var isEmpty: Bool { count.load(ordering: .acquiring) == 0 }

    /// Records `issue`, found by its thread after `event` element events.
    func record(_ issue: XMLIssue, _ origin: Origin, event: Int, fatal: Bool = false) {
        let fromValidator = origin == .schema
        state.withLock { state in
            // libxml2 sometimes raises the same error twice (two code paths, one mistake).
            if state.entries.contains(where: { $0.issue == issue }) { return }
            if fromValidator {
                guard state.validatorOverflow == nil else { return }
                guard state.validatorCount < maxIssues else {
                    state.validatorOverflow = (issue.position, event)
                    validatorStopEvent.store(event, ordering: .releasing)
                    validatorStop.store(true, ordering: .releasing)
                    return
                }
                state.validatorCount += 1
            } else {
                guard state.readerOverflow == nil, state.readerFatal == nil else { return }
                guard state.readerCount < maxIssues else {
                    state.readerOverflow = (issue.position, event)
                    readerStop.store(true, ordering: .releasing)
                    return
                }
                state.readerCount += 1
                if fatal {
                    state.readerFatal = event
                    readerStop.store(true, ordering: .releasing)
                }
            }
            state.entries.append(Entry(issue: issue, origin: origin, event: event, order: state.order))
            state.order += 1
            count.add(1, ordering: .releasing)
        }
    }

    /// Whether a schema error was reported on `line` (so that a check of ours does not say it twice).
    func hasSchemaIssue(onLine line: Int) -> Bool {
        state.withLock { state in
            state.validatorOverflow?.position.line == line
                || state.entries.contains { $0.origin == .schema && $0.issue.line == line }
        }
    }

    /// Drops schema errors: the root was not ours, so they are noise.
    func dropSchemaIssues() {
        state.withLock { state in
            state.entries.removeAll { $0.origin == .schema }
            state.validatorOverflow = nil
            count.store(state.entries.count, ordering: .releasing)
        }
    }

    /// The issues in file order (line, then column; stable), up to where either side stopped,
    /// at most `maxIssues`, then a `tooManyErrors` line if there were more.
    func finalIssues() -> [XMLIssue] {
        state.withLock { state in
            let overflows = [state.readerOverflow, state.validatorOverflow].compactMap { $0 }
            let cutoff = (overflows.map(\.event) + [state.readerFatal].compactMap { $0 }).min() ?? Int.max
            var kept = state.entries
                .filter { $0.event <= cutoff || $0.origin == .guardian || $0.issue.line == 0 }
                .sorted { ($0.issue.line, $0.issue.column, $0.order) < ($1.issue.line, $1.issue.column, $1.order) }
                .map(\.issue)
            var overflow: XMLPosition?
            if kept.count > maxIssues {
                overflow = kept[maxIssues].position
                kept.removeLast(kept.count - maxIssues)
            } else if let first = overflows.min(by: { $0.event < $1.event }), first.event == cutoff {
                overflow = first.position
            }
            if let overflow {
                kept.append(XMLIssue(at: overflow, Message(.tooManyErrors, String(maxIssues))))
            }
            return kept
        }
    }

    // MARK: - libxml2's errors

    /// One structured error from libxml2, classified and cleaned.
    func libxml2Error(_ error: UnsafePointer<xmlError>, event: Int) {
        let level = error.pointee.level.rawValue
        guard level >= XML_ERR_ERROR.rawValue else { return }  // warnings are not refusals
        let domain = error.pointee.domain
        let code = error.pointee.code
        let line = Int(max(0, error.pointee.line))
        let column = Int(max(0, error.pointee.int2))
        let text = IssueCollector.describe(error.pointee.message, domain: domain, code: code)
        if domain == Int32(XML_FROM_SCHEMASV.rawValue) || domain == Int32(XML_FROM_SCHEMASP.rawValue) {
            // "No matching global declaration available for the validation root": only roots are
            // global elements, so this is a document of another kind. The reader says so itself
            // when it meets the root; if a syntax error comes first, that error is the news.
            if code == Int32(XML_SCHEMAV_CVC_ELT_1.rawValue) { return }
            // The identity constraint's echo of a value the schema already refused on that line.
            if text.contains("No precomputed value available") { return }
            record(XMLIssue(line: line, column: 0, message: Message(.xmlSchemaViolation, arguments: [LibXML2Wording.schema(text)])),
                   .schema, event: event)
        } else {
            // Namespace errors are fatal for us: libxml2 reports them and carries on.
            let fatal = level == XML_ERR_FATAL.rawValue || domain == Int32(XML_FROM_NAMESPACE.rawValue)
            record(XMLIssue(line: line, column: column, message: Message(.xmlNotWellFormed, arguments: [LibXML2Wording.parser(text)])),
                   .parser, event: event, fatal: fatal)
        }
    }

    /// Error codes whose text may name or quote an entity, and domains that deal in DTDs or
    /// external resources: their text is replaced, never echoed.
    private static let entityCodes: Set<Int32> = Set(Array(14...30) + [36, 37, 82, 87, 88, 89, 90, 104, 107])
    private static let entityDomains: Set<Int32> = Set([
        XML_FROM_DTD, XML_FROM_IO, XML_FROM_FTP, XML_FROM_HTTP, XML_FROM_XINCLUDE, XML_FROM_VALID, XML_FROM_CATALOG,
    ].map { Int32($0.rawValue) })

    /// What replaces a text that may quote an entity (said in the reader's words by `LibXML2Wording`).
    static let entitiesRefused = "entities and external resources are not allowed (only &lt; &gt; &amp; &quot; &apos; and character references)"

    static let namespacesShown: [String] = XMLFormat.all.map { "{\($0.namespace)}" }

    /// libxml2's message, made safe and short: entity and I/O texts replaced, our own namespace
    /// dropped from `{namespace}name`, control characters blanked, at most 240 characters.
    static func describe(_ message: UnsafeMutablePointer<CChar>?, domain: Int32, code: Int32) -> String {
        if entityCodes.contains(code) || entityDomains.contains(domain) {
            return entitiesRefused
        }
        guard let message else { return "error \(code)" }
        var text = String(cString: message).trimmingTrailingSpace()
        for namespace in namespacesShown where text.contains(namespace) {
            text = text.replacing(namespace, with: "")
        }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map {
                $0.value < 0x20 || $0.value == 0x7F ? " " : $0
            }))
        }
        if text.count > 240 { text = String(text.prefix(239)) + "…" }
        return text
    }
}

