import Foundation
import Testing

/// `person qualify` end to end: its messages, history, facilitator lists and battle records, and a
/// short session's refusal as printed. The rules of prior learning and of a session held below its
/// minimum are tested on the use cases (FormationUseCasesTests/Scheduling/PriorLearningRulesTests.swift).
@Suite struct PriorLearningTests {
    let base = BattleCommandTests()
    static let battle = "Batalla de La Gaviota"

    func session(_ cli: CLI, _ workshop: String, _ start: String, _ end: String, _ facilitator: String, force: Bool = false) throws -> CLI.Result {
        try base.addSession(cli, workshop, start, end, place: "Taller", facilitator: facilitator, force: force)
    }

    @Test func qualifyingLetsAFirstFacilitatorTeachAndUnqualifyingTakesItBack() throws {
        let cli = try base.battle()
        let refused = try session(cli, "proportion-by-eye", "2026-12-01 09:00", "2026-12-01 11:00", "Ana Rivas")
        #expect(refused.code == 65)
        #expect(refused.stderr.contains("Ana Rivas has never attended nor taught freehand-drawing/proportion-by-eye"))
        let qualified = try cli.run("person", "qualify", "ana rivas", "proportion-by-eye", "--note", "treinta años en el torno", "--by", "Beto Salazar")
        #expect(qualified.code == 0)
        #expect(qualified.stdout.isEmpty)
        #expect(qualified.stderr == "formation: recognised Ana Rivas's prior learning in freehand-drawing/proportion-by-eye: it counts as experience to teach it and as its prerequisite\n")
        let again = try cli.run("person", "qualify", "Ana Rivas", "freehand-drawing/proportion-by-eye", "--lang", "es")
        #expect(again.stderr.contains("el saber previo de Ana Rivas en freehand-drawing/proportion-by-eye ya estaba reconocido desde el"), "\(again.stderr)")
        let added = try session(cli, "proportion-by-eye", "2026-12-01 09:00", "2026-12-01 11:00", "Ana Rivas")
        #expect(added.code == 0, "\(added.stderr)")
        #expect(added.stderr == "formation: added session freehand-drawing/proportion-by-eye @ Taller, 2026-12-01 09:00\n", "\(added.stderr)")
        // Withdrawn: the session is judged again without it.
        let withdrawn = try cli.run("person", "unqualify", "Ana Rivas", "proportion-by-eye")
        #expect(withdrawn.stderr == "formation: withdrew the recognition of Ana Rivas's prior learning in freehand-drawing/proportion-by-eye\n")
        #expect(try cli.run("battle", "check", Self.battle).stdout.contains("[warning] Ana Rivas has never attended nor taught"))
        let none = try cli.run("person", "unqualify", "Ana Rivas", "proportion-by-eye")
        #expect(none.code == 0 && none.stderr.contains("Ana Rivas had no recognised prior learning in freehand-drawing/proportion-by-eye"))
        #expect(try cli.run("person", "qualify", "Ana Rivas").code == 64)
        #expect(try cli.run("person", "qualify", "Ana Rivas", "no-such-workshop").code == 65)
        // Both changes are in the log, and undone like any other.
        let log = try cli.run("log", "--limit", "3")
        #expect(log.stdout.contains("removed prior learning of Ana Rivas in freehand-drawing/proportion-by-eye"), "\(log.stdout)")
        #expect(try cli.run("undo").code == 0)
        #expect(!(try cli.run("battle", "check", Self.battle).stdout.contains("never attended nor taught")))
    }

