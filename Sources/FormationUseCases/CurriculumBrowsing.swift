public import FormationDomain
public import FormationStorage

/// What `curriculum list|show` and `workshop list|show` show: stored curricula and workshops.
public struct CurriculumBrowsing: Sendable {
    /// A curriculum with its workshops (retired ones too, marked).
    public struct CurriculumDetail: Sendable, Equatable {
        public let header: CurriculumHeader
        public let workshops: [WorkshopEntry]
        /// Workshops not retired: what the curriculum counts.
        public var currentWorkshops: Int { workshops.filter { !$0.retired }.count }
    }

    /// A workshop with the titles a lesson plan names it and its prerequisites by.
    public struct WorkshopDetail: Sendable, Equatable {
        public let entry: WorkshopEntry
        /// Nil when the curriculum's header is not stored.
        public let curriculumTitle: LocalizedText?
        /// Each prerequisite's title, qualified ref → title; one not stored (its pack not imported) has none.
        public let prerequisiteTitles: [WorkshopRef: LocalizedText]
    }

    public let store: FormationStore

    public init(store: FormationStore) { self.store = store }

    public func curricula() throws -> [CurriculumSummary] { try store.curricula() }

    /// - Throws: `DomainError` for an id that is not a slug; `LookupError.notFound` for one not stored.
    public func curriculum(_ id: String) throws -> CurriculumDetail {
        let slug = try Slug(id)
        guard let header = try store.curriculumHeader(slug) else { throw LookupError.notFound(kind: .curriculum, query: id) }
        return CurriculumDetail(header: header, workshops: try store.workshops(in: slug))
    }

    /// Every workshop, or those of `curriculum`.
    ///
    /// - Throws: `LookupError.notFound` for a curriculum not stored.
    public func workshops(in curriculum: String?) throws -> [WorkshopEntry] {
        let slug = try curriculum.map { try Slug($0) }
        if let slug, try store.curriculumHeader(slug) == nil { throw LookupError.notFound(kind: .curriculum, query: slug.rawValue) }
        return try store.workshops(in: slug)
    }

    /// A workshop by `curriculum/workshop` or an unambiguous bare id, with the titles around it.
    /// A prerequisite that is not stored is not an error: it is shown by its ref.
    public func workshop(_ ref: String) throws -> WorkshopDetail {
        let entry = try store.workshop(WorkshopRef(parsing: ref))
        var titles: [WorkshopRef: LocalizedText] = [:]
        for prerequisite in entry.workshop.prerequisites {
            let qualified = prerequisite.qualified(in: entry.curriculum)
            do {
                titles[qualified] = try store.workshop(qualified).workshop.title
            } catch LookupError.notFound {
                continue
            }
        }
        return WorkshopDetail(entry: entry, curriculumTitle: try store.curriculumHeader(entry.curriculum)?.title, prerequisiteTitles: titles)
    }
}
