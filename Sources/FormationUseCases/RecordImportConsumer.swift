import FormationDomain
import FormationStorage
import FormationXML

/// Merges a battle record, item by item as the reader streams it, into the import's transaction.
///
/// Merge rules: everything is matched by UUID, so importing the same record twice changes
/// nothing; a person already here (or merged into someone) keeps one identity; a plant already here
/// under the same name is the same plant; what is already here stays as it is, what is new is
/// added; participations keep the stronger status; a qualification already here keeps its own date,
/// voucher and note. Sessions or qualifications whose workshop this database lacks refuse the whole
/// import, listing the missing workshops.
///
/// A record is data from outside, held to what `session add` holds a facilitator to:
/// its battle's time zone must be known here; an id already here must be the same thing (a battle
/// with the same name, plant, dates and zone; a session or shift of the same battle); a new battle
/// may not take the name of another one; and, once the whole record is in the transaction
/// (`finish(checking:)`), none of its sessions may have a hard conflict (outside the battle's
/// days, a person in two places at once, within the record or with what is here). Each is a
/// problem at the element's place in the file, and any problem means nothing is written.
struct RecordImportConsumer: BattleRecordConsumer {
    let transaction: ScheduleTransaction
    let file: String

    private(set) var problems: [FileProblem] = []
    private(set) var battle: Battle?
    /// The battle's clock, once its zone is known to be valid here.
    private var clock: LocalClock?
    private(set) var sessionsAdded = 0
    private(set) var sessionsKnown = 0
    private(set) var peopleAdded = 0
    /// People of this database merged because the record says another plant merged them.
    private(set) var mergesApplied = 0
    /// People the record added whose name (folded) matches someone else's at the same plant: the
    /// same worker registered at two plants, perhaps. Pointed out, never merged.
    private(set) var possibleDuplicates: [(added: Person, existing: EntityID, existingName: String)] = []
    /// Everyone here by plant and folded name, read when the record first adds someone.
    private var folded: [String: [(id: EntityID, name: String)]]?
    /// Workshops sessions refer to that this database lacks, with the first place each is named.
    private(set) var missingWorkshops: [WorkshopRef: XMLPosition] = [:]
    /// Workshops already found in the database: one query per workshop, not per session.
    private var knownWorkshops = Set<WorkshopRef>()
    private var plants: [EntityID: EntityID] = [:]
    private var people: [EntityID: EntityID] = [:]
    /// Where each of the record's sessions starts in the file, to locate its conflicts.
    private var sessionPositions: [EntityID: XMLPosition] = [:]

    init(transaction: ScheduleTransaction, file: String) {
        self.transaction = transaction
        self.file = file
    }

