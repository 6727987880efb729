import Foundation
import Testing

/// Issue 18: plants, people and battles are corrected and removed with the rules of `add`; what
/// something refers to is never removed from under it.
@Suite struct EditCommandTests {
    let battle = "Batalla de La Gaviota"

    @Test func plantsAreEditedAndRemovedWhenNothingRefersToThem() throws {
        let cli = try BattleCommandTests().battle()
        let edited = try cli.run("plant", "edit", "la gaviota", "--name", "La Gaviota II", "--state", "falcon", "--ownership", "worker-controlled")
        #expect(edited.code == 0, "\(edited.stderr)")
        #expect(edited.stderr == "formation: changed plant La Gaviota II: name La Gaviota → La Gaviota II; state Sucre → Falcón; ownership state-owned → worker-controlled\n",
                "\(edited.stderr)")
        #expect(edited.stdout.isEmpty)
        let same = try cli.run("plant", "edit", "La Gaviota II", "--state", "Falcón")
        #expect(same.code == 0)
        #expect(same.stderr.contains("plant La Gaviota II already reads so: nothing changed"), "\(same.stderr)")

        #expect(try cli.run("plant", "add", "Amuay", "--state", "Falcón").code == 0)
        let taken = try cli.run("plant", "edit", "Amuay", "--name", "La Gaviota II")
        #expect(taken.code == 65)
        #expect(taken.stderr.contains("La Gaviota II"), "\(taken.stderr)")

