/// Prior learning recognised (what vocational education calls recognition of prior learning):
/// `person` knows `workshop` from experience outside the programme, as a council or facilitator
/// (`by`) vouched for on the day it was `recorded`.
///
/// It counts as experience for the rules at any instant (`Experience.addQualified`): a retired
/// machinist with thirty years at the lathe may teach freehand drawing at the first battle, and
/// meets its prerequisites. Histories show it apart, as recognised: not attended, no hours.
public struct Qualification: Hashable, Sendable {
    public var person: EntityID
    /// Qualified (`curriculum/workshop`).
    public var workshop: WorkshopRef
    /// When it was recorded, in seconds since 1970.
    public var recorded: Int64
    /// Who vouched for it, when someone did.
    public var by: EntityID?
    public var note: String?

    public init(person: EntityID, workshop: WorkshopRef, recorded: Int64, by: EntityID? = nil, note: String? = nil) {
        self.person = person
        self.workshop = workshop
        self.recorded = recorded
        self.by = by
        self.note = note.flatMap { $0.trimmed.isEmpty ? nil : $0 }
    }
}
