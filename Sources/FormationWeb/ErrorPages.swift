internal import FormationDomain
internal import FormationUseCases
internal import FormationViews
internal import Hummingbird

/// Every failure as a page in the reader's language with a fitting status: a name that matches
/// nobody is 404, a refused write 409, an unknown address 404; anything else is 500 with a plain
/// sentence, its detail on the server's stderr only, never a stack trace to the phone.
struct ErrorPages<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let language = PageLanguage.of(request)
            let (status, lines) = Self.describe(error, language)
            if status == .internalServerError { context.logger.error("\(request.method) \(request.uri.path): \(error)") }
            let page = Board.page(request, title: Message(.webErrorTitle).text(language), status: status,
                              body: "<h1>\(HTML.escape(Message(.webErrorTitle).text(language)))</h1>\n"
                                + lines.map { "<p class=\"error\">\(HTML.escape($0))</p>\n" }.joined()
                                + "<p><a href=\"/\">\(HTML.escape(Message(.webNowTitle).text(language)))</a></p>\n")
            // HEAD of an unknown address: the status and headers of the page, not its body.
            return request.method == .head ? page.createHeadResponse() : page
        }
    }

    /// The status and the sentences that say what went wrong.
    static func describe(_ error: any Error, _ language: Language) -> (HTTPResponse.Status, [String]) {
        switch error {
        case let refused as ScheduleRefused:
            return (.conflict, refused.conflicts.map { $0.message(refused.names).text(language) })
        case let problems as AttendanceProblems:
            return (.conflict, problems.problems.map { $0.message.text(language) })
        case let lookup as LookupError:
            if case .ambiguous = lookup { return (.conflict, [lookup.message.text(language)]) }
            return (.notFound, [lookup.message.text(language)])
        case let failure as BoardFailure:
            return (failure.status, [failure.message.text(language)])
        case let failure as any LocalizedFailure:
            return (.conflict, [failure.message.text(language)])
        case let http as HTTPError where http.status == .notFound || http.status == .methodNotAllowed:
            return (http.status, [Message(.webNotFound).text(language)])
        case let http as HTTPError where (400..<500).contains(http.status.code):
            return (http.status, [Message(.webBadRequest).text(language)])
        default:
            return (.internalServerError, [Message(.webInternalError).text(language)])
        }
    }
}

/// A failure the board itself decides (a wrong PIN, an expired form), with its status.
struct BoardFailure: Error {
    let status: HTTPResponse.Status
    let message: Message
}
