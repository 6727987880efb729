internal import FormationDomain
internal import FormationViews
internal import Hummingbird

/// A page's words in the reader's language, escaped for HTML (`h(.webPeople)`): one helper for
/// every page instead of one written inside each.
struct PageWords {
    let language: Language

    init(_ request: Request) { language = PageLanguage.of(request) }

    func callAsFunction(_ id: MessageID, _ arguments: String...) -> String { HTML.escape(TextViews.t(id, language, arguments)) }
}
