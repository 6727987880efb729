internal import CLibXML2
import FormationDomain

/// Turns the nodes of a battle record into `BattleRecordItem`s, handing each to the consumer once
/// validation has passed it (the same delivery discipline as `CurriculumPackBuilder`): memory stays
/// flat whatever the number of sessions.
///
/// After the schema it checks what the XSD leaves to the importer: ids are UUIDs, times parse,
/// sessions end after they start and fall under the record's one battle, names are acceptable to
/// the domain. References between items (a participant's person) are checked by the importer,
/// which also knows the database.
struct BattleRecordBuilder: XMLNodeHandler {
    typealias Word = BattleRecordWord

    static var vocabulary: [String] { Word.allCases.map { String(describing: $0) } }
    static var format: XMLFormat { .battleRecord }

    private let sink: any BattleRecordSink
    init(sink: any BattleRecordSink) { self.sink = sink }

    private var pending = PendingDeliveries<(item: BattleRecordItem, position: XMLPosition)>()
    private var path: [Word?] = []
    /// Attributes and texts of the element being built.
    private var attributes: [Word: String] = [:]
    private var position = XMLPosition(line: 1, column: 1)
    private var texts: [Word: String] = [:]
    private var capture: (word: Word, depth: Int, text: String)?
    private var participations: [Participation] = []
    private var arguments: [String] = []
    private var battle: Battle?
    /// The person being read: the ids merged into them.
    private var aliases: [EntityID] = []
    /// The id of the session being read, parsed once for all its participants (nil: not yet, or invalid).
    private var sessionID: EntityID??

    mutating func startElement(_ element: ElementStart, in session: ReadSession) throws {
        let word = Word(element.word)
        let parent = path.last ?? nil
        path.append(word)
        guard let word else { return }
        switch (parent, word) {
        case (.battleRecord, .plant), (.battleRecord, .battle), (.battleRecord, .person), (.battleRecord, .session),
             (.battleRecord, .shift), (.battleRecord, .conflict), (.battleRecord, .qualification),
             (.battleRecord, .rosterEntry):
            attributes = Self.read(element, session)
            position = element.position
            texts = [:]
            participations = []
            arguments = []
            aliases = []
            sessionID = nil
        case (.session, .participant):
            // A record holds about nine participants a session: no dictionary for their three attributes.
            var person: String?, role: Role?, status: AttendanceStatus?
            for (name, namespaced, attribute) in element.attributes(in: session) where !namespaced {
                switch Word(name) {
                case .person: person = session.string(attribute)
                case .role: role = Role(rawValue: session.string(attribute))
                case .status: status = AttendanceStatus(rawValue: session.string(attribute))
                default: break
                }
            }
            if sessionID == nil { sessionID = .some(uuid(attributes[.id], session)) }
            guard let sessionID = sessionID ?? nil, let person = uuid(person, session), let role, let status else { return }
            participations.append(Participation(session: sessionID, person: person, role: role, status: status))
        case (.person, .alias):
            for (name, namespaced, attribute) in element.attributes(in: session) where !namespaced && Word(name) == .id {
                if let alias = uuid(session.string(attribute), session) { aliases.append(alias) }
            }
        case (_, .name), (_, .state), (_, .sector), (_, .place), (.conflict, .argument), (.qualification, .note):
            capture = (word, path.count, "")
        default:
            break
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
            if done.word == .argument { arguments.append(done.text) } else { texts[done.word] = done.text }
        }
        guard let word, path.count == 1 else { return }
        let item: BattleRecordItem?
        do throws(DomainError) {
            item = try build(word, session)
        } catch {
            session.recordUnlessSchemaSaidSo(XMLIssue(at: position, error.message))
            item = nil
        }
        if let item, session.isClean { pending.append((item, position), afterEvents: session.elementEvents) }
    }

    mutating func finish(in session: ReadSession) throws {}

    var hasPending: Bool { !pending.isEmpty }

    mutating func deliver(validatedEvents: Int, in session: ReadSession) throws {
        let sink = self.sink
        try pending.deliver(validatedEvents: validatedEvents, isClean: session.isClean) { try sink.item($0.item, at: $0.position) }
    }

    // MARK: - Values

