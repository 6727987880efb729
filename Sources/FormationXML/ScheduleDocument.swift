/// A battle's timetable in the shape of the frab/pretalx `schedule.xml` format
/// (`../shared/schemas/schedule.xml.xsd`, voc/schedule), which conference schedule apps read
/// offline. Built by the use case from stored data; written by `ScheduleXMLWriter`.
public struct ScheduleDocument: Sendable, Equatable {
    public struct Person: Sendable, Equatable {
        public let id: Int
        public let guid: String
        public let name: String
        public init(id: Int, guid: String, name: String) {
            self.id = id
            self.guid = guid
            self.name = name
        }
    }

    public struct Event: Sendable, Equatable {
        public let id: Int
        public let guid: String
        public let room: String
        public let title: String
        public let subtitle: String
        public let type: String
        /// ISO 8601 start with the UTC offset: `2026-12-01T09:00:00-04:00`.
        public let date: String
        /// `HH:MM`, local.
        public let start: String
        /// `HH:MM`.
        public let duration: String
        public let abstract: String
        public let slug: String
        public let track: String
        public let persons: [Person]
        public let language: String
        public let description: String

        public init(id: Int, guid: String, room: String, title: String, subtitle: String, type: String, date: String,
                    start: String, duration: String, abstract: String, slug: String, track: String, persons: [Person],
                    language: String, description: String) {
            self.id = id
            self.guid = guid
            self.room = room
            self.title = title
            self.subtitle = subtitle
            self.type = type
            self.date = date
            self.start = start
            self.duration = duration
            self.abstract = abstract
            self.slug = slug
            self.track = track
            self.persons = persons
            self.language = language
            self.description = description
        }
    }

    public struct Room: Sendable, Equatable {
        public let name: String
        public let events: [Event]
        public init(name: String, events: [Event]) {
            self.name = name
            self.events = events
        }
    }

    public struct Day: Sendable, Equatable {
        public let index: Int
        /// `YYYY-MM-DD`.
        public let date: String
        /// Local midnight to the next, with offsets.
        public let start: String
        public let end: String
        public let rooms: [Room]
        public init(index: Int, date: String, start: String, end: String, rooms: [Room]) {
            self.index = index
            self.date = date
            self.start = start
            self.end = end
            self.rooms = rooms
        }
    }

    public let version: String
    public let title: String
    /// `[a-z0-9_-]{4,}`.
    public let acronym: String
    public let start: String
    public let end: String
    public let timeZone: String
    public let tracks: [String]
    public let days: [Day]
    public let generatorVersion: String

    public init(version: String, title: String, acronym: String, start: String, end: String, timeZone: String,
                tracks: [String], days: [Day], generatorVersion: String) {
        self.version = version
        self.title = title
        self.acronym = acronym
        self.start = start
        self.end = end
        self.timeZone = timeZone
        self.tracks = tracks
        self.days = days
        self.generatorVersion = generatorVersion
    }
}

/// Writes a `ScheduleDocument` as schedule.xml: `<day>`s come right after a short
/// `<conference>`, as clients that sniff the first 5,000 characters expect, and every `<event>`
/// carries all the elements real importers need (see `../shared/schemas/README.md`).
public enum ScheduleXMLWriter {
    public static func write(_ document: ScheduleDocument, to destination: XMLDestination) throws -> [UInt8] {
        let xml = try XMLTextWriting(to: destination)
        try xml.startDocument()
        try xml.start("schedule")
        try xml.start("generator")
        try xml.attribute("name", "formation")
        try xml.attribute("version", document.generatorVersion)
        try xml.end()
        try xml.element("version", document.version)
        try xml.start("conference")
        try xml.element("title", document.title)
        try xml.element("acronym", document.acronym)
        try xml.element("start", document.start)
        try xml.element("end", document.end)
        try xml.element("days", String(document.days.count))
        try xml.element("time_zone_name", document.timeZone)
        for track in document.tracks {
            try xml.start("track")
            try xml.attribute("name", track)
            try xml.end()
        }
        try xml.end()
        for day in document.days {
            try xml.start("day")
            try xml.attribute("index", String(day.index))
            try xml.attribute("date", day.date)
            try xml.attribute("start", day.start)
            try xml.attribute("end", day.end)
            for room in day.rooms {
                try xml.start("room")
                try xml.attribute("name", room.name)
                for event in room.events { try write(event, xml) }
                try xml.end()
            }
            try xml.end()
        }
        try xml.end()
        try xml.finish()
        return xml.sink.bytes
    }

    private static func write(_ event: ScheduleDocument.Event, _ xml: XMLTextWriting) throws {
        try xml.start("event")
        try xml.attribute("id", String(event.id))
        try xml.attribute("guid", event.guid)
        try xml.element("room", event.room)
        try xml.element("title", event.title)
        try xml.element("subtitle", event.subtitle)
        try xml.element("type", event.type)
        try xml.element("date", event.date)
        try xml.element("start", event.start)
        try xml.element("duration", event.duration)
        try xml.element("abstract", event.abstract)
        try xml.element("slug", event.slug)
        try xml.element("track", event.track)
        try xml.element("language", event.language)
        try xml.element("description", event.description)
        try xml.start("persons")
        for person in event.persons {
            try xml.start("person")
            try xml.attribute("id", String(person.id))
            try xml.attribute("guid", person.guid)
            try xml.text(person.name)
            try xml.end()
        }
        try xml.end()
        try xml.end()
    }
}
