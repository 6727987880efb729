import FormationDomain
import FormationStorage
import FormationXML

/// Merges a battle record, item by item as the reader streams it, into the import's transaction.
///
/// Merge rules (issue 7): everything is matched by UUID, so importing the same record twice changes
/// nothing; a person already here (or merged into someone) keeps one identity; a plant already here
/// under the same name is the same plant; what is already here stays as it is, what is new is
/// added; participations keep the stronger status. Sessions whose workshop this database lacks
/// refuse the whole import, listing the missing workshops.
struct RecordImportConsumer: BattleRecordConsumer {
    let transaction: ScheduleTransaction
    let file: String

    private(set) var problems: [FileProblem] = []
    private(set) var battle: Battle?
    private(set) var sessionsAdded = 0
    private(set) var sessionsKnown = 0
    private(set) var peopleAdded = 0
    /// Workshops sessions refer to that this database lacks, with the first place each is named.
    private(set) var missingWorkshops: [WorkshopRef: XMLPosition] = [:]
    /// Workshops already found in the database: one query per workshop, not per session.
    private var knownWorkshops = Set<WorkshopRef>()
    private var plants: [EntityID: EntityID] = [:]
    private var people: [EntityID: EntityID] = [:]

    init(transaction: ScheduleTransaction, file: String) {
        self.transaction = transaction
        self.file = file
    }

    mutating func item(_ item: BattleRecordItem, at position: XMLPosition) throws {
        switch item {
        case .plant(let plant):
            if let local = try transaction.localPlant(for: plant) {
                plants[plant.id] = local
            } else {
                try transaction.insertPlant(plant)
                plants[plant.id] = plant.id
            }
        case .battle(var battle):
            guard let plant = plants[battle.plant] else {
                problem(at: position, Message(.recordUnknownReference, "plant", battle.plant.rawValue))
                return
            }
            battle.plant = plant
            self.battle = battle
            if try !transaction.battleExists(battle.id) { try transaction.insertBattle(battle) }
        case .person(var person):
            if let local = try transaction.localPerson(person.id) {
                people[person.id] = local
                return
            }
            if let plant = person.plant {
                guard let local = plants[plant] else {
                    problem(at: position, Message(.recordUnknownReference, "plant", plant.rawValue))
                    return
                }
                person.plant = local
            }
            try transaction.insertPerson(person)
            people[person.id] = person.id
            peopleAdded += 1
        case .session(let session, let participations):
            guard battle != nil else { return }
            guard try knownWorkshops.contains(session.workshop) || transaction.workshopExists(session.workshop) else {
                if missingWorkshops[session.workshop] == nil { missingWorkshops[session.workshop] = position }
                return
            }
            knownWorkshops.insert(session.workshop)
            if try transaction.sessionExists(session.id) {
                sessionsKnown += 1
            } else {
                try transaction.insert(session)
                sessionsAdded += 1
            }
            for participation in participations {
                guard let person = try person(participation.person, at: position) else { continue }
                try transaction.merge(Participation(session: session.id, person: person, role: participation.role, status: participation.status))
            }
        case .shift(var shift):
            guard let person = try person(shift.person, at: position) else { return }
            shift.person = person
            try transaction.insertIfMissing(shift)
        case .conflict(let session, let kind, let arguments):
            guard try transaction.sessionExists(session) else { return }  // its session was refused above
            try transaction.recordConflict(session: session, kind: kind, arguments: arguments)
        }
    }

    /// The local id of a person the record names: declared in the record, or already here.
    private mutating func person(_ id: EntityID, at position: XMLPosition) throws -> EntityID? {
        if let local = people[id] { return local }
        if let local = try transaction.localPerson(id) {
            people[id] = local
            return local
        }
        problem(at: position, Message(.recordUnknownReference, "person", id.rawValue))
        return nil
    }

    /// After the whole file: one problem listing every workshop the database lacks.
    mutating func finish() {
        guard !missingWorkshops.isEmpty else { return }
        let first = missingWorkshops.values.min() ?? XMLPosition(line: 0, column: 0)
        let refs = missingWorkshops.keys.map(\.description).sorted().joined(separator: ", ")
        problems.append(FileProblem(file: file, line: first.line, column: first.column, message: Message(.recordMissingWorkshops, refs)))
    }

    private mutating func problem(at position: XMLPosition, _ message: Message) {
        problems.append(FileProblem(file: file, line: position.line, column: position.column, message: message))
    }
}