    private mutating func build(_ word: Word, _ session: ReadSession) throws(DomainError) -> BattleRecordItem? {
        switch word {
        case .plant:
            guard let id = uuid(attributes[.id], session) else { return nil }
            return .plant(try Plant(id: id, name: texts[.name] ?? "", state: texts[.state] ?? "", sector: texts[.sector],
                                    ownership: Ownership(rawValue: attributes[.ownership] ?? "") ?? .state))
        case .battle:
            guard let id = uuid(attributes[.id], session), let plant = uuid(attributes[.plant], session) else { return nil }
            let value = try Battle(id: id, name: texts[.name] ?? "", plant: plant, start: CivilDate(iso: attributes[.start] ?? ""),
                                   end: CivilDate(iso: attributes[.end] ?? ""), timeZone: attributes[.timeZone] ?? "")
            battle = value
            return .battle(value)
        case .person:
            guard let id = uuid(attributes[.id], session) else { return nil }
            let plant = attributes[.plant].flatMap { uuid($0, session) }
            return .person(try Person(id: id, name: texts[.name] ?? "", plant: plant, retired: boolean(attributes[.retired]),
                                      sector: attributes[.sector].flatMap(Sector.init(rawValue:))), aliases: aliases)
        case .session:
            guard let id = uuid(attributes[.id], session), let battle else { return nil }
            let start = try time(attributes[.start]), end = try time(attributes[.end])
            let workshop = try WorkshopRef(parsing: attributes[.workshop] ?? "")
            do throws(DomainError) {
                let value = try Session(id: id, battle: battle.id, workshop: workshop, start: start, end: end,
                                        place: texts[.place] ?? "", cancelled: boolean(attributes[.cancelled]))
                return .session(value, participations: participations)
            } catch {
                throw error.timed(start: attributes[.start] ?? "", end: attributes[.end] ?? "")
            }
        case .shift:
            guard let id = uuid(attributes[.id], session), let person = uuid(attributes[.person], session), let battle else { return nil }
            let start = try time(attributes[.start]), end = try time(attributes[.end])
            do throws(DomainError) {
                return .shift(try Shift(id: id, battle: battle.id, person: person, start: start, end: end))
            } catch {
                throw error.timed(start: attributes[.start] ?? "", end: attributes[.end] ?? "")
            }
        case .conflict:
            guard let sessionID = uuid(attributes[.session], session), let kind = attributes[.kind] else { return nil }
            var person: EntityID?
            if let text = attributes[.person] {
                guard let id = uuid(text, session) else { return nil }
                person = id
            }
            return .conflict(session: sessionID, kind: kind, person: person, arguments: arguments)
        case .qualification:
            guard let person = uuid(attributes[.person], session) else { return nil }
            let by = attributes[.by].flatMap { uuid($0, session) }
            return .qualification(Qualification(person: person, workshop: try WorkshopRef(parsing: attributes[.workshop] ?? ""),
                                                recorded: try time(attributes[.recorded]), by: by, note: texts[.note]))
        case .rosterEntry:
            guard let person = uuid(attributes[.person], session), let battle else { return nil }
            var entry = RosterEntry(battle: battle.id, person: person)
            if let from = attributes[.from] { entry.from = try CivilDate(iso: from) }
            if let to = attributes[.to] { entry.to = try CivilDate(iso: to) }
            return .rosterEntry(entry)
        default:
            return nil
        }
    }

    private func uuid(_ text: String?, _ session: ReadSession) -> EntityID? {
        do throws(DomainError) {
            return try EntityID(text ?? "")
        } catch {
            session.recordUnlessSchemaSaidSo(XMLIssue(at: position, error.message))
            return nil
        }
    }

    private func time(_ text: String?) throws(DomainError) -> Int64 {
        guard let text, let value = ISOInstant.parse(text) else { throw .invalidDateTime(text ?? "") }
        return value
    }

    private func boolean(_ text: String?) -> Bool { text == "true" || text == "1" }

    /// Every attribute of `element` that is in the vocabulary, by word.
    private static func read(_ element: ElementStart, _ session: ReadSession) -> [Word: String] {
        var values: [Word: String] = [:]
        for (name, namespaced, attribute) in element.attributes(in: session) where !namespaced {
            if let word = Word(name) { values[word] = session.string(attribute) }
        }
        return values
    }
}

/// Where the builder's items go.
protocol BattleRecordSink: AnyObject {
    func item(_ item: BattleRecordItem, at position: XMLPosition) throws
}

/// Element and attribute names of battle records, in vocabulary order.
enum BattleRecordWord: Int, CaseIterable {
    case battleRecord, plant, name, state, sector, battle, person, session, place, participant, shift, conflict, argument
    case id, ownership, start, end, timeZone, retired, workshop, cancelled, role, status, kind, alias
    case qualification, note, recorded, by
    case rosterEntry, from, to

    init?(_ index: Int?) {
        guard let index, let word = BattleRecordWord(rawValue: index) else { return nil }
        self = word
    }
}