    mutating func item(_ item: BattleRecordItem, at position: XMLPosition) throws {
        try transaction.curricula.stopIfInterrupted()
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
                problem(at: position, Message(.recordUnknownReference, arguments: [.message(Message(.kindPlant)), .text(battle.plant.rawValue)]))
                return
            }
            battle.plant = plant
            // Everything about a battle is read in its zone: one this machine does not know would
            // break every history, lineage and export that touches it.
            guard let clock = try? LocalClock(timeZone: battle.timeZone) else {
                problem(at: position, Message(.recordUnknownTimeZone, battle.timeZone))
                return
            }
            if let local = try transaction.battle(battle.id) {
                guard local == battle else {
                    problem(at: position, Message(.recordBattleDiffers, battle.id.short, try describe(local), try describe(battle)))
                    return
                }
            } else {
                if let other = try transaction.battle(named: battle.name, other: battle.id) {
                    problem(at: position, Message(.recordBattleNameTaken, battle.name, other.short))
                    return
                }
                try transaction.insertBattle(battle)
            }
            self.battle = battle
            self.clock = clock
        case .person(var person, let aliases):
            var target = try transaction.localPerson(person.id)
            // Both plants merged the same two people, in opposite directions: the smaller id is kept at
            // both, so that they end with the same people whatever the order records travel in.
            let crossed = target.map { $0 != person.id && aliases.contains($0) && person.id < $0 } ?? false
            if target == nil || crossed {
                if let plant = person.plant {
                    guard let local = plants[plant] else {
                        problem(at: position, Message(.recordUnknownReference, arguments: [.message(Message(.kindPlant)), .text(plant.rawValue)]))
                        return
                    }
                    person.plant = local
                }
                try transaction.insertPerson(person)
                if target == nil {
                    peopleAdded += 1
                    try notePossibleDuplicates(of: person)
                }
                target = person.id
            }
            guard let kept = target else { return }
            // Merges made at the other plant (or here), made here too.
            for alias in aliases where alias != kept {
                let found = try transaction.localPerson(alias)
                guard let here = found else {
                    try transaction.alias(alias, to: kept)   // unknown here: later records naming it lead to `kept`
                    continue
                }
                guard here != kept else { continue }
                do {
                    _ = try PersonMerge.merge(keep: kept, drop: here, in: transaction)
                    if here != alias { try transaction.alias(alias, to: kept) }
                    mergesApplied += 1
                } catch let refused as PersonMergeRefused {
                    problem(at: position, refused.message)
                }
            }
            people[person.id] = kept
        case .session(let session, let participations):
            guard let battle, wholeMinutes(session.start, session.end, at: position) else { return }
            guard try knownWorkshops.contains(session.workshop) || transaction.workshopExists(session.workshop) else {
                if missingWorkshops[session.workshop] == nil { missingWorkshops[session.workshop] = position }
                return
            }
            knownWorkshops.insert(session.workshop)
            if let owner = try transaction.battleOfSession(session.id) {
                guard owner == battle.id else {
                    problem(at: position, Message(.recordSessionOfAnotherBattle, session.id.rawValue,
                                                  try transaction.battle(owner)?.name ?? owner.short))
                    return
                }
                sessionsKnown += 1
            } else {
                try transaction.insert(session)
                sessionsAdded += 1
            }
            sessionPositions[session.id] = position
            for participation in participations {
                guard let person = try person(participation.person, at: position) else { continue }
                try transaction.merge(Participation(session: session.id, person: person, role: participation.role, status: participation.status))
            }
        case .shift(var shift):
            guard battle != nil, wholeMinutes(shift.start, shift.end, at: position),
                  let person = try person(shift.person, at: position) else { return }
            shift.person = person
            if let local = try transaction.shift(shift.id) {
                if local.battle != shift.battle || local.person != shift.person {
                    problem(at: position, Message(.recordShiftDiffers, shift.id.rawValue))
                }
                return
            }
            try transaction.insertIfMissing(shift)
        case .conflict(let session, let kind, let person, var arguments):
            // A session refused above has no row: nothing to attach to.
            guard let battle, let owner = try transaction.battleOfSession(session) else { return }
            guard owner == battle.id else {
                problem(at: position, Message(.recordConflictOfAnotherBattle, session.rawValue))
                return
            }
            // Known by the person's id, their name's slot left empty (`ScheduleConflict.recorded(on:)`);
            // a record from before the person was written finds them by name among the session's people.
            var local: EntityID?
            if let person {
                guard let found = try self.person(person, at: position) else { return }
                local = found
            } else if ScheduleConflict.Kind(rawValue: kind)?.isAboutAPerson == true, let name = arguments.first {
                local = try transaction.personInSession(session, named: name)
            }
            if local != nil, !arguments.isEmpty { arguments[0] = "" }
            try transaction.record(RecordedConflict(session: session, kind: kind, person: local, arguments: arguments))
        case .qualification(var qualification):
            // Its person and voucher through the same ids and merges as everyone else's references.
            guard battle != nil, let person = try person(qualification.person, at: position) else { return }
            qualification.person = person
            if let by = qualification.by {
                guard let voucher = try self.person(by, at: position) else { return }
                qualification.by = voucher
            }
            guard try knownWorkshops.contains(qualification.workshop) || transaction.workshopExists(qualification.workshop) else {
                if missingWorkshops[qualification.workshop] == nil { missingWorkshops[qualification.workshop] = position }
                return
            }
            knownWorkshops.insert(qualification.workshop)
            // What is here stays: a recognition already recorded keeps its date, voucher and note.
            try transaction.insertIfMissing(qualification)
        case .rosterEntry(var entry):
            guard let battle, let person = try person(entry.person, at: position) else { return }
            guard entry.days(in: battle) != nil else {
                problem(at: position, Message(.rosterOutsideBattle, entry.from?.description ?? battle.start.description,
                                              entry.to?.description ?? battle.end.description,
                                              battle.start.description, battle.end.description))
                return
            }
            entry.person = person
            entry.battle = battle.id
            // What is here stays: someone already on the roster keeps their days.
            try transaction.insertIfMissing(entry)
        }
    }

    /// The local id of a person the record names: declared in the record, or already here.
    private mutating func notePossibleDuplicates(of person: Person) throws {
        if folded == nil {
            var index: [String: [(id: EntityID, name: String)]] = [:]
            for (id, name, plant) in try transaction.everyPersonName() where id != person.id {
                index[LikelyDuplicates.key(name, plant), default: []].append((id, name))
            }
            folded = index
        }
        let key = LikelyDuplicates.key(person.name, person.plant)
        for other in folded?[key] ?? [] { possibleDuplicates.append((person, other.id, other.name)) }
        folded?[key, default: []].append((person.id, person.name))
    }

    private mutating func person(_ id: EntityID, at position: XMLPosition) throws -> EntityID? {
        if let local = people[id] { return local }
        if let local = try transaction.localPerson(id) {
            people[id] = local
            return local
        }
        problem(at: position, Message(.recordUnknownReference, arguments: [.message(Message(.kindPerson)), .text(id.rawValue)]))
        return nil
    }

    /// After the whole file: one problem listing every workshop the database lacks; then, if the
    /// record is otherwise clean, every hard conflict of its sessions, judged by the same rules and
    /// batched reading as `battle check` over the battle as it would be once imported.
    mutating func finish(checking scheduling: Scheduling) throws {
        if !missingWorkshops.isEmpty {
            let first = missingWorkshops.values.min() ?? XMLPosition(line: 0, column: 0)
            let refs = missingWorkshops.keys.map(\.description).sorted().joined(separator: ", ")
            problems.append(FileProblem(file: file, line: first.line, column: first.column, message: Message(.recordMissingWorkshops, refs)))
        }
        guard problems.isEmpty, let battle, let clock, !sessionPositions.isEmpty else { return }
        let judged = try scheduling.conflicts(ofBattle: battle, clock: clock,
                                              sessions: transaction.sessionsWithNames(ofBattle: battle.id), transaction,
                                              hardOnly: true).conflicts
        var found: [FileProblem] = []
        for entry in judged {
            guard let position = sessionPositions[entry.session.id] else { continue }  // a session only here
            for conflict in entry.conflicts where conflict.isHard {
                found.append(FileProblem(file: file, line: position.line, column: position.column,
                                         message: Message(.recordHardConflict, arguments: [.text(entry.label.description), .message(conflict.message(entry.names))])))
            }
        }
        problems += found.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// Times are typed to the minute on the battle's clock, and a transfer must never move them:
    /// a time with seconds (`10:00:10`) is refused rather than rounded.
    private mutating func wholeMinutes(_ times: Int64..., at position: XMLPosition) -> Bool {
        guard let clock, let odd = times.first(where: { !clock.isWholeMinute($0) }) else { return true }
        problem(at: position, Message(.recordTimeNotWholeMinute, ISO8601Local.string(odd, clock), clock.timeZone))
        return false
    }

    /// A battle as the messages that compare two of them show it.
    private func describe(_ battle: Battle) throws -> String {
        let plant = try transaction.plantName(battle.plant) ?? battle.plant.short
        return "'\(battle.name)', \(plant), \(battle.start)–\(battle.end), \(battle.timeZone)"
    }

    private mutating func problem(at position: XMLPosition, _ message: Message) {
        problems.append(FileProblem(file: file, line: position.line, column: position.column, message: message))
    }
}
