internal import CLibXML2
import FormationDomain

/// Turns the nodes of a curriculum pack into a `CurriculumHeader` and `Workshop` values, handing
/// each to the consumer as soon as it is complete and validated: the header at the first
/// `<workshop>`, each workshop at its `</workshop>` (or a little later, when validation on the
/// other thread has not got there yet). Memory stays flat whatever the number of workshops.
///
/// The schema has already checked structure, types and facets while streaming; this adds what the
/// XSD cannot say: ids are `Slug`s, refs parse as `WorkshopRef`s, and no human text gives the same
/// language twice. Prerequisite cycles and unknown prerequisites are not checked here: they span
/// files, and `CurriculumRules` checks them over a whole import.
///
/// Nothing reaches the consumer once any issue is known, here or ahead in the file.
struct CurriculumPackBuilder: XMLNodeHandler {
    typealias Word = CurriculumPackWord

    static var vocabulary: [String] {
        Word.allCases.map { String(describing: $0) }
    }

    static var format: XMLFormat { .curriculumPack }

    private let sink: any CurriculumValueSink

    init(sink: any CurriculumValueSink) {
        self.sink = sink
    }

    /// A value waiting for validation to pass `afterEvents` element events.
    private enum Pending {
        case header(CurriculumHeader, XMLPosition)
        case workshop(Workshop, XMLPosition)
    }

    /// Values not yet delivered, oldest first.
    private var pending = PendingDeliveries<Pending>()

    /// Where a captured text goes.
    private enum Target {
        case curriculumTitle, curriculumDescription, council, plant, license
        case workshopTitle, summary, itemText, activityTitle, activityDescription
    }

    private struct Capture {
        let target: Target
        let depth: Int
        let language: String?
        let position: XMLPosition
        let element: Word
        var text = ""
    }

    private struct WorkshopDraft {
        var position: XMLPosition
        var id: Slug?
        var category: WorkshopCategory?
        var minutes: Int?
        var minParticipants = 1
        var maxParticipants = 30
        var title = LocalizedText()
        var summary = LocalizedText()
        var objectives: [LocalizedText] = []
        var prerequisites: [WorkshopRef] = []
        var materials: [LocalizedText] = []
        var competencies: [LocalizedText] = []
        var outline: [Activity] = []
    }

    private struct ActivityDraft {
        var minutes: Int?
        var title = LocalizedText()
        var description = LocalizedText()
    }

    /// Element words from the root down to the current element (nil: a name we do not know).
    private var path: [Word?] = []
    private var capture: Capture?

    private var headerPosition = XMLPosition(line: 1, column: 1)
    private var curriculumID: Slug?
    private var version: Int?
    private var title = LocalizedText()
    private var description = LocalizedText()
    private var council: String?
    private var plant: String?
    private var license: String?
    private var derivedFrom: Provenance?
    private var headerSent = false

    private var workshop: WorkshopDraft?
    /// Ids seen so far: a pack names each workshop once.
    private var workshopIDs = Set<Slug>()
    private var item = LocalizedText()
    private var activity = ActivityDraft()

    // MARK: - Nodes

    mutating func startElement(_ element: ElementStart, in session: ReadSession) throws {
        let word = Word(element.word)
        let parent = path.last ?? nil
        path.append(word)
        guard let word else { return }
        switch (parent, word) {
        case (nil, .curriculum) where element.depth == 1:
            headerPosition = element.position
            for (name, namespaced, attribute) in element.attributes(in: session) {
                guard !namespaced else { continue }
                switch Word(name) {
                case .id: curriculumID = slug(session.string(attribute), at: element.position, session)
                case .version: version = integer("version", session.string(attribute), at: element.position, session)
                default: break
                }
            }
        case (.curriculum, .title): begin(.curriculumTitle, element, session)
        case (.curriculum, .description): begin(.curriculumDescription, element, session)
        case (.curriculum, .council): begin(.council, element, session, language: false)
        case (.curriculum, .plant): begin(.plant, element, session, language: false)
        case (.curriculum, .license): begin(.license, element, session, language: false)
        case (.curriculum, .derivedFrom):
            var id: Slug?
            var number: Int?
            for (name, namespaced, attribute) in element.attributes(in: session) {
                guard !namespaced else { continue }
                switch Word(name) {
                case .curriculum: id = slug(session.string(attribute), at: element.position, session)
                case .version: number = integer("version", session.string(attribute), at: element.position, session)
                default: break
                }
            }
            if let id, let number { derivedFrom = Provenance(curriculum: id, version: number) }
        case (.curriculum, .workshop):
            sendHeader(session)
            workshop = startWorkshop(element, session)
        case (.workshop, .title): begin(.workshopTitle, element, session)
        case (.workshop, .summary): begin(.summary, element, session)
        case (.prerequisites, .requires):
            for (name, namespaced, attribute) in element.attributes(in: session) {
                guard !namespaced, name == Word.ref.rawValue else { continue }
                let text = session.string(attribute)
                do throws(DomainError) {
                    workshop?.prerequisites.append(try WorkshopRef(parsing: text))
                } catch {
                    session.recordUnlessSchemaSaidSo(XMLIssue(at: element.position, error.message))
                }
            }
        case (.objectives, .objective), (.materials, .material), (.competencies, .competency):
            item = LocalizedText()
        case (.objective, .text), (.material, .text), (.competency, .text):
            begin(.itemText, element, session)
        case (.outline, .activity):
            activity = ActivityDraft()
            for (name, namespaced, attribute) in element.attributes(in: session) {
                guard !namespaced, name == Word.minutes.rawValue else { continue }
                activity.minutes = integer("minutes", session.string(attribute), at: element.position, session)
            }
        case (.activity, .title): begin(.activityTitle, element, session)
        case (.activity, .description): begin(.activityDescription, element, session)
        default:
            break  // containers, and anything the schema refuses
        }
    }

