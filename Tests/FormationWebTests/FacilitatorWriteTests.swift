import FormationDomain
import FormationUseCases
import FormationWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// Facilitators' writes: only POST, only with the form's token, only after the battle's PIN; wrong
/// PINs are counted and then locked out; every write goes through the use cases and is logged with
/// the phone.
@Suite struct FacilitatorWriteTests {
    static let pin = "4821"

    /// The fixture with a PIN, and a board that does not wait after a wrong PIN (the lock is what is tested).
    func setUp() throws -> BoardFixture {
        let fixture = try BoardFixture()
        _ = try FacilitatorPIN(store: fixture.store).set(battle: fixture.battle.rawValue, pin: Self.pin)
        return fixture
    }

    func app(_ fixture: BoardFixture) -> some ApplicationProtocol {
        Application(router: Board(store: fixture.store, now: { BoardFixture.now },
                                  pinPolicy: PinPolicy(delayPerFailure: 0, lockAfter: 3, lockSeconds: 600)).router())
    }

    /// The cookies a response sets, as a `Cookie` header for the next request (merged with `jar`).
    static func cookies(_ response: TestResponse, _ jar: String = "") -> String {
        var pairs: [String: String] = [:]
        for part in jar.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2 { pairs[pair[0]] = pair[1] }
        }
        for value in response.headers[values: .setCookie] {
            let first = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            if first.count == 2 { pairs[first[0]] = first[1] }
        }
        return pairs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }

    static func csrf(_ page: String) -> String {
        guard let range = page.range(of: "name=\"csrf\" value=\"") else { return "" }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    static func form(_ fields: [String: String]) -> ByteBuffer {
        ByteBuffer(string: fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .joined(separator: "&"))
    }

    static let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .acceptLanguage: "en"]

    @Test func aPhoneWithoutThePINSeesNoButtonsAndGetsAPhoneCookie() async throws {
        let fixture = try setUp()
        try await app(fixture).test(.router) { client in
            try await client.execute(uri: "/sessions/\(fixture.first.rawValue)", method: .get, headers: [.acceptLanguage: "en"]) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Facilitator PIN of this battle"))
                #expect(!response.text.contains("/mark\""))
                let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("phone=") })
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            }
        }
    }

    @Test func theRightPINSignsThePhoneInAndMarkingChangesTheCountAndTheLog() async throws {
        let fixture = try setUp()
        try await app(fixture).test(.router) { client in
            let first = try await client.execute(uri: "/sessions/\(fixture.first.rawValue)", method: .get)
            var jar = Self.cookies(first)
            let token = Self.csrf(first.text)
            let signedIn = try await client.execute(uri: "/sessions/\(fixture.first.rawValue)/pin", method: .post,
                                                    headers: Self.formType + [.cookie: jar], body: Self.form(["csrf": token, "pin": Self.pin]))
            #expect(signedIn.status == .ok)
            #expect(signedIn.text.contains("/mark\""))
            let cookie = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("facilitator=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            jar = Self.cookies(signedIn, jar)
            #expect(signedIn.text.contains("1 of 2 came"))

            let rondon = fixture.people["José Rondón"]!.rawValue
            let marked = try await client.execute(uri: "/sessions/\(fixture.first.rawValue)/mark", method: .post, headers: Self.formType + [.cookie: jar],
                                                  body: Self.form(["csrf": token, "person": rondon, "status": "attended"]))
            #expect(marked.status == .ok)
            #expect(marked.text.contains("José Rondón: attended"))
            #expect(marked.text.contains("2 of 2 came"))

            let added = try await client.execute(uri: "/sessions/\(fixture.first.rawValue)/add", method: .post, headers: Self.formType + [.cookie: jar],
                                                 body: Self.form(["csrf": token, "person": "maria perez"]))
            // María Pérez facilitates this session: the use case says so, as `formation attend` would.
            #expect(added.status == .ok || added.status == .conflict)

            let registered = try await client.execute(uri: "/sessions/\(fixture.first.rawValue)/register", method: .post,
                                                      headers: Self.formType + [.cookie: jar], body: Self.form(["csrf": token, "name": "Rosa Mármol"]))
            #expect(registered.text.contains("registered Rosa Mármol"))
            #expect(registered.text.contains("2 of 3 came"))
        }
        let log = try ChangeLog(store: fixture.store).lines()
        #expect(log.contains { $0.command.contains("/mark") && $0.command.contains("phone ") && $0.user == "board" })
        let roster = try SessionRoster.load(fixture.store, session: fixture.first.rawValue)
        #expect(roster.people.first { $0.name == "José Rondón" }?.participation.status == .attended)
    }

    @Test func writesNeedTheTokenTheSignInAndPOST() async throws {
        let fixture = try setUp()
        try await app(fixture).test(.router) { client in
            let first = try await client.execute(uri: "/sessions/\(fixture.first.rawValue)", method: .get)
            let jar = Self.cookies(first)
            let token = Self.csrf(first.text)
            let rondon = fixture.people["José Rondón"]!.rawValue
            // No token, a forged one, no phone cookie.
            for (headers, fields) in [(Self.formType + [.cookie: jar], ["person": rondon, "status": "attended"]),
                                      (Self.formType + [.cookie: jar], ["csrf": String(repeating: "0", count: 64), "person": rondon, "status": "attended"]),
                                      (Self.formType, ["csrf": token, "person": rondon, "status": "attended"])] {
                let response = try await client.execute(uri: "/sessions/\(fixture.first.rawValue)/mark", method: .post, headers: headers,
                                                        body: Self.form(fields))
                #expect(response.status == .forbidden)
                #expect(response.text.contains("This form has expired"))
            }
            // The token but no sign-in.
            let unsigned = try await client.execute(uri: "/sessions/\(fixture.first.rawValue)/mark", method: .post, headers: Self.formType + [.cookie: jar],
                                                    body: Self.form(["csrf": token, "person": rondon, "status": "attended"]))
            #expect(unsigned.status == .forbidden)
            // Never through GET.
            let viaGet = try await client.execute(uri: "/sessions/\(fixture.first.rawValue)/mark?person=\(rondon)&status=attended", method: .get)
            #expect(viaGet.status == .notFound || viaGet.status == .methodNotAllowed)
        }
        let roster = try SessionRoster.load(fixture.store, session: fixture.first.rawValue)
        #expect(roster.people.first { $0.name == "José Rondón" }?.participation.status == .registered)
    }

    @Test func wrongPINsAreCountedThenTheBattleIsLocked() async throws {
        let fixture = try setUp()
        try await app(fixture).test(.router) { client in
            let first = try await client.execute(uri: "/sessions/\(fixture.first.rawValue)", method: .get)
            let jar = Self.cookies(first)
            let token = Self.csrf(first.text)
            for _ in 0..<3 {
                let wrong = try await client.execute(uri: "/sessions/\(fixture.first.rawValue)/pin", method: .post, headers: Self.formType + [.cookie: jar],
                                                     body: Self.form(["csrf": token, "pin": "0000"]))
                #expect(wrong.status == .forbidden)
                #expect(wrong.text.contains("Wrong PIN."))
            }
            // Locked: even the right PIN is refused for the next ten minutes.
            let locked = try await client.execute(uri: "/sessions/\(fixture.first.rawValue)/pin", method: .post, headers: Self.formType + [.cookie: jar],
                                                  body: Self.form(["csrf": token, "pin": Self.pin]))
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("try again in 10 minutes"))
            #expect(!locked.headers[values: .setCookie].contains { $0.hasPrefix("facilitator=") })
        }
    }

    @Test func aPINIsFourToTwelveDigitsAndIsStoredHashed() throws {
        let fixture = try BoardFixture()
        let pins = FacilitatorPIN(store: fixture.store)
        #expect(try pins.check(battle: fixture.battle, pin: "1234") == nil)
        for bad in ["123", "1234567890123", "12a4", "١٢٣٤"] {
            #expect(throws: PINRefused.invalid) { try pins.set(battle: fixture.battle.rawValue, pin: bad) }
        }
        _ = try pins.set(battle: fixture.battle.rawValue, pin: "123456")
        #expect(try pins.check(battle: fixture.battle, pin: "123456") == true)
        #expect(try pins.check(battle: fixture.battle, pin: "123457") == false)
        #expect(try fixture.store.pinHash(battle: fixture.battle)?.hasPrefix("$argon2id$") == true)
    }
}

extension HTTPFields {
    static func + (lhs: HTTPFields, rhs: HTTPFields) -> HTTPFields {
        var fields = lhs
        fields.append(contentsOf: rhs)
        return fields
    }
}
