import FormationDomain
import FormationUseCases
import FormationWeb
import Hummingbird
import HummingbirdTesting
import Testing
import CompressNIO

/// The read pages, open to the plant's network: each answers in the reader's language, escapes what
/// it prints, and carries the security headers.
@Suite struct ReadPagesTests {
    @Test func nowAndNextShowsTheSessionUnderWayAndTheNextOne() async throws {
        try await BoardFixture().expectPage("/", acceptLanguage: "es-VE,es;q=0.9,en;q=0.5", showing: [
            "<html lang=\"es\">", "Ahora y después", "Taller mecánico", "09:00–11:00", "14:00–16:30",
            "Línea, círculo y proporción a ojo", "vinieron 1 de 2",
        ])
    }

    @Test func languageComesFromAcceptLanguageThenTheSwitch() async throws {
        let fixture = try BoardFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.9,es;q=0.8"]) { response in
                #expect(response.text.contains("<html lang=\"en\">"))
                #expect(response.text.contains("Now and next"))
                #expect(response.text.contains("href=\"/?lang=es\""))
            }
            try await client.execute(uri: "/?lang=es", method: .get, headers: [.acceptLanguage: "en"]) { response in
                #expect(response.text.contains("<html lang=\"es\">"))
                #expect(response.headers[.setCookie]?.contains("lang=es") == true)
            }
            try await client.execute(uri: "/battles", method: .get, headers: [.acceptLanguage: "en", .cookie: "lang=es"]) { response in
                #expect(response.text.contains("Batallas"))
            }
            #expect(PageLanguage.accepted("fr-FR, en;q=0.3, es;q=0.7") == .es)
            #expect(PageLanguage.accepted("fr, de") == nil)
            #expect(PageLanguage.accepted("es;q=0, en") == .en)
            #expect(PageLanguage.accepted(" es-VE ; q=0.5 ,\tEN-gb;q=0.6") == .en)
            #expect(PageLanguage.accepted("es_VE") == .es)
            #expect(PageLanguage.accepted("eng, esñ, e, , ;q=1") == nil)
            #expect(PageLanguage.accepted("en;q=abc, es;q=0.1") == .es)
            #expect(PageLanguage.accepted("") == nil)
        }
    }

    /// Link checkers and `curl -I` ask HEAD: the GET page's status and headers, no body.
    @Test func headAnswersLikeGetWithoutTheBody() async throws {
        let fixture = try BoardFixture()
        try await fixture.test { client in
            for uri in ["/", "/battles", "/people?q=rondon", "/curricula"] {
                let page = try await client.execute(uri: uri, method: .get, headers: [.acceptLanguage: "es"])
                try await client.execute(uri: uri, method: .head, headers: [.acceptLanguage: "es"]) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.body.readableBytes == 0, "\(uri)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
                    #expect(response.headers[.contentLength] == String(page.body.readableBytes), "\(uri)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                }
            }
            try await client.execute(uri: "/no/such/page", method: .head) { response in
                #expect(response.status == .notFound)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test func everyPageCarriesTheSecurityHeaders() async throws {
        let fixture = try BoardFixture()
        try await fixture.test { client in
            for uri in ["/", "/battles", "/people", "/curricula", "/no/such/page"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true, "\(uri)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
                }
            }
        }
    }

    @Test func aBattleShowsItsDaysAndItsReport() async throws {
        let fixture = try BoardFixture()
        try await fixture.expectPage("/battles/\(fixture.battle.rawValue)", acceptLanguage: "en", showing: [
            "Wednesday, December 2, 2026", "Tuesday, December 1, 2026", "Report of Batalla de La Gaviota", "/sessions/\(fixture.first.rawValue)",
        ])
    }

    @Test func searchForgivesAccentsAndCaseAndLeadsToTheRecord() async throws {
        let fixture = try BoardFixture()
        try await fixture.test { client in
            for query in ["jesus", "JESUS%20PENA", "jesus+pena", "Jes%C3%BAs", "pe"] {
                try await client.execute(uri: "/people?q=\(query)", method: .get) { response in
                    #expect(response.text.contains("href=\"/people/\(fixture.people["Jesús Peña"]!.rawValue)\""), "\(query)")
                }
            }
            try await client.execute(uri: "/people?q=zzz", method: .get, headers: [.acceptLanguage: "en"]) { response in
                #expect(response.text.contains("Nobody"))
            }
        }
        try await fixture.expectPage("/people/\(fixture.people["Jesús Peña"]!.rawValue)", acceptLanguage: "en", showing: [
            "Learning record", "Line, circle and proportion by eye", "María Pérez",
        ])
    }

    @Test func namesAreEscapedWherePrinted() async throws {
        let fixture = try BoardFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/people?q=ana", method: .get) { response in
                #expect(response.text.contains("Ana &lt;b&gt;Rivas&lt;/b&gt; &amp; &quot;Co&quot;"))
                #expect(!response.text.contains("<b>Rivas"))
            }
            // What was typed comes back escaped too, in the field and in "nobody matches".
            try await client.execute(uri: "/people?q=%3Cscript%3E%22", method: .get) { response in
                #expect(!response.text.contains("<script>"))
                #expect(response.text.contains("&lt;script&gt;&quot;"))
            }
        }
    }

    @Test func aWorkshopShowsItsPlanWhoCanTeachItAndItsLineage() async throws {
        let fixture = try BoardFixture()
        // A day later: the first session is over, so María Pérez has taught it.
        try await fixture.test(now: BoardFixture.now + 24 * 3600) { client in
            try await client.execute(uri: "/workshops/freehand-drawing/proportion-by-eye", method: .get, headers: [.acceptLanguage: "en"]) { response in
                #expect(response.status == .ok)
                let page = response.text
                #expect(page.contains("Line, circle and proportion by eye"))
                #expect(page.contains("Objectives"))
                #expect(page.contains("Who can teach it"))
                #expect(page.contains("<svg"))
                #expect(page.contains("María Pérez (taught at Batalla de La Gaviota, 2026-12-02)"))
                #expect(page.contains("1 learned it there"))
            }
            try await client.execute(uri: "/curricula", method: .get) { response in
                #expect(response.text.contains("href=\"/curricula/freehand-drawing\""))
            }
            try await client.execute(uri: "/curricula/freehand-drawing", method: .get) { response in
                #expect(response.text.contains("href=\"/workshops/freehand-drawing/proportion-by-eye\""))
            }
        }
    }

    @Test func errorsArePagesInTheReadersLanguageWithoutDetail() async throws {
        let fixture = try BoardFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/people/nadie", method: .get, headers: [.acceptLanguage: "es"]) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("No se pudo mostrar esta página"))
                #expect(response.text.contains("nadie"))
            }
            try await client.execute(uri: "/../../etc/passwd", method: .get, headers: [.acceptLanguage: "en"]) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("There is no page at this address."))
                #expect(!response.text.contains("root:"))
            }
            try await client.execute(uri: "/workshops/nothing/here", method: .get, headers: [.acceptLanguage: "en"]) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func aKeptPageIsRenderedAgainOnceTheDatabaseChanges() async throws {
        let fixture = try BoardFixture()
        try await fixture.test { client in
            try await client.execute(uri: "/people?q=rosa", method: .get, headers: [.acceptLanguage: "en"]) { response in
                #expect(response.text.contains("Nobody"))
            }
            // A write from elsewhere (the CLI, another phone): the next request sees it.
            _ = try Programme(store: fixture.store).addPerson(name: "Rosa Mármol", plant: "La Gaviota", retired: false, sector: nil)
            try await client.execute(uri: "/people?q=rosa", method: .get, headers: [.acceptLanguage: "en"]) { response in
                #expect(response.text.contains("Rosa Mármol"))
            }
            // The same address in the other language is its own page.
            try await client.execute(uri: "/people?q=rosa", method: .get, headers: [.acceptLanguage: "es"]) { response in
                #expect(response.text.contains("<html lang=\"es\">"))
            }
        }
    }

    /// A phone on a slow network gets the page gzipped when it says it accepts gzip, the same page
    /// once inflated; a client that does not (or refuses it with q=0) gets it plain.
    @Test func pagesAreGzippedForClientsThatAcceptIt() async throws {
        let fixture = try BoardFixture()
        try await fixture.test { client in
            for uri in ["/", "/curricula", "/people?q=rondon"] {
                let plain = try await client.execute(uri: uri, method: .get, headers: [.acceptLanguage: "es"])
                #expect(plain.headers[.contentEncoding] == nil)
                #expect(plain.headers[.vary] == "Accept-Encoding")
                for accepted in ["gzip, deflate, br", "br;q=1.0, gzip;q=0.8", "*"] {
                    let zipped = try await client.execute(uri: uri, method: .get, headers: [.acceptLanguage: "es", .acceptEncoding: accepted])
                    #expect(zipped.headers[.contentEncoding] == "gzip", "\(uri) \(accepted)")
                    #expect(zipped.body.readableBytes < plain.body.readableBytes, "\(uri)")
                    var body = zipped.body
                    let inflated = try body.decompress(with: .gzip())
                    #expect(String(buffer: inflated) == String(buffer: plain.body), "\(uri)")
                    #expect(zipped.headers[.contentSecurityPolicy] != nil)
                }
                let refused = try await client.execute(uri: uri, method: .get, headers: [.acceptLanguage: "es", .acceptEncoding: "gzip;q=0, br"])
                #expect(refused.headers[.contentEncoding] == nil)
            }
            // A session page carries the phone's CSRF token: never compressed.
            try await client.execute(uri: "/sessions/\(fixture.first.rawValue)", method: .get, headers: [.acceptEncoding: "gzip"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentEncoding] == nil)
            }
        }
    }
}