    mutating func text(_ text: UnsafePointer<UInt8>, count: Int, in session: ReadSession) throws {
        guard capture != nil, capture!.depth == path.count else { return }
        capture!.text += String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    mutating func endElement(in session: ReadSession) throws {
        guard let word = path.popLast() else { return }
        if let done = capture, done.depth == path.count + 1 {
            capture = nil
            store(done, session)
        }
        guard let word else { return }
        let parent = path.last ?? nil
        switch (parent, word) {
        case (.objectives, .objective): workshop?.objectives.append(item)
        case (.materials, .material): workshop?.materials.append(item)
        case (.competencies, .competency): workshop?.competencies.append(item)
        case (.outline, .activity):
            if let minutes = activity.minutes {
                workshop?.outline.append(Activity(title: activity.title, minutes: minutes, description: activity.description))
            }
        case (.curriculum, .workshop):
            if let draft = workshop.take(), let done = finished(draft) {
                guard workshopIDs.insert(done.id).inserted else {
                    session.record(XMLIssue(at: draft.position, DomainError.duplicateWorkshop(done.id.rawValue).message))
                    return
                }
                if headerSent, session.isClean { pending.append(.workshop(done, draft.position), afterEvents: session.elementEvents) }
            }
        default:
            break
        }
    }

    mutating func finish(in session: ReadSession) throws {
        sendHeader(session)
    }

    var hasPending: Bool { !pending.isEmpty }

    mutating func deliver(validatedEvents: Int, in session: ReadSession) throws {
        let sink = self.sink
        try pending.deliver(validatedEvents: validatedEvents, isClean: session.isClean) { value in
            switch value {
            case .header(let header, let position): try sink.header(header, at: position)
            case .workshop(let workshop, let position): try sink.workshop(workshop, at: position)
            }
        }
    }

    // MARK: - Values

    private mutating func sendHeader(_ session: ReadSession) {
        guard !headerSent, session.isClean, let curriculumID, let version, let council, let license else { return }
        headerSent = true
        let header = CurriculumHeader(
            id: curriculumID, version: version, title: title, description: description, council: council,
            plant: plant, license: license, derivedFrom: derivedFrom)
        // Everything before this point must be validated: the events before the current one.
        pending.append(.header(header, headerPosition), afterEvents: session.elementEvents - 1)
    }

    private func startWorkshop(_ element: ElementStart, _ session: ReadSession) -> WorkshopDraft {
        var draft = WorkshopDraft(position: element.position)
        for (name, namespaced, attribute) in element.attributes(in: session) {
            guard !namespaced else { continue }
            switch Word(name) {
            case .id:
                draft.id = slug(session.string(attribute), at: element.position, session)
            case .category:
                let text = session.string(attribute)
                draft.category = WorkshopCategory(rawValue: text)
                if draft.category == nil {
                    session.recordUnlessSchemaSaidSo(XMLIssue(at: element.position, Message(.invalidValue, "category", text.echoed)))
                }
            case .minutes:
                draft.minutes = integer("minutes", session.string(attribute), at: element.position, session)
            case .minParticipants:
                draft.minParticipants = integer("minParticipants", session.string(attribute), at: element.position, session) ?? 1
            case .maxParticipants:
                draft.maxParticipants = integer("maxParticipants", session.string(attribute), at: element.position, session) ?? 30
            default:
                break
            }
        }
        return draft
    }

    private func finished(_ draft: WorkshopDraft) -> Workshop? {
        guard let id = draft.id, let category = draft.category, let minutes = draft.minutes else { return nil }
        return Workshop(
            id: id, title: draft.title, summary: draft.summary, objectives: draft.objectives,
            prerequisites: draft.prerequisites, durationMinutes: minutes, materials: draft.materials,
            competencies: draft.competencies, category: category, minParticipants: draft.minParticipants,
            maxParticipants: draft.maxParticipants, outline: draft.outline)
    }

    // MARK: - Text

    private mutating func begin(_ target: Target, _ element: ElementStart, _ session: ReadSession, language: Bool = true) {
        var lang: String?
        if language {
            for (name, namespaced, attribute) in element.attributes(in: session) {
                if namespaced, name == Word.lang.rawValue { lang = session.string(attribute) }
            }
        }
        capture = Capture(
            target: target, depth: path.count, language: lang, position: element.position,
            element: path.last.flatMap { $0 } ?? .text)
    }

    private mutating func store(_ done: Capture, _ session: ReadSession) {
        switch done.target {
        case .council: council = done.text
        case .plant: plant = done.text
        case .license: license = done.text
        case .curriculumTitle: Self.add(done, to: &title, session)
        case .curriculumDescription: Self.add(done, to: &description, session)
        case .workshopTitle:
            if workshop != nil { Self.add(done, to: &workshop!.title, session) }
        case .summary:
            if workshop != nil { Self.add(done, to: &workshop!.summary, session) }
        case .itemText: Self.add(done, to: &item, session)
        case .activityTitle: Self.add(done, to: &activity.title, session)
        case .activityDescription: Self.add(done, to: &activity.description, session)
        }
    }

    /// Adds one language's text, refusing a language given twice (in any letter case). Static, so
    /// that passing one of the builder's own fields `inout` does not copy the whole builder.
    private static func add(_ done: Capture, to text: inout LocalizedText, _ session: ReadSession) {
        guard let language = done.language else { return }  // the schema requires xml:lang
        if text.variants.contains(where: { sameLanguage($0.language, language) }) {
            session.record(XMLIssue(at: done.position, Message(.xmlDuplicateLanguage, String(describing: done.element), language)))
            return
        }
        text.set(done.text, for: language)
    }

    // MARK: - Attributes

    private func slug(_ text: String, at position: XMLPosition, _ session: ReadSession) -> Slug? {
        do throws(DomainError) {
            return try Slug(text)
        } catch {
            session.recordUnlessSchemaSaidSo(XMLIssue(at: position, error.message))
            return nil
        }
    }

    /// An `xs:positiveInteger`-like value: white space around it collapsed, an optional `+`.
    private func integer(_ field: String, _ text: String, at position: XMLPosition, _ session: ReadSession) -> Int? {
        var digits = Substring(text)
        while let first = digits.first, first == " " || first == "\t" || first == "\n" || first == "\r" {
            digits.removeFirst()
        }
        while let last = digits.last, last == " " || last == "\t" || last == "\n" || last == "\r" {
            digits.removeLast()
        }
        if digits.first == "+" { digits.removeFirst() }
        if !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(digits) {
            return value
        }
        session.recordUnlessSchemaSaidSo(XMLIssue(at: position, Message(.invalidValue, field, text.echoed)))
        return nil
    }
}

/// Where a builder's values go: a class, so that the builder needs no generic parameter (the
/// per-node code then runs fully specialised) and the consumer is called once per value.
protocol CurriculumValueSink: AnyObject {
    func header(_ header: CurriculumHeader, at position: XMLPosition) throws
    func workshop(_ workshop: Workshop, at position: XMLPosition) throws
}

/// Boxes a caller's consumer for the builder.
final class ConsumerSink<Consumer: CurriculumPackConsumer>: CurriculumValueSink {
    var consumer: Consumer

