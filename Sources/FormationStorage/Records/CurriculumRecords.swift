internal import GRDB
import FormationDomain
internal import Foundation

/// The human texts of a workshop, stored as one JSON column: they are always read whole.
struct WorkshopContent: Codable {
    var title: LocalizedText
    var summary: LocalizedText
    var objectives: [LocalizedText]
    var materials: [LocalizedText]
    var competencies: [LocalizedText]
    var outline: [Activity]

    init(_ workshop: Workshop) {
        title = workshop.title
        summary = workshop.summary
        objectives = workshop.objectives
        materials = workshop.materials
        competencies = workshop.competencies
        outline = workshop.outline
    }
}

enum JSONColumn {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

extension Workshop {
    /// Rebuilds a workshop from its row and its prerequisites (in their stored order).
    init(row: Row, prerequisites: [WorkshopRef]) throws {
        let content = try JSONColumn.decode(WorkshopContent.self, row["content"])
        self.init(
            id: Slug(trusted: row["id"]), title: content.title, summary: content.summary,
            objectives: content.objectives, prerequisites: prerequisites, durationMinutes: row["minutes"],
            materials: content.materials, competencies: content.competencies,
            category: WorkshopCategory(rawValue: row["category"]) ?? .technical,
            minParticipants: row["minParticipants"], maxParticipants: row["maxParticipants"],
            outline: content.outline)
    }
}
