internal import FormationDomain
internal import FormationUseCases
internal import FormationViews
internal import Foundation
internal import Hummingbird

/// What a facilitator's phone may ask of a session, each a POST to `/sessions/<id>/<action>`.
enum SessionAction: String, CaseIterable, Sendable {
    /// Enter the battle's PIN: the only action without a sign-in.
    case pin
    /// Mark one person of the session attended or absent.
    case mark
    /// Add someone from the roster (a name, forgiving accents and case, or an id).
    case add
    /// Register a new person at the battle's plant and add them.
    case register
    case cancel
}

/// `/sessions/<id>`: the session, everyone in it, and for a signed-in facilitator the buttons that
/// mark them. Every write goes through the same use cases as `formation attend`, `person add` and
/// `session cancel`, and is logged with the phone's id.
extension Board {
    /// The cookies that say who this phone is and whether it is signed in for a battle.
    struct Phone {
        let id: String
        let isNew: Bool
        let battle: String?
    }

    func phone(_ request: Request) -> Phone {
        if let value = request.cookies["phone"]?.value, let parts = signing.verify(value, parts: 1) {
            var battle: String?
            if let signed = request.cookies["facilitator"]?.value, let sign = signing.verify(signed, parts: 3),
               sign[1] == parts[0], let until = Int64(sign[2]), until > now() {
                battle = sign[0]
            }
            return Phone(id: parts[0], isNew: false, battle: battle)
        }
        return Phone(id: Signing.randomID(), isNew: true, battle: nil)
    }

    /// The CSRF token of this phone's forms.
    func csrf(_ phone: Phone) -> String { signing.mac("csrf." + phone.id) }

    func session(_ request: Request, _ query: String, phone given: Phone? = nil, notices: [String] = [], errors: [String] = [],
                 status: HTTPResponse.Status = .ok) throws -> Response {
        let h = PageWords(request), language = h.language
        let phone = given ?? self.phone(request)
        let roster = try SessionRoster.load(store, session: query.removingPercentEncodingOrSelf)
        let session = roster.session, timetable = roster.timetable
        let signedIn = phone.battle == session.battle.rawValue
        let title = TextViews.text(timetable.title(roster.entry), language)
        let action = Board.link("sessions", session.id.rawValue)
        let token = "<input type=\"hidden\" name=\"csrf\" value=\"\(csrf(phone))\">"
        var body = "<h1>\(session.cancelled ? h(.cancelledMark) + " " : "")\(HTML.escape(title))</h1>\n"
        body += "<p class=\"meta\">\(Board.anchor(Board.link("battles", session.battle.rawValue), timetable.battle.battle.name)) · "
        body += "\(HTML.escape(Views.when(session, timetable.clock, language).capitalizedFirstLetter)) · \(HTML.escape(session.place))</p>\n"
        body += "<p class=\"meta\">\(h(.headingFacilitatorsLabel)): \(HTML.escape(Views.names(roster.entry.facilitators, language))) · "
        body += "<strong id=\"count\">\(h(.webCame, String(roster.entry.attended), String(roster.entry.participants)))</strong></p>\n"
        for line in notices { body += "<p class=\"ok\" role=\"status\">\(HTML.escape(line))</p>\n" }
        for line in errors { body += "<p class=\"error\" role=\"alert\">\(HTML.escape(line))</p>\n" }

        body += "<table>\n<thead><tr><th>\(h(.sheetName))</th><th>\(h(.sheetRole))</th>\(signedIn && !session.cancelled ? "<th></th>" : "")</tr></thead>\n<tbody>\n"
        for person in roster.people {
            let participation = person.participation
            let role = TextViews.t(participation.role == .facilitator ? .roleFacilitator : .roleParticipant, language)
            let state = TextViews.t(Self.statusID(participation.status), language)
            body += "<tr><td>\(HTML.escape(person.name))</td><td>\(HTML.escape(role)) · <span class=\"status\">\(HTML.escape(state))</span></td>"
            if signedIn && !session.cancelled {
                body += "<td>"
                for (status, label) in [(AttendanceStatus.attended, MessageID.webMarkAttended), (.absent, .webMarkAbsent)] {
                    body += "<form class=\"inline\" method=\"post\" action=\"\(action)/mark\">\(token)"
                    body += "<input type=\"hidden\" name=\"person\" value=\"\(HTML.escape(participation.person.rawValue))\">"
                    body += "<input type=\"hidden\" name=\"status\" value=\"\(status.rawValue)\">"
                    body += "<button type=\"submit\"\(participation.status == status ? " disabled" : "")>\(h(label))</button></form> "
                }
                body += "</td>"
            }
            body += "</tr>\n"
        }
        body += "</tbody>\n</table>\n"

        if session.cancelled {
            // Nothing to mark in a cancelled session.
        } else if signedIn {
            body += "<h2>\(h(.webAddPerson))</h2>\n<form method=\"post\" action=\"\(action)/add\">\(token)"
            body += "<input name=\"person\" aria-label=\"\(h(.sheetName))\" required> <button type=\"submit\">\(h(.webAddButton))</button></form>\n"
            body += "<h2>\(h(.webRegisterPerson))</h2>\n<form method=\"post\" action=\"\(action)/register\">\(token)"
            body += "<input name=\"name\" aria-label=\"\(h(.sheetName))\" required> <button type=\"submit\">\(h(.webRegisterButton))</button></form>\n"
            body += "<h2>\(h(.webCancelSession))</h2>\n<form method=\"post\" action=\"\(action)/cancel\">\(token)"
            body += "<button type=\"submit\">\(h(.webCancelSession))</button></form>\n"
        } else {
            body += "<h2>\(h(.webPinLabel))</h2>\n<form method=\"post\" action=\"\(action)/pin\">\(token)"
            body += "<input name=\"pin\" type=\"password\" inputmode=\"numeric\" autocomplete=\"off\" pattern=\"[0-9]*\" aria-label=\"PIN\" required> "
            body += "<button type=\"submit\">\(h(.webPinEnter))</button></form>\n"
        }
        var response = Board.page(request, title: title, status: status, body: body)
        if phone.isNew {
            response.setCookie(Cookie(name: "phone", value: signing.sign([phone.id]), maxAge: 365 * 24 * 3600, path: "/",
                                      httpOnly: true, sameSite: .strict))
        }
        return response
    }