    init(_ consumer: Consumer) {
        self.consumer = consumer
    }

    func header(_ header: CurriculumHeader, at position: XMLPosition) throws {
        try consumer.header(header, at: position)
    }

    func workshop(_ workshop: Workshop, at position: XMLPosition) throws {
        try consumer.workshop(workshop, at: position)
    }
}

/// Element and attribute names of curriculum packs, in vocabulary order. Outside the generic
/// builder so that naming a case captures nothing.
enum CurriculumPackWord: Int, CaseIterable {
    case curriculum, title, description, council, plant, license, derivedFrom, workshop, summary
    case prerequisites, requires, objectives, objective, text, materials, material, competencies, competency
    case outline, activity
    case id, version, category, minutes, minParticipants, maxParticipants, ref, lang

    init?(_ index: Int?) {
        guard let index, let word = CurriculumPackWord(rawValue: index) else { return nil }
        self = word
    }
}

/// Language tags are compared without regard to ASCII letter case (`en` and `EN` are the same).
private func sameLanguage(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count
        && zip(a.utf8, b.utf8).allSatisfy { x, y in x == y || (x | 0x20 == y | 0x20 && (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A) }
}

extension Optional {
    /// The value, leaving nil behind.
    fileprivate mutating func take() -> Wrapped? {
        defer { self = nil }
        return self
    }
}
