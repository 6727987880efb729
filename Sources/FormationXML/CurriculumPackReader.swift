public import FormationDomain

/// Receives a curriculum pack while it is read: the header once, then each workshop in file order.
///
/// Values arrive only while the document has no issue so far; a later issue still makes the read
/// throw, so a consumer that writes must do so in a transaction it can roll back. Throwing from a
/// method stops the read at once; the error propagates to the caller unchanged.
public protocol CurriculumPackConsumer {
    /// The pack's header, at the first `<workshop>` (every header element comes before it).
    /// - Parameter position: where the `<curriculum>` tag begins.
    mutating func header(_ header: CurriculumHeader, at position: XMLPosition) throws
    /// One workshop, as its `</workshop>` closes.
    /// - Parameter position: where its `<workshop>` tag begins.
    mutating func workshop(_ workshop: Workshop, at position: XMLPosition) throws
}

/// A whole pack read into memory, with where each part was (for messages about a line).
public struct PositionedCurriculum: Sendable, Equatable {
    public var curriculum: Curriculum
    /// Where the `<curriculum>` tag begins.
    public var headerPosition: XMLPosition
    /// Where each workshop's tag begins, parallel to `curriculum.workshops`.
    public var workshopPositions: [XMLPosition]

    public init(curriculum: Curriculum, headerPosition: XMLPosition, workshopPositions: [XMLPosition]) {
        self.curriculum = curriculum
        self.headerPosition = headerPosition
        self.workshopPositions = workshopPositions
    }

    /// Where the workshop with `id` begins, if the pack has it.
    public func position(of id: Slug) -> XMLPosition? {
        curriculum.workshops.firstIndex { $0.id == id }.map { workshopPositions[$0] }
    }
}

/// Reads curriculum packs (`Curricula/curriculum.xsd`) as a stream of domain values, validating
/// against the embedded schema while it reads, with bounded memory whatever the file's size.
///
/// Hostile input is expected: see `InputGuard` for what is refused before libxml2 sees a byte, and
/// `XMLLimits` for the caps. A file whose root is not a curriculum pack is refused with
/// `xmlUnknownDocument`.
public struct CurriculumPackReader: Sendable {
    public var limits: XMLLimits
    /// Largest single read from the source; tests shrink it to split constructs across reads.
    var readSize = 64 << 10

    public init(limits: XMLLimits = .default) {
        self.limits = limits
    }

    /// Streams the pack in `source` into `consumer`.
    ///
    /// - Throws: `XMLReadFailure` with every issue found (file order, at most
    ///   `limits.maxIssues`, then a `tooManyErrors` line), or the first error `consumer` throws.
    public func read<Consumer: CurriculumPackConsumer>(_ source: XMLSource, into consumer: inout Consumer) throws {
        let sink = ConsumerSink(consumer)
        defer { consumer = sink.consumer }
        var builder = CurriculumPackBuilder(sink: sink)
        try XMLStreamReader.read(source, limits: limits, readSize: readSize, handler: &builder)
    }

    /// Streams the pack read from `descriptor` (0 is standard input; left open) into `consumer`,
    /// with the default limits.
    /// - Throws: `XMLReadFailure`, or the first error `consumer` throws.
    public static func read<Consumer: CurriculumPackConsumer>(
        from descriptor: Int32, limits: XMLLimits = .default, consumer: inout Consumer
    ) throws {
        try CurriculumPackReader(limits: limits).read(.fileDescriptor(descriptor), into: &consumer)
    }

    /// Reads the whole pack in `source` into memory, with positions: for tests and small files.
    /// - Throws: `XMLReadFailure`.
    public func readCurriculum(_ source: XMLSource) throws -> PositionedCurriculum {
        var collector = CurriculumCollector()
        try read(source, into: &collector)
        guard let header = collector.header else {
            // A clean read always delivers the header; keep the promise of a typed error anyway.
            throw XMLReadFailure(issues: [XMLIssue(line: 1, column: 1, message: Message(.xmlEmptyInput))])
        }
        return PositionedCurriculum(
            curriculum: Curriculum(header: header, workshops: collector.workshops),
            headerPosition: collector.headerPosition, workshopPositions: collector.positions)
    }
}

/// Keeps everything it is given.
struct CurriculumCollector: CurriculumPackConsumer {
    var header: CurriculumHeader?
    var headerPosition = XMLPosition(line: 1, column: 1)
    var workshops: [Workshop] = []
    var positions: [XMLPosition] = []

    mutating func header(_ header: CurriculumHeader, at position: XMLPosition) {
        self.header = header
        headerPosition = position
    }

    mutating func workshop(_ workshop: Workshop, at position: XMLPosition) {
        workshops.append(workshop)
        positions.append(position)
    }
}