    static func statusID(_ status: AttendanceStatus) -> MessageID {
        switch status {
        case .registered: .logStatusRegistered
        case .attended: .logStatusAttended
        case .absent: .logStatusAbsent
        }
    }

    /// One write: the form's token checked, then the sign-in, then the use case; the answer is the
    /// session's page again with what was done, or what was refused and why.
    func post(_ action: SessionAction, _ request: Request, _ query: String) async throws -> Response {
        let language = PageLanguage.of(request)
        let buffer = try await request.body.collect(upTo: FormBody.limit)
        let form = FormBody(String(buffer: buffer))
        let phone = phone(request)
        guard !phone.isNew, let token = form["csrf"], Signing.equal(token, csrf(phone)) else {
            throw BoardFailure(status: .forbidden, message: Message(.webFormExpired))
        }
        let roster = try SessionRoster.load(store, session: query.removingPercentEncodingOrSelf)
        let sessionID = roster.session.id.rawValue, battle = roster.session.battle.rawValue
        if action == .pin { return try await signIn(request, sessionID, battle: battle, pin: form["pin"] ?? "", phone: phone) }
        guard phone.battle == battle else { throw BoardFailure(status: .forbidden, message: Message(.webPinLabel)) }

        var writer = store
        writer.change = ChangeDescription(command: "formation serve: POST /sessions/\(sessionID)/\(action.rawValue) (phone \(phone.id.prefix(8)))",
                                          user: "board")
        let scheduling = Scheduling(store: writer)
        var notices: [String] = []
        do {
            switch action {
            case .pin:
                break
            case .mark:
                guard let person = form["person"], let status = form["status"].flatMap(AttendanceStatus.init(rawValue:)) else {
                    throw BoardFailure(status: .badRequest, message: Message(.webBadRequest))
                }
                let outcome = try scheduling.attend(session: sessionID, entries: [AttendanceEntry(person: person, status: status)], role: nil, force: false)
                let name = roster.people.first { $0.participation.person.rawValue == person }?.name ?? person
                notices.append(Message(.webMarked, name, TextViews.t(Self.statusID(status), language)).text(language))
                notices += outcome.notices.map { $0.text(language) }
            case .add:
                let person = (form["person"] ?? "").trimmingCharacters(in: .whitespaces)
                let outcome = try scheduling.attend(session: sessionID, entries: [AttendanceEntry(person: person, status: nil)], role: nil, force: false)
                notices.append(Message(.webRegistered, person).text(language))
                notices += outcome.notices.map { $0.text(language) }
            case .register:
                let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
                let id = try Programme(store: writer).addPerson(name: name, plant: roster.timetable.battle.battle.plant.rawValue, retired: false, sector: nil)
                _ = try scheduling.attend(session: sessionID, entries: [AttendanceEntry(person: id.rawValue, status: nil)], role: nil, force: false)
                notices.append(Message(.webRegistered, name).text(language))
            case .cancel:
                _ = try scheduling.cancel(session: sessionID)
                notices.append(Message(.webCancelled).text(language))
            }
        } catch {
            let (status, lines) = ErrorPages<BasicRequestContext>.describe(error, language)
            return try session(request, sessionID, phone: phone, errors: lines, status: status)
        }
        return try session(request, sessionID, phone: phone, notices: notices)
    }

    /// The PIN form: locked battles refuse at once; a wrong PIN waits longer each time; the right
    /// one signs the phone in for the battle (a signed, HttpOnly, SameSite=Strict cookie, 14 days).
    func signIn(_ request: Request, _ session: String, battle: String, pin: String, phone: Phone) async throws -> Response {
        let language = PageLanguage.of(request)
        if let wait = await pins.locked(battle, now: now()) {
            let minutes = String((wait + 59) / 60)
            return try self.session(request, session, phone: phone, errors: [Message(.webPinLocked, minutes).text(language)], status: .tooManyRequests)
        }
        guard let right = try FacilitatorPIN(store: store).check(battle: EntityID(trusted: battle), pin: pin) else {
            return try self.session(request, session, phone: phone, errors: [Message(.webPinMissing).text(language)], status: .conflict)
        }
        guard right else {
            let delay = await pins.failed(battle, now: now())
            if delay > 0 { try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000)) }
            return try self.session(request, session, phone: phone, errors: [Message(.webPinWrong).text(language)], status: .forbidden)
        }
        await pins.succeeded(battle)
        let days: Int64 = 14
        let signed = Phone(id: phone.id, isNew: false, battle: battle)
        var response = try self.session(request, session, phone: signed)
        response.setCookie(Cookie(name: "facilitator", value: signing.sign([battle, phone.id, String(now() + days * 86_400)]),
                                  maxAge: Int(days * 86_400), path: "/", httpOnly: true, sameSite: .strict))
        return response
    }
}
