public import FormationDomain
internal import FormationStorage

extension ChangeLog {
    /// An edited plant, person, battle, session or shift in words, with what changed:
    /// "changed person Ana Rivas (name Ana R. → Ana Rivas; home plant)". Nil for other rows.
    static func edited(_ row: ChangedRow) -> Message? {
        guard row.kind == .update, ["plant", "person", "battle", "session", "shift"].contains(row.table), !row.changed.isEmpty else { return nil }
        var fields: [MessageID] = []
        var parts: [Message] = []
        for column in Self.columnOrder where row.changed.contains(column) {
            guard let field = Self.fields[column], !fields.contains(field) else { continue }
            fields.append(field)
            if Self.shownWithValues.contains(column), let before = row.before[column], let after = row.values[column] {
                parts.append(FieldChange(field, .text(before), .text(after)).message)
            } else {
                parts.append(Message(field))
            }
        }
        guard !parts.isEmpty else { return nil }
        return Message(.logChangedFields, arguments: [.message(label(row)), .message(joined(parts))])
    }

    /// Columns in the order a change names them.
    private static let columnOrder = ["name", "state", "sector", "ownership", "plantId", "retired", "startDate", "endDate", "timeZone",
                                      "personId", "curriculumId", "workshopId", "start", "end", "place"]

    private static let fields: [String: MessageID] = [
        "name": .fieldName, "state": .fieldState, "sector": .fieldSector, "ownership": .fieldOwnership, "plantId": .fieldPlant,
        "retired": .fieldRetired, "startDate": .fieldStart, "endDate": .fieldEnd, "timeZone": .fieldTimeZone, "personId": .fieldPerson,
        "curriculumId": .fieldWorkshop, "workshopId": .fieldWorkshop, "start": .fieldTime, "end": .fieldTime, "place": .fieldPlace,
    ]

    /// Columns whose values read well as they are stored.
    private static let shownWithValues: Set<String> = ["name", "state", "sector", "startDate", "endDate", "timeZone", "place"]
}