        let used = try cli.run("plant", "remove", "La Gaviota II")
        #expect(used.code == 65)
        #expect(used.stderr == "formation: error: plant La Gaviota II cannot be removed: it is used by 5 people (Ana Rivas, Beto Salazar, Carla Mendoza, …), 1 battle (Batalla de La Gaviota)\n",
                "\(used.stderr)")
        let removed = try cli.run("plant", "remove", "amuay")
        #expect(removed.code == 0)
        #expect(removed.stderr == "formation: removed plant Amuay\n")
        #expect(!(try cli.run("plant", "list").stdout.contains("Amuay")))
        #expect(try cli.run("plant", "edit", "La Gaviota II").code == 64, "nothing to change is a usage error")
        #expect(try cli.run("plant", "edit", "La Gaviota II", "--sector", "Pesca", "--no-sector").code == 64)
    }

    @Test func peopleAreEditedWithTheRuleOfAddAndRemovedWithoutAHistory() throws {
        let cli = try BattleCommandTests().battle()
        let edited = try cli.run("person", "edit", "ana rivas", "--name", "Ana Rivas de Pérez", "--retired", "--sector", "public", "--no-plant")
        #expect(edited.code == 0, "\(edited.stderr)")
        #expect(edited.stderr == "formation: changed person Ana Rivas de Pérez: name Ana Rivas → Ana Rivas de Pérez; home plant La Gaviota → none; retired no → yes; sector none → public\n",
                "\(edited.stderr)")
        let json = try #require(try cli.json("person", "show", "Ana Rivas de Pérez") as? [String: Any])
        #expect(json["retired"] as? Bool == true && json["plant"] is NSNull && json["sector"] as? String == "public")
        #expect(try cli.run("person", "edit", "Ana Rivas de Pérez", "--no-retired", "--plant", "La Gaviota").code == 0)

        // A rename onto someone else's name at the same plant is the duplicate rule of person add.
        let clash = try cli.run("person", "edit", "Beto Salazar", "--name", "ANA RIVAS DE PÉREZ")
        #expect(clash.code == 65)
        #expect(clash.stderr.contains("Ana Rivas de Pérez is registered at La Gaviota already (id "), "\(clash.stderr)")
        #expect(try cli.run("person", "edit", "Beto Salazar", "--name", "ANA RIVAS DE PÉREZ", "--force").code == 0)

        // Ana teaches a session and has a shift: merged, never removed; Elena, with nothing, goes.
        let session = try BattleCommandTests().addSession(cli, "proportion-by-eye", "2026-12-01 14:00", "2026-12-01 16:00",
                                                          place: "Taller", facilitator: "Carla Mendoza")
        try #require(session.code == 0)
        try #require(try cli.run("shift", "add", "--battle", battle, "--person", "Darío Pérez", "--start", "2026-12-02 06:00",
                                 "--end", "2026-12-02 14:00").code == 0)
        let taught = try cli.run("person", "remove", "Carla Mendoza")
        #expect(taught.code == 65)
        #expect(taught.stderr.contains("Carla Mendoza cannot be removed: their history would be lost (participations: 1, shifts: 0)"), "\(taught.stderr)")
        #expect(taught.stderr.contains("formation person merge KEEP 'Carla Mendoza'"))
        let onShift = try cli.run("person", "remove", "Darío Pérez")
        #expect(onShift.code == 65)
        #expect(onShift.stderr.contains("they have shifts (1)"), "\(onShift.stderr)")
        let removed = try cli.run("person", "remove", "elena bravo")
        #expect(removed.code == 0)
        #expect(removed.stderr == "formation: removed person Elena Bravo\n")
    }

    @Test func aSecondPersonOfTheSameNameAtAPlantNeedsForce() throws {
        let cli = try BattleCommandTests().battle()
        let first = try #require(try cli.json("person", "list") as? [[String: Any]]).first { $0["name"] as? String == "Darío Pérez" }
        let id = String(try #require(first?["id"] as? String).prefix(8))
        // Decomposed (NFD) and in capitals: the same name in NFC without regard to case.
        let twice = try cli.run("person", "add", "DARI\u{0301}O PE\u{0301}REZ", "--plant", "La Gaviota")
        #expect(twice.code == 65)
        #expect(twice.stderr == "formation: error: Darío Pérez is registered at La Gaviota already (id \(id)); give --force to register another person of that name\n",
                "\(twice.stderr)")
        #expect(try cli.run("person", "add", "Darío Pérez").code == 0, "no home plant: another person")
        #expect(try cli.run("person", "add", "darío pérez").code == 65, "two without a plant")
        let forced = try cli.run("person", "add", "Darío Pérez", "--plant", "La Gaviota", "--force")
        #expect(forced.code == 0)
        #expect(forced.stdout.count == 37)
        var spanish = cli
        spanish.language = "es"
        let es = try spanish.run("person", "add", "Ana Rivas", "--plant", "la gaviota")
        #expect(es.stderr.contains("Ana Rivas ya está registrado en La Gaviota (id "), "\(es.stderr)")
    }

    @Test func battlesAreEditedKeepingTheirSessionsInside() throws {
        let cli = try BattleCommandTests().battle()
        let session = try BattleCommandTests().addSession(cli, "proportion-by-eye", "2026-12-04 14:00", "2026-12-04 16:00",
                                                          place: "Taller", facilitator: "Ana Rivas")
        try #require(session.code == 0)
        try #require(try cli.run("shift", "add", "--battle", battle, "--person", "Beto Salazar", "--start", "2026-12-05 06:00",
                                 "--end", "2026-12-05 14:00").code == 0)
        let before = try ChangeLogTests.dump(cli)
        let outside = try cli.run("battle", "edit", battle, "--start", "2/12/2026", "--end", "3/12/2026")
        #expect(outside.code == 65)
        #expect(outside.stderr.hasPrefix("formation: error: the battle would run from 2026-12-02 to 2026-12-03, leaving outside it: freehand-drawing/proportion-by-eye @ Taller, 2026-12-04 14:00–16:00 ["),
                "\(outside.stderr)")
        #expect(outside.stderr.contains("; Beto Salazar, 2026-12-05 06:00–14:00 ["))
        #expect(try ChangeLogTests.dump(cli) == before, "nothing written")

        let renamed = try cli.run("battle", "edit", battle, "--name", "Batalla de La Gaviota 2026", "--start", "2026-12-02")
        #expect(renamed.code == 0)
        #expect(renamed.stderr == "formation: changed battle Batalla de La Gaviota 2026: name Batalla de La Gaviota → Batalla de La Gaviota 2026; start 2026-12-01 → 2026-12-02\n",
                "\(renamed.stderr)")
        // A zone typed wrong is corrected: the session keeps its local time.
        let zone = try cli.run("battle", "edit", "Batalla de La Gaviota 2026", "--time-zone", "America/Bogota")
        #expect(zone.code == 0, "\(zone.stderr)")
        let sessions = try #require(try cli.json("session", "list", "--battle", "Batalla de La Gaviota 2026") as? [[String: Any]])
        #expect(sessions.first?["start"] as? String == "2026-12-04T14:00:00-05:00")
        #expect(try cli.run("battle", "edit", "Batalla de La Gaviota 2026", "--time-zone", "Mars/Olympus").code == 65)

        let used = try cli.run("battle", "remove", "Batalla de La Gaviota 2026")
        #expect(used.code == 65)
        #expect(used.stderr.contains("it is used by 1 session (freehand-drawing/proportion-by-eye @ Taller), 1 shift (Beto Salazar)"), "\(used.stderr)")
        #expect(try cli.run("battle", "add", "Otra", "--plant", "La Gaviota", "--start", "2027-01-01", "--end", "2027-01-02").code == 0)
        let removed = try cli.run("battle", "remove", "otra")
        #expect(removed.code == 0)
        #expect(removed.stderr == "formation: removed battle Otra\n")
    }
}
