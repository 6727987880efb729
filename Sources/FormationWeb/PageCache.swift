internal import FormationDomain
internal import FormationUseCases
public import Hummingbird

/// Read pages kept once rendered, until the database changes or the minute turns.
///
/// A page is a function of the database, the reader's language and the time, so a copy rendered
/// for (address, language) stays right while the change log's newest number and the current
/// minute stay the same: 200 phones reading the same now-and-next cost one rendering a minute,
/// not 200 (BENCHMARKS.md). Every write of `formation` (CLI, board, import, undo) adds a change-log
/// entry, so a write anywhere shows at the next request. Session pages carry a phone's own CSRF
/// token and are never kept; only 200 answers are.
struct PageCache<Context: RequestContext>: RouterMiddleware {
    let board: Board
    let pages: PageStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get, !request.uri.path.hasPrefix("/sessions") else { return try await next(request, context) }
        let version = try ChangeLog(store: board.store).lastNumber()
        let key = PageStore.Key(uri: request.uri.description, language: PageLanguage.of(request), version: version,
                                minute: board.now() / 60)
        if let kept = await pages.page(key) { return kept }
        let response = try await next(request, context)
        if response.status == .ok { await pages.keep(response, key) }
        return response
    }
}

/// The kept pages: at most `limit`, all dropped when a newer version or minute arrives.
actor PageStore {
    struct Key: Hashable {
        let uri: String
        let language: FormationDomain.Language
        let version: Int
        let minute: Int64
    }

    static let limit = 2_000
    private var pages: [Key: Response] = [:]
    private var current: (version: Int, minute: Int64)?

    func page(_ key: Key) -> Response? { pages[key] }

    func keep(_ response: Response, _ key: Key) {
        if current.map({ $0 != (key.version, key.minute) }) ?? true {
            // A newer state: what was kept describes an older database or minute.
            if let current, (key.version, key.minute) < (current.version, current.minute) { return }
            pages.removeAll(keepingCapacity: true)
            current = (key.version, key.minute)
        }
        if pages.count >= Self.limit { pages.removeAll(keepingCapacity: true) }
        pages[key] = response
    }
}