    @Test func aQualifiedPrerequisiteIsMetAndHistoryShowsItApart() throws {
        let cli = try base.battle()
        try #require(try cli.run("person", "qualify", "Beto Salazar", "proportion-by-eye", "orthographic-views", "--note", "dibujante técnico").code == 0)
        try #require(try cli.run("person", "qualify", "Carla Mendoza", "orthographic-views").code == 0)
        let views = try session(cli, "orthographic-views", "2026-12-02 09:00", "2026-12-02 11:30", "Carla Mendoza")
        try #require(views.code == 0, "\(views.stderr)")
        #expect(try cli.run("attend", base.id(views), "Beto Salazar").code == 0)

        let text = try cli.run("history", "Beto Salazar")
        #expect(text.stdout.contains("Prior learning recognised (2)"), "\(text.stdout)")
        #expect(text.stdout.contains("recognised on "), "\(text.stdout)")
        #expect(text.stdout.contains("not attended, no hours · dibujante técnico"))
        #expect(text.stdout.contains("Hours learning: 0 h"), "\(text.stdout)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cli.run("history", "Beto Salazar", "--format", "json").stdout.utf8)) as? [String: Any])
        let recognised = try #require(json["recognised"] as? [[String: Any]])
        #expect(recognised.compactMap { $0["workshop"] as? String } == ["freehand-drawing/orthographic-views", "freehand-drawing/proportion-by-eye"])
        #expect(Set(recognised[0].keys) == ["workshop", "title", "recorded", "by", "note"])
        #expect((json["attended"] as? [Any])?.isEmpty == true && json["hoursAttended"] as? Double == 0)
        // What it opens up: isometric sketching needs orthographic views.
        #expect((json["readyFor"] as? [[String: Any]])?.contains { $0["ref"] as? String == "freehand-drawing/isometric-sketch" } == true)
        let html = try cli.run("history", "Beto Salazar", "--format", "html", "--lang", "es")
        #expect(html.stdout.contains("Saber previo reconocido (2)"))
        #expect(html.stdout.contains("no asistido, sin horas"))
        // Someone with none shows no such section.
        #expect(!(try cli.run("history", "Elena Bravo").stdout.contains("Prior learning")))

        let facilitators = try cli.run("workshop", "facilitators", "orthographic-views", "--format", "json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(facilitators.stdout.utf8)) as? [[String: Any]])
        #expect(!list.isEmpty && list.allSatisfy { $0["qualified"] as? Bool == true }, "\(facilitators.stdout)")
        #expect(try cli.run("workshop", "facilitators", "orthographic-views").stdout.contains("Beto Salazar (recognised)"))
    }

    @Test func aShortSessionIsSoftAndTravelsWhenForced() throws {
        let cli = try base.battle()
        try #require(try cli.run("person", "qualify", "Ana Rivas", "proportion-by-eye").code == 0)
        let short = try session(cli, "proportion-by-eye", "2026-12-01 09:00", "2026-12-01 10:00", "Ana Rivas")
        #expect(short.code == 65)
        #expect(short.stderr == "formation: error: the session lasts 60 min, less than the workshop's 120 min — a soft conflict: --force goes ahead and records it\n")
        let forced = try session(cli, "proportion-by-eye", "2026-12-01 09:00", "2026-12-01 10:00", "Ana Rivas", force: true)
        #expect(forced.code == 0)
        #expect(forced.stderr.contains("recorded conflict: the session lasts 60 min"))
        #expect(try cli.run("battle", "check", Self.battle).stdout.contains("[forced] the session lasts 60 min, less than the workshop's 120 min"))
        #expect(try cli.exportRecord(Self.battle, to: "r.xml").text.contains("kind=\"shortSession\""))
    }

    @Test func aRecordWithQualificationsRoundTripsAndFollowsMerges() throws {
        let here = try base.battle()
        try #require(try here.run("person", "qualify", "Ana Rivas", "proportion-by-eye", "--by", "Elena Bravo", "--note", "30 años <torno> & fresa").code == 0)
        let id = base.id(try session(here, "proportion-by-eye", "2026-12-01 09:00", "2026-12-01 11:00", "Ana Rivas"))
        try #require(try here.run("attend", id, "Beto Salazar").code == 0)
        let (first, written) = try here.exportRecord(Self.battle, to: "first.xml")
        #expect(written.contains("<qualification person=\""), "\(written)")
        #expect(written.contains("<note>30 años &lt;torno&gt; &amp; fresa</note>"))
        // Elena vouched: she travels as a person though she is in no session.
        #expect(written.contains("<name>Elena Bravo</name>"))

        let there = try CLI()
        try #require(try there.run(arguments: ["import"] + CurriculumCommandTests.packs + [first]).code == 0)
        #expect(try there.exportRecord(Self.battle, to: "again.xml").text.utf8.elementsEqual(written.utf8), "byte for byte")
        #expect(try there.run("battle", "check", Self.battle).stdout == "no conflicts\n")
        #expect(try there.run("history", "Ana Rivas").stdout.contains("vouched for by Elena Bravo · 30 años <torno> & fresa"))

        // There, Ana is merged into a local record of her; a later record's recognition follows her.
        try #require(try there.run("person", "add", "Ana María Rivas").code == 0)
        try #require(try there.run("person", "merge", "Ana María Rivas", "Ana Rivas").code == 0)
        try #require(try here.run("person", "qualify", "Ana Rivas", "orthographic-views").code == 0)
        let imported = try there.run("import", try here.exportRecord(Self.battle, to: "second.xml").path)
        #expect(imported.code == 0, "\(imported.stderr)")
        let history = try there.run("history", "Ana María Rivas")
        #expect(history.stdout.contains("Prior learning recognised (2)"), "\(history.stdout)")
        #expect(history.stdout.contains("[freehand-drawing/orthographic-views]"))
    }

    @Test func olderRecordsWithoutQualificationsStillValidate() throws {
        let cli = try base.battle()
        let id = base.id(try session(cli, "proportion-by-eye", "2026-12-01 09:00", "2026-12-01 11:00", "Ana Rivas", force: true))
        try #require(try cli.run("attend", id, "Beto Salazar").code == 0)
        let record = try cli.exportRecord(Self.battle, to: "old.xml")
        #expect(!record.text.contains("qualification"))
        #expect(try cli.run("validate", record.path).code == 0)
    }
}
