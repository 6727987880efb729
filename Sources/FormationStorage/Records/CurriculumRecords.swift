internal import GRDB
import FormationDomain
internal import Foundation

/// The human texts of a workshop, stored as one JSON column: they are always read whole.
///
/// The column is written and read by hand (`WorkshopContent+JSON.swift`); `Codable` stays only as
/// the reference the tests hold that code to, byte for byte.
struct WorkshopContent: Codable, Equatable {
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

    init(title: LocalizedText, summary: LocalizedText, objectives: [LocalizedText], materials: [LocalizedText],
         competencies: [LocalizedText], outline: [Activity]) {
        self.title = title
        self.summary = summary
        self.objectives = objectives
        self.materials = materials
        self.competencies = competencies
        self.outline = outline
    }

    /// Reads the `content` of the workshop `ref` (`curriculum/workshop`, for the error).
    /// - Throws: `DamagedColumn` when the text is not the JSON we write.
    init(column text: String, of ref: @autoclosure () -> String) throws {
        do {
            try self.init(json: text)
        } catch let error as JSONColumnError {
            throw DamagedColumn(kind: .workshop, id: ref(), reason: error.description)
        }
    }
}

extension CurriculumHeader {
    /// Reads the `header` of the curriculum `id` (for the error).
    /// - Throws: `DamagedColumn` when the text is not the JSON we write.
    init(column text: String, of id: @autoclosure () -> String) throws {
        do {
            try self.init(json: text)
        } catch let error as JSONColumnError {
            throw DamagedColumn(kind: .curriculum, id: id(), reason: error.description)
        }
    }
}

/// Small JSON columns through Foundation (a recorded conflict's arguments); the workshop and
/// curriculum columns, read and written far more often, have their own code (`JSONColumnWriter`).
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
    /// The columns `init(row:prerequisites:)` reads, selected in this order and read by position:
    /// GRDB's lookup by name lowercases the name on every read (BENCHMARKS.md: 12% of a report).
    /// The eighth, `retired`, is not part of the workshop: `WorkshopEntry` carries it.
    static let storedColumns = "id, category, minutes, minParticipants, maxParticipants, content, curriculumId, retired"

    /// Rebuilds a workshop from its row (`storedColumns`) and its prerequisites (in their stored order).
    init(row: Row, prerequisites: [WorkshopRef]) throws {
        let id: String = row[0]
        let content = try WorkshopContent(column: row[5], of: "\(row[6] as String)/\(id)")
        self.init(
            id: Slug(trusted: id), title: content.title, summary: content.summary,
            objectives: content.objectives, prerequisites: prerequisites, durationMinutes: row[2],
            materials: content.materials, competencies: content.competencies,
            category: try stored(row[1], column: "workshop.category"),
            minParticipants: row[3], maxParticipants: row[4],
            outline: content.outline)
    }
}
