internal import CompressNIO
internal import FormationDomain
internal import FormationUseCases
internal import Hummingbird

/// Read pages kept once rendered, until the database changes or the minute turns, each kept gzipped
/// too for the phones that accept it.
///
/// A page is a function of the database, the reader's language and the time, so a copy rendered
/// for (address, language) stays right while the change log's newest number and the current
/// minute stay the same: 200 phones reading the same now-and-next cost one rendering a minute,
/// not 200 (BENCHMARKS.md). Every write of `formation` (CLI, board, import, undo) adds a change-log
/// entry, so a write anywhere shows at the next request. Session pages carry a phone's own CSRF
/// token and are never kept (nor gzipped: a secret beside text an attacker chooses must not be
/// compressed, the BREACH attack); only 200 answers are.
struct PageCache<Context: RequestContext>: RouterMiddleware {
    let board: Board
    let pages: PageStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get, !request.uri.path.hasPrefix("/sessions") else { return try await next(request, context) }
        let version = try ChangeLog(store: board.store).lastNumber()
        let key = PageStore.Key(uri: request.uri.description, language: PageLanguage.of(request), version: version,
                                minute: board.now() / 60)
        let gzip = Self.acceptsGzip(request)
        if let kept = await pages.page(key) { return kept.response(gzip: gzip) }
        let response = try await next(request, context)
        guard response.status == .ok else { return response }
        let kept = try await KeptPage(response)
        await pages.keep(kept, key)
        return kept.response(gzip: gzip)
    }

    /// Whether `Accept-Encoding` names gzip (or `*`) without `q=0`.
    static func acceptsGzip(_ request: Request) -> Bool {
        request.headers[values: .acceptEncoding].flatMap { $0.split(separator: ",") }.contains { entry in
            let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, coding == "gzip" || coding == "*" else { return false }
            return !parts.dropFirst().contains { parameter in
                parameter.hasPrefix("q=") && Double(parameter.dropFirst(2).trimmingCharacters(in: .whitespaces)) == 0
            }
        }
    }
}

/// A rendered page as bytes, plain and gzipped, with the status and headers it was rendered with.
struct KeptPage: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let plain: ByteBuffer
    let gzipped: ByteBuffer

    init(_ response: Response) async throws {
        let collector = BodyCollector()
        try await response.body.write(collector)
        status = response.status
        var headers = response.headers
        headers[.vary] = "Accept-Encoding"
        headers[.contentLength] = nil
        self.headers = headers
        plain = collector.buffer
        var source = collector.buffer
        gzipped = try source.compress(with: .gzip())
    }

    func response(gzip: Bool) -> Response {
        var headers = headers
        if gzip { headers[.contentEncoding] = "gzip" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: gzip ? gzipped : plain))
    }
}

/// Collects what a response body writes, to keep it.
private final class BodyCollector: ResponseBodyWriter {
    var buffer = ByteBuffer()

    func write(_ part: ByteBuffer) async throws {
        buffer.writeImmutableBuffer(part)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
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
    private var pages: [Key: KeptPage] = [:]
    private var current: (version: Int, minute: Int64)?

    func page(_ key: Key) -> KeptPage? { pages[key] }

    func keep(_ page: KeptPage, _ key: Key) {
        if current.map({ $0 != (key.version, key.minute) }) ?? true {
            // A newer state: what was kept describes an older database or minute.
            if let current, (key.version, key.minute) < (current.version, current.minute) { return }
            pages.removeAll(keepingCapacity: true)
            current = (key.version, key.minute)
        }
        if pages.count >= Self.limit { pages.removeAll(keepingCapacity: true) }
        pages[key] = page
    }
}
