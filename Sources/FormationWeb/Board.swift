public import FormationUseCases
internal import FormationDomain
internal import FormationViews
internal import Foundation
public import Hummingbird

/// The plant's board: the database served to the plant's own network as pages.
///
/// Like the CLI it only calls use cases and renders what they return. It holds no state of its own
/// but the facilitators' sign-in keys and the wrong-PIN counters, which die with the process.
public struct Board: Sendable {
    let store: FormationStore
    /// Seconds since 1970: passed in so that tests fix the day (the board's "now" and "next").
    let now: @Sendable () -> Int64
    let signing = Signing()
    let pins: PinGuard
    let pages = PageStore()

    /// - Parameters:
    ///   - now: seconds since 1970, asked at each request.
    ///   - pinPolicy: how wrong PINs are slowed down and locked out.
    public init(store: FormationStore, now: @escaping @Sendable () -> Int64 = { Counting.now() }, pinPolicy: PinPolicy = PinPolicy()) {
        self.store = store
        self.now = now
        self.pins = PinGuard(policy: pinPolicy)
    }

    /// Every route of the board. Addresses name records by id or name only: none reaches a file.
    public func router() -> Router<BasicRequestContext> {
        // HEAD answers as GET without the body: link checkers and `curl -I` ask it.
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ErrorPages())
        router.add(middleware: PageCache(board: self, pages: pages))
        router.get("/") { request, _ in try nowAndNext(request) }
        router.get("/battles") { request, _ in try battles(request) }
        router.get("/battles/:battle") { request, context in try battle(request, try context.parameters.require("battle")) }
        router.get("/people") { request, _ in try people(request) }
        router.get("/people/:person") { request, context in try person(request, try context.parameters.require("person")) }
        router.get("/curricula") { request, _ in try curricula(request) }
        router.get("/curricula/:curriculum") { request, context in
            try curriculum(request, try context.parameters.require("curriculum"))
        }
        router.get("/workshops/:curriculum/:workshop") { request, context in
            try workshop(request, try context.parameters.require("curriculum") + "/" + context.parameters.require("workshop"))
        }
        router.get("/sessions/:session") { request, context in
            try session(request, try context.parameters.require("session"))
        }
        // Writes: POST only, each with its CSRF token, all but the PIN behind a facilitator's sign-in.
        for action in SessionAction.allCases {
            router.post("/sessions/:session/\(action.rawValue)") { request, context in
                try await post(action, request, try context.parameters.require("session"))
            }
        }
        return router
    }

    /// A server on `host:port` that stops cleanly on SIGINT and SIGTERM (`runService`).
    public func application(host: String, port: Int) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "formation"))
    }

    /// A page inside the board's frame, in the request's language; the switch keeps the address.
    /// A `?lang=` from the switch is kept in a cookie for the next pages.
    static func page(_ request: Request, title: String, status: HTTPResponse.Status = .ok, body: String) -> Response {
        let language = PageLanguage.of(request)
        var query = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") }.map(String.init)
        query.append("lang=" + language.other.rawValue)
        let switchTo = request.uri.path + "?" + query.joined(separator: "&")
        let html = BoardPage.render(title: title, language: language, switchTo: switchTo, body: body)
        var response = Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .contentLanguage: language.rawValue],
                                body: .init(byteBuffer: ByteBuffer(string: html)))
        if let chosen = PageLanguage.chosen(request) {
            response.setCookie(Cookie(name: "lang", value: chosen.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                                      httpOnly: true, sameSite: .lax))
        }
        return response
    }

    /// A page that is a heading and a list, one `<li>` row an item (the battles, the curricula).
    static func listPage(_ request: Request, title: String, items: [String]) -> Response {
        page(request, title: title, body: "<h1>\(HTML.escape(title))</h1>\n<ul class=\"list\">\n" + items.joined() + "</ul>\n")
    }

    /// A record's address: `/people/<id>`, the id percent-encoded however it is spelt.
    static func link(_ parts: String...) -> String {
        "/" + parts.map { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? "" }
            .joined(separator: "/")
    }

    /// `<a href="…">text</a>` with both escaped.
    static func anchor(_ href: String, _ text: String) -> String {
        "<a href=\"\(HTML.escape(href))\">\(HTML.escape(text))</a>"
    }
}

